#pragma once
/// The layout of every type that crosses the plugin boundary, checked at compile time.
///
/// Plugins read the plan and its status through sdk::View and the report through
/// report::Document, so the layout of these types (and of every type inside them) is part of the
/// plugin ABI. PLANTRACK_SDK_BOUNDARY lists each with its size, alignment and the offset of each
/// member, as the toolchain the SDK pins (Linux x86_64, g++ with libstdc++'s C++11 ABI, C++20)
/// lays them out. From the layout actually compiled, kLayoutFingerprint is computed; it goes into
/// each library's manifest and descriptor, and the host refuses a library whose fingerprint is
/// not its own, naming both.
///
/// IF A static_assert BELOW FAILS, you changed a boundary type: a plugin built before your change
/// would read the wrong offsets. Bump PLANTRACK_PLUGIN_ABI (boundary.hpp), then update the
/// numbers in PLANTRACK_SDK_BOUNDARY (scripts/sdk_layout.sh prints the list for this toolchain)
/// and kExpectedFingerprint, and say in docs/plugins.md what changed. A type newly passed to
/// plugins goes into the list too. Members only ever get appended to Descriptor (it carries its
/// size), never to the other types without a bump.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "plantrack/sdk/boundary.hpp"
#include "plantrack/sdk/report.hpp"

