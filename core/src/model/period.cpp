#include "plantrack/period.hpp"

#include <charconv>

namespace plantrack {
namespace {

using std::chrono::last;
using std::chrono::year_month_day_last;

Date last_of_month(int year, int month) {
  return Date{std::chrono::year_month_day{year_month_day_last{
      std::chrono::year{year},
      std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(month)}}}}};
}

std::optional<int> year_of(std::string_view text) {
  int year = 0;
  if (text.size() != 4) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || year < 1900) return std::nullopt;
  return year;
}

PeriodParse wrong(std::string_view text, std::string error) {
  PeriodParse p;
  p.error = "\"" + std::string(text) + "\" " + error;
  p.fix =
      "write a year (2018), years (2016..2019), a half (2018-H1), a quarter (2018-Q2) or days "
      "(2018-01-01..2018-09-30)";
  return p;
}

PeriodParse one_part(std::string_view text) {
  std::optional<int> year = year_of(text.substr(0, 4));
  if (!year) return wrong(text, "is not a period");
  if (text.size() == 4) return {year_period(*year), {}, {}};
  if (text.size() != 7 || text[4] != '-') return wrong(text, "is not a period");
  char kind = static_cast<char>(text[5] & ~0x20);  // H or Q, either case
  int part = text[6] - '0';
  Period p;
  p.part = part;
  if (kind == 'H' && (part == 1 || part == 2)) {
    p.kind = Period::Kind::kHalf;
    p.first = Date{*year, part == 1 ? 1 : 7, 1};
    p.last = last_of_month(*year, part == 1 ? 6 : 12);
    return {p, {}, {}};
  }
  if (kind == 'Q' && part >= 1 && part <= 4) {
    p.kind = Period::Kind::kQuarter;
    p.first = Date{*year, 3 * part - 2, 1};
    p.last = last_of_month(*year, 3 * part);
    return {p, {}, {}};
  }
  return wrong(text, kind == 'H'   ? "names no half of a year (H1 or H2)"
                     : kind == 'Q' ? "names no quarter of a year (Q1 to Q4)"
                                   : "is not a period");
}

}  // namespace

bool Period::whole_months() const {
  return first.day() == 1 && last == last_of_month(last.year(), last.month());
}

bool Period::whole_years() const {
  return first == Date{first.year(), 1, 1} && last == Date{last.year(), 12, 31};
}

std::string Period::to_string() const {
  switch (kind) {
    case Kind::kYears:
      return first_year() == last_year()
                 ? std::to_string(first_year())
                 : std::to_string(first_year()) + ".." + std::to_string(last_year());
    case Kind::kHalf:
      return std::to_string(first_year()) + "-H" + std::to_string(part);
    case Kind::kQuarter:
      return std::to_string(first_year()) + "-Q" + std::to_string(part);
    case Kind::kRange:
      break;
  }
  return first.to_string() + ".." + last.to_string();
}

Period year_period(int year) {
  return years_period(year, year);
}

Period years_period(int from, int to) {
  Period p;
  p.first = Date{from, 1, 1};
  p.last = Date{to, 12, 31};
  return p;
}

PeriodParse parse_period(std::string_view text) {
  std::size_t dots = text.find("..");
  if (dots == std::string_view::npos) return one_part(text);
  std::string_view from = text.substr(0, dots), to = text.substr(dots + 2);
  if (from.size() == 4 && to.size() == 4) {
    std::optional<int> a = year_of(from), b = year_of(to);
    if (!a || !b) return wrong(text, "is not a range of years");
    if (*b < *a) return wrong(text, "ends before it starts");
    return {years_period(*a, *b), {}, {}};
  }
  std::optional<Date> a = parse_date(from), b = parse_date(to);
  if (!a) return wrong(text, "starts with \"" + std::string(from) + "\", not a date (YYYY-MM-DD)");
  if (!b) return wrong(text, "ends with \"" + std::string(to) + "\", not a date (YYYY-MM-DD)");
  if (*b < *a) return wrong(text, "ends before it starts");
  Period p;
  p.kind = Period::Kind::kRange;
  p.first = *a;
  p.last = *b;
  // Days that make whole years are the years ("2016-01-01..2019-12-31" is 2016..2019).
  if (p.whole_years()) p.kind = Period::Kind::kYears;
  return {p, {}, {}};
}

Date place_of(Date effective, std::optional<int> year) {
  if (!year || *year == effective.year()) return effective;
  return *year < effective.year() ? Date{*year, 12, 31} : Date{*year, 1, 1};
}

}  // namespace plantrack
