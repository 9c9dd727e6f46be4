#pragma once
// A file mapped into memory: internal (not installed), for the plan cache.
#include <cstddef>
#include <string>
#include <string_view>

#include "plantrack/export.hpp"

namespace plantrack {

/// A file mapped into memory read-only (no copy); empty when it cannot be mapped.
class PLANTRACK_API MappedFile {
 public:
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
  bool ok() const { return data_ != nullptr; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace plantrack
