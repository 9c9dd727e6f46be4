// Fixture: claims plugin ABI 99 (its symbol names say so); the host must refuse it from the file
// alone: its static initialiser and its descriptor function abort if they ever run.
#include <boost/dll/alias.hpp>

#include <cstdint>
#include <cstdlib>

namespace fixture {
const std::uint32_t abi = 99;
const void* describe() {
  std::abort();  // the host must not run this
}
struct AbortOnLoad {
  AbortOnLoad() { std::abort(); }  // nor this: the library must never be loaded
} abort_on_load;
}  // namespace fixture

BOOST_DLL_ALIAS(fixture::abi, plantrack_plugin_abi)
BOOST_DLL_ALIAS(fixture::describe, plantrack_plugin_v99)
