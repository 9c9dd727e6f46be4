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

TEST_CASE("text typed with combining accents is the same as typed precomposed", "[diag][utf8]") {
  // "Công ty TNHH Gỗ Kim Thành" as a Mac writes it (NFD) and as Windows writes it (NFC).
  std::string nfd = "Co\xCC\x82ng ty TNHH Go\xCC\x82\xCC\x83 Kim Tha\xCC\x80nh";
  std::string nfc = "C\xC3\xB4ng ty TNHH G\xE1\xBB\x97 Kim Th\xC3\xA0nh";
  CHECK(nfd != nfc);
  CHECK(to_nfc(nfd) == nfc);
  CHECK(to_nfc(nfc) == nfc);
  // ệ with its two marks in either order composes the same way (canonical order).
  CHECK(to_nfc("e\xCC\xA3\xCC\x82") == "\xE1\xBB\x87");
  CHECK(to_nfc("e\xCC\x82\xCC\xA3") == "\xE1\xBB\x87");
  CHECK(to_nfc("plain ascii") == "plain ascii");
  CHECK(to_nfc("bad \xFF a\xCC\x80") == "bad \xFF a\xCC\x80");  // not UTF-8: left for the check
  CHECK(to_nfc("") == "");
}

TEST_CASE("names fold the same whatever their case, accents' encoding and spaces", "[diag][utf8]") {
  CHECK(fold_name("  C\xC3\xB4ng ty TNHH  G\xE1\xBB\x96 ") == "c\xC3\xB4ng ty tnhh g\xE1\xBB\x97");
  CHECK(fold_name("Co\xCC\x82ng ty tnhh go\xCC\x82\xCC\x83") ==
        "c\xC3\xB4ng ty tnhh g\xE1\xBB\x97");
  CHECK(fold_name("\xC4\x90\xC6\xA1n v\xE1\xBB\x8B") == "\xC4\x91\xC6\xA1n v\xE1\xBB\x8B");  // Đ
  CHECK(fold_name("Task") == "task");
  CHECK(fold_name("") == "");
}

TEST_CASE("the columns text takes on a terminal", "[diag][utf8]") {
  CHECK(display_width("done") == 4);
  CHECK(display_width("\xC4\x91\x61ng th\xE1\xBB\xB1\x63 hi\xE1\xBB\x87n") ==
        14);                                              // đang thực hiện
  CHECK(display_width("Co\xCC\x82ng") == 4);              // a combining mark takes no column
  CHECK(display_width("\xE4\xB8\xAD\xE6\x96\x87") == 4);  // 中文: two wide characters
  CHECK(display_width("a\xFF"
                      "b") == 3);  // a byte that is not UTF-8: one
  CHECK(display_width("") == 0);
  CHECK(display_width("a\tb") == 2);              // a control character takes none
  CHECK(display_width("\xC2\x85") == 0);          // nor does a C1 control (U+0085)
  CHECK(display_width("\xCE\xB1\xD0\x96") == 2);  // Greek, Cyrillic: one each
  CHECK(display_width("\xC3\x80\xC3\xBD\xC4\x83\xC4\x91\xC6\xA1\xC6\xB0") == 6);  // Àýăđơư
  CHECK(display_width("\xE1\xBA\xA0\xE1\xBB\xB9\xE1\xBB\x87") == 3);              // Ạỹệ
}
