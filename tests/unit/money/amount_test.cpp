#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "plantrack/money.hpp"

using namespace plantrack;

namespace {
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
}  // namespace

TEST_CASE("amounts add with overflow checks, never wrapping", "[money]") {
  CHECK(add_amounts(123'000'000, 900'600'000) == 1'023'600'000);
  CHECK(add_amounts(kMax, 0) == kMax);
  CHECK_FALSE(add_amounts(kMax, 1));
  CHECK_FALSE(add_amounts(kMin, -1));
  CHECK(sum_amounts({123'000'000, 900'600'000, 0, 0}) == 1'023'600'000);
  CHECK(sum_amounts({}) == 0);
  CHECK_FALSE(sum_amounts({kMax / 2, kMax / 2, 2}));
  CHECK(sum_amounts({kMax, 1, -1}) == std::nullopt);  // overflows on the way, even if it comes back
  CHECK(multiply_amount(50'000'000, 15) == 750'000'000);
  CHECK_FALSE(multiply_amount(kMax / 2 + 1, 2));
}

TEST_CASE("percentages of amounts round toward zero without overflowing", "[money]") {
  CHECK(percent_of(150'000'000, 50) == 75'000'000);
  CHECK(percent_of(99, 50) == 49);
  CHECK(percent_of(-99, 50) == -49);
  CHECK(percent_of(kMax, 100) == kMax);
  CHECK(percent_of(kMax, 30) == kMax / 100 * 30 + kMax % 100 * 30 / 100);
  CHECK_FALSE(percent_of(kMax, 200));
}

TEST_CASE("percents round half up, and never to 100% short of the target", "[money]") {
  CHECK(format_percent(0) == "0%");
  CHECK(format_percent(99.6) == "99%");  // not done yet: never "100%"
  CHECK(format_percent(100) == "100%");
  CHECK(format_percent(100.0 - 1e-12) == "100%");  // rounding noise of a mean is not a percent
  CHECK(format_percent(200.0 / 3) == "67%");       // half up
  CHECK(format_percent(100.0 / 3) == "33%");
  CHECK(format_percent(12.5) == "13%");
  CHECK(format_percent(99.4) == "99%");
  CHECK(format_percent(250.9) == "251%");  // above the target rounds as any other
  CHECK(format_percent(-0.5) == "0%");     // half up, also below zero
  CHECK(format_percent(-0.6) == "-1%");
  CHECK(format_percent(1.8446744073709552e17) == "184467440737095520%");  // whole, never cut
  CHECK(format_percent(std::nan("")) == "-");
}

TEST_CASE("figures are grouped the way each language writes them", "[money]") {
  CHECK(format_figure(1'023'600'000, NumberStyle::kVietnamese) == "1.023.600.000");
  CHECK(format_figure(1'023'600'000, NumberStyle::kEnglish) == "1,023,600,000");
  CHECK(format_figure(5000, NumberStyle::kVietnamese) == "5.000");
  CHECK(format_figure(999, NumberStyle::kVietnamese) == "999");
  CHECK(format_figure(0, NumberStyle::kEnglish) == "0");
  CHECK(format_figure(-1'234'567, NumberStyle::kEnglish) == "-1,234,567");
  CHECK(format_figure(kMin, NumberStyle::kEnglish) == "-9,223,372,036,854,775,808");
  CHECK(format_figure(kMax, NumberStyle::kVietnamese) == "9.223.372.036.854.775.807");
  CHECK(format_money(900'600'000, NumberStyle::kVietnamese) == "900.600.000 đồng");
  CHECK(format_money(900'600'000, NumberStyle::kEnglish) == "VND 900,600,000");
  CHECK(number_style("vi") == NumberStyle::kVietnamese);
  CHECK(number_style("en") == NumberStyle::kEnglish);
}

TEST_CASE("amounts are read as people type them, and nothing else", "[money]") {
  CHECK(parse_amount("50000000") == 50'000'000);
  CHECK(parse_amount("50.000.000") == 50'000'000);
  CHECK(parse_amount("50,000,000") == 50'000'000);
  CHECK(parse_amount("50_000_000") == 50'000'000);
  CHECK(parse_amount("50 000 000") == 50'000'000);
  CHECK(parse_amount("1.023.600.000") == 1'023'600'000);
  CHECK(parse_amount("0") == 0);
  CHECK(parse_amount("9223372036854775807") == INT64_MAX);
  for (const char* bad : {"", "-5", "12.5", "1.5.000", "1.000,000", "50.00.000", "1.0000", ".000",
                          "1.", "50000000đ", "9223372036854775808", "1,5", " 1"}) {
    INFO(bad);
    CHECK_FALSE(parse_amount(bad));
  }
}
