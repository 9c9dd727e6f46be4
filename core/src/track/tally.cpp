#include "tally.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_set>
#include <vector>

#include "plantrack/detail/summary.hpp"
#include "plantrack/period.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/status.hpp"
#include "plantrack/utf8.hpp"

namespace plantrack {
namespace tally {
namespace {

// Little-endian fixed-width fields; the version byte changes with the layout.
// 2: per-month buckets, not per-year sums. 3: when the task became done, and against which target.
constexpr std::uint8_t kSummaryVersion = 3;

struct SummaryWriter {
  std::string out;
  void u8(std::uint8_t v) { out.push_back(static_cast<char>(v)); }
  void i64(std::int64_t v) {
    for (int i = 0; i < 8; ++i)
      out.push_back(static_cast<char>((static_cast<std::uint64_t>(v) >> (8 * i)) & 0xff));
  }
  void i32(std::int32_t v) {
    for (int i = 0; i < 4; ++i)
      out.push_back(static_cast<char>((static_cast<std::uint32_t>(v) >> (8 * i)) & 0xff));
  }
  void date(const std::optional<Date>& d) {
    u8(d.has_value());
    // In 64 bits: a date read from damaged bytes may have any year, and int would overflow.
    if (d) i64(std::int64_t{d->year()} * 10000 + std::int64_t{d->month()} * 100 + d->day());
  }
  void text(const std::optional<std::string>& t) {
    u8(t.has_value());
    if (!t) return;
    i64(static_cast<std::int64_t>(t->size()));
    out += *t;
  }
};

struct SummaryReader {
  std::string_view in;
  bool ok = true;
  std::uint8_t u8() {
    if (in.empty()) return ok = false, 0;
    auto v = static_cast<std::uint8_t>(in[0]);
    in.remove_prefix(1);
    return v;
  }
  std::int64_t i64() {
    if (in.size() < 8) return ok = false, 0;
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[static_cast<std::size_t>(i)]))
           << (8 * i);
    in.remove_prefix(8);
    return static_cast<std::int64_t>(v);
  }
  std::int32_t i32() {
    if (in.size() < 4) return ok = false, 0;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[static_cast<std::size_t>(i)]))
           << (8 * i);
    in.remove_prefix(4);
    return static_cast<std::int32_t>(v);
  }
  // A date as written (yyyymmdd): a real day of years 0-9999, else the bytes are damaged (a
  // Date holds no other value, so anything else would not be written back the same).
  std::optional<Date> date() {
    if (!u8()) return std::nullopt;
    std::int64_t v = i64();
    if (!ok || v < 0 || v > 99991231) return ok = false, std::nullopt;
    Date d{static_cast<int>(v / 10000), static_cast<int>(v / 100 % 100), static_cast<int>(v % 100)};
    if (!d.ok()) return ok = false, std::nullopt;
    return d;
  }
  std::optional<std::string> text() {
    if (!u8()) return std::nullopt;
    auto n = static_cast<std::size_t>(i64());
    if (!ok || n > in.size()) return ok = false, std::nullopt;
    std::string t(in.substr(0, n));
    in.remove_prefix(n);
    return t;
  }
};

}  // namespace

std::string write_summary(const Summary& s) {
  SummaryWriter w;
  w.u8(kSummaryVersion);
  w.u8(static_cast<std::uint8_t>(s.counting));
  w.date(s.latest);
  const Tally& t = s.tally;
  w.i64(t.total);
  w.i64(static_cast<std::int64_t>(t.buckets.size()));
  for (const Bucket& b : t.buckets) {
    w.i32(b.key);
    w.i64(b.quantity);
    w.i32(b.latest);
  }
  w.date(t.latest_cumulative);
  w.u8(static_cast<std::uint8_t>(t.started | t.completed << 1 | t.cancelled << 2));
  w.text(t.block_reason);
  w.date(t.last_activity);
  w.i64(static_cast<std::int64_t>(t.events));
  w.date(t.done_on);
  w.i64(t.done_target);
  w.date(t.latest_place);
  return std::move(w.out);
}

std::optional<Summary> read_summary(std::string_view bytes) {
  SummaryReader r{bytes};
  if (r.u8() != kSummaryVersion) return std::nullopt;
  Summary s;
  std::uint8_t counting = r.u8();
  if (counting > static_cast<std::uint8_t>(Counting::kCumulative)) return std::nullopt;
  s.counting = static_cast<Counting>(counting);
  s.latest = r.date();
  Tally& t = s.tally;
  t.total = r.i64();
  std::int64_t buckets = r.i64();
  // Each bucket is 16 bytes: a count the bytes cannot hold is damage, not a size to reserve.
  if (buckets < 0 || static_cast<std::uint64_t>(buckets) > r.in.size() / 16) return std::nullopt;
  t.buckets.reserve(static_cast<std::size_t>(buckets));
  for (std::int64_t i = 0; r.ok && i < buckets; ++i) {
    Bucket b;
    b.key = r.i32();
    b.quantity = r.i64();
    b.latest = r.i32();
    // Keys in order, each a month (or day) key: else a fold of it would not write it back the same.
    if (!t.buckets.empty() && b.key <= t.buckets.back().key) return std::nullopt;
    t.buckets.push_back(b);
  }
  t.latest_cumulative = r.date();
  std::uint8_t flags = r.u8();
  t.started = flags & 1;
  t.completed = flags & 2;
  t.cancelled = flags & 4;
  t.block_reason = r.text();
  if (t.block_reason) t.block_reason = valid_utf8(*t.block_reason);  // an older plantrack's
  t.last_activity = r.date();
  t.events = static_cast<std::uint64_t>(r.i64());
  t.done_on = r.date();
  t.done_target = r.i64();
  t.latest_place = r.date();
  if (!r.ok || !r.in.empty()) return std::nullopt;
  return s;
}

