#include "plantrack/recording.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <tuple>

#include "plantrack/i18n.hpp"
#include "plantrack/money.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/utf8.hpp"

namespace plantrack {
namespace {

std::optional<std::int64_t> parse_quantity(const RecordInput& in, DiagnosticSink& sink) {
  std::int64_t value = 0;
  const std::string& text = in.quantity;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    Diagnostic& d =
        sink.error("bad-quantity", in.quantity_at,
                   tr("quantity \"{quantity}\" is not a whole number", {{"quantity", text}}));
    d.fix = tr("write the number done, e.g. 5 or 5000, without dots, commas or units");
    return std::nullopt;
  }
  if (value == 0) {
    sink.error("bad-quantity", in.quantity_at, tr("quantity is 0: nothing to record")).fix =
        tr("record the number actually done, or use 'plantrack start' to mark the task started");
    return std::nullopt;
  }
  if (value < 0 && !in.correction) {
    Diagnostic& d = sink.error("bad-quantity", in.quantity_at,
                               tr("quantity {quantity} is negative", {{"quantity", text}}));
    d.fix =
        tr("to correct an earlier record, use 'plantrack revert EVENT_ID', or pass --correction "
           "to record a negative adjustment");
    return std::nullopt;
  }
  return value;
}

// The year a record counts for: given, else the date's; "-" when the source gives no year (0).
std::optional<int> record_year(const RecordInput& in, Date effective, DiagnosticSink& sink) {
  if (in.year.empty()) return effective.year();
  if (in.year == "-") return 0;
  int year = 0;
  auto [end, ec] = std::from_chars(in.year.data(), in.year.data() + in.year.size(), year);
  if (in.year.size() != 4 || ec != std::errc() || end != in.year.data() + in.year.size() ||
      year < 1900) {
    sink.error("bad-year", in.year_at,
               tr("year \"{year}\" is not a four-digit year", {{"year", in.year}}))
        .fix = tr(
        "write the calendar year the work counts for, e.g. 2014, or - when the source gives none");
    return std::nullopt;
  }
  return year;
}

void warn_year(const Plan& plan, const Task& task, int year, SourcePos at, DiagnosticSink& sink) {
  if (year == 0) return;  // not attributed to a year
  std::vector<int> years = task.active_years();
  bool planned = years.empty() || std::count(years.begin(), years.end(), year);
  bool in_period = plan.info.period_start == 0 ||
                   (year >= plan.info.period_start && year <= plan.info.period_end);
  if (planned && in_period) return;
  sink.warning(
          "year-outside-plan", at,
          planned
              ? tr("year {year} is outside the plan period; recorded anyway", {{"year", year}})
              : tr("year {year} is not one of the task's years; recorded anyway", {{"year", year}}))
      .fix = tr("if the year is wrong, revert this record and record it again");
}

// The hex of the first bad byte and what surrounds it, e.g. "byte 0xFF after \"Công\"".
std::string bad_byte(std::string_view text, std::size_t at) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X",
                static_cast<unsigned>(static_cast<unsigned char>(text[at])));
  std::string before = valid_utf8(text.substr(at > 20 ? at - 20 : 0, at > 20 ? 20 : at));
  if (before.empty()) return tr("byte {hex} at its start", {{"hex", hex}});
  return tr("byte {hex} after \"{before}\"", {{"hex", hex}, {"before", before}});
}

}  // namespace

bool writes_day_first(const PlanInfo& info) {
  return info.locale == "vi";
}

