// Example: plantrack's engine in your own program, through plantrack::Tracker.
//   plantrack_embed_example PLAN.toml STORE.db
// Opens the plan with its store, records one unit on the first task that is ready, then prints
// where the plan stands and what is ready now.
#include <iostream>

#include "plantrack/tracker.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: " << argv[0] << " PLAN.toml STORE.db\n";
    return 2;
  }
  plantrack::Tracker::Options options;
  options.mode = plantrack::EventStore::Mode::kReadWrite;
  options.store = argv[2];
  plantrack::Result<plantrack::Tracker> tracker = plantrack::Tracker::open(argv[1], options);
  if (!tracker) {
    const plantrack::TrackerError& e = tracker.error();
    std::cerr << plantrack::render_text(e.diagnostics, e.source) << e.message << "\n";
    return plantrack::to_int(e.code);
  }
  const plantrack::Plan& plan = tracker->plan();
  plantrack::NextTasks next = tracker->next();
  if (!next.ready.empty()) {
    plantrack::RecordInput input;
    input.task = plan.tasks[next.ready.front()].id;
    input.quantity = "1";
    plantrack::DiagnosticSink problems("embed");
    plantrack::AppendResult done = tracker->append({input}, problems);
    std::cerr << plantrack::render_text(problems.take_sorted(), {});
    if (done.exit_code() != plantrack::ExitCode::kOk) return plantrack::to_int(done.exit_code());
    std::cout << "recorded #" << done.appended[0].id << ": 1 " << input.task << "\n";
  }
  plantrack::NextTasks now = tracker->next();
  std::cout << plan.info.id << ": " << static_cast<int>(now.status.plan.percent) << "% complete\n";
  for (std::size_t i : now.ready) std::cout << "ready: " << plan.tasks[i].id << "\n";
  return 0;
}
