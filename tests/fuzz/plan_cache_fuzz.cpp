// Fuzz target for the plan-cache decoder: any bytes given to deserialize_plan are refused or read,
// never a crash. The first byte picks how the rest is given: as it is (the magic and checksum
// checks refuse almost everything), or with the checksum appended, so mutations reach the field
// reader. A plan that is read serializes to bytes that read back as an equal plan.
//
// Seeds: with PLANTRACK_FUZZ_SEED_DIR set, the serialized plans of the shipped workflows are
// written there first (scripts/test does this).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "plantrack/detail/plan_serializer.hpp"
#include "plantrack/load.hpp"
#include "plantrack/plan_cache.hpp"

namespace {

namespace fs = std::filesystem;

std::size_t checksum_size() {
  static const std::size_t size = plantrack::checksummed_plan_bytes("").size();
  return size;
}

void write_seeds(const fs::path& folder) {
  for (const fs::path& dir : {fs::path(PLANTRACK_SOURCE_DIR "/workflows"),
                              fs::path(PLANTRACK_SOURCE_DIR "/workflows/templates")}) {
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".toml") continue;
      plantrack::LoadResult r = plantrack::load_plan_file(entry.path().string());
      if (!r.ok()) continue;
      std::string bytes = plantrack::serialize_plan(r.plan);
      std::string name = entry.path().stem().string();
      std::ofstream(folder / ("whole-" + name), std::ios::binary) << '\0' << bytes;
      std::ofstream(folder / ("fields-" + name), std::ios::binary)
          << '\1' << std::string_view(bytes).substr(0, bytes.size() - checksum_size());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("PLANTRACK_FUZZ_SEED_DIR")) write_seeds(dir);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string bytes = data[0] & 1 ? plantrack::checksummed_plan_bytes(rest) : std::string(rest);
  std::optional<plantrack::Plan> plan = plantrack::deserialize_plan(bytes);
  if (!plan) return 0;
  std::string again = plantrack::serialize_plan(*plan);
  std::optional<plantrack::Plan> back = plantrack::deserialize_plan(again);
  if (!back) __builtin_trap();
  // A NaN setting is not equal to itself: then the bytes are compared.
  if (*plan == *plan ? !(*back == *plan) : plantrack::serialize_plan(*back) != again) {
    __builtin_trap();
  }
  return 0;
}
