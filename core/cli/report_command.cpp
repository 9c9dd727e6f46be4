// plantrack report FILE --format md|html|csv|json: the yearly report, rendered by a reporter
// plugin from the plan, its store and the plan's funding checks. Written whole or not at all.
#include <charconv>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "commands.hpp"
#include "plantrack/alerts.hpp"
#include "plantrack/output_file.hpp"
#include "plugins.hpp"
#include "tracking.hpp"

namespace plantrack::cli {
namespace {

namespace fs = std::filesystem;

struct ReportOptions {
  TrackOptions track;
  std::string lang;
  std::string year, from, to;
  std::string output;
  std::string table;
  bool force = false;
};

std::optional<int> year_of(const std::string& text, const char* option, DiagnosticSink& sink) {
  if (text.empty()) return std::nullopt;
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || text.size() != 4 || year < 1900) {
    sink.error("bad-year", {}, std::string(option) + " \"" + text + "\" is not a four-digit year")
        .fix = std::string("e.g. ") + option + " 2014";
    return std::nullopt;
  }
  return year;
}

int run_report(ReportOptions& o) {
  DiagnosticSink sink("plantrack report");
  if (!o.lang.empty() && o.lang != "vi" && o.lang != "en") {
    sink.error("bad-option", {}, "--lang \"" + o.lang + "\" is not a report language").fix =
        "use --lang vi or --lang en";
  }
  std::optional<int> year = year_of(o.year, "--year", sink);
  std::optional<int> from = year_of(o.from, "--from", sink);
  std::optional<int> to = year_of(o.to, "--to", sink);
  if (year && (from || to)) {
    sink.error("bad-option", {}, "--year and --from/--to are given together").fix =
        "give one year with --year, or a range with --from and --to";
  }
  if (year) from = to = year;
  if (from && to && *from > *to) {
    sink.error("bad-option", {}, "--from " + o.from + " is after --to " + o.to).fix =
        "swap the two years";
  }
  if (o.track.format == "csv" && o.table.empty() && o.output.empty()) {
    sink.error("bad-option", {}, "CSV writes one file per table").fix =
        "give -o FOLDER for all the tables, or --table NAME (e.g. --table workload) for one";
  }
  if (plugin_options().disabled) {
    sink.error("bad-option", {},
               "reports are written by reporter plugins, and --no-plugins was given")
        .fix = "drop --no-plugins";
  }
  std::vector<Diagnostic> problems = sink.take_sorted();
  if (count_errors(problems) > 0) {
    print_problems(problems, SourceText());
    return kUsage;
  }
  int code = kOk;
  std::optional<Tracking> t = open_tracking(o.track, EventStore::Mode::kReadOnly, code);
  if (!t) return code;
  const Plan& plan = t->plan();
  std::unique_ptr<PluginHost> host = load_plugins(plan, o.track.file, t->loaded.source, code);
  if (code != kOk) return code;
  if (!host) host = std::make_unique<PluginHost>(plugin_search_path(plugin_options().search));
  DiagnosticSink reporter_sink(o.track.file);
  if (!host->load_reporter(o.track.format, o.track.file, reporter_sink)) {
    print_problems(reporter_sink.take_sorted(), SourceText());
    return kUsage;
  }
  PlanStatus status = t->status();
  std::vector<PluginFinding> found;
  std::vector<PluginFailure> failures = host->check_funding(sdk::View{plan, &status}, found);
  std::vector<sdk::Finding> findings;
  for (PluginFinding& f : found) findings.push_back(std::move(f.finding));
  sdk::View view{plan, &status, &findings};

  sdk::ReportRequest request;
  request.format = o.track.format;
  request.lang = !o.lang.empty() ? o.lang : (plan.info.locale == "vi" ? "vi" : "en");
  request.from_year = from;
  request.to_year = to;
  request.table = o.table;
  request.revision = t->revision;
  std::map<std::string, std::ostringstream> staged;  // path -> what goes there, written at the end
  std::ostringstream single;
  bool folder = false;
  if (!o.output.empty() && o.table.empty() && o.track.format == "csv") {
    folder = true;  // one file per table
    request.open_file = [&](const std::string& name) -> std::ostream& {
      return staged[(fs::path(o.output) / name).string()];
    };
  }
  sdk::Outcome outcome = host->render(o.track.format, view, request, single);
  if (!outcome.ok) {
    std::cerr << "plantrack report: error: the \"" << o.track.format
              << "\" reporter failed: " << outcome.error << "\n  nothing was written\n";
    return kPluginFailed;
  }
  bool to_stdout = o.output.empty() || o.output == "-";
  std::string where = to_stdout ? "standard output" : o.output;
  if (!folder) staged[to_stdout ? "-" : o.output] << single.str();
  if (folder) {
    std::error_code ec;
    if (fs::exists(o.output, ec) && !fs::is_directory(o.output, ec)) {
      std::cerr << "plantrack report: error: \"" << o.output
                << "\" is a file, and CSV tables are written into a folder\n  fix: give a "
                   "folder for the tables, or --table NAME for one table\n  nothing was written\n";
      return kUsage;
    }
    fs::create_directories(o.output, ec);
    if (ec) {
      std::cerr << "plantrack report: error: cannot create the folder " << o.output << ": "
                << ec.message() << "\n  fix: check the path and its permissions\n";
      return kInvalidInput;
    }
  }
  std::vector<OutputFile> files;
  for (const auto& [path, content] : staged) files.push_back({path, content.str()});
  OutputPolicy policy;
  policy.kept = t->kept_files();
  policy.marker = "plantrack-report";
  policy.noun = "report";
  policy.force = o.force;
  if (std::optional<OutputRefusal> refusal = write_outputs(files, policy)) {
    std::cerr << "plantrack report: error: " << refusal->message << "\n  fix: " << refusal->fix
              << "\n  nothing was written\n";
    return refusal->usage ? kUsage : kInvalidInput;
  }
  if (!to_stdout) {
    for (const OutputFile& f : files) std::cerr << "wrote " << f.path << "\n";
  }
  for (const PluginFailure& f : failures) {
    std::cerr << "plantrack report: funding check \"" << f.plugin << "\" failed: " << f.message
              << " (the report lacks its findings)\n";
  }
  sdk::Event done = make_event(plan, sdk::EventType::kReportGenerated, status.as_of,
                               o.track.format + "/" + status.as_of.to_string(),
                               o.track.format + " report written to " + where);
  int notified = dispatch(*host, {done}, view, "report");
  return failures.empty() ? notified : kPluginFailed;
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd =
      app.add_subcommand("report", "Write the yearly report (Markdown, HTML, CSV or JSON)");
  add_track_options(cmd, o->track, false, true);
  o->track.format = "md";
  cmd->add_option("--format", o->track.format,
                  "md (default), html, csv, json, or an agency reporter");
  cmd->add_option("--lang", o->lang, "vi or en (default: the plan's locale)");
  cmd->add_option("--year", o->year, "Only this year's figures");
  cmd->add_option("--from", o->from, "From this year (with --to)");
  cmd->add_option("--to", o->to, "To this year");
  cmd->add_option("-o,--output", o->output,
                  "Write to PATH (a folder for CSV without --table; - or none: standard output)");
  cmd->add_flag("--force", o->force,
                "Replace an existing file that is not an earlier report (never the plan or its "
                "store)");
  cmd->add_option("--table", o->table, "CSV: only this table (workload, funding, stages, ...)");
  return [o] { return run_report(*o); };
}

}  // namespace plantrack::cli
