#include "library_memory.hpp"

#include <elf.h>
#include <link.h>

#include <cstring>

namespace plantrack::host {
namespace {

struct Search {
  const char* address;
  std::vector<std::pair<const char*, const char*>> segments;
};

int visit(dl_phdr_info* info, std::size_t, void* data) {
  auto* search = static_cast<Search*>(data);
  std::vector<std::pair<const char*, const char*>> readable;
  bool mine = false;
  for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD) continue;
    const char* begin = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = begin + ph.p_memsz;
    mine = mine || (search->address >= begin && search->address < end);
    if (ph.p_flags & PF_R) readable.emplace_back(begin, end);
  }
  if (!mine) return 0;
  search->segments = std::move(readable);
  return 1;  // found: stop
}

}  // namespace

LibraryMemory LibraryMemory::of(const void* address) {
  Search search{static_cast<const char*>(address), {}};
  dl_iterate_phdr(visit, &search);
  LibraryMemory out;
  out.segments_ = std::move(search.segments);
  return out;
}

bool LibraryMemory::holds(const void* p, std::size_t bytes) const {
  const char* at = static_cast<const char*>(p);
  if (!at) return false;
  for (const auto& [begin, end] : segments_) {
    if (at >= begin && at <= end && bytes <= static_cast<std::size_t>(end - at)) return true;
  }
  return false;
}

bool LibraryMemory::holds_string(const char* text) const {
  if (!text) return false;
  for (const auto& [begin, end] : segments_) {
    if (text >= begin && text < end) {
      return std::memchr(text, '\0', static_cast<std::size_t>(end - text)) != nullptr;
    }
  }
  return false;
}

}  // namespace plantrack::host
