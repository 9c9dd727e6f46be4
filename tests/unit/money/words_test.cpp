#include <catch2/catch.hpp>

#include <utility>

#include "plantrack/money.hpp"

using namespace plantrack;

TEST_CASE("Vietnamese number words, standard written form", "[money][words]") {
  const std::pair<const char*, const char*> kVectors[] = {
      {"0", "không"},
      {"1", "một"},
      {"5", "năm"},
      {"10", "mười"},
      {"11", "mười một"},
      {"14", "mười bốn"},
      {"15", "mười lăm"},
      {"20", "hai mươi"},
      {"21", "hai mươi mốt"},
      {"24", "hai mươi bốn"},
      {"25", "hai mươi lăm"},
      {"55", "năm mươi lăm"},
      {"99", "chín mươi chín"},
      {"100", "một trăm"},
      {"101", "một trăm linh một"},
      {"104", "một trăm linh bốn"},
      {"105", "một trăm linh năm"},
      {"110", "một trăm mười"},
      {"111", "một trăm mười một"},
      {"115", "một trăm mười lăm"},
      {"121", "một trăm hai mươi mốt"},
      {"999", "chín trăm chín mươi chín"},
      {"1000", "một nghìn"},
      {"1001", "một nghìn không trăm linh một"},
      {"1005", "một nghìn không trăm linh năm"},
      {"1010", "một nghìn không trăm mười"},
      {"1050", "một nghìn không trăm năm mươi"},
      {"1100", "một nghìn một trăm"},
      {"5000", "năm nghìn"},
      {"13007", "mười ba nghìn không trăm linh bảy"},
      {"21000", "hai mươi mốt nghìn"},
      {"100000", "một trăm nghìn"},
      {"1000000", "một triệu"},
      {"1000001", "một triệu không trăm linh một"},
      {"1001000", "một triệu không trăm linh một nghìn"},
      {"50000000", "năm mươi triệu"},
      {"123000000", "một trăm hai mươi ba triệu"},
      {"900600000", "chín trăm triệu sáu trăm nghìn"},
      {"1000000000", "một tỷ"},
      {"1000000005", "một tỷ không trăm linh năm"},
      {"1023600000", "một tỷ không trăm hai mươi ba triệu sáu trăm nghìn"},
      {"2014500000", "hai tỷ không trăm mười bốn triệu năm trăm nghìn"},
      {"1000000000000", "một nghìn tỷ"},
      {"1000000000000000", "một triệu tỷ"},
      {"1000000000000000000", "một tỷ tỷ"},
      {"9223372036854775807",
       "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ "
       "tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy"},
      {"1000000000000000000000000000", "một tỷ tỷ tỷ"},
      {"-21", "âm hai mươi mốt"},
      {"007", "bảy"},
  };
  for (const auto& [number, words] : kVectors) {
    INFO(number);
    CHECK(vietnamese_words(number) == words);
  }
  CHECK(vietnamese_words(std::int64_t{1'023'600'000}) ==
        "một tỷ không trăm hai mươi ba triệu sáu trăm nghìn");
  CHECK_FALSE(vietnamese_words("12a"));
  CHECK_FALSE(vietnamese_words(""));
  CHECK_FALSE(vietnamese_words("1.000"));
}

TEST_CASE("Vietnamese regional options", "[money][words]") {
  VietnameseWords south{.linh_le = true, .ngan = true, .tu_after_muoi = true, .ti = true};
  CHECK(vietnamese_words("105", south) == "một trăm lẻ năm");
  CHECK(vietnamese_words("24", south) == "hai mươi tư");
  CHECK(vietnamese_words("14", south) == "mười bốn");  // tư only after mươi
  CHECK(vietnamese_words("2014500000", south) == "hai tỉ không trăm mười bốn triệu năm trăm ngàn");
}

TEST_CASE("English number words", "[money][words]") {
  CHECK(english_words("0") == "zero");
  CHECK(english_words("15") == "fifteen");
  CHECK(english_words("21") == "twenty-one");
  CHECK(english_words("105") == "one hundred five");
  CHECK(english_words("1005") == "one thousand five");
  CHECK(english_words("1023600000") == "one billion twenty-three million six hundred thousand");
  CHECK(english_words("1000000000000000000") == "one quintillion");
  CHECK(english_words("-40") == "minus forty");
  CHECK_FALSE(english_words(std::string(40, '9')));
}

TEST_CASE("money in words as reports write it", "[money][words]") {
  CHECK(money_in_words(1'023'600'000, "vi") ==
        "Một tỷ không trăm hai mươi ba triệu sáu trăm nghìn đồng");
  CHECK(money_in_words(1'023'600'000, "en") ==
        "One billion twenty-three million six hundred thousand dong");
}
