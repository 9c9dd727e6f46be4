#pragma once
// How the plantrack process uses memory: set once, first thing in main().

namespace plantrack::cli {

/// Puts the heap in one region the kernel may back with transparent huge pages (2 MiB pages,
/// `madvise` mode, the default of most distributions), large blocks included: a command over a
/// 100k-task plan touches ~130 MB, which in 4 KiB pages costs ~32k page faults (measured: a third
/// of `status` at 100k tasks on a VM, where a fault costs ~9 us; ~1k faults with huge pages).
/// Reserves address space only (512 MiB, or none under a data or address-space limit below 4 GiB);
/// memory is still taken as it is touched. Returns whether the heap region was advised (false
/// where huge pages are unavailable: the heap is then as glibc makes it). Call before any thread
/// starts.
bool use_huge_pages_for_heap();

}  // namespace plantrack::cli
