#include "plantrack/read_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace plantrack {

std::optional<std::string> write_files(
    const std::vector<std::pair<std::string, std::string>>& files) {
  auto discard = [&] {
    std::error_code ignored;
    for (const auto& [path, text] : files) std::filesystem::remove(path + ".tmp", ignored);
  };
  for (const auto& [path, text] : files) {
    std::ofstream out(path + ".tmp", std::ios::binary);
    out << text;
    out.close();
    if (!out) {
      discard();
      return "cannot write " + path + " (does its folder exist?)";
    }
  }
  for (const auto& [path, text] : files) {
    std::error_code ec;
    std::filesystem::rename(path + ".tmp", path, ec);
    if (ec) {
      discard();
      return "cannot write " + path + ": " + ec.message();
    }
  }
  return std::nullopt;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  std::streamoff size = in.tellg();
  std::string bytes;
  if (size > 0) {
    bytes.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(bytes.data(), size);
    bytes.resize(static_cast<std::size_t>(in.gcount()));
  }
  in.clear();
  // Whatever is there beyond the size first seen (a growing file, a pipe).
  bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

MappedFile::MappedFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  struct stat info {};
  if (::fstat(fd, &info) == 0 && info.st_size > 0) {
    void* data =
        ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (data != MAP_FAILED) {
      data_ = data;
      size_ = static_cast<std::size_t>(info.st_size);
    }
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

}  // namespace plantrack
