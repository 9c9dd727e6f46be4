#include "office_style.hpp"

#include "plantrack/date.hpp"
#include "plantrack/i18n.hpp"

namespace plantrack::load {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// "3.700.000.000" or "3,700,000,000": one to three digits, then groups of three after one and
// the same separator. The digits alone, or "" when `token` is not written so.
std::string grouped_digits(std::string_view token) {
  std::size_t first = 0;
  while (first < token.size() && is_digit(token[first])) ++first;
  if (first == 0 || first > 3 || first == token.size()) return {};
  char separator = token[first];
  if (separator != '.' && separator != ',') return {};
  std::string digits(token.substr(0, first));
  for (std::size_t at = first; at < token.size(); at += 4) {
    if (token[at] != separator || at + 4 > token.size()) return {};
    for (std::size_t k = 1; k <= 3; ++k) {
      if (!is_digit(token[at + k])) return {};
    }
    digits += token.substr(at + 1, 3);
  }
  return digits;
}

std::string underscored(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '_';
    out += digits[i];
  }
  return out;
}

Diagnostic make(std::string code, std::uint32_t line, std::uint32_t column, std::string message,
                std::string why, std::string fix) {
  Diagnostic d;
  d.code = std::move(code);
  d.where = SourcePos{line, column};
  d.message = std::move(message);
  d.why = std::move(why);
  d.fix = std::move(fix);
  return d;
}

std::optional<Diagnostic> diagnose(std::string_view token, std::uint32_t line,
                                   std::uint32_t column) {
  std::string value(token);
  std::string digits = grouped_digits(token);
  if (!digits.empty()) {
    return make(
        "number-format", line, column,
        tr("the number {value} is written with separators between the thousands",
           {{"value", value}}),
        tr("TOML reads a dot as a decimal mark and a comma as the end of a value; it "
           "groups digits with an underscore"),
        tr("write {grouped} (or {plain})", {{"grouped", underscored(digits)}, {"plain", digits}}));
  }
  if (std::optional<Date> date = parse_day_month_year(token)) {
    return make("date-format", line, column,
                tr("the date {value} is written day first", {{"value", value}}),
                tr("TOML writes dates year first, as year-month-day, without quotes"),
                tr("write {date}", {{"date", date->to_string()}}));
  }
  // Day first in shape, but not a day of the calendar (31/02/2018).
  std::size_t slash = token.find_first_of("/");
  if (slash != std::string_view::npos && slash <= 2 && token.size() >= 8 &&
      token.find_first_not_of("0123456789/") == std::string_view::npos) {
    return make("date-format", line, column,
                tr("{value} is not a date of the calendar", {{"value", value}}),
                tr("TOML writes dates year first, as year-month-day, without quotes"),
                tr("check the day and the month, and write the date as year-month-day, e.g. "
                   "2018-02-28"));
  }
  return std::nullopt;
}

}  // namespace

std::optional<Diagnostic> office_style_value(std::string_view line, std::uint32_t line_number,
                                             std::uint32_t column) {
  // Tokens of digits, dots, commas, slashes and dashes that start a value (after '=', '[', ',',
  // '{' or a space), scanned with their code-point columns.
  std::uint32_t col = 1;
  std::size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    bool starts =
        is_digit(c) && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '=' || line[i - 1] == '[' ||
                        line[i - 1] == ',' || line[i - 1] == '{' || line[i - 1] == '\t');
    if (!starts) {
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < line.size() && (is_digit(line[end]) || line[end] == '.' || line[end] == ',' ||
                                 line[end] == '/' || line[end] == '-')) {
      ++end;
    }
    std::uint32_t last = col + static_cast<std::uint32_t>(end - i);
    // The parser stops inside the value or just after it (at the separator it did not expect).
    if (column >= col && column <= last) {
      std::string_view token = line.substr(i, end - i);
      while (!token.empty() && token.back() == ',') token.remove_suffix(1);  // [1.000, 2.000]
      if (std::optional<Diagnostic> d = diagnose(token, line_number, col)) return d;
    }
    col = last;
    i = end;
  }
  return std::nullopt;
}

}  // namespace plantrack::load
