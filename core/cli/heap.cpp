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

// The block that covers the heap's first pages, kept for the process's life (volatile: its
// allocation is not optimised away).
void* volatile guard = nullptr;

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
  // The break moved to a 2 MiB boundary first: a huge page fills only a whole aligned 2 MiB, so
  // the heap's next block starts on one (glibc takes the gap as another's sbrk, and leaves it).
  auto start = reinterpret_cast<std::uintptr_t>(sbrk(0));
  std::uintptr_t from = (start + kHugePage - 1) & ~(kHugePage - 1);
  if (from > start &&
      sbrk(static_cast<std::intptr_t>(from - start)) == reinterpret_cast<void*>(-1)) {
    restore_defaults();
    return false;
  }
  // More than all the free memory the heap has, so that it grows now (glibc writes its chunk
  // headers at the start and the end of this block: the only pages touched before the advice).
  std::size_t ask = kHugePage / 2 + mallinfo2().fordblks;
  void* volatile grow = std::malloc(ask);  // volatile: kept
  std::free(grow);
  auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  mallopt(M_TOP_PAD, static_cast<int>(kHugePage));  // later growth (past the reserve) in 2 MiB
  if (end < from + kReserve / 2) {  // the break could not move (no heap where it should be)
    restore_defaults();
    return false;
  }
  if (madvise(reinterpret_cast<void*>(from), end - from, MADV_HUGEPAGE) != 0) return false;
  // The 2 MiB spans touched before the advice have 4 KiB pages for good: a block never freed nor
  // written covers them (address space only), so that later blocks start in untouched spans. Its
  // chunk starts where the heap's free space does (`from`, after the free above).
  std::uintptr_t untouched = (from + ask + 64 + kHugePage - 1) & ~(kHugePage - 1);
  guard = std::malloc(untouched - from - 2 * sizeof(std::size_t));
  return true;
}

}  // namespace plantrack::cli
