// Fuzz target: any bytes given to the CSV import parser, then checked as records and payments
// against the flagship plan, must give diagnostics (and rendering), never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "plantrack/load.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/recording.hpp"

namespace {

const plantrack::LoadResult& flagship() {
  static const plantrack::LoadResult plan = plantrack::load_plan_file(
      PLANTRACK_SOURCE_DIR "/workflows/binh-duong-cleaner-production-2012-2015.toml");
  return plan;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const plantrack::PlanIndex index(flagship().plan);
  std::string text(reinterpret_cast<const char*>(data), size);
  plantrack::DiagnosticSink sink("fuzz.csv");
  std::vector<plantrack::RecordInput> rows = plantrack::parse_records_csv(text, sink);
  plantrack::PlanStatus status =
      plantrack::derive_status(flagship().plan, {}, plantrack::Date{2014, 10, 24});
  plantrack::Recorder recorder(flagship().plan, index, status, plantrack::Date{2014, 10, 24});
  for (const plantrack::RecordInput& row : rows) {
    if (row.is_payment()) {
      recorder.spend(plantrack::spend_input(row), sink);
    } else {
      recorder.record(row, sink);
    }
  }
  plantrack::SourceText source("fuzz.csv", std::move(text));
  std::vector<plantrack::Diagnostic> problems = sink.take_sorted();
  std::string rendered =
      plantrack::render_text(problems, source) + plantrack::render_json(problems);
  if (rendered.empty() && !problems.empty()) __builtin_trap();
  return 0;
}