namespace {

// The bucket of `key`, made (in order) when there is none yet.
Bucket& bucket(Tally& t, std::int32_t key) {
  auto it = std::lower_bound(t.buckets.begin(), t.buckets.end(), key,
                             [](const Bucket& b, std::int32_t k) { return b.key < k; });
  if (it == t.buckets.end() || it->key != key) it = t.buckets.insert(it, Bucket{key, 0, 0});
  return *it;
}

}  // namespace

void apply(Tally& t, Counting counting, std::int64_t target, const EventFact& e, bool days) {
  ++t.events;
  t.done_target = target;
  t.last_activity = std::max(t.last_activity.value_or(e.effective), e.effective);
  switch (e.kind) {
    case EventKind::kProgress: {
      std::int64_t q = e.quantity.value_or(0);
      // Where the record falls in time: a running total stated for 2013 and entered in 2015 is
      // older than one stated for 2014, so the latest standing is the latest by this place.
      Date place = place_of(e.effective, e.year);
      t.latest_place = std::max(t.latest_place.value_or(place), place);
      if (counting == Counting::kIncrement) {
        t.total = saturating_add(t.total, q);
      } else if (!t.latest_cumulative || place >= *t.latest_cumulative) {
        t.total = q;
        t.latest_cumulative = place;
      }
      // A record without a year (the year "-": work not split by year) counts in the total only.
      if (!e.year) break;
      Bucket& b = bucket(t, bucket_key(place, days));
      if (counting == Counting::kIncrement) {
        b.quantity = saturating_add(b.quantity, q);
      } else {
        std::int32_t where = bucket_key(place, true);
        if (where >= b.latest) {  // oldest first: the later of two on one day wins
          b.quantity = q;
          b.latest = where;
        }
      }
      break;
    }
    case EventKind::kStart:
      t.started = true;
      break;
    case EventKind::kComplete:
      t.completed = true;
      break;
    case EventKind::kCancel:
      t.cancelled = true;
      break;
    case EventKind::kReopen:
      t.completed = false;
      t.cancelled = false;
      break;
    case EventKind::kBlock:
      t.block_reason = e.note.empty() ? std::string(kBlockedByHand) : e.note;
      break;
    case EventKind::kUnblock:
      t.block_reason.reset();
      break;
    case EventKind::kNote:
    case EventKind::kRevert:
    case EventKind::kSpend:  // money: read from the log by status (Spending), not tallied
      break;
  }
  // Done as state_of counts it (docs/tracking.md, "Done late"): on the day of a `complete`, or,
  // when the target is reached, on the latest date among the records counted by then (in the
  // log's order), each where it counts (place_of: a record for 2013 entered later counts on
  // 2013-12-31).
  bool done = t.completed || (target > 0 && t.total >= target);
  if (!done) {
    t.done_on.reset();
  } else if (!t.done_on) {
    t.done_on = e.kind == EventKind::kComplete || !t.latest_place ? e.effective : *t.latest_place;
  }
}

std::int64_t sum_between(const Tally& t, std::int32_t first, std::int32_t last) {
  std::int64_t sum = 0;
  auto it = std::lower_bound(t.buckets.begin(), t.buckets.end(), first,
                             [](const Bucket& b, std::int32_t k) { return b.key < k; });
  for (; it != t.buckets.end() && it->key <= last; ++it) sum = saturating_add(sum, it->quantity);
  return sum;
}

std::int64_t standing_at(const Tally& t, std::int32_t last) {
  auto it = std::upper_bound(t.buckets.begin(), t.buckets.end(), last,
                             [](std::int32_t k, const Bucket& b) { return k < b.key; });
  return it == t.buckets.begin() ? 0 : std::prev(it)->quantity;
}

std::vector<std::pair<int, std::int64_t>> per_year(const Tally& t, Counting counting) {
  std::vector<std::pair<int, std::int64_t>> out;
  for (const Bucket& b : t.buckets) {
    int year = b.key / 10000;
    if (out.empty() || out.back().first != year) {
      out.emplace_back(year, b.quantity);
    } else if (counting == Counting::kIncrement) {
      out.back().second = saturating_add(out.back().second, b.quantity);
    } else {
      out.back().second = b.quantity;  // buckets in order: the year's latest
    }
  }
  return out;
}

}  // namespace tally

std::optional<std::string> fold_summary(const Plan& plan, const PlanIndex& index,
                                        std::string_view task,
                                        std::optional<std::string_view> previous,
                                        const std::vector<EventFact>& events) {
  std::optional<std::size_t> current = index.current_task(task);
  Counting counting = current ? plan.tasks[*current].counting : Counting::kIncrement;
  std::int64_t target = current ? plan.tasks[*current].target : 0;
  tally::Summary s;
  std::unordered_set<std::int64_t> reverted;
  if (previous) {
    std::optional<tally::Summary> before = tally::read_summary(*previous);
    if (!before || before->counting != counting) return std::nullopt;
    // Folded against another target: when it became done may differ (fold again).
    if (before->tally.events > 0 && before->tally.done_target != target) return std::nullopt;
    s = std::move(*before);
  } else {
    s.counting = counting;
  }
  for (const EventFact& e : events) {
    if (e.kind != EventKind::kRevert) continue;
    if (previous) return std::nullopt;  // a revert changes the past: fold again from the start
    if (e.reverts) reverted.insert(*e.reverts);
  }
  for (const EventFact& e : events) {
    s.latest = std::max(s.latest.value_or(e.effective), e.effective);
    if (e.kind == EventKind::kRevert || reverted.count(e.id)) continue;
    tally::apply(s.tally, counting, target, e);
  }
  return tally::write_summary(s);
}

}  // namespace plantrack
