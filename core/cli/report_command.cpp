// plantrack report FILE --format md|html|csv|json: the yearly report, rendered by a reporter
// plugin from the plan, its store and the plan's funding checks. Written whole or not at all.
#include <charconv>
#include <iostream>

#include "commands.hpp"
#include "language.hpp"
#include "plantrack/i18n.hpp"
#include "plugins.hpp"
#include "tracking.hpp"

namespace plantrack::cli {
namespace {

struct ReportOptions {
  TrackOptions track;
  std::string from, to;  // --from/--to: --period FROM..TO
  std::string output;
  std::string table;
  bool force = false;
};

std::optional<int> year_of(const std::string& text, const char* option, DiagnosticSink& sink) {
  if (text.empty()) return std::nullopt;
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || text.size() != 4 || year < 1900) {
    sink.error("bad-year", {},
               tr("{option} \"{year}\" is not a four-digit year",
                  {{"option", option}, {"year", text}}))
        .fix = tr("e.g. {option} 2014", {{"option", option}});
    return std::nullopt;
  }
  return year;
}

ExitCode run_report(ReportOptions& o) {
  speak_plan_language(o.track.file);  // the options' problems too, in the plan's language
  DiagnosticSink sink("plantrack report");
  std::optional<int> from = year_of(o.from, "--from", sink);
  std::optional<int> to = year_of(o.to, "--to", sink);
  if ((from || to) && (!o.track.year.empty() || !o.track.period.empty())) {
    sink.error("bad-option", {}, tr("--from/--to and --year/--period are given together")).fix = tr(
        "give one year with --year, or a period with --period (--from 2013 --to 2014 is --period "
        "2013..2014)");
  } else if (from && to && *from > *to) {
    sink.error("bad-option", {},
               tr("--from {from} is after --to {to}", {{"from", o.from}, {"to", o.to}}))
        .fix = tr("swap the two years");
  } else if (from.has_value() != to.has_value()) {
    std::string problem = from ? tr("--from {from} is given without --to", {{"from", o.from}})
                               : tr("--to {to} is given without --from", {{"to", o.to}});
    sink.error("bad-option", {}, problem).fix =
        tr("give both years (--from 2013 --to 2014), or --period 2013..2014");
  } else if (from) {
    o.track.period = std::to_string(*from) + ".." + std::to_string(*to);
  }
  if (o.track.format == "csv" && o.table.empty() && o.output.empty()) {
    sink.error("bad-option", {}, tr("CSV writes one file per table")).fix =
        tr("give -o FOLDER for all the tables, or --table NAME (e.g. --table workload) for one");
  }
  if (plugin_options().disabled) {
    sink.error("bad-option", {},
               tr("reports are written by reporter plugins, and --no-plugins was given"))
        .fix = tr("drop --no-plugins");
  }
  std::vector<Diagnostic> problems = sink.take_sorted();
  if (count_errors(problems) > 0) {
    print_problems(problems, SourceText());
    return kUsage;
  }
  ExitCode code = kOk;
  std::optional<Tracker> t = open_tracker(o.track, EventStore::Mode::kReadOnly, code);
  if (!t) return code;
  ReportOrder order;
  order.format = o.track.format;
  order.lang = report_language();
  order.table = o.table;
  order.output = o.output;
  order.force = o.force;
  Result<ReportResult> report = t->report(order);
  if (!report) {
    print_error(report.error(), "report");
    return report.error().code;
  }
  if (!report->to_stdout) {
    for (const OutputFile& f : report->files) {
      std::cerr << tr("wrote {file}", {{"file", f.path}}) << "\n";
    }
  }
  for (const PluginFailure& f : report->check_failures) {
    std::cerr << tr("plantrack report: funding check \"{plugin}\" failed: {message} (the report "
                    "lacks its findings)",
                    {{"plugin", f.plugin}, {"message", f.message}})
              << "\n";
  }
  print_notify_failures(report->notify_failures, "report");
  return report->exit_code();
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd =
      app.add_subcommand("report", tr("Write the yearly report (Markdown, HTML, CSV or JSON)"));
  add_track_options(cmd, o->track, false, true);
  o->track.format = "md";
  cmd->add_option("--format", o->track.format,
                  tr("md (default), html, csv, json, or an agency reporter"));
  add_period_options(cmd, o->track);
  cmd->add_option("--from", o->from, tr("From this year (--period FROM..TO)"));
  cmd->add_option("--to", o->to, tr("To this year"));
  add_known_at_option(cmd, o->track);
  cmd->add_option(
      "-o,--output", o->output,
      tr("Write to PATH (a folder for CSV without --table; - or none: standard output)"));
  cmd->add_flag("--force", o->force,
                tr("Replace an existing file that is not an earlier report (never the plan or its "
                   "store)"));
  cmd->add_option("--table", o->table, tr("CSV: only this table (workload, funding, stages, ...)"));
  return [o] { return run_report(*o); };
}

}  // namespace plantrack::cli
