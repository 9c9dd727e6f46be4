// plantrack: the command-line interface. Thin: parse arguments, call the core, render, exit code.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <map>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "commands.hpp"

namespace {

constexpr const char* kDescription =
    "plantrack: plans, progress and money of multi-year programmes.\n"
    "Run 'plantrack help COMMAND' for one command's options.";

int run(int argc, char** argv) {
  CLI::App app(kDescription, "plantrack");
  app.set_version_flag("--version", std::string("plantrack ") + PLANTRACK_VERSION);
  app.require_subcommand(1);
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Log what plantrack does to stderr");

  std::map<std::string, plantrack::cli::Command> commands;
  commands["validate"] = plantrack::cli::add_validate_command(app);
  commands["graph"] = plantrack::cli::add_graph_command(app);
  std::string topic;
  CLI::App* help = app.add_subcommand("help", "Show help for a command");
  help->add_option("COMMAND", topic, "The command to explain");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help/version (code 0) or the error (non-zero)
    return code == 0 ? 0 : plantrack::cli::kUsage;
  }
  spdlog::set_default_logger(spdlog::stderr_color_mt("plantrack"));
  spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::warn);

  if (help->parsed()) {
    if (topic.empty()) {
      std::cout << app.help();
      return 0;
    }
    for (CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == topic) {
        std::cout << sub->help();
        return 0;
      }
    }
    std::cerr << "plantrack: unknown command \"" << topic
              << "\"\n  fix: run 'plantrack --help' for the list of commands\n";
    return plantrack::cli::kUsage;
  }
  for (auto& [name, command] : commands) {
    if (app.got_subcommand(name)) return command();
  }
  return plantrack::cli::kUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    // Only the truly unexpected reaches here (out of memory, a broken stdout); say so plainly.
    std::cerr << "plantrack: internal error: " << e.what()
              << "\n  fix: this is a bug; please report it with the command you ran\n";
    return 70;
  }
}
