#include "../../../core/cli/heap.hpp"

#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

namespace {

// Runs `check` in a child process (the heap's settings are the whole process's): its exit code.
int in_child(const std::function<int()>& check) {
  pid_t pid = fork();
  if (pid == 0) _exit(check());
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

#if !defined(__SANITIZE_ADDRESS__)  // the sanitizer's heap is not glibc's (below)
bool huge_pages_available() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(in, modes);
  return !modes.empty() && modes.find("[never]") == std::string::npos;
}

// The VmFlags of the mapping holding `p` (from /proc/self/smaps); empty when none.
std::string flags_of(const void* p) {
  auto at = reinterpret_cast<std::uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> from >> dash >> to && dash == '-') inside = at >= from && at < to;
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return {};
}

bool has_flag(const std::string& flags, const char* flag) {
  return (flags + " ").find(std::string(" ") + flag + " ") != std::string::npos;
}
#endif

}  // namespace

#if defined(__SANITIZE_ADDRESS__)
// Under AddressSanitizer the heap is the sanitizer's: glibc's settings do not apply, and a data
// limit leaves the sanitizer no room for its shadow memory. What holds there: nothing is
// advised, and allocation works as before.
TEST_CASE("under AddressSanitizer's allocator the heap is left as it is", "[cli][heap]") {
  int code = in_child([] {
    if (plantrack::cli::use_huge_pages_for_heap()) return 1;
    char* block = static_cast<char*>(std::malloc(std::size_t{8} << 20));
    if (!block) return 2;
    std::memset(block, 1, std::size_t{8} << 20);
    std::free(block);
    return 0;
  });
  CHECK(code == 0);
}
#else
TEST_CASE("the heap, large blocks too, is advised for huge pages", "[cli][heap]") {
  if (!huge_pages_available()) {
    WARN("transparent huge pages are off on this machine: not tested");
    return;
  }
  int code = in_child([] {
    std::size_t free_before = mallinfo2().fordblks;
    if (!plantrack::cli::use_huge_pages_for_heap()) return 1;
    // Blocks from the heap's new space (small ones may come from free space it had before).
    char* block = static_cast<char*>(std::malloc(free_before + (std::size_t{1} << 20)));
    char* large = static_cast<char*>(std::malloc(std::size_t{40} << 20));  // past mmap's threshold
    if (!block || !large) return 2;
    std::memset(large, 1, std::size_t{40} << 20);
    if (!has_flag(flags_of(block), "hg")) return 3;
    if (!has_flag(flags_of(large), "hg")) return 4;
    std::free(large);
    std::free(block);
    return 0;
  });
  CHECK(code == 0);
}

TEST_CASE("under a tight data limit the heap is left as it is, and allocation still works",
          "[cli][heap]") {
  int code = in_child([] {
    rlimit limit{std::size_t{1} << 30, std::size_t{1} << 30};
    if (setrlimit(RLIMIT_DATA, &limit) != 0) return 10;
    if (plantrack::cli::use_huge_pages_for_heap()) return 1;
    char* block = static_cast<char*>(std::malloc(std::size_t{8} << 20));
    if (!block) return 2;
    std::memset(block, 1, std::size_t{8} << 20);
    if (has_flag(flags_of(block), "hg")) return 3;
    std::free(block);
    return 0;
  });
  CHECK(code == 0);
}
#endif