std::optional<Date> effective_date(const std::string& text, SourcePos at, Date today,
                                   bool day_first, DiagnosticSink& sink) {
  if (text.empty()) return today;
  std::optional<Date> date = parse_date(text);
  std::optional<Date> written_day_first = date ? std::nullopt : parse_day_month_year(text);
  if (written_day_first && day_first) date = written_day_first;
  if (!date && written_day_first) {
    sink.error("bad-date", at,
               tr("date \"{date}\" is written day first, which this plan's language does not use",
                  {{"date", text}}))
        .fix = tr("write {date} (YYYY-MM-DD)", {{"date", written_day_first->to_string()}});
    return std::nullopt;
  }
  if (!date) {
    sink.error("bad-date", at,
               tr("date \"{date}\" is not a calendar date (YYYY-MM-DD)", {{"date", text}}))
        .fix = tr("write the date as 2014-10-24");
    return std::nullopt;
  }
  if (*date > today) {
    sink.error("future-date", at,
               tr("date {date} is in the future (today is {today})",
                  {{"date", text}, {"today", today.to_string()}}))
        .fix = tr("record work once it is done; check the date for a typing mistake");
    return std::nullopt;
  }
  return date;
}

bool check_utf8(std::initializer_list<TextField> fields, DiagnosticSink& sink) {
  bool ok = true;
  for (const TextField& f : fields) {
    std::optional<std::size_t> bad = first_invalid_utf8(f.text);
    if (!bad) continue;
    ok = false;
    sink.error("bad-text", f.at,
               tr("{field} is not UTF-8 text ({byte})",
                  {{"field", f.name}, {"byte", bad_byte(f.text, *bad)}}))
        .fix = tr("write it in UTF-8 (save the file as UTF-8, or set the terminal to UTF-8)");
  }
  return ok;
}

bool Recorder::add_progress(std::size_t task, int year, std::int64_t quantity, SourcePos at,
                            DiagnosticSink& sink) {
  const Task& t = plan_.tasks[task];
  TaskStatus& s = status_.tasks[task];
  if (t.counting != Counting::kIncrement) return true;  // a running total: nothing is summed
  auto [in_year, fresh] = done_in_year_.try_emplace(std::pair{task, year}, 0);
  if (fresh) in_year->second = s.achieved_in(year);
  std::optional<std::int64_t> total = add_amounts(s.achieved, quantity);
  std::optional<std::int64_t> year_total = add_amounts(in_year->second, quantity);
  if (total && (year == 0 || year_total)) {
    in_year->second = year_total.value_or(0);
    return true;
  }
  std::string message =
      total ? tr("task \"{task}\" would pass the 64-bit range (it has {quantity} {unit} in {year})",
                 {{"task", t.id}, {"quantity", in_year->second}, {"unit", t.unit}, {"year", year}})
            : tr("task \"{task}\" would pass the 64-bit range (it has {quantity} {unit})",
                 {{"task", t.id}, {"quantity", s.achieved}, {"unit", t.unit}});
  sink.error("overflow", at, std::move(message)).fix =
      tr("check the quantity for extra digits; revert a record that was too large");
  return false;
}

Recorder::Recorder(const Plan& plan, PlanStatus status, Date today)
    : plan_(plan),
      own_index_(std::in_place, plan),
      index_(*own_index_),
      status_(std::move(status)),
      today_(today) {}

Recorder::Recorder(const Plan& plan, const PlanIndex& index, PlanStatus status, Date today)
    : plan_(plan), index_(index), status_(std::move(status)), today_(today) {}

std::optional<std::size_t> Recorder::find_task(const std::string& id, SourcePos at,
                                               DiagnosticSink& sink) {
  if (auto i = index_.task(id)) return i;
  Diagnostic& d = sink.error("unknown-task", at, tr("unknown task \"{task}\"", {{"task", id}}));
  std::string hint = suggest(id, index_.task_ids());
  d.fix = hint.empty() ? tr("run 'plantrack status PLAN' to see the task ids")
                       : tr("did you mean \"{id}\"?", {{"id", hint}});
  return std::nullopt;
}

bool Recorder::refuse_cancelled(std::size_t task, SourcePos at, DiagnosticSink& sink) const {
  if (status_.tasks[task].state != TaskState::kCancelled) return false;
  const std::string& id = plan_.tasks[task].id;
  sink.error("task-cancelled", at, tr("task \"{task}\" is cancelled", {{"task", id}})).fix =
      tr("reopen it first: plantrack reopen PLAN {task}", {{"task", id}});
  return true;
}