namespace plantrack::sdk::layout {

// Short names for the list (a macro argument cannot hold a template's comma).
using std_string = std::string;
using std_vector = std::vector<int>;
using std_optional_int64 = std::optional<std::int64_t>;
using std_optional_date = std::optional<plantrack::Date>;
using std_optional_string = std::optional<std::string>;
using std_function = std::function<std::ostream&(const std::string&)>;
using SettingValue = plantrack::SettingValue;
using FundingKind = plantrack::FundingKind;
using Counting = plantrack::Counting;
using TaskState = plantrack::TaskState;
using Severity = plantrack::Severity;
using SourcePos = plantrack::SourcePos;
using Date = plantrack::Date;
using Ref = plantrack::Ref;
using Year = plantrack::Year;
using YearTarget = plantrack::YearTarget;
using PlanInfo = plantrack::PlanInfo;
using Amendment = plantrack::Amendment;
using Objective = plantrack::Objective;
using Stage = plantrack::Stage;
using Dependency = plantrack::Dependency;
using Task = plantrack::Task;
using Funding = plantrack::Funding;
using BudgetLine = plantrack::BudgetLine;
using FundingTotal = plantrack::FundingTotal;
using Participant = plantrack::Participant;
using PluginSetting = plantrack::PluginSetting;
using PluginConfig = plantrack::PluginConfig;
using Alerts = plantrack::Alerts;
using ReportStyle = plantrack::ReportStyle;
using NarrativeSection = plantrack::Section;
using Narrative = plantrack::Narrative;
using Plan = plantrack::Plan;
using YearQuantity = plantrack::YearQuantity;
using Period = plantrack::Period;
using PeriodFigures = plantrack::PeriodFigures;
using Blocker = plantrack::Blocker;
using TaskStatus = plantrack::TaskStatus;
using Rollup = plantrack::Rollup;
using StageStatus = plantrack::StageStatus;
using Orphan = plantrack::Orphan;
using Spending = plantrack::Spending;
using PlanStatus = plantrack::PlanStatus;
using Kind = plantrack::sdk::Kind;
using SettingType = plantrack::sdk::SettingType;
using EventType = plantrack::sdk::EventType;
using SettingSpec = plantrack::sdk::SettingSpec;
using Settings = plantrack::sdk::Settings;
using Event = plantrack::sdk::Event;
using Finding = plantrack::sdk::Finding;
using View = plantrack::sdk::View;
using Context = plantrack::sdk::Context;
using Outcome = plantrack::sdk::Outcome;
using ReportRequest = plantrack::sdk::ReportRequest;
using Plugin = plantrack::sdk::Plugin;
using Notifier = plantrack::sdk::Notifier;
using Reporter = plantrack::sdk::Reporter;
using FundingCheck = plantrack::sdk::FundingCheck;
using PluginSpec = plantrack::sdk::PluginSpec;
using SettingRange = plantrack::sdk::SettingRange;
using Descriptor = plantrack::sdk::Descriptor;
using ReportColumn = plantrack::report::Column;
using ReportTable = plantrack::report::Table;
using ReportBlock = plantrack::report::Block;
using ReportSection = plantrack::report::Section;
using ReportDocument = plantrack::report::Document;
using ReportOptions = plantrack::report::Options;
// TYPE(name, sizeof, alignof) FIELD(name, member, offsetof), for the pinned toolchain.
// clang-format off
#define PLANTRACK_SDK_BOUNDARY(TYPE, FIELD) \
TYPE(std_string, 32, 8) \
  TYPE(std_vector, 24, 8) \
  TYPE(std_optional_int64, 16, 8) \
  TYPE(std_optional_date, 6, 2) \
  TYPE(std_optional_string, 40, 8) \
  TYPE(std_function, 32, 8) \
  TYPE(SettingValue, 40, 8) \
  TYPE(FundingKind, 4, 4) \
  TYPE(Counting, 4, 4) \
  TYPE(TaskState, 4, 4) \
  TYPE(Severity, 4, 4) \
  TYPE(SourcePos, 8, 4) \
  FIELD(SourcePos, line, 0) \
  FIELD(SourcePos, column, 4) \
  TYPE(Date, 4, 2) \
  TYPE(Period, 16, 4) \
  FIELD(Period, kind, 0) \
  FIELD(Period, first, 4) \
  FIELD(Period, last, 8) \
  FIELD(Period, part, 12) \
  TYPE(Ref, 40, 8) \
  FIELD(Ref, id, 0) \
  FIELD(Ref, where, 32) \
  TYPE(Year, 12, 4) \
  FIELD(Year, value, 0) \
  FIELD(Year, where, 4) \
  TYPE(YearTarget, 24, 8) \
  FIELD(YearTarget, year, 0) \
  FIELD(YearTarget, quantity, 8) \
  FIELD(YearTarget, where, 16) \
  TYPE(PlanInfo, 384, 8) \
  FIELD(PlanInfo, id, 0) \
  FIELD(PlanInfo, title, 32) \
  FIELD(PlanInfo, owner, 64) \
  FIELD(PlanInfo, executor, 96) \
  FIELD(PlanInfo, period_start, 128) \
  FIELD(PlanInfo, period_end, 132) \
  FIELD(PlanInfo, currency, 136) \
  FIELD(PlanInfo, locale, 168) \
  FIELD(PlanInfo, basis, 200) \
  FIELD(PlanInfo, approved_decision, 224) \
  FIELD(PlanInfo, approved_date, 256) \
  FIELD(PlanInfo, approved_by, 264) \
  FIELD(PlanInfo, programme_file, 296) \
  FIELD(PlanInfo, programme_id, 328) \
  FIELD(PlanInfo, where, 360) \
  FIELD(PlanInfo, period_where, 368) \
  FIELD(PlanInfo, programme_where, 376) \
  TYPE(Amendment, 80, 8) \
  FIELD(Amendment, decision, 0) \
  FIELD(Amendment, date, 32) \
  FIELD(Amendment, summary, 40) \
  FIELD(Amendment, where, 72) \
  TYPE(Objective, 72, 8) \
  FIELD(Objective, id, 0) \
  FIELD(Objective, text, 32) \
  FIELD(Objective, where, 64) \
  TYPE(Stage, 96, 8) \
  FIELD(Stage, id, 0) \
  FIELD(Stage, title, 32) \
  FIELD(Stage, depends_on, 64) \
  FIELD(Stage, where, 88) \
  TYPE(Dependency, 56, 8) \
  FIELD(Dependency, task, 0) \
  FIELD(Dependency, at_least, 32) \
  FIELD(Dependency, where, 48) \
  TYPE(Task, 384, 8) \
  FIELD(Task, id, 0) \
  FIELD(Task, stage, 32) \
  FIELD(Task, title, 64) \
  FIELD(Task, unit, 96) \
  FIELD(Task, target, 128) \
  FIELD(Task, years, 136) \
  FIELD(Task, targets, 160) \
  FIELD(Task, due, 184) \
  FIELD(Task, owner, 192) \
  FIELD(Task, objective, 224) \
  FIELD(Task, counting, 256) \
  FIELD(Task, report_digits, 260) \
  FIELD(Task, of, 264) \
  FIELD(Task, carry_over, 280) \
  FIELD(Task, depends_on, 288) \
  FIELD(Task, renamed_from, 312) \
  FIELD(Task, where, 336) \
  FIELD(Task, stage_where, 344) \
  FIELD(Task, target_where, 352) \
  FIELD(Task, targets_where, 360) \
  FIELD(Task, objective_where, 368) \
  FIELD(Task, renamed_where, 376) \
  TYPE(Funding, 96, 8) \
  FIELD(Funding, id, 0) \
  FIELD(Funding, kind, 32) \
  FIELD(Funding, title, 40) \
  FIELD(Funding, amount, 72) \
  FIELD(Funding, where, 80) \
  FIELD(Funding, amount_where, 88) \
  TYPE(BudgetLine, 184, 8) \
  FIELD(BudgetLine, task, 0) \
  FIELD(BudgetLine, source, 32) \
  FIELD(BudgetLine, year, 64) \
  FIELD(BudgetLine, amount, 72) \
  FIELD(BudgetLine, category, 80) \
  FIELD(BudgetLine, decision, 112) \
  FIELD(BudgetLine, where, 144) \
  FIELD(BudgetLine, task_where, 152) \
  FIELD(BudgetLine, source_where, 160) \
  FIELD(BudgetLine, year_where, 168) \
  FIELD(BudgetLine, amount_where, 176) \
  TYPE(FundingTotal, 112, 8) \
  FIELD(FundingTotal, id, 0) \
  FIELD(FundingTotal, title, 32) \
  FIELD(FundingTotal, sources, 64) \
  FIELD(FundingTotal, amount, 88) \
  FIELD(FundingTotal, where, 96) \
  FIELD(FundingTotal, amount_where, 104) \
  TYPE(Participant, 160, 8) \
  FIELD(Participant, name, 0) \
  FIELD(Participant, sector, 32) \
  FIELD(Participant, task, 64) \
  FIELD(Participant, year, 96) \
  FIELD(Participant, activity, 104) \
  FIELD(Participant, where, 136) \
  FIELD(Participant, task_where, 144) \
  FIELD(Participant, year_where, 152) \
  TYPE(PluginSetting, 80, 8) \
  FIELD(PluginSetting, key, 0) \
  FIELD(PluginSetting, value, 32) \
  FIELD(PluginSetting, where, 72) \
  TYPE(PluginConfig, 96, 8) \
  FIELD(PluginConfig, name, 0) \
  FIELD(PluginConfig, path, 32) \
  FIELD(PluginConfig, settings, 64) \
  FIELD(PluginConfig, where, 88) \
  TYPE(Alerts, 40, 8) \
  FIELD(Alerts, due_within_days, 0) \
  FIELD(Alerts, behind_pace_margin_percent, 4) \
  FIELD(Alerts, report_due, 8) \
  FIELD(Alerts, where, 32) \
  TYPE(ReportStyle, 12, 4) \
  FIELD(ReportStyle, linh_le, 0) \
  FIELD(ReportStyle, ngan, 1) \
  FIELD(ReportStyle, tu_after_muoi, 2) \
  FIELD(ReportStyle, ti, 3) \
  FIELD(ReportStyle, where, 4) \
  TYPE(NarrativeSection, 56, 8) \
  FIELD(NarrativeSection, title, 0) \
  FIELD(NarrativeSection, points, 32) \
  TYPE(Narrative, 208, 8) \
  FIELD(Narrative, content, 0) \
  FIELD(Narrative, general_objective, 32) \
  FIELD(Narrative, assessment, 64) \
  FIELD(Narrative, difficulties, 88) \
  FIELD(Narrative, integrated_activities, 112) \
  FIELD(Narrative, recommendations, 136) \
  FIELD(Narrative, next_tasks, 160) \
  FIELD(Narrative, solutions, 184) \
  TYPE(Plan, 872, 8) \
  FIELD(Plan, format, 0) \
  FIELD(Plan, info, 8) \
  FIELD(Plan, objectives, 392) \
  FIELD(Plan, stages, 416) \
  FIELD(Plan, tasks, 440) \
  FIELD(Plan, funding, 464) \
  FIELD(Plan, totals, 488) \
  FIELD(Plan, budget, 512) \
  FIELD(Plan, participants, 536) \
  FIELD(Plan, plugins, 560) \
  FIELD(Plan, alerts, 584) \
  FIELD(Plan, report, 624) \
  FIELD(Plan, narrative, 640) \
  FIELD(Plan, amendments, 848) \
  TYPE(YearQuantity, 16, 8) \
  FIELD(YearQuantity, year, 0) \
  FIELD(YearQuantity, quantity, 8) \
  TYPE(Blocker, 32, 8) \
  FIELD(Blocker, task, 0) \
  FIELD(Blocker, at_least, 8) \
  FIELD(Blocker, achieved, 24) \
  TYPE(PeriodFigures, 32, 8) \
  FIELD(PeriodFigures, target, 0) \
  FIELD(PeriodFigures, achieved, 16) \
  FIELD(PeriodFigures, percent, 24) \
  TYPE(TaskStatus, 176, 8) \
  FIELD(TaskStatus, task, 0) \
  FIELD(TaskStatus, achieved, 8) \
  FIELD(TaskStatus, by_year, 16) \
  FIELD(TaskStatus, percent, 40) \
  FIELD(TaskStatus, state, 48) \
  FIELD(TaskStatus, ready, 52) \
  FIELD(TaskStatus, blockers, 56) \
  FIELD(TaskStatus, blocked_by_hand, 80) \
  FIELD(TaskStatus, overdue, 120) \
  FIELD(TaskStatus, done_on, 122) \
  FIELD(TaskStatus, last_activity, 128) \
  FIELD(TaskStatus, period, 136) \
  TYPE(Rollup, 48, 8) \
  FIELD(Rollup, not_started, 0) \
  FIELD(Rollup, in_progress, 8) \
  FIELD(Rollup, done, 16) \
  FIELD(Rollup, cancelled, 24) \
  FIELD(Rollup, percent, 32) \
  FIELD(Rollup, complete, 40) \
  TYPE(StageStatus, 104, 8) \
  FIELD(StageStatus, stage, 0) \
  FIELD(StageStatus, rollup, 8) \
  FIELD(StageStatus, to_date, 56) \
  TYPE(Orphan, 40, 8) \
  FIELD(Orphan, task, 0) \
  FIELD(Orphan, events, 32) \
  TYPE(Spending, 176, 8) \
  FIELD(Spending, event, 0) \
  FIELD(Spending, task, 8) \
  FIELD(Spending, source, 40) \
  FIELD(Spending, year, 72) \
  FIELD(Spending, amount, 80) \
  FIELD(Spending, cost, 88) \
  FIELD(Spending, participant, 104) \
  FIELD(Spending, date, 136) \
  FIELD(Spending, note, 144) \
  TYPE(PlanStatus, 288, 8) \
  FIELD(PlanStatus, as_of, 0) \
  FIELD(PlanStatus, period, 4) \
  FIELD(PlanStatus, known_at, 24) \
  FIELD(PlanStatus, log_event, 56) \
  FIELD(PlanStatus, log_recorded_at, 64) \
  FIELD(PlanStatus, tasks, 96) \
  FIELD(PlanStatus, stages, 120) \
  FIELD(PlanStatus, plan, 144) \
  FIELD(PlanStatus, to_date, 192) \
  FIELD(PlanStatus, orphans, 240) \
  FIELD(PlanStatus, spending, 264) \
  TYPE(Kind, 4, 4) \
  TYPE(SettingType, 4, 4) \
  TYPE(EventType, 4, 4) \
  TYPE(SettingSpec, 32, 8) \
  FIELD(SettingSpec, name, 0) \
  FIELD(SettingSpec, type, 8) \
  FIELD(SettingSpec, default_value, 16) \
  FIELD(SettingSpec, help, 24) \
  TYPE(Settings, 24, 8) \
  TYPE(Event, 208, 8) \
  FIELD(Event, type, 0) \
  FIELD(Event, plan_id, 8) \
  FIELD(Event, task, 40) \
  FIELD(Event, stage, 72) \
  FIELD(Event, as_of, 104) \
  FIELD(Event, key, 112) \
  FIELD(Event, message, 144) \
  FIELD(Event, quantity, 176) \
  FIELD(Event, event_id, 192) \
  TYPE(Finding, 184, 8) \
  FIELD(Finding, severity, 0) \
  FIELD(Finding, rule, 8) \
  FIELD(Finding, basis, 40) \
  FIELD(Finding, message, 72) \
  FIELD(Finding, amounts, 104) \
  FIELD(Finding, where, 128) \
  FIELD(Finding, event_id, 136) \
  FIELD(Finding, fix, 152) \
  TYPE(View, 24, 8) \
  FIELD(View, status, 8) \
  FIELD(View, findings, 16) \
  TYPE(Context, 8, 8) \
  TYPE(Outcome, 40, 8) \
  FIELD(Outcome, ok, 0) \
  FIELD(Outcome, error, 8) \
  TYPE(ReportRequest, 160, 8) \
  FIELD(ReportRequest, format, 0) \
  FIELD(ReportRequest, lang, 32) \
  FIELD(ReportRequest, table, 64) \
  FIELD(ReportRequest, open_file, 96) \
  FIELD(ReportRequest, revision, 128) \
  TYPE(Plugin, 8, 8) \
  TYPE(Notifier, 8, 8) \
  TYPE(Reporter, 8, 8) \
  TYPE(FundingCheck, 8, 8) \
  TYPE(PluginSpec, 64, 8) \
  FIELD(PluginSpec, name, 0) \
  FIELD(PluginSpec, kinds, 8) \
  FIELD(PluginSpec, help, 16) \
  FIELD(PluginSpec, settings, 24) \
  FIELD(PluginSpec, setting_count, 32) \
  FIELD(PluginSpec, make_notifier, 40) \
  FIELD(PluginSpec, make_reporter, 48) \
  FIELD(PluginSpec, make_funding_check, 56) \
  TYPE(SettingRange, 32, 8) \
  FIELD(SettingRange, plugin, 0) \
  FIELD(SettingRange, setting, 8) \
  FIELD(SettingRange, min, 16) \
  FIELD(SettingRange, max, 24) \
  TYPE(Descriptor, 72, 8) \
  FIELD(Descriptor, abi_version, 0) \
  FIELD(Descriptor, size, 4) \
  FIELD(Descriptor, toolchain, 8) \
  FIELD(Descriptor, library, 16) \
  FIELD(Descriptor, version, 24) \
  FIELD(Descriptor, plugin_count, 32) \
  FIELD(Descriptor, plugins, 40) \
  FIELD(Descriptor, range_count, 48) \
  FIELD(Descriptor, ranges, 56) \
  FIELD(Descriptor, layout, 64) \
  TYPE(ReportColumn, 72, 8) \
  FIELD(ReportColumn, name, 0) \
  FIELD(ReportColumn, title, 32) \
  FIELD(ReportColumn, numeric, 64) \
  TYPE(ReportTable, 112, 8) \
  FIELD(ReportTable, name, 0) \
  FIELD(ReportTable, title, 32) \
  FIELD(ReportTable, columns, 64) \
  FIELD(ReportTable, rows, 88) \
  TYPE(ReportBlock, 176, 8) \
  FIELD(ReportBlock, kind, 0) \
  FIELD(ReportBlock, text, 8) \
  FIELD(ReportBlock, items, 40) \
  FIELD(ReportBlock, table, 64) \
  TYPE(ReportSection, 64, 8) \
  FIELD(ReportSection, heading, 0) \
  FIELD(ReportSection, level, 32) \
  FIELD(ReportSection, body, 40) \
  TYPE(ReportDocument, 168, 8) \
  FIELD(ReportDocument, lang, 0) \
  FIELD(ReportDocument, title, 32) \
  FIELD(ReportDocument, subtitle, 64) \
  FIELD(ReportDocument, preamble, 96) \
  FIELD(ReportDocument, sections, 120) \
  TYPE(ReportOptions, 64, 8) \
  FIELD(ReportOptions, lang, 0) \
  FIELD(ReportOptions, revision, 32) \
  /* end */
// clang-format on

/// FNV-1a over the layout facts as compiled: each type's size and alignment, each member's offset,
/// in list order.
struct Fingerprint {
  std::uint64_t value = 14695981039346656037ull;
  constexpr Fingerprint& add(std::size_t fact) {
    for (int byte = 0; byte < 8; ++byte) {
      value ^= (static_cast<std::uint64_t>(fact) >> (8 * byte)) & 0xff;
      value *= 1099511628211ull;
    }
    return *this;
  }
};

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored \
    "-Winvalid-offsetof"  // libstdc++ members make some types non-standard-layout; g++ lays them
                          // out all the same
constexpr std::uint64_t compute_fingerprint() {
  Fingerprint f;
#define PLANTRACK_SDK_FP_TYPE(T, size, align) f.add(sizeof(T)).add(alignof(T));
#define PLANTRACK_SDK_FP_FIELD(T, member, offset) f.add(offsetof(T, member));
  PLANTRACK_SDK_BOUNDARY(PLANTRACK_SDK_FP_TYPE, PLANTRACK_SDK_FP_FIELD)
#undef PLANTRACK_SDK_FP_TYPE
#undef PLANTRACK_SDK_FP_FIELD
  return f.value;
}

#if defined(__linux__) && defined(__x86_64__) && defined(__GLIBCXX__) && _GLIBCXX_USE_CXX11_ABI && \
    !defined(PLANTRACK_SDK_LAYOUT_PRINTING)
#define PLANTRACK_SDK_ASSERT_TYPE(T, size, align)                             \
  static_assert(sizeof(T) == (size) && alignof(T) == (align),                 \
                "the layout of " #T                                           \
                " changed: bump PLANTRACK_PLUGIN_ABI and update the numbers " \
                "in plantrack/sdk/layout.hpp");
#define PLANTRACK_SDK_ASSERT_FIELD(T, member, offset)      \
  static_assert(offsetof(T, member) == (offset),           \
                "the offset of " #T "::" #member           \
                " changed: bump PLANTRACK_PLUGIN_ABI and " \
                "update the numbers in plantrack/sdk/layout.hpp");
PLANTRACK_SDK_BOUNDARY(PLANTRACK_SDK_ASSERT_TYPE, PLANTRACK_SDK_ASSERT_FIELD)
#undef PLANTRACK_SDK_ASSERT_TYPE
#undef PLANTRACK_SDK_ASSERT_FIELD
#endif
#pragma GCC diagnostic pop

}  // namespace plantrack::sdk::layout

namespace plantrack::sdk {

/// The boundary layout this SDK was compiled with (see above); in the manifest and descriptor.
inline constexpr std::uint64_t kLayoutFingerprint = layout::compute_fingerprint();

#if defined(__linux__) && defined(__x86_64__) && defined(__GLIBCXX__) && _GLIBCXX_USE_CXX11_ABI && \
    !defined(PLANTRACK_SDK_LAYOUT_PRINTING)
/// The fingerprint of the numbers above, for ABI 5 on the pinned toolchain.
inline constexpr std::uint64_t kExpectedFingerprint = 0x0b810e094585ea41ull;
static_assert(kLayoutFingerprint == kExpectedFingerprint,
              "the boundary layout changed: bump PLANTRACK_PLUGIN_ABI and update "
              "plantrack/sdk/layout.hpp");
#endif

}  // namespace plantrack::sdk
