#pragma once
/// A calendar date: the one date type of the model, on std::chrono's proleptic Gregorian calendar.
///
/// Example:
///   std::optional<plantrack::Date> d = plantrack::parse_date("2014-10-24");
///   int left = d->days_until(plantrack::Date{2014, 12, 31});  // 68
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/export.hpp"

namespace plantrack {

/// A date as TOML writes it (a local date); `Date{}` is "no date" (year 0, not a valid day).
class Date {
 public:
  constexpr Date() = default;
  constexpr Date(int year, int month, int day)
      : ymd_{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
             std::chrono::day{static_cast<unsigned>(day)}} {}
  constexpr explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
  constexpr explicit Date(std::chrono::sys_days days) : ymd_(days) {}

  constexpr int year() const { return static_cast<int>(ymd_.year()); }
  constexpr int month() const { return static_cast<int>(static_cast<unsigned>(ymd_.month())); }
  constexpr int day() const { return static_cast<int>(static_cast<unsigned>(ymd_.day())); }
  constexpr std::chrono::year_month_day ymd() const { return ymd_; }
  /// A real day of the calendar (not `Date{}`, not 30 February).
  constexpr bool ok() const { return ymd_.ok(); }
  /// Days from this date to `other` (negative when `other` is earlier).
  constexpr int days_until(Date other) const {
    return static_cast<int>(
        (std::chrono::sys_days(other.ymd_) - std::chrono::sys_days(ymd_)).count());
  }

  constexpr auto operator<=>(const Date&) const = default;
  constexpr bool operator==(const Date&) const = default;
  /// ISO 8601, e.g. "2014-12-31".
  PLANTRACK_API std::string to_string() const;

 private:
  std::chrono::year_month_day ymd_{};
};

/// "YYYY-MM-DD" (ISO 8601, as plantrack prints and stores dates), a real day from 1900 on, else
/// nullopt. The one parser of dates written as text.
PLANTRACK_API std::optional<Date> parse_date(std::string_view text);

/// A date written day first, as Vietnamese offices write them: "30/09/2018", also with '-' or '.'
/// and one-digit days or months ("1/7/2018"); a real day from 1900 on, else nullopt.
PLANTRACK_API std::optional<Date> parse_day_month_year(std::string_view text);

/// A moment in UTC as the store keeps `recorded_at` ("2014-10-24T17:00:00Z"), read from RFC 3339
/// with a `Z` or `+00:00` (fractions of a second dropped: the store keeps whole seconds), or from
/// a date, which means its last second ("2014-10-24" is "2014-10-24T23:59:59Z"). nullopt for
/// anything else, also a time with another offset. What `--known-at` takes.
PLANTRACK_API std::optional<std::string> parse_utc_time(std::string_view text);

}  // namespace plantrack