std::optional<NewEvent> Recorder::record(const RecordInput& in, DiagnosticSink& sink) {
  const Plan& plan = plan_;
  const Date today = today_;
  std::size_t before = sink.error_count();
  std::optional<std::size_t> found = find_task(in.task, in.task_at, sink);
  std::optional<std::int64_t> quantity = parse_quantity(in, sink);
  std::optional<Date> date =
      effective_date(in.date, in.date_at, today, writes_day_first(plan.info), sink);
  std::optional<int> year = date ? record_year(in, *date, sink) : std::nullopt;
  bool cancelled = found && refuse_cancelled(*found, in.task_at, sink);
  check_utf8({{"--by", in.by, {}}, {"--note", in.note, {}}, {"--evidence", in.evidence, {}}}, sink);
  if (sink.error_count() > before || cancelled || !found || !quantity || !date || !year) {
    return std::nullopt;
  }
  // The task's index, read once it is known to be there (not through the optional again).
  const std::size_t task = *found;
  const Task& t = plan.tasks[task];
  if (!add_progress(task, *year, *quantity, in.quantity_at, sink)) return std::nullopt;
  warn_year(plan, t, *year, in.year_at.known() ? in.year_at : in.task_at, sink);
  TaskStatus& s = status_.tasks[task];
  std::int64_t after = t.counting == Counting::kIncrement ? s.achieved + *quantity : *quantity;
  if (after > t.target) {
    sink.warning("above-target", in.quantity_at,
                 tr("task \"{task}\" reaches {quantity} {unit}, above its target of {target}; "
                    "recorded anyway",
                    {{"task", t.id}, {"quantity", after}, {"unit", t.unit}, {"target", t.target}}))
        .fix = tr("if the number is wrong, revert this record");
  }
  s.achieved = after;  // later rows of a batch see this one
  NewEvent e;
  e.task = t.id;
  e.kind = EventKind::kProgress;
  e.quantity = quantity;
  if (*year != 0) e.year = year;
  e.effective = *date;
  e.actor = in.by.empty() ? login_name() : in.by;
  e.note = in.note;
  e.evidence = in.evidence;
  return e;
}

struct Recorder::Spent {
  using Key = std::tuple<std::string, std::string, int>;  // task, source, year
  std::map<std::string, std::int64_t, std::less<>> by_source;
  std::map<Key, std::int64_t> by_line;
  std::map<Key, const BudgetLine*> lines;
  std::int64_t total = 0;  // every payment of the plan
};

SpendInput spend_input(const RecordInput& row) {
  SpendInput in;
  in.task = row.task;
  in.amount = row.amount;
  in.source = row.source;
  in.year = row.year;
  in.cost = row.cost;
  in.participant = row.participant;
  in.date = row.date;
  in.by = row.by;
  in.note = row.note;
  in.evidence = row.evidence;
  in.task_at = row.task_at;
  in.amount_at = row.amount_at;
  in.source_at = row.source_at.known() ? row.source_at : row.task_at;
  in.year_at = row.year_at;
  in.cost_at = row.cost_at;
  in.date_at = row.date_at;
  return in;
}

