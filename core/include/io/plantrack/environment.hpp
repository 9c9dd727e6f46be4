#pragma once
/// What plantrack reads from around it: environment variables and the clock. Passed in (see
/// Tracker::Options), as ninja passes a DiskInterface, so that a test sets a variable or the time
/// without setenv and without sleeping, and a server gives each request the same view.
///
/// Example:
///   plantrack::Environment env = plantrack::Environment::of({{"PLANTRACK_DB", "/tmp/t.db"}});
///   plantrack::FixedClock clock("2014-10-24T08:00:00Z");
///   clock.today();  // 2014-10-24
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/date.hpp"
#include "plantrack/export.hpp"

namespace plantrack {

/// Environment variables. An empty value counts as unset.
class PLANTRACK_API Environment {
 public:
  /// The process's environment, read at each lookup.
  static Environment process();
  /// Only these values (what tests and embedders pass).
  static Environment of(std::map<std::string, std::string> values);

  std::optional<std::string> get(std::string_view name) const;

 private:
  bool process_ = false;
  std::map<std::string, std::string, std::less<>> values_;
};

/// "Now" and "today". Implementations must be safe to call from several threads.
class PLANTRACK_API Clock {
 public:
  virtual ~Clock();
  /// Now in UTC, RFC 3339 ("2014-10-24T08:30:00Z"): what the store keeps as `recorded_at`.
  virtual std::string now_utc() const = 0;
  /// Today's date where plantrack runs: the default effective date of what is recorded.
  virtual Date today() const = 0;
};

/// The system's clock, unless PLANTRACK_NOW (read from `environment`) pins it: then now is its
/// value and today its date part (docs/tracking.md, "Reproducible runs").
class PLANTRACK_API SystemClock : public Clock {
 public:
  explicit SystemClock(const Environment& environment);
  std::string now_utc() const override;
  Date today() const override;

 private:
  std::optional<std::string> pinned_;
};

/// A clock that stays where it is set: for tests.
class PLANTRACK_API FixedClock : public Clock {
 public:
  /// `now` as RFC 3339 UTC ("2014-10-24T08:00:00Z"); today is its date part.
  explicit FixedClock(std::string now);
  void set(std::string now) { now_ = std::move(now); }
  std::string now_utc() const override { return now_; }
  Date today() const override;

 private:
  std::string now_;
};

/// Today by the process's clock: `SystemClock(Environment::process()).today()`.
PLANTRACK_API Date today();
/// Now by the process's clock, RFC 3339 UTC.
PLANTRACK_API std::string now_utc();

}  // namespace plantrack
