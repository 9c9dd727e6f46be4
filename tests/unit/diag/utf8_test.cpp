#include <catch2/catch.hpp>

#include "plantrack/utf8.hpp"

using namespace plantrack;

TEST_CASE("UTF-8: well-formed text passes, the first bad byte is found", "[utf8]") {
  CHECK_FALSE(first_invalid_utf8(""));
  CHECK_FALSE(first_invalid_utf8("Bình Dương 💧"));
  CHECK(first_invalid_utf8("ab\xFF") == 2u);
  CHECK(first_invalid_utf8("\xC0\xAF") == 0u);          // overlong '/'
  CHECK(first_invalid_utf8("x\xED\xA0\x80") == 1u);     // a surrogate
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // past U+10FFFF
  CHECK(first_invalid_utf8("C\xC3") == 1u);             // cut short
  CHECK(first_invalid_utf8("\xE1\xBB") == 0u);
}

TEST_CASE("UTF-8: each bad byte becomes U+FFFD, good text is kept", "[utf8]") {
  CHECK(valid_utf8("Sông Mây") == "Sông Mây");
  CHECK(valid_utf8("a\xFF"
                   "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(valid_utf8("\xC3") == "\xEF\xBF\xBD");
  CHECK(valid_utf8("\xE1\xBB"
                   "x") ==
        "\xEF\xBF\xBD\xEF\xBF\xBD"
        "x");
  CHECK_FALSE(first_invalid_utf8(valid_utf8("\xF8\x88\x80\x80\x80 \xC0\x80")));
}

TEST_CASE("first letters change case for every Vietnamese letter", "[diag][utf8]") {
  CHECK(upper_first("ấp") == "Ấp");
  CHECK(upper_first("ý kiến") == "Ý kiến");
  CHECK(upper_first("ống") == "Ống");
  CHECK(upper_first("ảnh") == "Ảnh");
  CHECK(upper_first("đề tài") == "Đề tài");
  CHECK(upper_first("lớp") == "Lớp");
  CHECK(upper_first("DN") == "DN");
  CHECK(upper_first("") == "");
  CHECK(upper_first("\xff"
                    "abc") ==
        "\xff"
        "abc");  // not UTF-8: as it is
  CHECK(lower_first("Ngân sách nhà nước") == "ngân sách nhà nước");
  CHECK(lower_first("Ủy ban") == "ủy ban");
  CHECK(lower_first("UBND tỉnh") == "UBND tỉnh");
  CHECK(lower_first("Đ") == "đ");
  CHECK(lower_first("vốn") == "vốn");
}