std::optional<NewEvent> Recorder::spend(const SpendInput& in, DiagnosticSink& sink) {
  const Plan& plan = plan_;
  std::size_t before = sink.error_count();
  std::optional<std::size_t> task = find_task(in.task, in.task_at, sink);
  const Funding* source = nullptr;
  for (const Funding& f : plan.funding) source = f.id == in.source ? &f : source;
  if (!source) {
    std::vector<std::string_view> ids;
    for (const Funding& f : plan.funding) ids.push_back(f.id);
    std::string hint = suggest(in.source, ids);
    Diagnostic& d = sink.error("unknown-source", in.source_at,
                               tr("unknown funding source \"{source}\"", {{"source", in.source}}));
    if (!hint.empty()) {
      d.fix = tr("did you mean \"{id}\"?", {{"id", hint}});
    } else if (ids.empty()) {
      d.fix = tr("declare the source in the plan first ([[funding]] with an id, kind and amount)");
    } else {
      std::string list;
      for (std::string_view id : ids) list += (list.empty() ? "" : " ") + std::string(id);
      d.fix = tr("the plan's sources are: {sources}", {{"sources", list}});
    }
  }
  auto amount_of = [&](const std::string& text, bool is_cost,
                       SourcePos at) -> std::optional<std::int64_t> {
    std::optional<std::int64_t> value = parse_amount(text);
    if (!value) {
      sink.error("bad-amount", at,
                 is_cost ? tr("cost \"{text}\" is not an amount", {{"text", text}})
                         : tr("amount \"{text}\" is not an amount", {{"text", text}}))
          .fix = tr("write a whole amount in the plan's currency, e.g. 50000000 or 50.000.000");
    }
    return value;
  };
  std::optional<std::int64_t> amount = amount_of(in.amount, false, in.amount_at);
  if (amount && *amount == 0) {
    sink.error("bad-amount", in.amount_at, tr("amount is 0: nothing to record")).fix =
        tr("record the amount actually paid");
    amount.reset();
  }
  std::optional<std::int64_t> cost;
  if (!in.cost.empty()) cost = amount_of(in.cost, true, in.cost_at);
  if (amount && cost && *amount > *cost) {
    NumberStyle style = number_style(plan.info.locale);
    sink.error("bad-amount", in.cost_at,
               tr("the payment of {amount} exceeds the cost it supports ({cost})",
                  {{"amount", format_money(*amount, style)}, {"cost", format_money(*cost, style)}}))
        .fix = tr("--cost is the whole cost (e.g. the consultancy contract); check both figures");
  }
  std::optional<Date> date =
      effective_date(in.date, in.date_at, today_, writes_day_first(plan.info), sink);
  RecordInput year_input;
  year_input.year = in.year;
  year_input.year_at = in.year_at;
  std::optional<int> year = date ? record_year(year_input, *date, sink) : std::nullopt;
  if (year && *year == 0) {
    sink.error("bad-year", in.year_at, tr("spending needs its budget year")).fix =
        tr("give --year with the year whose budget paid it, e.g. --year 2014");
    year.reset();
  }
  check_utf8({{"--participant", in.participant, {}},
              {"--by", in.by, {}},
              {"--note", in.note, {}},
              {"--evidence", in.evidence, {}}},
             sink);
  if (sink.error_count() > before || !task || !source || !amount || !date || !year) {
    return std::nullopt;
  }
  const Task& t = plan.tasks[*task];
  NumberStyle style = number_style(plan.info.locale);
  if (!spent_) {  // once per recorder: a batch of 100k payments must not rescan per row
    spent_ = std::make_shared<Spent>();
    for (const Spending& s : status_.spending) {  // saturating: an older plantrack let it wrap
      constexpr std::int64_t kMost = std::numeric_limits<std::int64_t>::max();
      spent_->total = add_amounts(spent_->total, s.amount).value_or(kMost);
      std::int64_t& sum = spent_->by_source[s.source];
      sum = add_amounts(sum, s.amount).value_or(kMost);
      std::int64_t& line = spent_->by_line[Spent::Key{s.task, s.source, s.year}];
      line = add_amounts(line, s.amount).value_or(kMost);
    }
    for (const BudgetLine& b : plan.budget) {
      spent_->lines.emplace(Spent::Key{b.task, b.source, b.year}, &b);
    }
  }
  Spent::Key key{t.id, source->id, *year};
  std::int64_t& on_source = spent_->by_source[source->id];
  std::int64_t& on_line = spent_->by_line[key];
  // Amounts are positive: when the plan's whole spending stays in range, so does every sum of
  // part of it (per source, year, task, budget line) that status and reports show.
  std::optional<std::int64_t> total = add_amounts(spent_->total, *amount);
  if (!total || !add_amounts(on_source, *amount) || !add_amounts(on_line, *amount)) {
    sink.error("overflow", in.amount_at,
               tr("spending from \"{source}\" would pass the 64-bit range (the plan's "
                  "payments already sum to {total})",
                  {{"source", source->id}, {"total", format_money(spent_->total, style)}}))
        .fix = tr("check the amount for extra digits");
    return std::nullopt;
  }
  spent_->total = *total;
  auto found = spent_->lines.find(key);
  const BudgetLine* line = found == spent_->lines.end() ? nullptr : found->second;
  std::int64_t after = on_line + *amount;
  if (!line && source->kind == FundingKind::kEnterprise) {
    // An enterprise's own counterpart money (its share of a pilot model, say) is not drawn from
    // the plan's budget lines: nothing to warn about.
  } else if (!line) {
    sink.warning("no-budget-line", in.task_at,
                 tr("the plan has no budget line for task \"{task}\" from \"{source}\" in "
                    "{year}; recorded anyway",
                    {{"task", t.id}, {"source", source->id}, {"year", *year}}))
        .fix =
        tr("add a [[budget]] line for it, or revert this payment if the source or year is wrong");
  } else if (after > line->amount) {
    sink.warning("above-budget", in.amount_at,
                 tr("spending on task \"{task}\" from \"{source}\" in {year} reaches {amount}, "
                    "above its budget line of {budget}; recorded anyway",
                    {{"task", t.id},
                     {"source", source->id},
                     {"year", *year},
                     {"amount", format_money(after, style)},
                     {"budget", format_money(line->amount, style)}}))
        .fix =
        tr("'plantrack check' reports it until the budget is amended or the payment reverted");
  }
  on_source += *amount;  // later payments of a batch see this one
  on_line = after;
  NewEvent e;
  e.task = t.id;
  e.kind = EventKind::kSpend;
  e.year = year;
  e.effective = *date;
  e.actor = in.by.empty() ? login_name() : in.by;
  e.note = in.note;
  e.evidence = in.evidence;
  e.source = source->id;
  e.amount = amount;
  e.cost = cost;
  e.participant = in.participant;
  return e;
}

