// Dates and UTC times as text: what --date and --known-at take.
#include <catch2/catch.hpp>

#include "plantrack/date.hpp"

using namespace plantrack;

TEST_CASE("a UTC time is read from RFC 3339 or from a date, which means its end", "[model]") {
  CHECK(parse_utc_time("2014-10-24T17:00:00Z") == "2014-10-24T17:00:00Z");
  CHECK(parse_utc_time("2014-10-24t17:00:00z") == "2014-10-24T17:00:00Z");
  CHECK(parse_utc_time("2014-10-24T17:00:00+00:00") == "2014-10-24T17:00:00Z");
  // The store keeps whole seconds: a fraction is dropped, which counts the same events.
  CHECK(parse_utc_time("2014-10-24T17:00:00.999Z") == "2014-10-24T17:00:00Z");
  CHECK(parse_utc_time("2014-10-24") == "2014-10-24T23:59:59Z");
  CHECK(parse_utc_time("2016-12-31T23:59:60Z") == "2016-12-31T23:59:60Z");  // a leap second
  for (const char* bad : {"", "24/10/2014", "2014-10-24T17:00:00", "2014-10-24T17:00:00+07:00",
                          "2014-10-24T24:00:00Z", "2014-10-24T17:60:00Z", "2014-02-30T10:00:00Z",
                          "2014-10-24 17:00:00Z", "2014-10-24T17:00:00.Z", "2014-10-24T17:00Z",
                          "2014-10-24T17:00:00ZZ", "2014-1-24"}) {
    INFO(bad);
    CHECK_FALSE(parse_utc_time(bad));
  }
}

TEST_CASE("a date is read as YYYY-MM-DD, a real day", "[model]") {
  CHECK(parse_date("2014-10-24") == Date{2014, 10, 24});
  CHECK_FALSE(parse_date("2014-02-30"));
  CHECK_FALSE(parse_date("24/10/2014"));
}

TEST_CASE("a date written day first, as Vietnamese offices write it", "[model]") {
  CHECK(parse_day_month_year("30/09/2018") == Date{2018, 9, 30});
  CHECK(parse_day_month_year("1/7/2018") == Date{2018, 7, 1});
  CHECK(parse_day_month_year("01-07-2018") == Date{2018, 7, 1});
  CHECK(parse_day_month_year("24.10.2014") == Date{2014, 10, 24});
  CHECK_FALSE(parse_day_month_year("30/02/2018"));   // not a day
  CHECK_FALSE(parse_day_month_year("09/30/2018"));   // month first
  CHECK_FALSE(parse_day_month_year("30/09-2018"));   // two separators
  CHECK_FALSE(parse_day_month_year("30/09/18"));     // a two-digit year
  CHECK_FALSE(parse_day_month_year("30/09/20180"));  // five digits
  CHECK_FALSE(parse_day_month_year("123/09/2018"));
  CHECK_FALSE(parse_day_month_year("2018-09-30"));
  CHECK_FALSE(parse_day_month_year("30/09/2018 "));
  CHECK_FALSE(parse_day_month_year(""));
  CHECK_FALSE(parse_day_month_year("1/1/1899"));
}
