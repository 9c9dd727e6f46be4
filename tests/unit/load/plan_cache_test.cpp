#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "plantrack/detail/plan_serializer.hpp"
#include "plantrack/plan_cache.hpp"

using namespace plantrack;

namespace {
const std::string kFlagship =
    PLANTRACK_SOURCE_DIR "/workflows/binh-duong-cleaner-production-2012-2015.toml";
}

TEST_CASE("a plan survives the binary round trip whole", "[cache]") {
  LoadResult r = load_plan_file(kFlagship);
  REQUIRE(r.ok());
  std::string bytes = serialize_plan(r.plan);
  std::optional<Plan> back = deserialize_plan(bytes);
  REQUIRE(back);
  CHECK(serialize_plan(*back) == bytes);
  CHECK(*back == r.plan);
  CHECK(back->info.title == r.plan.info.title);
  REQUIRE(back->tasks.size() == 7);
  CHECK(back->tasks[4].depends_on[0].at_least == 1);
  CHECK(back->tasks[4].where == r.plan.tasks[4].where);
  CHECK(back->funding[1].amount == 900'600'000);
  CHECK(back->narrative.solutions[2].points.size() == 3);
  CHECK(back->participants[0].name == "Công ty TNHH gỗ KimThành A");
}

TEST_CASE("damaged or foreign cache bytes are refused, never trusted", "[cache]") {
  LoadResult r = load_plan_file(kFlagship);
  std::string bytes = serialize_plan(r.plan);
  CHECK_FALSE(deserialize_plan(""));
  CHECK_FALSE(deserialize_plan("plantrack-plan-cache-v0\n"));
  CHECK_FALSE(deserialize_plan(bytes.substr(0, bytes.size() / 2)));
  CHECK_FALSE(deserialize_plan(bytes + "x"));
  std::string flipped = bytes;
  flipped[30] ^= 1;  // one bit of the format field: the digest no longer matches
  CHECK_FALSE(deserialize_plan(flipped));
}

TEST_CASE("the cache is used when the file is unchanged and skipped when it changes", "[cache]") {
  auto dir = std::filesystem::temp_directory_path() /
             ("plantrack-cache-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  ::setenv("PLANTRACK_CACHE_DIR", (dir / "cache").c_str(), 1);
  std::filesystem::copy_file(kFlagship, dir / "plan.toml");
  std::string plan = (dir / "plan.toml").string();
  CachedPlan first = load_plan_cached(plan);
  CHECK_FALSE(first.from_cache);
  CachedPlan second = load_plan_cached(plan);
  CHECK(second.from_cache);
  CHECK(second.revision == first.revision);
  CHECK(second.loaded.plan.tasks.size() == 7);
  { std::ofstream(plan, std::ios::app) << "\n# an edit\n"; }
  CachedPlan third = load_plan_cached(plan);
  CHECK_FALSE(third.from_cache);
  CHECK(third.revision != first.revision);
  { std::ofstream(plan, std::ios::app) << "[oops\n"; }
  CachedPlan broken = load_plan_cached(plan);
  CHECK_FALSE(broken.loaded.ok());
  ::unsetenv("PLANTRACK_CACHE_DIR");
  std::filesystem::remove_all(dir);
}

TEST_CASE("an unchanged file is not hashed again, and any rewrite is noticed", "[cache]") {
  auto dir = std::filesystem::temp_directory_path() /
             ("plantrack-stamp-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  ::setenv("PLANTRACK_CACHE_DIR", (dir / "cache").c_str(), 1);
  std::string plan = (dir / "plan.toml").string();
  std::filesystem::copy_file(kFlagship, plan);
  // A file written just now is always hashed (a second write in the same clock tick would leave
  // its times equal): no stamp yet.
  CachedPlan fresh = load_plan_cached(plan);
  CHECK_FALSE(std::filesystem::exists(dir / "cache" / "stamps"));
  // Once it is older than that, it gets a stamp, and the next load reads the revision from it.
  timespec old[2] = {{1'400'000'000, 0}, {1'400'000'000, 0}};
  REQUIRE(::utimensat(AT_FDCWD, plan.c_str(), old, 0) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // the change time, too
  CachedPlan stamped = load_plan_cached(plan);
  CHECK(stamped.revision == fresh.revision);
  REQUIRE(std::filesystem::exists(dir / "cache" / "stamps"));
  auto stamps = std::distance(std::filesystem::directory_iterator(dir / "cache" / "stamps"),
                              std::filesystem::directory_iterator());
  CHECK(stamps == 1);
  CHECK(load_plan_cached(plan).revision == fresh.revision);
  // Same size, same modification time, other bytes: the change time still gives it away.
  std::string text;
  {
    std::ifstream in(plan);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::size_t at = text.find("Bình Dương");
  REQUIRE(at != std::string::npos);
  text[at] = 'X';  // one byte of a UTF-8 letter: the file no longer validates the same
  { std::ofstream(plan, std::ios::trunc) << text; }
  REQUIRE(::utimensat(AT_FDCWD, plan.c_str(), old, 0) == 0);
  CachedPlan rewritten = load_plan_cached(plan);
  CHECK(rewritten.revision != fresh.revision);
  CHECK_FALSE(rewritten.from_cache);
  ::unsetenv("PLANTRACK_CACHE_DIR");
  std::filesystem::remove_all(dir);
}

TEST_CASE("checksummed bytes reach the field reader, which refuses what is not a plan", "[cache]") {
  Plan plan;
  plan.funding.emplace_back();
  std::string bytes = serialize_plan(plan);
  std::size_t digest = checksummed_plan_bytes("").size();
  std::string body = bytes.substr(0, bytes.size() - digest);
  CHECK(checksummed_plan_bytes(body) == bytes);
  // Where the funding kind is written: the one byte that differs from the plan with another kind.
  Plan other = plan;
  other.funding[0].kind = FundingKind::kLocal;
  std::string other_bytes = serialize_plan(other);
  std::size_t at = 0;
  while (at < body.size() && body[at] == other_bytes[at]) ++at;
  REQUIRE(at < body.size());
  std::optional<Plan> local =
      deserialize_plan(checksummed_plan_bytes(other_bytes.substr(0, at + 1) + body.substr(at + 1)));
  REQUIRE(local);
  CHECK(local->funding[0].kind == FundingKind::kLocal);
  body[at] = 6;  // one past kOther: not a funding kind
  CHECK_FALSE(deserialize_plan(checksummed_plan_bytes(body)));
}
