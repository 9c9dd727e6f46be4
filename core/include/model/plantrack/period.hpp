#pragma once
/// A reporting period: one or more whole years, a half or a quarter of a year, or any range of
/// days. What `--year` and `--period` give the commands that show figures (docs/tracking.md,
/// "Periods").
///
/// Example:
///   plantrack::PeriodParse p = plantrack::parse_period("2018-Q2");
///   p.period->first;                 // 2018-04-01
///   p.period->contains(Date{2018, 5, 10});  // true
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/date.hpp"
#include "plantrack/export.hpp"

namespace plantrack {

struct Period {
  enum class Kind : std::int32_t {
    kYears,    ///< "2018", "2016..2019": whole years
    kHalf,     ///< "2018-H1": January-June, "2018-H2": July-December
    kQuarter,  ///< "2018-Q2": April-June
    kRange,    ///< "2018-01-01..2018-09-30": any days, both ends included
  };
  Kind kind = Kind::kYears;
  Date first, last;       ///< both included
  std::int32_t part = 0;  ///< the half (1-2) or the quarter (1-4); 0 otherwise

  constexpr bool contains(Date d) const { return first <= d && d <= last; }
  constexpr int first_year() const { return first.year(); }
  constexpr int last_year() const { return last.year(); }
  /// Touches `year` (a budget line, a target or a participant of that year belongs to it).
  constexpr bool touches(int year) const { return first_year() <= year && year <= last_year(); }
  /// Starts on a month's first day and ends on a month's last day (what the store's per-month
  /// summaries can answer without reading the log).
  PLANTRACK_API bool whole_months() const;
  /// Starts on January 1 and ends on December 31.
  PLANTRACK_API bool whole_years() const;
  /// As it is typed: "2018", "2016..2019", "2018-H1", "2018-Q2", "2018-01-01..2018-09-30".
  PLANTRACK_API std::string to_string() const;
  constexpr bool operator==(const Period&) const = default;
};

/// The year `year`, January 1 to December 31.
PLANTRACK_API Period year_period(int year);
/// The years `from` to `to`, both included.
PLANTRACK_API Period years_period(int from, int to);

/// A period as typed, or what is wrong with the text and what to write instead.
struct PeriodParse {
  std::optional<Period> period;
  std::string error, fix;
};
/// "2018", "2016..2019", "2018-H1", "2018-Q3", "2018-01-01..2018-09-30" (years from 1900).
PLANTRACK_API PeriodParse parse_period(std::string_view text);

/// Where a record falls in time for periods: its effective date, moved into the year it counts
/// for when that differs (a 2018 record entered on 2019-01-15 counts in 2018's last day, one
/// entered early in 2018's first), so the quarters of a year add up to the year.
PLANTRACK_API Date place_of(Date effective, std::optional<int> year);

}  // namespace plantrack
