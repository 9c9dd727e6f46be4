#pragma once
// Until plugins run out of process: a plugin call that crashes (SIGSEGV, SIGBUS, SIGFPE, SIGILL,
// SIGABRT) or calls exit() ends plantrack with a message naming the plugin and what it was doing,
// and exit status 4 (kPluginCrashed), instead of the plugin's status and no word.
#include <string>
#include <string_view>

#include "plantrack/i18n.hpp"

namespace plantrack::host {

/// Exit status when a plugin crashed or called exit() (docs/cli.md): the same as a plugin that
/// failed, so scripts need one rule.
inline constexpr int kPluginCrashed = 4;

/// While alive, a crash or exit() in this thread's plugin code is reported as
/// `plantrack: plugin "NAME" crashed (SIGSEGV) during DOING; KEPT` (or `called exit()`), written
/// with write(2) from the signal handler. Nestable; not thread-safe (plugins run on one thread).
class PluginCall {
 public:
  PluginCall(std::string_view plugin, std::string_view doing, std::string_view kept);
  ~PluginCall();
  PluginCall(const PluginCall&) = delete;
  PluginCall& operator=(const PluginCall&) = delete;

 private:
  int saved_depth_;
};

/// What `kept` says in a plugin call after the command has written: "what was recorded is kept"
/// (in this thread's language).
inline std::string kept_recorded() {
  return tr("what was written before is kept");
}
/// ... and before it has: "nothing was written".
inline std::string nothing_written() {
  return tr("nothing was written by this command");
}

}  // namespace plantrack::host
