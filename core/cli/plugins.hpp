#pragma once
// What commands share about plugins: the global options, loading a plan's plugins, turning what a
// command did into events, and reporting plugin failures.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plantrack/delivery.hpp"
#include "plantrack/plugin_host.hpp"
#include "plantrack/status.hpp"
#include "plantrack/store.hpp"

namespace plantrack::cli {

/// --plugin-path DIR (repeatable) and --no-plugins, given before or after the command.
struct PluginOptions {
  std::vector<std::string> search;
  bool disabled = false;
};
PluginOptions& plugin_options();

/// Exit code when the command did its work but a plugin failed (documented in docs/cli.md).
constexpr int kPluginFailed = 4;

/// The plan's plugins, loaded and their settings checked; nullptr when the plan names none or
/// --no-plugins. On errors prints them (at the plan's lines) and sets `exit_code` to 1.
std::unique_ptr<PluginHost> load_plugins(const Plan& plan, const std::string& plan_path,
                                         const SourceText& source, int& exit_code);

/// The events a write produced: what was appended, and what changed between the two statuses
/// (tasks completed or unblocked, stages completed).
std::vector<sdk::Event> events_of(const Plan& plan, const std::vector<NewEvent>& appended,
                                  const std::vector<std::int64_t>& ids, const PlanStatus& before,
                                  const PlanStatus& after);

/// Sends the events to the notifiers; prints each failure (plugin, event, message). Returns 0, or
/// kPluginFailed when any notifier failed.
int dispatch(PluginHost& host, const std::vector<sdk::Event>& events, const sdk::View& view,
             const std::string& command);

}  // namespace plantrack::cli

namespace plantrack::cli {
/// Prints each notifier that failed: its first failure and how many notifications are kept.
void print_failures(const DeliveryResult& result, const std::string& command);
/// How many notifications the failed notifiers have kept for the next run.
std::size_t kept_count(const DeliveryResult& result);
}  // namespace plantrack::cli
