// Dates and the clock. PLANTRACK_NOW pins "now" for reproducible runs (docs/tracking.md).
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <ctime>

#include "plantrack/environment.hpp"
#include "plantrack/status.hpp"

namespace plantrack {
namespace {

Date local_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::string utc_now() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

// The date part of a pinned or fixed "now"; today's date when it has none.
Date date_of(const std::string& now) {
  if (auto date = parse_date(std::string_view(now).substr(0, 10))) return *date;
  return local_today();
}

bool leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + length, value);
    if (ec != std::errc() || end != text.data() + at + length) return std::nullopt;
    return value;
  };
  auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (!year || !month || !day || *year < 1900 || *month < 1 || *month > 12 || *day < 1 ||
      *day > days_in_month(*year, *month)) {
    return std::nullopt;
  }
  return Date{*year, *month, *day};
}

Date today() {
  return SystemClock(Environment::process()).today();
}

std::string now_utc() {
  return SystemClock(Environment::process()).now_utc();
}

Clock::~Clock() = default;

SystemClock::SystemClock(const Environment& environment)
    : pinned_(environment.get("PLANTRACK_NOW")) {}

std::string SystemClock::now_utc() const {
  return pinned_ ? *pinned_ : utc_now();
}

Date SystemClock::today() const {
  return pinned_ ? date_of(*pinned_) : local_today();
}

FixedClock::FixedClock(std::string now) : now_(std::move(now)) {}

Date FixedClock::today() const {
  return date_of(now_);
}

}  // namespace plantrack
