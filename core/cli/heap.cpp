#include "heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <initializer_list>

namespace plantrack::cli {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kReserve = std::size_t{512} << 20;

// A limit on the data segment or the address space that a reserve of kReserve could run into.
bool limited() {
  constexpr rlim_t kRoomy = rlim_t{4} << 30;
  for (int resource : {RLIMIT_DATA, RLIMIT_AS}) {
    rlimit limit{};
    if (getrlimit(resource, &limit) != 0) return true;
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < kRoomy) return true;
  }
  return false;
}

// glibc's defaults, for when the reserve cannot be made.
void restore_defaults() {
  mallopt(M_TOP_PAD, 128 * 1024);
  mallopt(M_TRIM_THRESHOLD, 128 * 1024);
  mallopt(M_MMAP_MAX, 65536);
}

}  // namespace

bool use_huge_pages_for_heap() {
  if (limited()) return false;
  // Every block from the heap (none mmapped on its own, which would be 4 KiB pages again), and
  // the heap grown now by the whole reserve and never trimmed back: the region advised below is
  // the one later blocks come from. A process that frees memory keeps it until it exits.
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kReserve));
  mallopt(M_TOP_PAD, static_cast<int>(kReserve));
  auto start = reinterpret_cast<std::uintptr_t>(sbrk(0));
  // More than all the free memory the heap has, so that it grows now.
  void* volatile grow = std::malloc(kHugePage + mallinfo2().fordblks);  // volatile: kept
  std::free(grow);
  auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  mallopt(M_TOP_PAD, static_cast<int>(kHugePage));  // later growth (past the reserve) in 2 MiB
  std::uintptr_t from = (start + kHugePage - 1) & ~(kHugePage - 1);
  if (end < from + kReserve / 2) {  // the break could not move (no heap where it should be)
    restore_defaults();
    return false;
  }
  return madvise(reinterpret_cast<void*>(from), end - from, MADV_HUGEPAGE) == 0;
}

}  // namespace plantrack::cli
