#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "commands.hpp"
#include "language.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/load.hpp"
#include "plantrack/status.hpp"
#include "plantrack/tracker.hpp"
#include "plantrack/year_plan.hpp"
#include "plugins.hpp"

namespace plantrack::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool notify = false;  ///< send plan-validated to the plan's notifiers
};

std::string summary(const LoadResult& r) {
  std::size_t errors = count_errors(r.diagnostics), warnings = count_warnings(r.diagnostics);
  if (errors > 0) {
    return tr("{file}: invalid: {errors}, {warnings}",
              {{"file", r.source.path()},
               {"errors", trn("{n} error", "{n} errors", errors)},
               {"warnings", trn("{n} warning", "{n} warnings", warnings)}});
  }
  return tr("{file}: valid ({tasks} in {stages}, {sources}), {warnings}",
            {{"file", r.source.path()},
             {"tasks", trn("{n} task", "{n} tasks", r.plan.tasks.size())},
             {"stages", trn("{n} stage", "{n} stages", r.plan.stages.size())},
             {"sources", trn("{n} funding source", "{n} funding sources", r.plan.funding.size())},
             {"warnings", trn("{n} warning", "{n} warnings", warnings)}});
}

// A valid plan's plugins are loaded too: their settings are part of the plan. Problems join the
// plan's diagnostics.
std::unique_ptr<PluginHost> check_plugins(LoadResult& result, const std::string& file) {
  if (!result.ok() || result.plan.plugins.empty() || plugin_options().disabled) return nullptr;
  auto host = std::make_unique<PluginHost>(plugin_search_path(plugin_options().search));
  DiagnosticSink sink(file);
  if (host->load_plan_plugins(result.plan, file, sink)) return host;
  for (Diagnostic& d : sink.take_sorted()) result.diagnostics.push_back(std::move(d));
  return nullptr;
}

ExitCode run_validate(const ValidateOptions& options) {
  bool all_valid = true;
  ExitCode plugin_code = kOk;
  std::vector<Diagnostic> all;
  for (const std::string& file : options.files) {
    speak_plan_language(file);
    LoadResult result = load_plan_file(file);
    if (result.ok() && result.plan.info.is_year_plan()) {
      ProgrammeCheck check = check_programme(result.plan, file, load_plan_file);
      if (check.problem) result.diagnostics.push_back(std::move(*check.problem));
    }
    std::unique_ptr<PluginHost> plugins = check_plugins(result, file);
    spdlog::debug("checked {}: {} tasks, {} diagnostics", file, result.plan.tasks.size(),
                  result.diagnostics.size());
    all_valid = all_valid && result.ok();
    if (options.format == "json") {
      all.insert(all.end(), result.diagnostics.begin(), result.diagnostics.end());
    } else {
      std::cerr << render_text(result.diagnostics, result.source);
      std::cout << summary(result) << std::endl;  // keep file order when stdout and stderr meet
    }
    if (plugins && result.ok() && options.notify) {
      std::vector<PluginFailure> failed =
          notify_validated(*plugins, result.plan, summary(result), today());
      if (print_notify_failures(failed, "validate") != kOk) plugin_code = kPluginFailed;
    }
    plugins.reset();
    keep_until_exit(std::move(result));
  }
  if (options.format == "json") std::cout << render_json(all);
  return all_valid ? plugin_code : kInvalidInput;
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* cmd =
      app.add_subcommand("validate", tr("Check plan files and report every problem found"));
  cmd->add_option("FILE", options->files, tr("Plan files (TOML) to check"))->required();
  cmd->add_option("--format", options->format, tr("Output format"))
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--notify", options->notify,
                tr("Send the plan-validated event to the plan's notifiers (without it, validate "
                   "writes nothing and uses no network)"));
  cmd->footer(tr(
      "Exit status: 0 when every file is valid (warnings allowed), 1 when any file has errors,\n"
      "2 on a usage error, 4 when the files are valid but a plugin failed on the plan-validated\n"
      "event (--notify). Text diagnostics go to stderr, one summary line per file to stdout."));
  return [options] { return run_validate(*options); };
}

}  // namespace plantrack::cli
