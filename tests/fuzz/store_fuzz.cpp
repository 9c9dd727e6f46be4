// Fuzz target for the store's readers: the input becomes rows written straight into a real store
// with SQL (as an older or a foreign version might have left them: any text, any bytes, any
// number, any date), then every reader runs over them: the events, the status with its roll-ups
// and money, the alerts, the report and the year plan. Diagnostics or a StoreError are fine; a
// crash, a hang or another exception is not.
#include <sqlite3.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include "plantrack/alerts.hpp"
#include "plantrack/graph_svg.hpp"
#include "plantrack/load.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/sdk/report.hpp"
#include "plantrack/store.hpp"
#include "plantrack/stored_status.hpp"
#include "plantrack/year_plan.hpp"

namespace {

const plantrack::LoadResult& flagship() {
  static const plantrack::LoadResult plan = plantrack::load_plan_file(
      PLANTRACK_SOURCE_DIR "/workflows/binh-duong-cleaner-production-2012-2015.toml");
  return plan;
}

// Reads the input as fields: a byte picks a field's kind, then a length-prefixed piece of text.
class Fields {
 public:
  Fields(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool done() const { return at_ >= size_; }
  std::uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
  std::string text() {
    std::size_t n = byte() % 24;
    std::string out;
    while (n-- > 0 && at_ < size_) out += static_cast<char>(data_[at_++]);
    return out;
  }
  std::int64_t number() {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | byte();
    return static_cast<std::int64_t>(v);
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

const char* const kTasks[] = {"radio-tv-reports", "quick-assessments", "training-classes",
                              "detailed-assessments", "x"};
const char* const kKinds[] = {"progress", "start",  "complete", "block",  "unblock",
                              "cancel",   "reopen", "note",     "revert", "spend"};
const char* const kSources[] = {"province", "national", "x"};

void insert_rows(const std::string& path, Fields& in, const std::string& plan_id) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO events (plan_id, task_id, kind, quantity, year, effective_date, "
                     "recorded_at, actor, note, evidence, plan_revision, reverts, source, amount, "
                     "cost, participant) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     -1, &s, nullptr);
  for (int row = 0; row < 64 && !in.done() && s; ++row) {
    std::uint8_t shape = in.byte();
    auto text_or = [&](int column, bool random, const std::string& fallback) {
      std::string t = random ? in.text() : fallback;
      sqlite3_bind_text(s, column, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
    };
    sqlite3_bind_text(s, 1, plan_id.c_str(), -1, SQLITE_TRANSIENT);
    text_or(2, shape & 1, kTasks[in.byte() % 5]);
    sqlite3_bind_text(s, 3, kKinds[in.byte() % 10], -1, SQLITE_STATIC);
    if (shape & 2)
      sqlite3_bind_int64(s, 4, in.number());
    else
      sqlite3_bind_int64(s, 4, in.byte());
    sqlite3_bind_int64(s, 5, 2010 + in.byte() % 10);
    text_or(6, shape & 4, "2013-0" + std::to_string(1 + in.byte() % 9) + "-15");
    text_or(7, shape & 8, "2014-10-24T09:00:00Z");
    text_or(8, shape & 16, "tester");
    text_or(9, true, "");
    text_or(10, shape & 32, "");
    sqlite3_bind_text(s, 11, "0", -1, SQLITE_STATIC);
    if (shape & 64)
      sqlite3_bind_int64(s, 12, in.byte() % 8);
    else
      sqlite3_bind_null(s, 12);
    text_or(13, shape & 128, kSources[in.byte() % 3]);
    sqlite3_bind_int64(s, 14, (shape & 2) ? in.number() : in.byte() * 1000000);
    sqlite3_bind_int64(s, 15, in.byte() % 2 ? in.number() : 0);
    text_or(16, true, "");
    sqlite3_step(s);
    sqlite3_reset(s);
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const plantrack::Plan& plan = flagship().plan;
  static const plantrack::PlanIndex index(plan);
  // In memory-backed /dev/shm where there is one: each run creates a store, and syncs it.
  static const std::string folder = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  std::string path = folder + "/plantrack-store-fuzz-" + std::to_string(::getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((path + suffix).c_str());
  try {
    { plantrack::EventStore::open(path, plantrack::EventStore::Mode::kReadWrite); }
    Fields in(data, size);
    insert_rows(path, in, plan.info.id);
    plantrack::EventStore store =
        plantrack::EventStore::open(path, plantrack::EventStore::Mode::kReadOnly);
    std::size_t seen = store.events(plan.info.id).size() + store.spending(plan.info.id).size();
    plantrack::PlanStatus status =
        plantrack::status_from_store(plan, index, store, plantrack::Date{2014, 10, 24});
    std::string out = std::to_string(seen);
    for (const plantrack::sdk::Event& e : plantrack::alerts(plan, status, status.as_of)) {
      out += e.message;
    }
    out += plantrack::report::build(plantrack::sdk::View{plan, &status}, {}).title;
    out += plantrack::graph_svg(plan, &status);
    out += plantrack::year_plan_toml(plan, plantrack::year_tasks(plan, status, 2014), "p.toml", "0",
                                     status, 2014);
  } catch (const plantrack::StoreError&) {
    // a refusal with what and how is fine
  }
  return 0;
}