std::optional<NewEvent> Recorder::lifecycle(const std::string& task_id, EventKind kind,
                                            const std::string& reason, DiagnosticSink& sink) {
  std::optional<std::size_t> task = find_task(task_id, {}, sink);
  if (!check_utf8({{"--reason", reason, {}}}, sink) || !task) return std::nullopt;
  TaskStatus& s = status_.tasks[*task];
  auto refuse = [&](std::string message, std::string fix) {
    sink.error("bad-transition", {}, std::move(message)).fix = std::move(fix);
    return std::nullopt;
  };
  switch (kind) {
    case EventKind::kStart:
    case EventKind::kComplete:
    case EventKind::kBlock:
      if (refuse_cancelled(*task, {}, sink)) return std::nullopt;
      if (kind == EventKind::kBlock && s.blocked_by_hand) {
        return refuse(tr("task \"{task}\" is already blocked ({reason})",
                         {{"task", task_id}, {"reason", *s.blocked_by_hand}}),
                      tr("unblock it first if the reason changed"));
      }
      break;
    case EventKind::kUnblock:
      if (!s.blocked_by_hand) {
        return refuse(tr("task \"{task}\" is not blocked by hand", {{"task", task_id}}),
                      tr("nothing to unblock"));
      }
      break;
    case EventKind::kCancel:
      if (s.state == TaskState::kCancelled) {
        return refuse(tr("task \"{task}\" is already cancelled", {{"task", task_id}}),
                      tr("nothing to do"));
      }
      break;
    case EventKind::kReopen:
      if (s.state != TaskState::kCancelled && s.state != TaskState::kDone) {
        return refuse(tr("task \"{task}\" is neither done nor cancelled", {{"task", task_id}}),
                      tr("nothing to reopen"));
      }
      break;
    default:
      break;
  }
  NewEvent e;
  e.task = task_id;
  e.kind = kind;
  e.effective = today_;
  e.actor = login_name();
  e.note = reason;
  return e;
}

std::string login_name() {
  // Stored as the actor: U+FFFD for bytes that are not UTF-8 (a login name in another encoding).
  if (const char* user = std::getenv("USER"); user && *user) return valid_utf8(user);
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return valid_utf8(pw->pw_name);
  return "unknown";
}

}  // namespace plantrack
