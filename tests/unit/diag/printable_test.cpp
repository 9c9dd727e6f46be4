#include <catch2/catch.hpp>

#include "plantrack/printable.hpp"

using namespace plantrack;

TEST_CASE("printable shows control characters and bidi overrides as escapes", "[diag]") {
  CHECK(printable("Bình Dương 🌱 ≥ 10") == "Bình Dương 🌱 ≥ 10");
  CHECK(printable("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(printable("a\nb\rc\td\x7f") == "a\\nb\\rc\\td\\x7f");
  CHECK(printable(std::string_view("\0", 1)) == "\\x00");
  CHECK(printable("\xc2\x9b"
                  "2J") == "\\u009b2J");                               // C1 CSI
  CHECK(printable("x\xe2\x80\xaey") == "x\\u202ey");                   // U+202E
  CHECK(printable("\xe2\x81\xa6i\xe2\x81\xa9") == "\\u2066i\\u2069");  // isolates
  CHECK(printable("\xff\xc3") == "\\xff\\xc3");                        // not UTF-8
  CHECK(printable("\xc0\xaf") == "\\xc0\\xaf");                        // overlong
  CHECK(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");               // a surrogate
  CHECK(is_printable("plain"));
  CHECK_FALSE(is_printable("a\x1b"));
}

TEST_CASE("printable keeps newlines and tabs when allowed, never a carriage return", "[diag]") {
  CHECK(printable("[\n  \"a\xe2\x80\xae\"\n]", LineBreaks::kAllowed) == "[\n  \"a\\u202e\"\n]");
  CHECK(printable("a\r\n\tb", LineBreaks::kAllowed) == "a\\r\n\tb");
}

TEST_CASE("find_control points at the first control character", "[diag]") {
  CHECK(find_control("title", LineBreaks::kNone) == std::string_view::npos);
  CHECK(find_control("a\tb", LineBreaks::kNone) == std::string_view::npos);
  CHECK(find_control("ab\x1b", LineBreaks::kNone) == 2);
  CHECK(find_control("a\nb", LineBreaks::kNone) == 1);
  CHECK(find_control("a\nb", LineBreaks::kAllowed) == std::string_view::npos);
  CHECK(find_control("a\xc2\x85", LineBreaks::kAllowed) == 1);  // NEL, a C1 control
  CHECK(find_control("Bình\xe2\x80\xae", LineBreaks::kNone) == std::string_view::npos);
}
