#pragma once
/// The plan model: plain values read from a plan file. No I/O, no TOML, no Boost here.
///
/// Every element keeps the position it was read from (`where`), so graph, tracking and funding
/// messages can point at the plan line too.
///
/// Example:
///   plantrack::LoadResult r = plantrack::load_plan_file("plan.toml");
///   for (const plantrack::Task& t : r.plan.tasks) std::cout << t.id << " " << t.target << "\n";
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "plantrack/date.hpp"
#include "plantrack/export.hpp"
#include "plantrack/period.hpp"

namespace plantrack {

/// A 1-based line and column (in Unicode code points) inside the plan file; 0 means unknown.
struct SourcePos {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool known() const { return line != 0; }
  auto operator<=>(const SourcePos&) const = default;
};

/// A reference by id to another element of the plan, with where it was written.
struct Ref {
  std::string id;
  SourcePos where;
  bool operator==(const Ref&) const = default;
};

/// A year as written in a `years` array or as a `targets` key.
struct Year {
  int value = 0;
  SourcePos where;
  bool operator==(const Year&) const = default;
};

/// One per-year target: `targets = { 2013 = 1 }`.
struct YearTarget {
  int year = 0;
  std::int64_t quantity = 0;
  SourcePos where;
  bool operator==(const YearTarget&) const = default;
};

/// A funding kind. Order is the order reports list sources in.
enum class FundingKind { kCentral, kLocal, kDistrict, kInternational, kEnterprise, kOther };

/// How recorded numbers of a task are interpreted (used by the tracking store).
enum class Counting { kIncrement, kCumulative };

struct PlanInfo {
  std::string id;
  std::string title;
  std::string owner;
  std::string executor;
  int period_start = 0;
  int period_end = 0;
  std::string currency = "VND";
  std::string locale = "vi";
  std::vector<std::string> basis;
  /// The decision that approved the plan (`approved = { decision, date, by }`): reports name it
  /// with the amendments. Empty when the plan does not say.
  std::string approved_decision;  ///< e.g. "366/QĐ-UBND"
  std::optional<Date> approved_date;
  std::string approved_by;  ///< who issued it, e.g. "Ủy ban nhân dân tỉnh Bình Dương"
  /// A year plan's programme (`programme = { file, id }`): progress recorded with the year plan is
  /// stored in the programme's log, under the programme's id. Empty for a programme.
  std::string programme_file;  ///< relative to this plan's folder
  std::string programme_id;
  SourcePos where;
  SourcePos period_where;
  SourcePos programme_where;
  bool is_year_plan() const { return !programme_id.empty(); }
  bool operator==(const PlanInfo&) const = default;
};

/// An amendment to the approved plan: which decision, when, what it changed.
struct Amendment {
  std::string decision;  ///< e.g. "QĐ 512/QĐ-UBND"
  Date date;
  std::string summary;
  SourcePos where;
  bool operator==(const Amendment&) const = default;
};

struct Objective {
  std::string id;
  std::string text;
  SourcePos where;
  bool operator==(const Objective&) const = default;
};

struct Stage {
  std::string id;
  std::string title;
  std::vector<Ref> depends_on;
  SourcePos where;
  bool operator==(const Stage&) const = default;
};

/// A task depends on another task being complete, or (with `at_least`) on it having reached a
/// quantity.
struct Dependency {
  std::string task;
  std::optional<std::int64_t> at_least;
  SourcePos where;
  bool is_threshold() const { return at_least.has_value(); }
  bool operator==(const Dependency&) const = default;
};

struct Task {
  std::string id;
  std::string stage;
  std::string title;
  std::string unit;
  std::int64_t target = 0;
  std::vector<Year> years;
  std::vector<YearTarget> targets;
  std::optional<Date> due;
  std::string owner;
  std::string objective;
  Counting counting = Counting::kIncrement;
  int report_digits = 0;  ///< reports write the quantity with at least this many digits ("02")
  /// A ratio indicator's denominator (`of = 420` establishments): the target and what is
  /// achieved are counts out of it, shown as its share too ("105 of 420, 25%").
  std::optional<std::int64_t> of;
  /// `count` as a percent of `of` (105 of 420: 25); nullopt without `of`.
  PLANTRACK_API std::optional<double> share_of_whole(std::int64_t count) const;
  bool carry_over = true;  ///< plan-year adds what is unfinished from earlier years
  std::vector<Dependency> depends_on;
  /// Ids this task had before: recorded progress under them counts for this task.
  std::vector<std::string> renamed_from;
  SourcePos where;
  SourcePos stage_where;
  SourcePos target_where;
  SourcePos targets_where;
  SourcePos objective_where;
  SourcePos renamed_where;  ///< the `renamed_from` value
  /// The years the task runs in: `years` if given, else the keys of `targets`, sorted, unique.
  PLANTRACK_API std::vector<int> active_years() const;
  /// What the plan sets the task to achieve in `year`, the one rule plan-year, `status --year`
  /// and reports use (docs/planning.md):
  /// - with per-year `targets`: the entry for `year`; 0 for one of its `years` without an entry;
  /// - else its `target` spread evenly over active_years(), the first years taking the remainder
  ///   (10 over 2012-2014 is 4, 3, 3; a one-year task's target is its whole target);
  /// - nullopt for a year the task does not run in (and for every year of a task without years).
  /// For a cumulative task too this is the year's share, what the running total should grow by
  /// in `year`, as TaskStatus::by_year counts the year's growth; target_by() gives the total.
  ///   Task t;  t.target = 10;  t.years = {{2013}, {2014}};
  ///   t.target_in(2013);  // 5;  t.target_in(2015): nullopt
  PLANTRACK_API std::optional<std::int64_t> target_in(int year) const;
  /// The sum of target_in over the task's years up to and including `year`: for a cumulative task,
  /// where the running total should stand at the end of `year`. 0 before its first year.
  PLANTRACK_API std::int64_t target_by(int year) const;
  /// What the plan sets the task to achieve in `period` (`plan`: the programme it belongs to),
  /// the one rule every period view uses (docs/tracking.md, "Periods"):
  /// - an increment task: the sum of target_in over the years the period touches; a half, a
  ///   quarter or some days of a year carry the whole year's target ("kế hoạch năm"), as a
  ///   six-month report measures the half's work against the year's plan;
  /// - a cumulative task: target_by the period's last year, where its total should stand then;
  /// - a task without years: its whole target when the period covers the programme's period;
  /// - nullopt when the task does not run in the period (nor, cumulative, before it).
  PLANTRACK_API std::optional<std::int64_t> target_in(const Period& period,
                                                      const PlanInfo& plan) const;
  /// When the task should be finished: its `due`, else December 31 of its last year, else of the
  /// programme's last year (`plan`). A task not done nor cancelled after it is overdue.
  PLANTRACK_API Date deadline(const PlanInfo& plan) const;
  bool operator==(const Task&) const = default;
};

struct Funding {
  std::string id;
  FundingKind kind = FundingKind::kOther;
  std::string title;
  std::int64_t amount = 0;
  SourcePos where;
  SourcePos amount_where;
  bool operator==(const Funding&) const = default;
};

/// A budget line: money from one funding source for one task in one year.
struct BudgetLine {
  std::string task;
  std::string source;  ///< a [[funding]] id
  int year = 0;
  std::int64_t amount = 0;
  std::string category;  ///< e.g. "consultancy", optional
  std::string decision;  ///< the approving decision, e.g. "QĐ 1234/QĐ-UBND", optional
  SourcePos where;
  SourcePos task_where;
  SourcePos source_where;
  SourcePos year_where;
  SourcePos amount_where;
  bool operator==(const BudgetLine&) const = default;
};

/// A declared total (e.g. the state budget) that must equal the sum of its sources' amounts.
struct FundingTotal {
  std::string id;
  std::string title;
  std::vector<Ref> sources;
  std::int64_t amount = 0;
  SourcePos where;
  SourcePos amount_where;
  bool operator==(const FundingTotal&) const = default;
};

/// An enterprise (or other body) taking part in a task, as in the seed report's appendix.
struct Participant {
  std::string name;
  std::string sector;
  std::string task;
  int year = 0;
  std::string activity;  ///< what it took part in, as the report's appendix says ("Đánh giá nhanh")
  SourcePos where;
  SourcePos task_where;
  SourcePos year_where;
  bool operator==(const Participant&) const = default;
};

/// A plugin setting value as written in the plan; validated against the plugin's descriptor later.
using SettingValue =
    std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

struct PluginSetting {
  std::string key;
  SettingValue value;
  SourcePos where;
  bool operator==(const PluginSetting&) const = default;
};

struct PluginConfig {
  std::string name;
  std::string path;
  std::vector<PluginSetting> settings;
  SourcePos where;
  bool operator==(const PluginConfig&) const = default;
};

/// When `plantrack check` warns: how early before a due date, how far behind the straight line,
/// which report dates to remind of.
struct Alerts {
  int due_within_days = 14;
  int behind_pace_margin_percent = 10;
  std::vector<Date> report_due;
  SourcePos where;
  bool operator==(const Alerts&) const = default;
};

/// How reports write numbers in words: the regional variants of Vietnamese ([report] table).
struct ReportStyle {
  bool linh_le = false;        ///< "lẻ" instead of "linh"
  bool ngan = false;           ///< "ngàn" instead of "nghìn"
  bool tu_after_muoi = false;  ///< "tư" instead of "bốn" after "mươi"
  bool ti = false;             ///< "tỉ" instead of "tỷ"
  SourcePos where;
  bool operator==(const ReportStyle&) const = default;
};

/// A titled group of points (a "solution" section of the yearly report).
struct Section {
  std::string title;
  std::vector<std::string> points;
  bool operator==(const Section&) const = default;
};

/// The free-text parts of the yearly report, kept in the plan so reports are regenerated from data.
struct Narrative {
  std::string content;
  std::string general_objective;
  std::vector<std::string> assessment;
  std::vector<std::string> difficulties;
  std::vector<std::string> integrated_activities;
  std::vector<std::string> recommendations;
  std::vector<std::string> next_tasks;
  std::vector<Section> solutions;
  bool operator==(const Narrative&) const = default;
};

struct Plan {
  int format = 1;
  PlanInfo info;
  std::vector<Objective> objectives;
  std::vector<Stage> stages;
  std::vector<Task> tasks;
  std::vector<Funding> funding;
  std::vector<FundingTotal> totals;
  std::vector<BudgetLine> budget;
  std::vector<Participant> participants;
  std::vector<PluginConfig> plugins;
  Alerts alerts;
  ReportStyle report;
  Narrative narrative;
  std::vector<Amendment> amendments;

  /// Linear lookups by id; nullptr when absent. Fine for the CLI; hot paths build their own index.
  PLANTRACK_API const Task* find_task(std::string_view id) const;
  PLANTRACK_API const Stage* find_stage(std::string_view id) const;
  PLANTRACK_API const Funding* find_funding(std::string_view id) const;
  bool operator==(const Plan&) const = default;
};

/// "central", "local", ... as written in the plan format.
PLANTRACK_API std::string_view to_string(FundingKind kind);
PLANTRACK_API std::optional<FundingKind> funding_kind_from(std::string_view text);
PLANTRACK_API std::string_view to_string(Counting counting);

}  // namespace plantrack
