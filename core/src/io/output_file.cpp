#include "plantrack/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "plantrack/i18n.hpp"
#include "plantrack/write_file.hpp"

namespace plantrack {
namespace {

namespace fs = std::filesystem;

// How much of an existing file is looked at for the marker: its start and its end.
constexpr std::size_t kHeadBytes = 64 * 1024;
constexpr std::size_t kTailBytes = 4 * 1024;

// A file to write, once its path was resolved and checked.
struct Target {
  std::string path;  ///< as given, for messages
  std::string real;  ///< what is written: the symlink's target, or the path itself
  enum class Kind { kStdout, kStream, kRegular } kind = Kind::kRegular;
  const std::string* bytes = nullptr;
  bool existed = false;
  mode_t mode = 0;
  std::string temporary;  ///< the regular file's temporary, once written
};

// The first `head` and the last `tail` bytes of a regular file (all of a small one).
std::string ends_of(const std::string& path, std::size_t size) {
  std::string bytes;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return bytes;
  auto read_at = [&](off_t at, std::size_t n) {
    std::string part(n, '\0');
    ssize_t got = ::pread(fd, part.data(), n, at);
    part.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return part;
  };
  if (size <= kHeadBytes + kTailBytes) {
    bytes = read_at(0, size);
  } else {
    bytes =
        read_at(0, kHeadBytes) + "\n" + read_at(static_cast<off_t>(size - kTailBytes), kTailBytes);
  }
  ::close(fd);
  return bytes;
}

std::string_view first_line(std::string_view text) {
  return text.substr(0, text.find('\n'));
}

// `problem` names the path already: "\"{path}\" is a folder".
OutputRefusal refused(std::string problem, std::string fix) {
  return OutputRefusal{std::move(problem), std::move(fix), true};
}

std::string absolute_normal(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  return (ec ? fs::path(path) : p).lexically_normal().string();
}

// The kept file `real` (resolved) is, by identity when both exist, else by name; or nullptr.
const KeptFile* kept_as(const std::string& real, const struct stat* info,
                        const OutputPolicy& policy) {
  std::string name = absolute_normal(real);
  for (const KeptFile& kept : policy.kept) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::string file = kept.path + suffix;
      struct stat other {};
      if (info && ::stat(file.c_str(), &other) == 0) {
        if (other.st_dev == info->st_dev && other.st_ino == info->st_ino) return &kept;
      } else if (absolute_normal(file) == name) {
        return &kept;
      }
    }
  }
  return nullptr;
}

// Resolves and checks one path; nullopt when it may be written.
std::optional<OutputRefusal> check(Target& t, const OutputPolicy& policy) {
  if (t.path == "-") {
    t.kind = Target::Kind::kStdout;
    return std::nullopt;
  }
  if (t.path.empty())
    return refused(tr("\"{path}\" is not a file name", {{"path", "\"\""}}),
                   tr("give a path, or - for standard output"));
  struct stat link {};
  t.real = t.path;
  if (::lstat(t.path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    std::error_code ec;
    fs::path target = fs::canonical(t.path, ec);
    if (ec) {
      return refused(
          tr("\"{path}\" is a symbolic link to a file that does not exist", {{"path", t.path}}),
          tr("point the link at an existing file, or write to another path"));
    }
    t.real = target.string();
  }
  struct stat info {};
  if (::stat(t.real.c_str(), &info) != 0) {
    if (const KeptFile* kept = kept_as(t.real, nullptr, policy)) {
      return refused(
          tr("\"{path}\" is where {what} is kept", {{"path", t.path}, {"what", kept->what}}),
          tr("write the output to another path"));
    }
    return std::nullopt;  // a new file; its folder is checked when it is written
  }
  t.existed = true;
  t.mode = info.st_mode & 07777;
  if (S_ISDIR(info.st_mode)) {
    return refused(tr("\"{path}\" is a folder", {{"path", t.path}}),
                   tr("give a file name inside it"));
  }
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode) || S_ISFIFO(info.st_mode)) {
    t.kind = Target::Kind::kStream;  // written straight into, never replaced
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    return refused(tr("\"{path}\" is not a regular file (a socket?)", {{"path", t.path}}),
                   tr("write to a regular file"));
  }
  if (const KeptFile* kept = kept_as(t.real, &info, policy)) {
    return refused(tr("\"{path}\" is {what}, which writing there would replace",
                      {{"path", t.path}, {"what", kept->what}}),
                   tr("write the output to another path"));
  }
  std::string ends = ends_of(t.real, static_cast<std::size_t>(info.st_size));
  if (ends.compare(0, 16, std::string("SQLite format 3\0", 16)) == 0) {
    return refused(tr("\"{path}\" is a database (SQLite)", {{"path", t.path}}),
                   tr("write the output to another path; a database is never replaced"));
  }
  if (info.st_size > 0 && !policy.force && !is_earlier_output(ends, *t.bytes, policy.marker)) {
    return refused(tr("\"{path}\" exists and is not an earlier {noun} written by plantrack",
                      {{"path", t.path}, {"noun", policy.noun}}),
                   tr("write to another path, or add --force to replace it"));
  }
  return std::nullopt;
}

