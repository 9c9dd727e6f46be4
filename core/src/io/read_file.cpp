#include "plantrack/read_file.hpp"
#include "plantrack/detail/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "plantrack/i18n.hpp"

namespace plantrack {

namespace {

std::string size_text(std::uint64_t bytes) {
  if (bytes >= (1ull << 30)) return std::to_string(bytes >> 30) + " GiB";
  if (bytes >= (1ull << 20)) return std::to_string(bytes >> 20) + " MiB";
  return tr("{n} bytes", {{"n", bytes}});
}

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return tr("it is a folder");
  if (S_ISCHR(mode) || S_ISBLK(mode)) return tr("it is a device, not a file");
  if (S_ISFIFO(mode)) return tr("it is a pipe (FIFO), not a file");
  if (S_ISSOCK(mode)) return tr("it is a socket, not a file");
  return tr("it is not a regular file");
}

}  // namespace

std::optional<std::string> not_a_regular_file(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return tr("no such file");
  if (S_ISREG(info.st_mode)) return std::nullopt;
  return kind_of(info.st_mode);
}

FileRead read_input_file(const std::string& path, std::uint64_t max_bytes) {
  FileRead result;
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    int error = errno;
    result.reason = error == ENOENT ? tr("no such file") : std::string(std::strerror(error));
    result.problem = tr("cannot read the file: {reason}", {{"reason", result.reason}});
    result.fix =
        error == ENOENT ? tr("check the path") : tr("check the file's permissions (ls -l)");
    return result;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    result.reason = kind_of(info.st_mode);
    result.problem = tr("cannot read the file: {reason}", {{"reason", result.reason}});
    result.fix = S_ISDIR(info.st_mode) ? tr("give the path of a file inside it")
                                       : tr("save the input to a regular file and give its path");
    return result;
  }
  auto too_large = [&](std::uint64_t size) {
    result.reason = tr("it is {size}, above the {limit} limit",
                       {{"size", size_text(size)}, {"limit", size_text(max_bytes)}});
    result.problem = tr("cannot read the file: {reason}", {{"reason", result.reason}});
    result.fix = tr("split it into smaller files");
  };
  auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > max_bytes) {
    ::close(fd);
    too_large(size);
    return result;
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::size_t have = 0;
  for (;;) {
    if (have == bytes.size()) {
      if (bytes.size() > max_bytes) break;  // grew past the limit while read
      bytes.resize(bytes.size() + 65536);
    }
    ssize_t n = ::read(fd, bytes.data() + have, bytes.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      result.reason = std::strerror(errno);
      result.problem = tr("cannot read the file: {reason}", {{"reason", result.reason}});
      result.fix = tr("check the file and the disk");
      return result;
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (have > max_bytes) {
    too_large(have);
    return result;
  }
  bytes.resize(have);
  result.bytes = std::move(bytes);
  return result;
}

std::optional<std::string> read_file(const std::string& path) {
  return read_input_file(path, kMaxPlanBytes).bytes;
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
