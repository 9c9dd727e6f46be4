#include "plantrack/write_file.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>

#include "plantrack/read_file.hpp"

using namespace plantrack;
namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path path = fs::temp_directory_path() / ("plantrack-write-test-" + std::to_string(getpid()));
  Folder() { fs::create_directories(path); }
  ~Folder() { fs::remove_all(path); }
  std::string at(const std::string& name) const { return (path / name).string(); }
  std::size_t entries() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(path), fs::directory_iterator()));
  }
};

unsigned mode_of(const std::string& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

}  // namespace

TEST_CASE("replace_file writes a file whole and keeps the mode of the one it replaces", "[io]") {
  Folder folder;
  std::string path = folder.at("out.txt");
  for (Durability d : {Durability::kSynced, Durability::kNotSynced}) {
    CHECK_FALSE(replace_file(path, "first\n", d).has_value());
    CHECK(read_file(path) == "first\n");
    mode_t mask = ::umask(0);
    ::umask(mask);
    CHECK(mode_of(path) == (0666u & ~mask));
    REQUIRE(::chmod(path.c_str(), 0640) == 0);
    CHECK_FALSE(replace_file(path, "second\n", d).has_value());
    CHECK(read_file(path) == "second\n");
    CHECK(mode_of(path) == 0640u);
    CHECK(folder.entries() == 1);  // no temporary left beside it
    fs::remove(path);
  }
}

TEST_CASE("replace_file says why it cannot write, and leaves nothing behind", "[io]") {
  Folder folder;
  CHECK(replace_file(folder.at("missing/out.txt"), "x", Durability::kSynced) ==
        "its folder does not exist");
  fs::create_directories(folder.at("dir/inside"));
  std::optional<std::string> why = replace_file(folder.at("dir"), "x", Durability::kSynced);
  REQUIRE(why.has_value());  // a folder (not empty) is not replaced by a file
  CHECK(fs::is_directory(folder.at("dir")));
  CHECK(folder.entries() == 1);
}

TEST_CASE("write_new_file makes a file of its own, private unless a mode is given", "[io]") {
  Folder folder;
  WrittenFile a = write_new_file(folder.path.string(), "graph-", "digraph {}\n", std::nullopt,
                                 Durability::kNotSynced);
  WrittenFile b = write_new_file(folder.path.string(), "graph-", "", 0644u, Durability::kSynced);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.created);
  CHECK(a.path != b.path);
  CHECK(fs::path(a.path).filename().string().rfind("graph-", 0) == 0);
  CHECK(read_file(a.path) == "digraph {}\n");
  CHECK(mode_of(a.path) == 0600u);
  CHECK(mode_of(b.path) == 0644u);
  WrittenFile none =
      write_new_file(folder.at("missing"), "x-", "x", std::nullopt, Durability::kSynced);
  CHECK_FALSE(none.ok());
  CHECK_FALSE(none.created);
  CHECK(none.no_folder);
  CHECK_FALSE(move_into_place(a.path, folder.at("graph.dot"), Durability::kSynced).has_value());
  CHECK(read_file(folder.at("graph.dot")) == "digraph {}\n");
  CHECK_FALSE(fs::exists(a.path));
}
