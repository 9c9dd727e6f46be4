#include "plantrack/write_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "plantrack/i18n.hpp"

namespace plantrack {
namespace {

namespace fs = std::filesystem;

void sync_folder(const std::string& file) {
  fs::path folder = fs::path(file).parent_path();
  int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

WrittenFile write_new_file(const std::string& folder, const std::string& prefix,
                           std::string_view bytes, std::optional<unsigned> mode,
                           Durability durability) {
  WrittenFile out;
  std::string name =
      ((folder.empty() ? fs::path(".") : fs::path(folder)) / (prefix + "XXXXXX")).string();
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    out.no_folder = errno == ENOENT;
    out.error = std::strerror(errno);
    return out;
  }
  out.created = true;
  bool ok = (!mode || ::fchmod(fd, static_cast<mode_t>(*mode)) == 0) && write_all(fd, bytes) &&
            (durability == Durability::kNotSynced || ::fsync(fd) == 0);
  std::string why = ok ? std::string() : std::strerror(errno);
  if (::close(fd) != 0 && ok) {
    ok = false;
    why = std::strerror(errno);
  }
  if (!ok) {
    ::unlink(name.c_str());
    out.error = why.empty() ? tr("write failed") : why;
    return out;
  }
  out.path = std::move(name);
  return out;
}

std::optional<std::string> move_into_place(const std::string& temporary, const std::string& path,
                                           Durability durability) {
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(temporary.c_str());
    return why;
  }
  if (durability == Durability::kSynced) sync_folder(path);
  return std::nullopt;
}

std::optional<std::string> replace_file(const std::string& path, std::string_view bytes,
                                        Durability durability) {
  struct stat info {};
  mode_t mode = 0;
  if (::stat(path.c_str(), &info) == 0) {
    mode = info.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  fs::path target(path);
  WrittenFile written =
      write_new_file(target.parent_path().string(), "." + target.filename().string() + ".", bytes,
                     mode, durability);
  if (!written.ok()) return written.no_folder ? tr("its folder does not exist") : written.error;
  return move_into_place(written.path, path, durability);
}

}  // namespace plantrack
