#include "plugin_guard.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "plantrack/i18n.hpp"

namespace plantrack::host {
namespace {

// The message of the call in progress, made (and translated) before the call: a signal handler
// may only write. A crash's message is in two parts, the signal's name between them.
struct Message {
  char crash_before[1024] = {};
  char crash_after[1024] = {};
  char exit[1024] = {};
  char fix[512] = {};
};
Message g_messages[4];
volatile sig_atomic_t g_depth = 0;  // calls in progress; the innermost is g_messages[g_depth - 1]
bool g_installed = false;
alignas(16) char g_alt_stack[64 * 1024];

constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

void copy(char* to, std::size_t size, std::string_view from) {
  std::size_t n = std::min(size - 1, from.size());
  std::memcpy(to, from.data(), n);
  to[n] = '\0';
}

void put(const char* text) {
  std::size_t n = std::strlen(text);
  while (n > 0) {
    ssize_t w = ::write(STDERR_FILENO, text, n);
    if (w <= 0) return;
    text += w;
    n -= static_cast<std::size_t>(w);
  }
}

const char* signal_name(int sig) {
  switch (sig) {
    case SIGSEGV:
      return "SIGSEGV";
    case SIGBUS:
      return "SIGBUS";
    case SIGFPE:
      return "SIGFPE";
    case SIGILL:
      return "SIGILL";
    case SIGABRT:
      return "SIGABRT";
  }
  return "a signal";
}

// The innermost call's message, with `signal` named in it (nullptr: the call ran exit()).
void report(const char* signal) {
  int depth = g_depth;
  const Message& m = g_messages[(depth > 4 ? 4 : depth) - 1];
  if (signal) {
    put(m.crash_before);
    put(signal);
    put(m.crash_after);
  } else {
    put(m.exit);
  }
  put("\n  ");
  put(m.fix);
  put("\n");
}

void on_signal(int sig) {
  if (g_depth <= 0) {  // not in a plugin: the default action (a core dump, as before)
    ::signal(sig, SIG_DFL);
    ::raise(sig);
    return;
  }
  report(signal_name(sig));
  ::_exit(kPluginCrashed);
}

void on_exit() {
  if (g_depth > 0) {
    report(nullptr);
    ::_exit(kPluginCrashed);
  }
}

void install() {
  if (g_installed) return;
  g_installed = true;
  stack_t stack{};
  stack.ss_sp = g_alt_stack;
  stack.ss_size = sizeof g_alt_stack;
  ::sigaltstack(&stack, nullptr);  // a stack overflow still gets its message
  for (int sig : kSignals) {
    struct sigaction action {};
    action.sa_handler = on_signal;
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    ::sigaction(sig, &action, nullptr);
  }
  std::atexit(on_exit);
}

}  // namespace

PluginCall::PluginCall(std::string_view plugin, std::string_view doing, std::string_view kept)
    : saved_depth_(g_depth) {
  install();
  if (g_depth < 4) {
    Message& m = g_messages[g_depth];
    // As long as they were when each had a buffer of its own.
    std::string_view p = plugin.substr(0, 255), d = doing.substr(0, 159), k = kept.substr(0, 127);
    std::string crash =
        tr("plantrack: plugin \"{plugin}\" crashed ({signal}) during {doing}; {kept}");
    std::size_t at = crash.find("{signal}");
    if (at == std::string::npos) at = crash.size();  // a translation without it: at the end
    std::string before =
        substitute(crash.substr(0, at), {{"plugin", p}, {"doing", d}, {"kept", k}});
    std::string after = substitute(crash.substr(std::min(at + 8, crash.size())),
                                   {{"plugin", p}, {"doing", d}, {"kept", k}});
    copy(m.crash_before, sizeof m.crash_before, before);
    copy(m.crash_after, sizeof m.crash_after, after);
    copy(m.exit, sizeof m.exit,
         tr("plantrack: plugin \"{plugin}\" called exit() during {doing}; {kept}",
            {{"plugin", p}, {"doing", d}, {"kept", k}}));
    copy(m.fix, sizeof m.fix,
         tr("fix: {fix}",
            {{"fix", tr("run with --no-plugins, and report this to the plugin's authors")}}));
    g_depth = g_depth + 1;
  }
}

PluginCall::~PluginCall() {
  g_depth = saved_depth_;
}

}  // namespace plantrack::host
