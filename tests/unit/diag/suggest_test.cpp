#include <catch2/catch.hpp>

#include "plantrack/diagnostic.hpp"

using plantrack::Suggester;

using plantrack::edit_distance;
using plantrack::suggest;

TEST_CASE("edit distance counts inserts, deletes, substitutions and swaps", "[diag]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("title", "title") == 0);
  CHECK(edit_distance("titel", "title") == 1);  // adjacent swap
  CHECK(edit_distance("tite", "title") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("suggest picks the closest plausible name or nothing", "[diag]") {
  std::vector<std::string_view> keys = {"id", "title", "target", "targets", "unit"};
  CHECK(suggest("titel", keys) == "title");
  CHECK(suggest("taget", keys) == "target");
  CHECK(suggest("colour", keys).empty());
  CHECK(suggest("tranining-classes", {"training-classes", "posters"}) == "training-classes");
  CHECK(suggest("x", {}).empty());
}

TEST_CASE("edit distance gives up past its bound", "[diag]") {
  CHECK(edit_distance("kitten", "sitting", 1) == 2);
  CHECK(edit_distance("kitten", "sitting", 3) == 3);
  CHECK(edit_distance("a", std::string(1000, 'b'), 2) == 3);  // lengths alone say so
}

TEST_CASE("a very long word gets no suggestion", "[diag]") {
  std::string word(100'000, 'a');
  std::string near(100'000, 'a');
  near[5] = 'b';
  CHECK(suggest(word, {near}).empty());
  std::vector<std::string_view> ids{near, "posters"};
  Suggester s(ids);
  CHECK(s.suggest(word).empty());
  CHECK(s.comparisons() == 0);
}

TEST_CASE("the suggester agrees with suggest and finds one-edit typos without a scan", "[diag]") {
  std::vector<std::string> ids;
  for (int i = 0; i < 20'000; ++i) ids.push_back("task-" + std::to_string(100'000 + i));
  std::vector<std::string_view> views(ids.begin(), ids.end());
  Suggester s(views);
  CHECK(s.suggest("task-10004x") == suggest("task-10004x", views));
  CHECK(s.suggest("tsak-100042") == "task-100042");                    // an adjacent swap
  CHECK(s.suggest("task-1000420") == suggest("task-1000420", views));  // one of several
  CHECK(s.suggest("posters").empty());
  std::size_t before = s.comparisons();
  for (int i = 0; i < 1000; ++i)
    CHECK(s.suggest("task-1" + std::to_string(10'000 + i) + "x") != "");
  // Each of the 1000 found its id through the index: a handful of distances each, not 20,000.
  CHECK(s.comparisons() - before < 1000 * 30);
}

TEST_CASE("the suggester's scan for farther matches is bounded across words", "[diag]") {
  std::vector<std::string> ids;
  for (int i = 0; i < 20'000; ++i) ids.push_back("id-" + std::to_string(1'000'000 + i * 7));
  std::vector<std::string_view> views(ids.begin(), ids.end());
  Suggester s(views);
  for (int i = 0; i < 5000; ++i) s.suggest("zz-" + std::to_string(i) + "qqqqq");
  CHECK(s.comparisons() <= 200'000 + 5000 * 30);
}
