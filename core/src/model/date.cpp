#include "plantrack/date.hpp"

#include <charconv>
#include <cstdio>

namespace plantrack {

std::string Date::to_string() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year(), month(), day());
  return buffer;
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + length, value);
    if (ec != std::errc() || end != text.data() + at + length) return std::nullopt;
    return value;
  };
  auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (!year || !month || !day || *year < 1900) return std::nullopt;
  Date date{*year, *month, *day};  // month and day are two digits: no overflow into unsigned char
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<Date> parse_day_month_year(std::string_view text) {
  int parts[3] = {0, 0, 0};
  std::size_t at = 0;
  char separator = 0;
  for (int i = 0; i < 3; ++i) {
    std::size_t length = i < 2 ? 2 : 4;
    std::size_t end = at;
    while (end < text.size() && end - at < length && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == at || (i == 2 && end - at != 4)) return std::nullopt;
    std::from_chars(text.data() + at, text.data() + end, parts[i]);
    at = end;
    if (i == 2) break;
    if (at >= text.size() || (text[at] != '/' && text[at] != '-' && text[at] != '.')) return {};
    if (separator && text[at] != separator) return std::nullopt;  // 30/09-2018
    separator = text[at++];
  }
  if (at != text.size() || parts[2] < 1900) return std::nullopt;
  Date date{parts[2], parts[1], parts[0]};  // day and month have at most two digits
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<std::string> parse_utc_time(std::string_view text) {
  if (text.size() == 10) {
    if (!parse_date(text)) return std::nullopt;
    return std::string(text) + "T23:59:59Z";
  }
  if (text.size() < 20 || !parse_date(text.substr(0, 10)) || (text[10] != 'T' && text[10] != 't'))
    return std::nullopt;
  auto two = [&](std::size_t at, int most) -> bool {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + 2, value);
    return ec == std::errc() && end == text.data() + at + 2 && value <= most;
  };
  // Seconds up to 60: RFC 3339 allows a leap second.
  if (!two(11, 23) || text[13] != ':' || !two(14, 59) || text[16] != ':' || !two(17, 60))
    return std::nullopt;
  std::string_view rest = text.substr(19);
  if (!rest.empty() && rest[0] == '.') {  // a fraction: at least one digit
    std::size_t digits = 1;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 1) return std::nullopt;
    rest.remove_prefix(digits);
  }
  if (rest != "Z" && rest != "z" && rest != "+00:00") return std::nullopt;
  std::string out(text.substr(0, 19));
  out[10] = 'T';
  return out + "Z";
}

}  // namespace plantrack
