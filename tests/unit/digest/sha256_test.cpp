// SHA-256 against FIPS 180-4's examples and lengths around the padding's edges (core/src/digest).
#include "plantrack/digest.hpp"

#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

using plantrack::file_sha256;
using plantrack::sha256_hex;

namespace {

// The bytes the expected digests below were made from (Python's hashlib).
std::string pattern(std::size_t n) {
  std::string out(n, '\0');
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<char>((i * 7 + 3) % 251);
  return out;
}

}  // namespace

TEST_CASE("sha256 of the standard's examples", "[digest]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 of lengths around a block and its padding, of bytes and of a file", "[digest]") {
  const std::vector<std::pair<std::size_t, std::string>> cases = {
      {55, "1deace58c745f3ecadde68a5923f494c3703fa73f0306483ccb898a5826e8d70"},
      {56, "06dbe23685750e4d3881ded95047abaf93fa8f9c5d3501dc57c717a72ff1398e"},
      {63, "47fb38b12335c9298d09280515c0666489a189d1554bb0ac1a0740806ce9d8b6"},
      {64, "dfa798724b1a8014994f363e5da7474ed26ce3757fb29e07aa47ad5a9352d37b"},
      {65, "dd2eab5a5507d7717c63ce953d9ac61752c21e664425ad1227054722a0d97f69"},
      {119, "c6e0f435df5d7d265baacca31e0602c00aa22fa6d3819aed664649294c743756"},
      {120, "17eb8960823a644bde3065620bb9d45931fe8993fd8eb692a17aff0fd725db6a"},
      {1000, "a9425c416f534025a4e2422bd14adba4ec3d4a68d10c3329be8df612964d2b6e"},
      {131079, "b7a057e9b8cd1644d857ec09faf628f5f0b27632542f5e6a6bcbecd7f54999a0"}};
  std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("plantrack-sha-" + std::to_string(getpid()));
  for (const auto& [n, expected] : cases) {
    INFO(n << " bytes");
    std::string bytes = pattern(n);
    CHECK(sha256_hex(bytes) == expected);
    std::FILE* out = std::fopen(file.c_str(), "wb");
    REQUIRE(out);
    std::fwrite(bytes.data(), 1, bytes.size(), out);
    std::fclose(out);
    CHECK(file_sha256(file.string()) == expected);  // read in 64 KiB pieces
  }
  std::filesystem::remove(file);
  CHECK(file_sha256(file.string()).empty());  // cannot be read
}
