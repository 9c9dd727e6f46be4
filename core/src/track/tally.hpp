#pragma once
// What status keeps of one task id's events (a Tally), how one event changes it, and its bytes in
// the store's task summaries. Internal to the track module.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plantrack/event.hpp"
#include "plantrack/plan.hpp"

namespace plantrack::tally {

// The records of one month (or, in a status of a period of days, one day), by where they fall
// in time (place_of: the effective date, moved into the year the record counts for).
struct Bucket {
  std::int32_t key = 0;       // yyyymm00, or yyyymmdd for a day
  std::int64_t quantity = 0;  // increment: the sum; cumulative: the latest total in the bucket
  std::int32_t latest = 0;    // cumulative: where (yyyymmdd) that total falls
};

// yyyymmdd of `d`, the day left out (00) unless `days`.
inline std::int32_t bucket_key(Date d, bool days) {
  return d.year() * 10000 + d.month() * 100 + (days ? d.day() : 0);
}

// The reason kept (and stored in the task summaries) for a block that gave none: English, as
// data; status shows it in the reader's language.
inline constexpr std::string_view kBlockedByHand = "blocked by hand";

// What the events say of one task, before the plan's dependencies are looked at.
struct Tally {
  std::int64_t total = 0;                 // increment: the sum; cumulative: the latest total
  std::vector<Bucket> buckets;            // sorted by key
  std::optional<Date> latest_cumulative;  // place_of the latest cumulative record
  bool started = false, completed = false, cancelled = false;
  std::optional<std::string> block_reason;
  std::optional<Date> last_activity;
  std::uint64_t events = 0;  // events applied (for orphans)
  // When the task last became done (TaskStatus::done_on), with `done_target` the target it was
  // measured against: a summary folded against another target is not used.
  std::optional<Date> done_on;
  std::int64_t done_target = 0;
  std::optional<Date> latest_place;  // the latest place_of among the progress records
};

// a + b, held at the limit instead of wrapping: recording refuses what would pass the 64-bit
// range, but an older plantrack (or SQL by hand) may have stored it.
inline std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (!__builtin_add_overflow(a, b, &out)) return out;
  return b > 0 ? std::numeric_limits<std::int64_t>::max()
               : std::numeric_limits<std::int64_t>::min();
}

// a - b, held at the limit instead of wrapping.
inline std::int64_t saturating_sub(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (!__builtin_sub_overflow(a, b, &out)) return out;
  return b < 0 ? std::numeric_limits<std::int64_t>::max()
               : std::numeric_limits<std::int64_t>::min();
}

// One event (not a revert, not reverted), oldest first; `days`: buckets of days, not months.
// `target`: the task's, for when it becomes done (Tally::done_on).
void apply(Tally& t, Counting counting, std::int64_t target, const EventFact& e, bool days = false);

// Increment: the sum of the buckets from `first` to `last` (keys, both included).
std::int64_t sum_between(const Tally& t, std::int32_t first, std::int32_t last);
// Cumulative: the total of the latest bucket up to `last` (0 when none).
std::int64_t standing_at(const Tally& t, std::int32_t last);
// Per year: increment, the year's sum; cumulative, the total latest in the year. Sorted by year.
std::vector<std::pair<int, std::int64_t>> per_year(const Tally& t, Counting counting);

// A task id's summary in the store (see fold_summary): the tally after all of its events, the
// counting it was folded with, and the latest date among those events, reverts included.
struct Summary {
  Counting counting = Counting::kIncrement;
  std::optional<Date> latest;
  Tally tally;
};

std::string write_summary(const Summary& s);
// nullopt for bytes of another layout version or damaged bytes.
std::optional<Summary> read_summary(std::string_view bytes);

}  // namespace plantrack::tally
