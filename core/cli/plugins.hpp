#pragma once
// What commands share about plugins: the global options, loading a plan's plugins (validate),
// and reporting plugin failures.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plantrack/delivery.hpp"
#include "plantrack/exit_code.hpp"
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

/// Prints each notifier failure (plugin, event, message); kPluginFailed when there was one.
ExitCode print_notify_failures(const std::vector<PluginFailure>& failures,
                               const std::string& command);

}  // namespace plantrack::cli

namespace plantrack::cli {
/// Prints each notifier that failed: its first failure and how many notifications are kept.
void print_failures(const DeliveryResult& result, const std::string& command);
}  // namespace plantrack::cli
