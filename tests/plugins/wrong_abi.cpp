// Fixture: claims plugin ABI 99; its descriptor function must never be called.
#include <boost/dll/alias.hpp>

#include <cstdint>
#include <cstdlib>

namespace fixture {
const std::uint32_t abi = 99;
const void* describe() {
  std::abort();  // the host must not run this
}
}  // namespace fixture

BOOST_DLL_ALIAS(fixture::abi, plantrack_plugin_abi)
BOOST_DLL_ALIAS(fixture::describe, plantrack_plugin_v1)
