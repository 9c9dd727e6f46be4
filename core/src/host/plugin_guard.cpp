#include "plugin_guard.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace plantrack::host {
namespace {

// The message of the call in progress, made before the call (a signal handler may only write).
struct Message {
  char plugin[256] = {};
  char doing[160] = {};
  char kept[128] = {};
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

void report(const char* what) {
  int depth = g_depth;
  const Message& m = g_messages[(depth > 4 ? 4 : depth) - 1];
  put("plantrack: plugin \"");
  put(m.plugin);
  put("\" ");
  put(what);
  put(" during ");
  put(m.doing);
  put("; ");
  put(m.kept);
  put("\n  fix: run with --no-plugins, and report this to the plugin's authors\n");
}

void on_signal(int sig) {
  if (g_depth <= 0) {  // not in a plugin: the default action (a core dump, as before)
    ::signal(sig, SIG_DFL);
    ::raise(sig);
    return;
  }
  const char* name = signal_name(sig);
  char what[48] = "crashed (";
  std::strncat(what, name, sizeof what - std::strlen(what) - 3);
  std::strncat(what, ")", 2);
  report(what);
  ::_exit(kPluginCrashed);
}

void on_exit() {
  if (g_depth > 0) {
    report("called exit()");
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
    copy(m.plugin, sizeof m.plugin, plugin);
    copy(m.doing, sizeof m.doing, doing);
    copy(m.kept, sizeof m.kept, kept);
    g_depth = g_depth + 1;
  }
}

PluginCall::~PluginCall() {
  g_depth = saved_depth_;
}

}  // namespace plantrack::host
