#pragma once
// What status keeps of one task id's events (a Tally), how one event changes it, and its bytes in
// the store's task summaries. Internal to the track module.
#include <cstdint>
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
