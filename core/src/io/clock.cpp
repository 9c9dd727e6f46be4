// Dates and the clock. PLANTRACK_NOW pins "now" for reproducible runs (docs/tracking.md).
#include <chrono>
#include <cstdlib>
#include <ctime>

#include "plantrack/environment.hpp"

namespace plantrack {
namespace {

Date local_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);  // std::chrono::current_zone needs GCC 14's tzdb
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

}  // namespace

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
