#include "plugins.hpp"

#include <iostream>

namespace plantrack::cli {

PluginOptions& plugin_options() {
  static PluginOptions options;
  return options;
}

ExitCode print_notify_failures(const std::vector<PluginFailure>& failures,
                               const std::string& command) {
  for (const PluginFailure& f : failures) {
    std::cerr << "plantrack " << command << ": plugin \"" << f.plugin << "\" failed on event "
              << f.event_key << ": " << f.message
              << "\n  (what was recorded is kept; the other plugins still ran)\n";
  }
  return failures.empty() ? ExitCode::kOk : ExitCode::kPluginFailed;
}

void print_failures(const DeliveryResult& result, const std::string& command) {
  for (const DeliveryResult::Failure& f : result.failures) {
    std::cerr << "plantrack " << command << ": plugin \"" << f.failure.plugin
              << "\" failed on event " << f.failure.event_key << ": " << f.failure.message << "\n  "
              << f.kept << " notification" << (f.kept == 1 ? "" : "s")
              << " kept for it in the store, sent first by the next run (what was recorded is "
                 "kept; the other plugins still ran)\n";
  }
}

}  // namespace plantrack::cli
