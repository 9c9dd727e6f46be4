// plantrack plugins list [FILE] | plugins check PATH
#include <iomanip>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "language.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/plan_cache.hpp"
#include "plugins.hpp"

namespace plantrack::cli {
namespace {

std::string default_text(const sdk::SettingSpec& s) {
  return s.default_value ? tr("default {value}", {{"value", s.default_value}}) : tr("required");
}

void print_library(const LibraryInfo& info) {
  std::cout << info.path << "\n";
  if (!info.sha256.empty()) std::cout << "  sha256: " << info.sha256 << "\n";
  if (!info.problem.empty()) return;
  std::cout << "  "
            << tr("library: {library} {version}, plugin ABI {abi} (this plantrack loads {loads})",
                  {{"library", info.library},
                   {"version", info.version},
                   {"abi", *info.abi},
                   {"loads", sdk::kAbiVersion}})
            << "\n";
  for (const LibraryInfo::Plugin& p : info.plugins) {
    std::cout << "  "
              << tr("plugin \"{name}\" ({kinds}): {help}",
                    {{"name", p.name}, {"kinds", kinds_text(p.kinds)}, {"help", p.help}})
              << "\n";
    for (const sdk::SettingSpec& s : p.settings) {
      std::string range;
      for (const sdk::SettingRange& r : p.ranges) {
        if (std::string_view(r.setting) != s.name) continue;
        std::ostringstream min, max;
        min << std::setprecision(15) << r.min;
        max << std::setprecision(15) << r.max;
        range = ", " + tr("from {min} to {max}", {{"min", min.str()}, {"max", max.str()}});
      }
      std::cout << "    "
                << tr("setting {name}: {type}", {{"name", s.name}, {"type", to_string(s.type)}})
                << ", " << default_text(s) << range << (s.help ? std::string(" - ") + s.help : "")
                << "\n";
    }
  }
}

ExitCode run_check(const std::string& path) {
  PluginHost host(plugin_search_path(plugin_options().search));
  LibraryInfo info = host.inspect(path);
  print_library(info);
  if (info.problem.empty()) return kOk;
  std::cerr << tr("plantrack plugins check: error: {problem}", {{"problem", info.problem}})
            << "\n  " << tr("fix: {fix}", {{"fix", info.fix}}) << "\n";
  return kInvalidInput;
}

ExitCode run_list(const std::string& file) {
  std::vector<std::string> search = plugin_search_path(plugin_options().search);
  PluginHost host(search);
  std::vector<LibraryInfo> found = host.discover();
  std::string dirs;
  for (const std::string& dir : search) dirs += " " + dir;
  std::cout << tr("search path:{dirs}", {{"dirs", dirs}}) << "\n";
  std::optional<CachedPlan> plan;
  if (!file.empty()) {
    speak_plan_language(file);
    plan = load_plan_cached(file);
    if (!plan->loaded.ok()) {
      std::cerr << tr("{file}: invalid plan; run 'plantrack validate {file}'", {{"file", file}})
                << "\n";
      return kInvalidInput;
    }
  }
  auto configured = [&](const std::string& name) -> std::string {
    if (!plan) return {};
    for (const PluginConfig& c : plan->loaded.plan.plugins) {
      if (c.name == name) {
        return "  " +
               tr("[configured at {where}]", {{"where", file + ":" + std::to_string(c.where.line) +
                                                            ":" + std::to_string(c.where.column)}});
      }
    }
    return {};
  };
  int problems = 0;
  for (const LibraryInfo& info : found) {
    if (!info.problem.empty()) {
      std::cout << tr("unusable  {path}", {{"path", info.path}}) << "\n  " << info.problem << "\n  "
                << tr("fix: {fix}", {{"fix", info.fix}}) << "\n";
      ++problems;
      continue;
    }
    for (const LibraryInfo::Plugin& p : info.plugins) {
      std::cout << tr("{name}  {version}  {kinds}  ABI {abi} ok  {path}",
                      {{"name", p.name},
                       {"version", info.version},
                       {"kinds", kinds_text(p.kinds)},
                       {"abi", *info.abi},
                       {"path", info.path}})
                << configured(p.name) << "\n";
    }
  }
  if (plan) {
    for (const PluginConfig& c : plan->loaded.plan.plugins) {
      bool present = false;
      for (const LibraryInfo& info : found) {
        for (const LibraryInfo::Plugin& p : info.plugins) present = present || p.name == c.name;
      }
      if (!present && c.path.empty()) {
        std::cout << tr("{name}  NOT FOUND  [configured at {where}]",
                        {{"name", c.name},
                         {"where", file + ":" + std::to_string(c.where.line) + ":" +
                                       std::to_string(c.where.column)}})
                  << "\n";
        ++problems;
      }
    }
  }
  return problems ? kInvalidInput : kOk;
}

}  // namespace

Command add_plugins_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("plugins", tr("List plugins, or check one plugin library"));
  cmd->require_subcommand(1);
  auto file = std::make_shared<std::string>();
  auto path = std::make_shared<std::string>();
  CLI::App* list = cmd->add_subcommand("list", tr("Plugins found on the search path"));
  list->add_option("FILE", *file, tr("A plan: also show where its plugins are configured"));
  CLI::App* check = cmd->add_subcommand("check", tr("Diagnose one plugin library"));
  check->add_option("PATH", *path, tr("The library (.so)"))->required();
  return [list, check, file, path] {
    if (check->parsed()) return run_check(*path);
    if (list->parsed()) return run_list(*file);
    return kUsage;
  };
}

}  // namespace plantrack::cli
