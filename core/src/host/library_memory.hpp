#pragma once
// Where a loaded library's image lies in memory, so the host checks that every pointer and count
// of a descriptor stays inside it before walking it (a bad count or pointer is refused, not
// followed into a crash).
#include <cstddef>
#include <utility>
#include <vector>

namespace plantrack::host {

class LibraryMemory {
 public:
  /// The readable segments of the library holding `address` (a function of it); empty if none.
  static LibraryMemory of(const void* address);
  /// True when [p, p + bytes) lies inside one readable segment (false for nullptr).
  bool holds(const void* p, std::size_t bytes) const;
  /// True when `text` is a NUL-terminated string inside one readable segment.
  bool holds_string(const char* text) const;

 private:
  std::vector<std::pair<const char*, const char*>> segments_;  // [begin, end)
};

}  // namespace plantrack::host
