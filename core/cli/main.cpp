// plantrack: the command-line interface. Thin: parse arguments, call the core, render, exit code.
#include <CLI/CLI.hpp>

#include <malloc.h>
#include <algorithm>
#include <exception>
#include <iostream>
#include <map>
#include <string_view>
#include <vector>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "commands.hpp"
#include "heap.hpp"
#include "language.hpp"
#include "plantrack/diagnostic.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/store.hpp"
#include "plugins.hpp"
#include "tracking.hpp"

namespace {

using plantrack::tr;

// CLI11's own words in help: its labels, the help flag, the group titles. Called before the
// commands are made, which inherit the help flag's text and the formatter.
void speak_in_help(CLI::App& app) {
  std::shared_ptr<CLI::FormatterBase> formatter = app.get_formatter();
  formatter->label("Usage", tr("Usage"));
  formatter->label("OPTIONS", tr("OPTIONS"));
  formatter->label("SUBCOMMAND", tr("SUBCOMMAND"));
  formatter->label("Positionals", tr("Positionals"));
  formatter->label("REQUIRED", tr("REQUIRED"));
  app.option_defaults()->group(tr("Options"));
  app.set_help_flag("-h,--help", tr("Print this help message and exit"));
  app.group(tr("Subcommands"));
}

// A command's help flag is made before it inherits the option group: give it the group too.
void name_option_groups(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) {
    for (CLI::Option* option : sub->get_options()) {
      if (option->get_group() == "Options") option->group(tr("Options"));
    }
  }
}

// The command word: the first argument that is neither a global option nor its value
// (`plantrack --lang vi status ...`); nullptr when there is none.
const char* first_command(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--lang" || arg == "--plugin-path") {
      ++i;  // its value
    } else if (arg.empty() || arg[0] != '-') {
      return argv[i];
    }
  }
  return nullptr;
}

