#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "plantrack/money.hpp"

namespace plantrack {

std::optional<std::int64_t> add_amounts(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) return std::nullopt;
  return out;
}

std::optional<std::int64_t> sum_amounts(const std::vector<std::int64_t>& amounts) {
  std::int64_t total = 0;
  for (std::int64_t a : amounts) {
    std::optional<std::int64_t> next = add_amounts(total, a);
    if (!next) return std::nullopt;
    total = *next;
  }
  return total;
}

std::optional<std::int64_t> multiply_amount(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) return std::nullopt;
  return out;
}

std::optional<std::int64_t> percent_of(std::int64_t amount, std::int64_t percent) {
  // amount * percent / 100 = (amount / 100) * percent + (amount % 100) * percent / 100, exactly.
  std::optional<std::int64_t> whole = multiply_amount(amount / 100, percent);
  std::optional<std::int64_t> part = multiply_amount(amount % 100, percent);
  if (!whole || !part) return std::nullopt;
  return add_amounts(*whole, *part / 100);
}

std::optional<std::int64_t> parse_amount(std::string_view text) {
  if (text.empty()) return std::nullopt;
  char separator = 0;
  std::size_t digits_in_group = 0;
  std::size_t groups = 1;
  std::int64_t value = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      std::optional<std::int64_t> next = multiply_amount(value, 10);
      if (next) next = add_amounts(*next, c - '0');
      if (!next) return std::nullopt;
      value = *next;
      ++digits_in_group;
      continue;
    }
    bool is_separator = c == '.' || c == ',' || c == '_' || c == ' ';
    if (!is_separator || (separator != 0 && c != separator)) return std::nullopt;
    // The first group has 1-3 digits; every later one exactly 3.
    if (digits_in_group == 0 || digits_in_group > 3 || (groups > 1 && digits_in_group != 3)) {
      return std::nullopt;
    }
    separator = c;
    digits_in_group = 0;
    ++groups;
  }
  if (digits_in_group == 0 || (groups > 1 && digits_in_group != 3)) return std::nullopt;
  return value;
}

NumberStyle number_style(std::string_view locale) {
  return locale == "vi" ? NumberStyle::kVietnamese : NumberStyle::kEnglish;
}

std::string format_percent(double percent) {
  if (std::isnan(percent)) return "-";
  // Up to 309 digits for the largest double; a huge share is shown whole, never cut.
  char buffer[400];
  // Half up (2/3 is 67%), except that only a reached target shows 100%: 99.6% is "99%". The
  // 1e-9 absorbs the noise of a mean of shares (a share of 100 summed from thirds).
  double whole = std::floor(percent + 0.5 + 1e-9);
  if (whole >= 100 && percent < 100 - 1e-9) whole = 99;
  std::snprintf(buffer, sizeof buffer, "%.0f%%", whole);
  return buffer;
}

std::string format_figure(std::int64_t value, NumberStyle style) {
  char separator = style == NumberStyle::kVietnamese ? '.' : ',';
  // Digits of the magnitude, as unsigned so that INT64_MIN has one too.
  std::uint64_t magnitude =
      value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  std::string digits = std::to_string(magnitude);
  std::string out;
  if (value < 0) out += '-';
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

std::string format_money(std::int64_t value, NumberStyle style) {
  if (style == NumberStyle::kVietnamese) return format_figure(value, style) + " đồng";
  return "VND " + format_figure(value, style);
}

}  // namespace plantrack
