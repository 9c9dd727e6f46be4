#include <catch2/catch.hpp>

#include <limits>

#include "../test_plans.hpp"
#include "plantrack/recording.hpp"

using namespace plantrack;
using plantrack::test::load;
using plantrack::test::task;

namespace {
const Date kToday{2014, 10, 24};

struct Fixture {
  LoadResult loaded =
      load(task("posters", "awareness", 5000, "years = [2013]\n") + task("classes", "training", 6));
  std::vector<Event> events;
  Recorder recorder() {
    return Recorder(loaded.plan, derive_status(loaded.plan, events, kToday), kToday);
  }
};

RecordInput input(std::string task, std::string quantity, std::string year = "",
                  std::string date = "") {
  RecordInput in;
  in.task = std::move(task);
  in.quantity = std::move(quantity);
  in.year = std::move(year);
  in.date = std::move(date);
  return in;
}

std::string errors_of(DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& d : sink.diagnostics()) out += d.code + ": " + d.message + "\n";
  return out;
}
}  // namespace

TEST_CASE("a good record becomes an event", "[track]") {
  Fixture f;
  Recorder recorder = f.recorder();
  DiagnosticSink sink("cli");
  RecordInput in;
  in.task = "posters";
  in.quantity = "5000";
  in.date = "2013-12-20";
  in.by = "Chị Lan";
  auto e = recorder.record(in, sink);
  INFO(errors_of(sink));
  REQUIRE(e);
  CHECK(e->quantity == 5000);
  CHECK(e->year == 2013);  // the date's year
  CHECK(e->actor == "Chị Lan");
  CHECK(sink.diagnostics().empty());
}

TEST_CASE("a date written day first counts in a Vietnamese plan, not in an English one",
          "[track]") {
  Fixture f;  // locale "vi", the default
  REQUIRE(f.loaded.plan.info.locale == "vi");
  DiagnosticSink sink("cli");
  std::optional<NewEvent> e =
      f.recorder().record(input("posters", "3", "2013", "20/12/2013"), sink);
  INFO(errors_of(sink));
  REQUIRE(e);
  CHECK(e->effective == Date{2013, 12, 20});

  f.loaded.plan.info.locale = "en";
  DiagnosticSink english("cli");
  CHECK_FALSE(f.recorder().record(input("posters", "3", "2013", "20/12/2013"), english));
  CHECK(errors_of(english) ==
        "bad-date: date \"20/12/2013\" is written day first, which this plan's language does not "
        "use\n");
  REQUIRE(english.diagnostics().size() == 1);
  CHECK(english.diagnostics()[0].fix == "write 2013-12-20 (YYYY-MM-DD)");
}

TEST_CASE("bad records are refused with what and how to fix", "[track]") {
  Fixture f;
  auto check = [&](RecordInput in, const std::string& expected) {
    Recorder recorder = f.recorder();
    DiagnosticSink sink("cli");
    CHECK_FALSE(recorder.record(in, sink));
    CHECK(errors_of(sink) == expected);
  };
  check(input("postrs", "1"), "unknown-task: unknown task \"postrs\"\n");
  check(input("posters", "1.5"), "bad-quantity: quantity \"1.5\" is not a whole number\n");
  check(input("posters", "0"), "bad-quantity: quantity is 0: nothing to record\n");
  check(input("posters", "-3"), "bad-quantity: quantity -3 is negative\n");
  check(input("posters", "3", "14"), "bad-year: year \"14\" is not a four-digit year\n");
  check(input("posters", "3", "", "2014-10-25"),
        "future-date: date 2014-10-25 is in the future (today is 2014-10-24)\n");
  check(input("posters", "3", "", "31/02/2014"),
        "bad-date: date \"31/02/2014\" is not a calendar date (YYYY-MM-DD)\n");
}

TEST_CASE("a negative correction needs --correction", "[track]") {
  Fixture f;
  Recorder recorder = f.recorder();
  DiagnosticSink sink("cli");
  auto e = recorder.record(
      [] {
        RecordInput in = input("posters", "-3");
        in.correction = true;
        return in;
      }(),
      sink);
  REQUIRE(e);
  CHECK(e->quantity == -3);
}

TEST_CASE("a cancelled task takes no records until reopened", "[track]") {
  Fixture f;
  Event cancel;
  cancel.id = 1;
  cancel.task = "classes";
  cancel.kind = EventKind::kCancel;
  cancel.effective = kToday;
  f.events.push_back(cancel);
  Recorder recorder = f.recorder();
  DiagnosticSink sink("cli");
  CHECK_FALSE(recorder.record(input("classes", "1"), sink));
  CHECK(errors_of(sink) == "task-cancelled: task \"classes\" is cancelled\n");
  DiagnosticSink sink2("cli");
  CHECK(recorder.lifecycle("classes", EventKind::kReopen, "", sink2));
}