std::vector<std::string_view> command_names(CLI::App& app) {
  std::vector<std::string_view> names;
  for (CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

int unknown_command(CLI::App& app, const std::string& name) {
  std::string hint = plantrack::suggest(name, command_names(app));
  std::string fix = hint.empty()
                        ? tr("run 'plantrack --help' for the list of commands")
                        : tr("did you mean \"{command}\"? run 'plantrack --help' for the list of "
                             "commands",
                             {{"command", hint}});
  std::cerr << tr("plantrack: unknown command \"{command}\"", {{"command", name}}) << "\n  "
            << tr("fix: {fix}", {{"fix", fix}}) << "\n";
  return plantrack::to_int(plantrack::ExitCode::kUsage);
}

// CLI11 says what is wrong ("FILE is required"); we add which command and where to read more.
int usage_error(CLI::App& app, const std::string& what) {
  std::string command;
  for (CLI::App* sub : app.get_subcommands()) command = sub->get_name();
  std::string where = command.empty() ? "plantrack" : "plantrack " + command;
  std::cerr << tr("{where}: usage error: {what}", {{"where", where}, {"what", what}}) << "\n  "
            << tr("fix: {fix}",
                  {{"fix", command.empty() ? tr("run 'plantrack help' for the list of commands")
                                           : tr("run 'plantrack help {command}' for the options",
                                                {{"command", command}})}})
            << "\n";
  return plantrack::to_int(plantrack::ExitCode::kUsage);
}

int run(int argc, char** argv) {
  if (!plantrack::cli::choose_language(argc, argv)) {
    return plantrack::to_int(plantrack::ExitCode::kUsage);
  }
  CLI::App app(tr("plantrack: plans, progress and money of multi-year programmes.") + "\n" +
                   tr("Run 'plantrack help COMMAND' for one command's options."),
               "plantrack");
  speak_in_help(app);
  app.set_version_flag("--version", std::string("plantrack ") + PLANTRACK_VERSION);
  app.require_subcommand(1);
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, tr("Log what plantrack does to stderr"));
  plantrack::cli::PluginOptions& plugins = plantrack::cli::plugin_options();
  app.add_option("--plugin-path", plugins.search,
                 tr("Look for plugins in DIR first (repeatable; then $PLANTRACK_PLUGIN_PATH, then "
                    "the installed plugin folder)"))
      ->type_name("DIR")
      ->allow_extra_args(false);
  app.add_flag("--no-plugins", plugins.disabled, tr("Run without loading any plugin"));
  std::string lang;  // read before parsing (language.hpp); declared here for --help and checks
  app.add_option("--lang", lang,
                 tr("Speak LANG: en or vi (default: $PLANTRACK_LANG, then the plan's locale, "
                    "then $LANG)"))
      ->type_name("LANG");
  app.fallthrough();

  std::map<std::string, plantrack::cli::Command> commands;
  commands["validate"] = plantrack::cli::add_validate_command(app);
  commands["graph"] = plantrack::cli::add_graph_command(app);
  commands["status"] = plantrack::cli::add_status_command(app);
  commands["next"] = plantrack::cli::add_next_command(app);
  commands["why"] = plantrack::cli::add_why_command(app);
  commands["history"] = plantrack::cli::add_history_command(app);
  commands["record"] = plantrack::cli::add_record_command(app);
  commands["spend"] = plantrack::cli::add_spend_command(app);
  for (auto& [name, command] : plantrack::cli::add_lifecycle_commands(app)) {
    commands[name] = std::move(command);
  }
  commands["revert"] = plantrack::cli::add_revert_command(app);
  commands["import"] = plantrack::cli::add_import_command(app);
  commands["plugins"] = plantrack::cli::add_plugins_command(app);
  commands["check"] = plantrack::cli::add_check_command(app);
  commands["report"] = plantrack::cli::add_report_command(app);
  commands["diff"] = plantrack::cli::add_diff_command(app);
  commands["plan-year"] = plantrack::cli::add_plan_year_command(app);
  std::string topic;
  CLI::App* help = app.add_subcommand("help", tr("Show help for a command"));
  help->add_option("COMMAND", topic, tr("The command to explain"));
  name_option_groups(app);

  std::vector<std::string_view> names = command_names(app);
  if (const char* command = first_command(argc, argv);
      command && std::find(names.begin(), names.end(), command) == names.end()) {
    return unknown_command(app, command);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    return usage_error(app, e.what());
  }
  spdlog::set_default_logger(spdlog::stderr_color_mt("plantrack"));
  spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::warn);

  if (help->parsed()) {
    if (topic.empty()) {  // the list of commands (app.help() would show the selected `help`)
      std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
      return 0;
    }
    for (CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == topic) {
        std::cout << sub->help();
        return 0;
      }
    }
    return unknown_command(app, topic);
  }
  for (auto& [name, command] : commands) {
    if (!app.got_subcommand(name)) continue;
    try {
      return plantrack::to_int(command());
    } catch (const plantrack::StoreError& e) {  // a store that fails half-way through a command
      plantrack::cli::print_failure("plantrack " + name, e.what(), e.fix());
      return plantrack::to_int(plantrack::ExitCode::kInvalidInput);
    }
  }
  return plantrack::to_int(plantrack::ExitCode::kUsage);
}

}  // namespace

int main(int argc, char** argv) {
  // glibc keeps freed small blocks in "fast bins" and coalesces them all at the next large request;
  // after the loader frees a plan's million TOML nodes, that one request pays for every one of them
  // (measured on a 100k-task plan: ~20% of `validate`). Coalescing as blocks are freed costs less.
  mallopt(M_MXFAST, 0);
  // Page faults were a third of a large command's time (heap.hpp).
  plantrack::cli::use_huge_pages_for_heap();
  // Only iostreams write to stdout and stderr here: unsynchronised, a 100k-line status prints in a
  // fraction of the time.
  std::ios::sync_with_stdio(false);
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    // Only the truly unexpected reaches here (out of memory, a broken stdout); say so plainly.
    std::cerr << tr("plantrack: internal error: {what}", {{"what", e.what()}}) << "\n  "
              << tr("fix: {fix}",
                    {{"fix", tr("this is a bug; please report it with the command you ran")}})
              << "\n";
    return plantrack::to_int(plantrack::ExitCode::kInternal);
  }
}
