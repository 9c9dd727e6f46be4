// The commands that write: record, start/done/block/unblock/cancel/reopen, revert, import.
// Each checks everything first and writes all of it in one transaction, or nothing.
#include <charconv>
#include <iostream>

#include "commands.hpp"
#include "plantrack/read_file.hpp"
#include "plantrack/recording.hpp"
#include "plugins.hpp"
#include "tracking.hpp"

namespace plantrack::cli {
namespace {

// Appends the events; prints what was recorded. Returns the exit code.
int write(Tracking& t, const std::vector<NewEvent>& events, const std::string& command) {
  std::vector<std::int64_t> ids;
  bool notify = t.plugins && t.plugins->notifier_count() > 0;
  std::optional<PlanStatus> before;
  if (notify) before = t.status();
  try {
    ids = t.store->append(t.plan().info.id, t.revision, now_utc(), events, t.fold());
    t.commit();
  } catch (const StoreError& e) {
    t.discard_new_store();
    std::cerr << "plantrack " << command << ": error: " << e.what() << "\n  fix: " << e.fix()
              << "\n  nothing was written\n";
    return kInvalidInput;
  }
  const PlanIndex& index = t.index();
  for (std::size_t i = 0; i < events.size() && i < 20; ++i) {
    Event stored;
    static_cast<NewEvent&>(stored) = events[i];
    stored.id = ids[i];
    std::cout << "recorded " << describe_event(t.plan(), index, stored) << "\n";
  }
  if (events.size() > 20) std::cout << "... and " << events.size() - 20 << " more\n";
  if (!notify) return kOk;
  std::cout.flush();
  PlanStatus after = t.status();
  std::vector<sdk::Event> sent = events_of(t.plan(), events, ids, *before, after);
  // Remembered per notifier, so that 'plantrack check' does not send "stage completed" again.
  try {
    DeliveryResult result = deliver(*t.plugins, *t.store, t.plan().info.id, sent,
                                    sdk::View{t.plan(), &after}, now_utc());
    print_failures(result, command);
    return result.failures.empty() ? kOk : kPluginFailed;
  } catch (const StoreError& e) {
    std::cerr << "plantrack " << command << ": error: " << e.what() << "\n  fix: " << e.fix()
              << "\n  (what was recorded is kept; its notifications were not all sent)\n";
    return kPluginFailed;
  }
}

// Prints the diagnostics; true when there were errors (then nothing is written, not even a new
// empty store).
bool report(Tracking& t, DiagnosticSink& sink, const SourceText& source) {
  std::vector<Diagnostic> diagnostics = sink.take_sorted();
  print_problems(diagnostics, source);
  if (count_errors(diagnostics) == 0) return false;
  t.discard_new_store();
  std::cerr << "nothing was written\n";
  return true;
}

struct RecordOptions {
  TrackOptions track;
  RecordInput input;
};

int run_record(RecordOptions& o) {
  int code = kOk;
  std::optional<Tracking> t = open_tracking(o.track, EventStore::Mode::kReadWrite, code);
  if (!t || !t->lock_for_write("record")) return t ? kInvalidInput : code;
  Recorder recorder(t->plan(), t->index(), t->status_for_record(o.input.task), today());
  DiagnosticSink sink("plantrack record");
  std::optional<NewEvent> event = recorder.record(o.input, sink);
  if (report(*t, sink, SourceText())) return kInvalidInput;
  return write(*t, {*event}, "record");
}

struct SpendOptions {
  TrackOptions track;
  SpendInput input;
};

int run_spend(SpendOptions& o) {
  int code = kOk;
  std::optional<Tracking> t = open_tracking(o.track, EventStore::Mode::kReadWrite, code);
  if (!t || !t->lock_for_write("spend")) return t ? kInvalidInput : code;
  Recorder recorder(t->plan(), t->index(), t->status_for_record(o.input.task), today());
  DiagnosticSink sink("plantrack spend");
  std::optional<NewEvent> event = recorder.spend(o.input, sink);
  if (report(*t, sink, SourceText())) return kInvalidInput;
  return write(*t, {*event}, "spend");
}

struct LifecycleOptions {
  TrackOptions track;
  std::string task;
  std::string reason;
};

int run_lifecycle(LifecycleOptions& o, EventKind kind, const std::string& command) {
  int code = kOk;
  std::optional<Tracking> t = open_tracking(o.track, EventStore::Mode::kReadWrite, code);
  if (!t || !t->lock_for_write(command)) return t ? kInvalidInput : code;
  Recorder recorder(t->plan(), t->index(), t->status_for_record(o.task), today());
  DiagnosticSink sink("plantrack " + command);
  std::optional<NewEvent> event = recorder.lifecycle(o.task, kind, o.reason, sink);
  if (report(*t, sink, SourceText())) return kInvalidInput;
  return write(*t, {*event}, command);
}

struct RevertOptions {
  TrackOptions track;
  std::string event_id;
  std::string reason;
};

int run_revert(RevertOptions& o) {
  int code = kOk;
  std::optional<Tracking> t = open_tracking(o.track, EventStore::Mode::kReadWrite, code);
  if (!t || !t->lock_for_write("revert")) return t ? kInvalidInput : code;
  std::string text = o.event_id.rfind('#', 0) == 0 ? o.event_id.substr(1) : o.event_id;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  DiagnosticSink sink("plantrack revert");
  std::optional<Event> target;
  if (ec == std::errc() && end == text.data() + text.size()) {
    target = t->store->event(t->plan().info.id, id);
  }
  check_utf8({{"--reason", o.reason, {}}}, sink);
  if (!target) {
    sink.error("unknown-event", {}, "no event #" + text + " in this plan's store").fix =
        "run 'plantrack history " + o.track.file + "' to see the event ids";
  } else if (target->kind == EventKind::kRevert) {
    sink.error("bad-revert", {}, "event #" + text + " is itself a revert").fix =
        "record the original again instead";
  } else {
    for (const EventStore::Revert& r : t->store->reverts(t->plan().info.id)) {
      if (r.reverted != id) continue;
      sink.error("bad-revert", {},
                 "event #" + text + " was already reverted by #" + std::to_string(r.by))
          .fix = "nothing to do";
    }
  }
  if (report(*t, sink, SourceText())) return kInvalidInput;
  NewEvent revert;
  revert.task = target->task;
  revert.kind = EventKind::kRevert;
  revert.reverts = id;
  revert.effective = today();
  revert.actor = login_name();
  revert.note = o.reason;
  return write(*t, {revert}, "revert");
}

struct ImportOptions {
  TrackOptions track;
  std::string csv;
};

int run_import(ImportOptions& o) {
  FileRead csv = read_input_file(o.csv, kMaxCsvBytes);
  if (!csv.bytes) {
    std::cerr << o.csv << ": error: " << csv.problem << "\n  fix: " << csv.fix
              << "\nnothing was written\n";
    return kInvalidInput;
  }
  SourceText source(o.csv, std::move(*csv.bytes));
  int code = kOk;
  std::optional<Tracking> t = open_tracking(o.track, EventStore::Mode::kReadWrite, code);
  if (!t) return code;
  DiagnosticSink sink(o.csv);
  std::vector<RecordInput> rows = parse_records_csv(source.text(), sink);
  if (!t->lock_for_write("import")) return kInvalidInput;
  Recorder recorder(t->plan(), t->index(), t->status(false), today());
  std::vector<NewEvent> events;
  events.reserve(rows.size());
  for (const RecordInput& row : rows) {
    std::optional<NewEvent> event =
        row.is_payment() ? recorder.spend(spend_input(row), sink) : recorder.record(row, sink);
    if (event) events.push_back(std::move(*event));
  }
  if (report(*t, sink, source)) return kInvalidInput;
  if (events.empty()) {
    t->discard_new_store();
    std::cerr << o.csv << ": no rows to import\n";
    return kOk;
  }
  return write(*t, events, "import");
}

}  // namespace

Command add_record_command(CLI::App& app) {
  auto o = std::make_shared<RecordOptions>();
  CLI::App* cmd = app.add_subcommand("record", "Record progress on a task");
  add_track_options(cmd, o->track, false, false);
  cmd->add_option("TASK", o->input.task, "Task id")->required();
  cmd->add_option("QUANTITY", o->input.quantity,
                  "How many units were done (for a cumulative task: the total to date)")
      ->required();
  cmd->add_option("--year", o->input.year, "The year the work counts for (default: the date's)");
  cmd->add_option("--date", o->input.date, "When it was done, YYYY-MM-DD (default: today)");
  cmd->add_option("--by", o->input.by, "Who did or reported it (default: your login name)");
  cmd->add_option("--note", o->input.note, "A note kept with the record");
  cmd->add_option("--evidence", o->input.evidence, "A link or file name proving it");
  cmd->add_flag("--correction", o->input.correction, "Allow a negative quantity (a correction)");
  return [o] { return run_record(*o); };
}

Command add_spend_command(CLI::App& app) {
  auto o = std::make_shared<SpendOptions>();
  CLI::App* cmd =
      app.add_subcommand("spend", "Record money paid out of a funding source for a task");
  add_track_options(cmd, o->track, false, false);
  cmd->add_option("TASK", o->input.task, "Task id")->required();
  cmd->add_option("AMOUNT", o->input.amount, "Amount paid, e.g. 25000000 or 25.000.000")
      ->required();
  cmd->add_option("--source", o->input.source, "The [[funding]] id it was paid from")->required();
  cmd->add_option("--year", o->input.year,
                  "The budget year it was paid from (default: the date's)");
  cmd->add_option("--participant", o->input.participant,
                  "Who was paid or supported (e.g. the enterprise assessed)");
  cmd->add_option("--cost", o->input.cost,
                  "The total cost the payment supports (e.g. the consultancy contract)");
  cmd->add_option("--date", o->input.date, "When it was paid, YYYY-MM-DD (default: today)");
  cmd->add_option("--by", o->input.by, "Who recorded it (default: your login name)");
  cmd->add_option("--note", o->input.note, "A note kept with the payment");
  cmd->add_option("--evidence", o->input.evidence,
                  "A link or file name proving it (e.g. the voucher)");
  return [o] { return run_spend(*o); };
}

std::vector<std::pair<std::string, Command>> add_lifecycle_commands(CLI::App& app) {
  struct Spec {
    const char* name;
    EventKind kind;
    const char* help;
  };
  static constexpr Spec kSpecs[] = {
      {"start", EventKind::kStart, "Mark a task as started"},
      {"done", EventKind::kComplete, "Mark a task as done (even if short of its target)"},
      {"block", EventKind::kBlock, "Block a task by hand, with a reason"},
      {"unblock", EventKind::kUnblock, "Lift a block set by hand"},
      {"cancel", EventKind::kCancel, "Cancel a task (its records are kept)"},
      {"reopen", EventKind::kReopen, "Reopen a done or cancelled task"},
  };
  std::vector<std::pair<std::string, Command>> out;
  for (const Spec& spec : kSpecs) {
    auto o = std::make_shared<LifecycleOptions>();
    CLI::App* cmd = app.add_subcommand(spec.name, spec.help);
    add_track_options(cmd, o->track, false, false);
    cmd->add_option("TASK", o->task, "Task id")->required();
    cmd->add_option("--reason", o->reason, "Why (kept with the event)");
    std::string name = spec.name;
    EventKind kind = spec.kind;
    out.emplace_back(name, [o, kind, name] { return run_lifecycle(*o, kind, name); });
  }
  return out;
}

Command add_revert_command(CLI::App& app) {
  auto o = std::make_shared<RevertOptions>();
  CLI::App* cmd = app.add_subcommand("revert", "Cancel an event by recording its reversal");
  add_track_options(cmd, o->track, false, false);
  cmd->add_option("EVENT_ID", o->event_id, "The event to revert (see 'plantrack history')")
      ->required();
  cmd->add_option("--reason", o->reason, "Why (kept with the event)");
  return [o] { return run_revert(*o); };
}

Command add_import_command(CLI::App& app) {
  auto o = std::make_shared<ImportOptions>();
  CLI::App* cmd = app.add_subcommand("import", "Record many updates from a CSV file, all or none");
  add_track_options(cmd, o->track, false, false);
  cmd->add_option("CSV", o->csv,
                  "Updates: task,quantity,year,date,by,note,evidence; payments add "
                  "amount,source,cost,participant")
      ->required();
  return [o] { return run_import(*o); };
}

}  // namespace plantrack::cli