// Writes a regular file's temporary beside it (unique name, the existing file's mode).
std::optional<OutputRefusal> write_temporary(Target& t) {
  fs::path real(t.real);
  mode_t mode = t.mode;
  if (!t.existed) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  WrittenFile written =
      write_new_file(real.parent_path().string(), "." + real.filename().string() + ".", *t.bytes,
                     mode, Durability::kSynced);
  if (!written.created) {
    std::string why = written.no_folder ? tr("its folder does not exist") : written.error;
    return OutputRefusal{tr("cannot write {path}: {why}", {{"path", t.path}, {"why", why}}),
                         tr("check that its folder exists and can be written"), false};
  }
  if (!written.ok()) {
    return OutputRefusal{
        tr("cannot write {path}: {why}", {{"path", t.path}, {"why", written.error}}),
        tr("check the free space and the folder's permissions"), false};
  }
  t.temporary = written.path;
  return std::nullopt;
}

std::optional<OutputRefusal> write_stream(const Target& t) {
  int fd = t.kind == Target::Kind::kStdout
               ? STDOUT_FILENO
               : ::open(t.real.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | O_APPEND);
  if (fd < 0 || !write_all(fd, *t.bytes)) {
    std::string why = std::strerror(errno);
    if (fd >= 0 && fd != STDOUT_FILENO) ::close(fd);
    return OutputRefusal{tr("cannot write {path}: {why}", {{"path", t.path}, {"why", why}}),
                         tr("check the path"), false};
  }
  if (fd != STDOUT_FILENO) ::close(fd);
  return std::nullopt;
}

}  // namespace

bool is_earlier_output(const std::string& existing, const std::string& fresh,
                       const std::string& marker) {
  if (existing.empty()) return true;
  if (!marker.empty() && fresh.find(marker) != std::string::npos) {
    return existing.find(marker) != std::string::npos;
  }
  std::string_view line = first_line(fresh);
  return !line.empty() && first_line(existing) == line;
}

std::optional<OutputRefusal> write_outputs(const std::vector<OutputFile>& files,
                                           const OutputPolicy& policy) {
  std::vector<Target> targets(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    targets[i].path = files[i].path;
    targets[i].bytes = &files[i].bytes;
    if (std::optional<OutputRefusal> refusal = check(targets[i], policy)) return refusal;
  }
  auto discard = [&] {
    for (const Target& t : targets) {
      if (!t.temporary.empty()) ::unlink(t.temporary.c_str());
    }
  };
  for (Target& t : targets) {
    if (t.kind != Target::Kind::kRegular) continue;
    if (std::optional<OutputRefusal> failure = write_temporary(t)) {
      discard();
      return failure;
    }
  }
  for (Target& t : targets) {
    if (t.kind != Target::Kind::kRegular) continue;
    std::optional<std::string> why = move_into_place(t.temporary, t.real, Durability::kSynced);
    t.temporary.clear();
    if (why) {
      discard();
      return OutputRefusal{tr("cannot write {path}: {why}", {{"path", t.path}, {"why", *why}}),
                           tr("check the path"), false};
    }
  }
  for (const Target& t : targets) {
    if (t.kind == Target::Kind::kRegular) continue;
    if (std::optional<OutputRefusal> failure = write_stream(t)) return failure;
  }
  return std::nullopt;
}

}  // namespace plantrack
