// Fixture: a library whose static initialiser calls exit(0), as a broken library on the plugin
// search path might. Loading it must not end a command with status 0 and nothing recorded.
#include <cstdlib>

#include "plantrack/plugin.hpp"

namespace {
struct ExitOnLoad {
  ExitOnLoad() { std::exit(0); }
} exit_on_load;
}  // namespace
