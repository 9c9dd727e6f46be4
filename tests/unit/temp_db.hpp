#pragma once
// A store file of one test's own in the temporary folder, removed (with its -wal and -shm) when
// the test ends. Unique per process and per object, so tests may run in parallel.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace plantrack::test {

struct TempDb {
  std::filesystem::path path;
  TempDb() {
    path = std::filesystem::temp_directory_path() /
           ("plantrack-test-" + std::to_string(::getpid()) + "-" +
            std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".db");
    remove();
  }
  ~TempDb() { remove(); }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
  void remove() const {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path.string() + suffix);
    }
  }
  std::string str() const { return path.string(); }
};

}  // namespace plantrack::test
