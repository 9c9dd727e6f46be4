#pragma once
// The CLI's commands: each registers its subcommand and options, then runs and returns an exit
// code (plantrack/exit_code.hpp).
#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "plantrack/exit_code.hpp"
#include "plantrack/load.hpp"

namespace plantrack::cli {

using enum plantrack::ExitCode;

/// A registered command: its body runs after parsing succeeded.
using Command = std::function<ExitCode()>;

Command add_validate_command(CLI::App& app);
Command add_graph_command(CLI::App& app);
Command add_record_command(CLI::App& app);
Command add_spend_command(CLI::App& app);
std::vector<std::pair<std::string, Command>> add_lifecycle_commands(CLI::App& app);
Command add_revert_command(CLI::App& app);
Command add_import_command(CLI::App& app);
Command add_status_command(CLI::App& app);
Command add_next_command(CLI::App& app);
Command add_why_command(CLI::App& app);
Command add_history_command(CLI::App& app);
Command add_plugins_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_report_command(CLI::App& app);
Command add_diff_command(CLI::App& app);
Command add_plan_year_command(CLI::App& app);

}  // namespace plantrack::cli
