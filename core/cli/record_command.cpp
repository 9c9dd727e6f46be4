// The commands that write: record, start/done/block/unblock/cancel/reopen, revert, import.
// Each checks everything first and writes all of it in one transaction, or nothing
// (Tracker::append).
#include <functional>
#include <iostream>

#include "commands.hpp"
#include "language.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/read_file.hpp"
#include "plantrack/recording.hpp"
#include "plantrack/utf8.hpp"
#include "plugins.hpp"
#include "tracking.hpp"

namespace plantrack::cli {
namespace {

constexpr std::size_t kShownRecorded = 20;

using Changes = std::function<std::vector<Change>(DiagnosticSink&)>;

// Opens the plan for writing, appends the changes `make` gives (it may report problems of its
// own, e.g. the CSV's) and says what happened. `source`: what the diagnostics point into (a CSV
// file; none for command-line arguments).
ExitCode write(const TrackOptions& options, const Changes& make, const std::string& command,
               const SourceText& source = SourceText()) {
  ExitCode code = kOk;
  std::optional<Tracker> t = open_tracker(options, EventStore::Mode::kReadWrite, code);
  if (!t) return code;
  DiagnosticSink sink(source.path().empty() ? "plantrack " + command : source.path());
  std::vector<Change> changes = make(sink);
  auto say = [&](const std::vector<Event>& appended) {
    print_problems(sink.take_sorted(), source);  // warnings, before what was kept
    for (std::size_t i = 0; i < appended.size() && i < kShownRecorded; ++i) {
      std::cout << tr("recorded {event}",
                      {{"event", describe_event(t->plan(), t->index(), appended[i])}})
                << "\n";
    }
    if (appended.size() > kShownRecorded) {
      std::cout << tr("... and {n} more", {{"n", appended.size() - kShownRecorded}}) << "\n";
    }
    std::cout.flush();  // before the notifiers, which may print
  };
  AppendResult result = t->append(changes, sink, say);
  if (result.refused || (result.error && result.error->wrote_nothing)) {
    print_problems(sink.take_sorted(), source);
    if (result.error) {
      print_error(*result.error, command);
    } else {
      std::cerr << tr("nothing was written") << "\n";
    }
    return result.exit_code();
  }
  if (result.appended.empty()) {
    std::cerr << tr("{file}: no rows to import", {{"file", source.path()}}) << "\n";
    return kOk;
  }
  print_failures(result.delivery, command);
  if (result.error) {
    print_failure("plantrack " + command, result.error->message, result.error->fix);
    std::cerr << "  " << tr("(what was recorded is kept; its notifications were not all sent)")
              << "\n";
  }
  return result.exit_code();
}

struct RecordOptions {
  TrackOptions track;
  RecordInput input;
};

struct SpendOptions {
  TrackOptions track;
  SpendInput input;
};

struct LifecycleOptions {
  TrackOptions track;
  LifecycleInput input;
};

struct RevertOptions {
  TrackOptions track;
  RevertInput input;
};

struct ImportOptions {
  TrackOptions track;
  std::string csv;
  std::string encoding;
};

ExitCode run_import(ImportOptions& o) {
  speak_plan_language(o.track.file);  // the file's problems are said in the plan's language
  FileRead csv = read_input_file(o.csv, kMaxCsvBytes);
  if (!csv.bytes) {
    print_failure(o.csv, csv.problem, csv.fix);
    std::cerr << tr("nothing was written") << "\n";
    return kInvalidInput;
  }
  DiagnosticSink decoding(o.csv);
  if (!decode_csv(*csv.bytes, o.encoding, decoding)) {
    SourceText shown(o.csv, valid_utf8(*csv.bytes));
    std::cerr << render_text(decoding.take_sorted(), shown) << tr("nothing was written") << "\n";
    return kInvalidInput;
  }
  SourceText source(o.csv, std::move(*csv.bytes));
  auto rows = [&](DiagnosticSink& sink) {  // rows with problems are left out, and reported
    std::vector<Change> changes;
    changes.reserve(csv_rows_at_most(source.text()));
    parse_records_csv(source.text(), sink,
                      [&](RecordInput&& row) { changes.emplace_back(std::move(row)); });
    return changes;
  };
  return write(o.track, rows, "import", source);
}

// One change, as typed on the command line.
template <typename Input>
Changes one(const Input& input) {
  return [&input](DiagnosticSink&) { return std::vector<Change>{input}; };
}

}  // namespace

Command add_record_command(CLI::App& app) {
  auto o = std::make_shared<RecordOptions>();
  CLI::App* cmd = app.add_subcommand("record", tr("Record progress on a task"));
  add_track_options(cmd, o->track, false, false);
  cmd->add_option("TASK", o->input.task, tr("Task id"))->required();
  cmd->add_option("QUANTITY", o->input.quantity,
                  tr("How many units were done (for a cumulative task: the total to date)"))
      ->required();
  cmd->add_option("--year", o->input.year,
                  tr("The year the work counts for (default: the date's)"));
  cmd->add_option(
      "--date", o->input.date,
      tr("When it was done, YYYY-MM-DD, or DD/MM/YYYY in a Vietnamese plan (default: today)"));
  cmd->add_option("--by", o->input.by, tr("Who did or reported it (default: your login name)"));
  cmd->add_option("--note", o->input.note, tr("A note kept with the record"));
  cmd->add_option("--evidence", o->input.evidence, tr("A link or file name proving it"));
  cmd->add_flag("--correction", o->input.correction,
                tr("Allow a negative quantity (a correction)"));
  return [o] { return write(o->track, one(o->input), "record"); };
}

Command add_spend_command(CLI::App& app) {
  auto o = std::make_shared<SpendOptions>();
  CLI::App* cmd =
      app.add_subcommand("spend", tr("Record money paid out of a funding source for a task"));
  add_track_options(cmd, o->track, false, false);
  cmd->add_option("TASK", o->input.task, tr("Task id"))->required();
  cmd->add_option("AMOUNT", o->input.amount, tr("Amount paid, e.g. 25000000 or 25.000.000"))
      ->required();
  cmd->add_option("--source", o->input.source, tr("The [[funding]] id it was paid from"))
      ->required();
  cmd->add_option("--year", o->input.year,
                  tr("The budget year it was paid from (default: the date's)"));
  cmd->add_option("--participant", o->input.participant,
                  tr("Who was paid or supported (e.g. the enterprise assessed)"));
  cmd->add_option("--cost", o->input.cost,
                  tr("The total cost the payment supports (e.g. the consultancy contract)"));
  cmd->add_option(
      "--date", o->input.date,
      tr("When it was paid, YYYY-MM-DD, or DD/MM/YYYY in a Vietnamese plan (default: today)"));
  cmd->add_option("--by", o->input.by, tr("Who recorded it (default: your login name)"));
  cmd->add_option("--note", o->input.note, tr("A note kept with the payment"));
  cmd->add_option("--evidence", o->input.evidence,
                  tr("A link or file name proving it (e.g. the voucher)"));
  return [o] { return write(o->track, one(o->input), "spend"); };
}

std::vector<std::pair<std::string, Command>> add_lifecycle_commands(CLI::App& app) {
  struct Spec {
    const char* name;
    EventKind kind;
    std::string help;
  };
  const Spec kSpecs[] = {
      {"start", EventKind::kStart, tr("Mark a task as started")},
      {"done", EventKind::kComplete, tr("Mark a task as done (even if short of its target)")},
      {"block", EventKind::kBlock, tr("Block a task by hand, with a reason")},
      {"unblock", EventKind::kUnblock, tr("Lift a block set by hand")},
      {"cancel", EventKind::kCancel, tr("Cancel a task (its records are kept)")},
      {"reopen", EventKind::kReopen, tr("Reopen a done or cancelled task")},
  };
  std::vector<std::pair<std::string, Command>> out;
  for (const Spec& spec : kSpecs) {
    auto o = std::make_shared<LifecycleOptions>();
    CLI::App* cmd = app.add_subcommand(spec.name, spec.help);
    add_track_options(cmd, o->track, false, false);
    cmd->add_option("TASK", o->input.task, tr("Task id"))->required();
    cmd->add_option("--reason", o->input.reason, tr("Why (kept with the event)"));
    o->input.kind = spec.kind;
    std::string name = spec.name;
    out.emplace_back(name, [o, name] { return write(o->track, one(o->input), name); });
  }
  return out;
}

Command add_revert_command(CLI::App& app) {
  auto o = std::make_shared<RevertOptions>();
  CLI::App* cmd = app.add_subcommand("revert", tr("Cancel an event by recording its reversal"));
  add_track_options(cmd, o->track, false, false);
  cmd->add_option("EVENT_ID", o->input.event, tr("The event to revert (see 'plantrack history')"))
      ->required();
  cmd->add_option("--reason", o->input.reason, tr("Why (kept with the event)"));
  cmd->add_option("--date", o->input.date,
                  tr("When the correction takes effect, YYYY-MM-DD, or DD/MM/YYYY in a Vietnamese "
                     "plan (default: the reverted event's own date)"));
  return [o] { return write(o->track, one(o->input), "revert"); };
}

Command add_import_command(CLI::App& app) {
  auto o = std::make_shared<ImportOptions>();
  CLI::App* cmd =
      app.add_subcommand("import", tr("Record many updates from a CSV file, all or none"));
  add_track_options(cmd, o->track, false, false);
  cmd->add_option("CSV", o->csv,
                  tr("Updates: task,quantity,year,date,by,note,evidence; payments add "
                     "amount,source,cost,participant"))
      ->required();
  cmd->add_option("--encoding", o->encoding,
                  tr("The CSV's encoding: utf-8 (default) or cp1258 (Excel's \"CSV (Comma "
                     "delimited)\" on a Vietnamese Windows)"))
      ->type_name("NAME");
  return [o] { return run_import(*o); };
}

}  // namespace plantrack::cli
