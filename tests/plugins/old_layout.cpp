// Fixture: a plugin library as built against an older SDK, chosen by the macro OLD_LAYOUT:
//   1  plugin ABI 1, as every library was before ABI 2: `plantrack_plugin_v1`, no manifest
//   2  this plantrack's plugin ABI (CURRENT_ABI) but another boundary layout (a Plan or View of
//      another shape) in its manifest
// The host must refuse it from the file alone, naming both versions or fingerprints: its static
// initialiser and its descriptor function abort if they ever run.
#include <boost/dll/alias.hpp>

#include <cstdint>
#include <cstdlib>

namespace fixture {
#if OLD_LAYOUT == 1
const std::uint32_t abi = 1;
#else
const std::uint32_t abi = CURRENT_ABI;
#endif
const void* describe() {
  std::abort();  // the host must not run this
}
struct AbortOnLoad {
  AbortOnLoad() { std::abort(); }  // nor this: the library must never be loaded
} abort_on_load;
}  // namespace fixture

BOOST_DLL_ALIAS(fixture::abi, plantrack_plugin_abi)
#if OLD_LAYOUT == 1
BOOST_DLL_ALIAS(fixture::describe, plantrack_plugin_v1)
#else
#define FIXTURE_CONCAT2(a, b) a##b
#define FIXTURE_CONCAT(a, b) FIXTURE_CONCAT2(a, b)
#define FIXTURE_STR2(x) #x
#define FIXTURE_STR(x) FIXTURE_STR2(x)
BOOST_DLL_ALIAS(fixture::describe, FIXTURE_CONCAT(plantrack_plugin_v, CURRENT_ABI))
// The manifest a library of this ABI but another layout carries (see plantrack/sdk/plugin.hpp).
[[gnu::section(".plantrack"), gnu::used]] const char plantrack_plugin_manifest[] =
    "plantrack-plugin\0abi=" FIXTURE_STR(CURRENT_ABI) "\0layout=00000000deadbeef\0"
    "toolchain=libstdc++/cxx11-abi/c++20\0plugin=1:old";
#endif
