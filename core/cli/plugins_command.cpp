// plantrack plugins list [FILE] | plugins check PATH
#include <iomanip>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "language.hpp"
#include "plantrack/plan_cache.hpp"
#include "plugins.hpp"

namespace plantrack::cli {
namespace {

std::string default_text(const sdk::SettingSpec& s) {
  return s.default_value ? std::string("default ") + s.default_value : std::string("required");
}

void print_library(const LibraryInfo& info) {
  std::cout << info.path << "\n";
  if (!info.sha256.empty()) std::cout << "  sha256: " << info.sha256 << "\n";
  if (!info.problem.empty()) return;
  std::cout << "  library: " << info.library << " " << info.version << ", plugin ABI " << *info.abi
            << " (this plantrack loads " << sdk::kAbiVersion << ")\n";
  for (const LibraryInfo::Plugin& p : info.plugins) {
    std::cout << "  plugin \"" << p.name << "\" (" << kinds_text(p.kinds) << "): " << p.help
              << "\n";
    for (const sdk::SettingSpec& s : p.settings) {
      std::string range;
      for (const sdk::SettingRange& r : p.ranges) {
        if (std::string_view(r.setting) != s.name) continue;
        std::ostringstream text;
        text << std::setprecision(15) << ", from " << r.min << " to " << r.max;
        range = text.str();
      }
      std::cout << "    setting " << s.name << ": " << to_string(s.type) << ", " << default_text(s)
                << range << (s.help ? std::string(" - ") + s.help : "") << "\n";
    }
  }
}

ExitCode run_check(const std::string& path) {
  PluginHost host(plugin_search_path(plugin_options().search));
  LibraryInfo info = host.inspect(path);
  print_library(info);
  if (info.problem.empty()) return kOk;
  std::cerr << "plantrack plugins check: error: " << info.problem << "\n  fix: " << info.fix
            << "\n";
  return kInvalidInput;
}

ExitCode run_list(const std::string& file) {
  std::vector<std::string> search = plugin_search_path(plugin_options().search);
  PluginHost host(search);
  std::vector<LibraryInfo> found = host.discover();
  std::cout << "search path:";
  for (const std::string& dir : search) std::cout << " " << dir;
  std::cout << "\n";
  std::optional<CachedPlan> plan;
  if (!file.empty()) {
    speak_plan_language(file);
    plan = load_plan_cached(file);
    if (!plan->loaded.ok()) {
      std::cerr << file << ": invalid plan; run 'plantrack validate " << file << "'\n";
      return kInvalidInput;
    }
  }
  auto configured = [&](const std::string& name) -> std::string {
    if (!plan) return {};
    for (const PluginConfig& c : plan->loaded.plan.plugins) {
      if (c.name == name) {
        return "  [configured at " + file + ":" + std::to_string(c.where.line) + ":" +
               std::to_string(c.where.column) + "]";
      }
    }
    return {};
  };
  int problems = 0;
  for (const LibraryInfo& info : found) {
    if (!info.problem.empty()) {
      std::cout << "unusable  " << info.path << "\n  " << info.problem << "\n  fix: " << info.fix
                << "\n";
      ++problems;
      continue;
    }
    for (const LibraryInfo::Plugin& p : info.plugins) {
      std::cout << p.name << "  " << info.version << "  " << kinds_text(p.kinds) << "  ABI "
                << *info.abi << " ok  " << info.path << configured(p.name) << "\n";
    }
  }
  if (plan) {
    for (const PluginConfig& c : plan->loaded.plan.plugins) {
      bool present = false;
      for (const LibraryInfo& info : found) {
        for (const LibraryInfo::Plugin& p : info.plugins) present = present || p.name == c.name;
      }
      if (!present && c.path.empty()) {
        std::cout << c.name << "  NOT FOUND  [configured at " << file << ":" << c.where.line << ":"
                  << c.where.column << "]\n";
        ++problems;
      }
    }
  }
  return problems ? kInvalidInput : kOk;
}

}  // namespace

Command add_plugins_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("plugins", "List plugins, or check one plugin library");
  cmd->require_subcommand(1);
  auto file = std::make_shared<std::string>();
  auto path = std::make_shared<std::string>();
  CLI::App* list = cmd->add_subcommand("list", "Plugins found on the search path");
  list->add_option("FILE", *file, "A plan: also show where its plugins are configured");
  CLI::App* check = cmd->add_subcommand("check", "Diagnose one plugin library");
  check->add_option("PATH", *path, "The library (.so)")->required();
  return [list, check, file, path] {
    if (check->parsed()) return run_check(*path);
    if (list->parsed()) return run_list(*file);
    return kUsage;
  };
}

}  // namespace plantrack::cli
