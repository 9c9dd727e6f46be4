// Fuzz target for the task-summary decoder: any bytes the store may hold as a task's summary (what
// fold_summary writes) are refused or read by StatusBuilder::add_summaries and fold_summary, never
// a crash; status, alerts, the report and the year plan are then made from what was read. The
// first byte picks the task id (one of the flagship's, or an id no longer in the plan), the rest is
// the summary. The two readers agree: a summary of a task of the plan that status uses,
// fold_summary continues; one fold_summary refuses, status scans instead. What is read, written
// again, reads again as the same bytes.
//
// Seeds: with PLANTRACK_FUZZ_SEED_DIR set, summaries folded from a few events of each task are
// written there first (scripts/test does this).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "plantrack/alerts.hpp"
#include "plantrack/detail/summary.hpp"
#include "plantrack/load.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/report.hpp"
#include "plantrack/status.hpp"
#include "plantrack/year_plan.hpp"

namespace {

const plantrack::Plan& flagship() {
  static const plantrack::LoadResult plan = plantrack::load_plan_file(
      PLANTRACK_SOURCE_DIR "/workflows/binh-duong-cleaner-production-2012-2015.toml");
  return plan.plan;
}

const plantrack::PlanIndex& index() {
  static const plantrack::PlanIndex index(flagship());
  return index;
}

constexpr plantrack::Date kAsOf{2014, 10, 24};

std::string task_id(std::uint8_t byte) {
  const plantrack::Plan& plan = flagship();
  if (byte >= plan.tasks.size()) return "a-task-no-longer-in-the-plan";
  return plan.tasks[byte].id;
}

plantrack::EventFact fact(std::string_view task, plantrack::EventKind kind, std::int64_t id) {
  plantrack::EventFact e;
  e.id = id;
  e.task = task;
  e.kind = kind;
  e.effective = plantrack::Date{2013, 3, static_cast<int>(1 + id)};
  return e;
}

void write_seeds(const std::filesystem::path& folder) {
  using plantrack::EventKind;
  for (std::size_t i = 0; i <= flagship().tasks.size(); ++i) {
    std::string id = task_id(static_cast<std::uint8_t>(i));
    std::vector<plantrack::EventFact> events = {fact(id, EventKind::kStart, 1),
                                                fact(id, EventKind::kProgress, 2),
                                                fact(id, EventKind::kBlock, 3)};
    events[1].quantity = 7;
    events[1].year = 2013;
    events[2].note = "waiting for the budget";
    std::optional<std::string> summary =
        plantrack::fold_summary(flagship(), index(), id, std::nullopt, events);
    if (!summary) continue;
    std::ofstream(folder / ("summary-" + std::to_string(i)), std::ios::binary)
        << static_cast<char>(i) << *summary;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("PLANTRACK_FUZZ_SEED_DIR")) write_seeds(dir);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const plantrack::Plan& plan = flagship();
  std::string id = task_id(data[0]);
  bool current = index().current_task(id).has_value();
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  // As status reads the store's summaries.
  plantrack::StatusBuilder builder(plan, index(), kAsOf);
  std::vector<std::string> scan = builder.add_summaries({{id, std::string(bytes)}});
  plantrack::PlanStatus status = builder.finish();
  std::string out;
  for (const plantrack::sdk::Event& e : plantrack::alerts(plan, status, status.as_of)) {
    out += e.message;
  }
  out += plantrack::report::build(plantrack::sdk::View{plan, &status}, {}).title;
  out += plantrack::year_plan_toml(plan, plantrack::year_tasks(plan, status, 2014), "p.toml", "0",
                                   status, 2014);

  // As the store continues a summary when events are appended.
  std::optional<std::string> folded = plantrack::fold_summary(plan, index(), id, bytes, {});
  if (!folded) {
    if (current && scan.empty()) __builtin_trap();  // status used what fold refuses
    return 0;
  }
  std::optional<std::string> again = plantrack::fold_summary(plan, index(), id, *folded, {});
  if (!again || *again != *folded) __builtin_trap();
  plantrack::EventFact more = fact(id, plantrack::EventKind::kProgress, 9);
  more.quantity = 3;
  more.year = 2014;
  if (!plantrack::fold_summary(plan, index(), id, *folded, {more})) __builtin_trap();
  return 0;
}
