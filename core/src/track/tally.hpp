#pragma once
// What status keeps of one task id's events (a Tally), how one event changes it, and its bytes in
// the store's task summaries. Internal to the track module.
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/event.hpp"
#include "plantrack/plan.hpp"

namespace plantrack::tally {

// What the events say of one task, before the plan's dependencies are looked at.
struct Tally {
  std::int64_t total = 0;                 // increment: the sum; cumulative: the latest total
  std::map<int, std::int64_t> per_year;   // increment: sums; cumulative: latest total in the year
  std::optional<Date> latest_cumulative;  // date of the latest cumulative record
  bool started = false, completed = false, cancelled = false;
  std::optional<std::string> block_reason;
  std::optional<Date> last_activity;
  std::uint64_t events = 0;  // events applied (for orphans)
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

// One event (not a revert, not reverted), oldest first.
void apply(Tally& t, Counting counting, const EventFact& e);

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
