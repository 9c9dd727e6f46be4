#include "plugins.hpp"

#include <iostream>

#include "plantrack/i18n.hpp"
namespace plantrack::cli {

PluginOptions& plugin_options() {
  static PluginOptions options;
  return options;
}

ExitCode print_notify_failures(const std::vector<PluginFailure>& failures,
                               const std::string& command) {
  for (const PluginFailure& f : failures) {
    std::cerr << tr("plantrack {command}: plugin \"{plugin}\" failed on event {event}: {message}",
                    {{"command", command},
                     {"plugin", f.plugin},
                     {"event", f.event_key},
                     {"message", f.message}})
              << "\n  " << tr("(what was recorded is kept; the other plugins still ran)") << "\n";
  }
  return failures.empty() ? ExitCode::kOk : ExitCode::kPluginFailed;
}

void print_failures(const DeliveryResult& result, const std::string& command) {
  for (const DeliveryResult::Failure& f : result.failures) {
    std::cerr << tr("plantrack {command}: plugin \"{plugin}\" failed on event {event}: {message}",
                    {{"command", command},
                     {"plugin", f.failure.plugin},
                     {"event", f.failure.event_key},
                     {"message", f.failure.message}})
              << "\n  "
              << trn("{n} notification kept for it in the store, sent first by the next run (what "
                     "was recorded is kept; the other plugins still ran)",
                     "{n} notifications kept for it in the store, sent first by the next run (what "
                     "was recorded is kept; the other plugins still ran)",
                     f.kept)
              << "\n";
  }
}

}  // namespace plantrack::cli
