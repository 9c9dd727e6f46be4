#include <catch2/catch.hpp>

#include "plantrack/diagnostic.hpp"

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
