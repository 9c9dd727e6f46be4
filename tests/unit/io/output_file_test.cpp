#include <sys/stat.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "plantrack/output_file.hpp"
#include "plantrack/read_file.hpp"

using namespace plantrack;
namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path path = fs::temp_directory_path() / ("plantrack-output-test-" + std::to_string(getpid()));
  Folder() { fs::create_directories(path); }
  ~Folder() { fs::remove_all(path); }
  std::string at(const std::string& name) const { return (path / name).string(); }
};

void put(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

}  // namespace

TEST_CASE("an earlier output carries the marker, or begins with the same first line", "[io]") {
  CHECK(is_earlier_output("", "# Report\n", "plantrack-report"));
  CHECK(is_earlier_output("# Old\n<!-- plantrack-report -->\n",
                          "# New\n<!-- plantrack-report -->\n", "plantrack-report"));
  CHECK_FALSE(
      is_earlier_output("# Notes\n", "# New\n<!-- plantrack-report -->\n", "plantrack-report"));
  CHECK(is_earlier_output("\xEF\xBB\xBFStt,A\n1,2\n", "\xEF\xBB\xBFStt,A\n3,4\n",
                          "plantrack-report"));
  CHECK_FALSE(is_earlier_output("Stt,B\n", "Stt,A\n", "plantrack-report"));
  CHECK_FALSE(is_earlier_output("anything\n", "\nno first line", ""));
}

TEST_CASE("outputs never replace kept files, databases or foreign files", "[io]") {
  Folder dir;
  put(dir.at("plan.toml"), "[plan]\n");
  put(dir.at("store.db"), std::string("SQLite format 3\0...", 20));
  OutputPolicy policy;
  policy.kept = {{dir.at("plan.toml"), "the plan"}, {dir.at("store.db"), "the plan's store"}};
  policy.marker = "plantrack-report";
  auto refused = write_outputs({{dir.at("plan.toml"), "x plantrack-report"}}, policy);
  REQUIRE(refused);
  CHECK(refused->usage);
  CHECK(refused->message.find("is the plan,") != std::string::npos);
  CHECK(write_outputs({{dir.at("store.db-wal"), "x"}}, policy));  // not there yet: by name
  put(dir.at("other.db"), std::string("SQLite format 3\0...", 20));
  policy.force = true;
  CHECK(write_outputs({{dir.at("other.db"), "x"}}, policy));
  CHECK(write_outputs({{dir.at("plan.toml"), "x"}}, policy));
  CHECK(*read_file(dir.at("plan.toml")) == "[plan]\n");
  policy.force = false;
  put(dir.at("notes.md"), "mine\n");
  CHECK(write_outputs({{dir.at("notes.md"), "# R\nplantrack-report\n"}}, policy));
  // All or nothing: one refused file writes none of the others.
  CHECK(write_outputs(
      {{dir.at("a.md"), "plantrack-report"}, {dir.at("notes.md"), "plantrack-report"}}, policy));
  CHECK_FALSE(fs::exists(dir.at("a.md")));
  CHECK_FALSE(write_outputs({{dir.at("a.md"), "one plantrack-report"}}, policy));
  CHECK_FALSE(write_outputs({{dir.at("a.md"), "two plantrack-report"}}, policy));
  CHECK(*read_file(dir.at("a.md")) == "two plantrack-report");
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 5);
}

TEST_CASE("a symlink is followed and a FIFO written into, never replaced", "[io]") {
  Folder dir;
  put(dir.at("real.md"), "plantrack-report old");
  fs::create_symlink("real.md", dir.at("link.md"));
  OutputPolicy policy;
  policy.marker = "plantrack-report";
  REQUIRE_FALSE(write_outputs({{dir.at("link.md"), "plantrack-report new"}}, policy));
  CHECK(fs::is_symlink(dir.at("link.md")));
  CHECK(*read_file(dir.at("real.md")) == "plantrack-report new");
  fs::create_symlink("real.md", dir.at("plan-link.toml"));
  policy.kept = {{dir.at("real.md"), "the plan"}};
  CHECK(write_outputs({{dir.at("plan-link.toml"), "plantrack-report"}}, policy));
  REQUIRE(::mkfifo(dir.at("fifo").c_str(), 0600) == 0);
  FileRead fifo = read_input_file(dir.at("fifo"), 100);
  CHECK_FALSE(fifo.bytes);
  CHECK(fifo.problem == "cannot read the file: it is a pipe (FIFO), not a file");
  FileRead big = read_input_file(dir.at("real.md"), 4);
  CHECK(big.problem == "cannot read the file: it is 20 bytes, above the 4 bytes limit");
}
