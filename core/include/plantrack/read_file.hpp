#pragma once
/// Reading a whole file at once (sized read, not character by character), and writing files whole.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plantrack/export.hpp"

namespace plantrack {

/// The file's bytes, or nullopt when it cannot be opened or read.
PLANTRACK_API std::optional<std::string> read_file(const std::string& path);

/// Writes every file whole or none of them: each is written beside its destination (`PATH.tmp`)
/// and renamed into place once all were written, so a failure leaves nothing half-written.
/// Returns an error message ("cannot write PATH (does its folder exist?)"), or nullopt.
PLANTRACK_API std::optional<std::string> write_files(
    const std::vector<std::pair<std::string, std::string>>& files);

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