TEST_CASE("warnings still record: above target, year outside the task's years", "[track]") {
  Fixture f;
  Recorder recorder = f.recorder();
  DiagnosticSink sink("cli");
  CHECK(recorder.record(input("posters", "4000", "2014"), sink));
  CHECK(recorder.record(input("posters", "2000", "2013"), sink));
  CHECK(errors_of(sink) ==
        "year-outside-plan: year 2014 is not one of the task's years; recorded anyway\n"
        "above-target: task \"posters\" reaches 6000 DN, above its target of 5000; recorded "
        "anyway\n");
  CHECK(count_errors(sink.diagnostics()) == 0);
}

TEST_CASE("lifecycle transitions that make no sense are refused", "[track]") {
  Fixture f;
  Recorder recorder = f.recorder();
  DiagnosticSink sink("cli");
  CHECK_FALSE(recorder.lifecycle("classes", EventKind::kUnblock, "", sink));
  CHECK_FALSE(recorder.lifecycle("classes", EventKind::kReopen, "", sink));
  CHECK(errors_of(sink) ==
        "bad-transition: task \"classes\" is not blocked by hand\n"
        "bad-transition: task \"classes\" is neither done nor cancelled\n");
  f.events.push_back([] {
    Event e;
    e.id = 1;
    e.task = "classes";
    e.kind = EventKind::kBlock;
    e.effective = kToday;
    e.note = "no budget";
    return e;
  }());
  f.events.push_back([] {
    Event e;
    e.id = 2;
    e.task = "posters";
    e.kind = EventKind::kCancel;
    e.effective = kToday;
    return e;
  }());
  Recorder later = f.recorder();
  DiagnosticSink again("cli");
  CHECK_FALSE(later.lifecycle("classes", EventKind::kBlock, "again", again));
  CHECK_FALSE(later.lifecycle("posters", EventKind::kCancel, "", again));
  CHECK(errors_of(again) ==
        "bad-transition: task \"classes\" is already blocked (no budget)\n"
        "bad-transition: task \"posters\" is already cancelled\n");
}

TEST_CASE("a record that would take a total past the 64-bit range is refused", "[track]") {
  Fixture f;
  Recorder recorder = f.recorder();
  DiagnosticSink sink("cli");
  REQUIRE(recorder.record(input("posters", "9223372036854775807", "2013"), sink));
  // A batch counts together: the second row of an import is refused, as a second record is.
  CHECK_FALSE(recorder.record(input("posters", "2", "2013"), sink));
  CHECK(errors_of(sink).find("overflow: task \"posters\" would pass the 64-bit range (it has "
                             "9223372036854775807 DN)") != std::string::npos);

  // The total stays in range, but the year's would not.
  Recorder years = f.recorder();
  DiagnosticSink year_sink("cli");
  RecordInput minus = input("posters", "-10", "2014");
  minus.correction = true;
  REQUIRE(years.record(input("posters", "9223372036854775800", "2013"), year_sink));
  REQUIRE(years.record(minus, year_sink));
  CHECK_FALSE(years.record(input("posters", "8", "2013"), year_sink));
  CHECK(errors_of(year_sink).find("it has 9223372036854775800 DN in 2013") != std::string::npos);
}

TEST_CASE("status holds totals an older plantrack let wrap at the limit", "[track]") {
  Fixture f;
  for (std::int64_t id : {1, 2, 3}) {
    Event e;
    e.id = id;
    e.task = "posters";
    e.quantity = id == 3 ? 2 : std::numeric_limits<std::int64_t>::max();
    e.year = 2013;
    e.effective = Date{2013, 5, 1};
    f.events.push_back(e);
  }
  PlanStatus s = derive_status(f.loaded.plan, f.events, kToday);
  CHECK(s.tasks[0].achieved == std::numeric_limits<std::int64_t>::max());
  CHECK(s.tasks[0].state == TaskState::kDone);
  CHECK(s.tasks[0].achieved_in(2013) == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("text that is not UTF-8 is refused, naming the option", "[track]") {
  Fixture f;
  Recorder recorder = f.recorder();
  DiagnosticSink sink("cli");
  RecordInput in = input("posters", "5", "2013");
  in.note = "bad \xFF note";
  in.evidence = "\xC3";
  CHECK_FALSE(recorder.record(in, sink));
  std::string errors = errors_of(sink);
  CHECK(errors.find("bad-text: --note is not UTF-8 text (byte 0xFF after \"bad \")") !=
        std::string::npos);
  CHECK(errors.find("bad-text: --evidence is not UTF-8 text (byte 0xC3 at its start)") !=
        std::string::npos);
  DiagnosticSink reason("cli");
  CHECK_FALSE(recorder.lifecycle("posters", EventKind::kBlock, "\xFE", reason));
  CHECK(errors_of(reason).find("--reason is not UTF-8 text") != std::string::npos);
}
