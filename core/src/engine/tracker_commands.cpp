// The Tracker's other commands: check, report, plan-year, what-if.
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "plantrack/alerts.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/read_file.hpp"
#include "plantrack/stored_status.hpp"
#include "plantrack/what_if.hpp"
#include "plantrack/year_plan.hpp"
#include "tracker_impl.hpp"

namespace plantrack {
namespace {

namespace fs = std::filesystem;

TrackerError input_error(std::string message, std::string fix,
                         ExitCode code = ExitCode::kInvalidInput) {
  TrackerError e;
  e.kind = TrackerError::Kind::kInput;
  e.code = code;
  e.message = std::move(message);
  e.fix = std::move(fix);
  return e;
}

// An output that was not written (nor anything else of the command).
TrackerError output_error(std::string message, std::string fix,
                          ExitCode code = ExitCode::kInvalidInput) {
  TrackerError e = input_error(std::move(message), std::move(fix), code);
  e.wrote_nothing = true;
  return e;
}

// A finding as an event for notifiers, keyed by plugin, rule and place.
sdk::Event finding_event(const Plan& plan, const PluginFinding& p, Date as_of) {
  sdk::Event e;
  e.type = sdk::EventType::kFundingFinding;
  e.plan_id = plan.info.id;
  e.as_of = as_of;
  e.key = "funding-finding/" + p.plugin + "/" + p.finding.rule + "/" +
          std::to_string(p.finding.where.line) + ":" + std::to_string(p.finding.where.column);
  if (p.finding.event_id) e.key += "/#" + std::to_string(*p.finding.event_id);
  e.message = p.finding.message;
  e.event_id = p.finding.event_id;
  return e;
}

bool needs_action(const sdk::Event& e) {
  return e.type != sdk::EventType::kStageCompleted && e.type != sdk::EventType::kFundingFinding;
}

std::set<std::string> lines_of(const std::vector<sdk::Event>& events) {
  std::set<std::string> out;
  for (const sdk::Event& e : events)
    out.insert(std::string(sdk::to_string(e.type)) + ": " + e.message);
  return out;
}

std::set<std::string> lines_of(const std::vector<PluginFinding>& findings) {
  std::set<std::string> out;
  for (const PluginFinding& f : findings) {
    out.insert("[" + f.plugin + " " + f.finding.rule + "] " + f.finding.message);
  }
  return out;
}

// Lines only before ("-") and only after ("+").
std::vector<std::string> compare(const std::set<std::string>& before,
                                 const std::set<std::string>& after) {
  std::vector<std::string> out;
  for (const std::string& l : before) {
    if (!after.count(l)) out.push_back("- " + l);
  }
  for (const std::string& l : after) {
    if (!before.count(l)) out.push_back("+ " + l);
  }
  return out;
}

// CSV tables go into a folder: it must be one, or be made.
std::optional<TrackerError> make_folder(const std::string& path) {
  std::error_code ec;
  if (fs::exists(path, ec) && !fs::is_directory(path, ec)) {
    return output_error(
        tr("\"{path}\" is a file, and CSV tables are written into a folder", {{"path", path}}),
        tr("give a folder for the tables, or --table NAME for one table"), ExitCode::kUsage);
  }
  fs::create_directories(path, ec);
  if (ec) {
    return output_error(
        tr("cannot create the folder {path}: {reason}", {{"path", path}, {"reason", ec.message()}}),
        tr("check the path and its permissions"));
  }
  return std::nullopt;
}

TrackerError refused_output(const OutputRefusal& refusal) {
  return output_error(refusal.message, refusal.fix,
                      refusal.usage ? ExitCode::kUsage : ExitCode::kInvalidInput);
}

}  // namespace

ExitCode CheckResult::exit_code() const {
  if (!check_failures.empty() || !delivery.failures.empty()) return ExitCode::kPluginFailed;
  if (alert_count > 0) return ExitCode::kFindings;
  for (const PluginFinding& f : findings) {
    if (f.finding.severity != sdk::Severity::kNote) return ExitCode::kFindings;
  }
  return ExitCode::kOk;
}

ExitCode ReportResult::exit_code() const {
  return check_failures.empty() && notify_failures.empty() ? ExitCode::kOk
                                                           : ExitCode::kPluginFailed;
}

Result<CheckResult> Tracker::check(bool resend) {
  Impl& m = *impl_;
  const Plan& plan = m.loaded.plan;
  CheckResult out;
  out.status = status();
  sdk::View view{plan, &out.status};
  PluginHost* host = m.plugins.get();
  if (host) out.check_failures = host->check_funding(view, out.findings);
  out.events = alerts(plan, out.status, m.as_of);
  for (const PluginFinding& f : out.findings) out.events.push_back(finding_event(plan, f, m.as_of));
  for (const sdk::Event& e : out.events) out.alert_count += needs_action(e);
  out.notifiers = host && host->notifier_count() > 0;
  if (!out.notifiers) return out;
  // Sends what was not sent before (everything with `resend`), each notifier its own; the store
  // remembers each delivery as it happens (plantrack/delivery.hpp).
  try {
    out.delivery =
        deliver(*host, *m.store, plan.info.id, out.events, view, m.clock->now_utc(), resend);
  } catch (const StoreError& e) {
    return store_error(e, false);
  }
  return out;
}

Result<ReportResult> Tracker::report(const ReportOrder& order) {
  Impl& m = *impl_;
  const Plan& plan = m.loaded.plan;
  Result<PluginHost*> loaded = plugins();
  if (!loaded) return loaded.error();
  std::unique_ptr<PluginHost> bare;
  PluginHost* host = *loaded;
  if (!host) host = (bare = m.bare_host()).get();
  DiagnosticSink reporter_sink(m.plan_path);
  if (!host->load_reporter(order.format, m.plan_path, reporter_sink)) {
    TrackerError e;
    e.kind = TrackerError::Kind::kInput;
    e.code = ExitCode::kUsage;
    e.diagnostics = reporter_sink.take_sorted();
    return e;
  }
  ReportResult out;
  PlanStatus now = status();
  std::vector<PluginFinding> found;
  out.check_failures = host->check_funding(sdk::View{plan, &now}, found);
  std::vector<sdk::Finding> findings;
  for (PluginFinding& f : found) findings.push_back(std::move(f.finding));
  sdk::View view{plan, &now, &findings};

  sdk::ReportRequest request;
  request.format = order.format;
  request.lang = !order.lang.empty() ? order.lang : (plan.info.locale == "vi" ? "vi" : "en");
  request.table = order.table;
  request.revision = m.revision;
  std::map<std::string, std::ostringstream> staged;  // path -> what goes there, written at the end
  std::ostringstream single;
  bool folder = !order.output.empty() && order.table.empty() && order.format == "csv";
  if (folder) {  // one file per table
    request.open_file = [&](const std::string& name) -> std::ostream& {
      return staged[(fs::path(order.output) / name).string()];
    };
  }
  sdk::Outcome outcome = host->render(order.format, view, request, single);
  if (!outcome.ok) {
    return output_error(tr("the \"{format}\" reporter failed: {error}",
                           {{"format", order.format}, {"error", outcome.error}}),
                        "", ExitCode::kPluginFailed);
  }
  out.to_stdout = order.output.empty() || order.output == "-";
  if (!folder) staged[out.to_stdout ? "-" : order.output] << single.str();
  if (folder) {
    if (std::optional<TrackerError> e = make_folder(order.output)) return std::move(*e);
  }
  for (const auto& [path, content] : staged) out.files.push_back({path, content.str()});
  OutputPolicy policy;
  policy.kept = kept_files();
  policy.marker = "plantrack-report";
  policy.noun = tr("report");
  policy.force = order.force;
  if (std::optional<OutputRefusal> refusal = write_outputs(out.files, policy)) {
    return refused_output(*refusal);
  }
  std::string written =
      out.to_stdout ? tr("{format} report written to standard output", {{"format", order.format}})
                    : tr("{format} report written to {path}",
                         {{"format", order.format}, {"path", order.output}});
  sdk::Event done = make_event(plan, sdk::EventType::kReportGenerated, now.as_of,
                               order.format + "/" + now.as_of.to_string(), std::move(written));
  out.notify_failures = host->notify(done, view);
  return out;
}

Result<YearPlanResult> Tracker::plan_year(int year, const std::string& output, bool force) {
  const Plan& plan = impl_->loaded.plan;
  if (plan.info.is_year_plan()) {
    return input_error(tr("{plan} is already a year plan (of {programme})",
                          {{"plan", impl_->plan_path}, {"programme", plan.info.programme_file}}),
                       tr("run plan-year on the programme's plan"));
  }
  if (year < plan.info.period_start || year > plan.info.period_end) {
    return input_error(
        tr("{year} is outside the programme's period {first}-{last}",
           {{"year", year}, {"first", plan.info.period_start}, {"last", plan.info.period_end}}),
        tr("give a year of the period"));
  }
  PlanStatus before = progress();
  // The year plan names its programme relative to where it is written.
  YearPlanResult out;
  out.to_stdout = output.empty() || output == "-";
  fs::path programme = fs::absolute(impl_->plan_path).lexically_normal();
  fs::path from = out.to_stdout ? fs::current_path() : fs::absolute(output).parent_path();
  std::string reference = programme.lexically_relative(from).string();
  std::vector<YearTask> tasks = year_tasks(plan, before, year);
  out.tasks = tasks.size();
  out.text = year_plan_toml(plan, tasks, reference, impl_->revision, before, year);
  OutputPolicy policy;
  policy.kept = kept_files();
  policy.marker = kYearPlanMarker;
  policy.noun = tr("year plan");
  policy.force = force;
  if (std::optional<OutputRefusal> refusal =
          write_outputs({{out.to_stdout ? "-" : output, out.text}}, policy)) {
    return refused_output(*refusal);
  }
  return out;
}

Result<WhatIfResult> Tracker::what_if(const std::string& changes_path) {
  FileRead text = read_input_file(changes_path, kMaxSmallInputBytes);
  if (!text.bytes) {
    TrackerError e = input_error(text.problem, text.fix);
    e.where = changes_path;
    return e;
  }
  SourceText source(changes_path, std::move(*text.bytes));
  DiagnosticSink sink(changes_path);
  WhatIfResult out;
  std::optional<Plan> changed = apply_what_if(plan(), source, sink, out.changes);
  if (!changed) {
    TrackerError e;
    e.kind = TrackerError::Kind::kInput;
    e.diagnostics = sink.take_sorted();
    e.source = std::move(source);
    return e;
  }
  out.changed = std::move(*changed);
  out.before = status();
  PlanIndex changed_index(out.changed);
  out.after = status_from_store(out.changed, changed_index, *impl_->store, impl_->scope(), true);
  Result<PluginHost*> host = plugins();
  if (!host) return host.error();
  std::vector<PluginFinding> found_before, found_after;
  out.funding_checks = *host != nullptr;
  if (*host) {
    (*host)->check_funding(sdk::View{plan(), &out.before}, found_before);
    (*host)->check_funding(sdk::View{out.changed, &out.after}, found_after);
  }
  out.alerts = compare(lines_of(alerts(plan(), out.before, impl_->as_of)),
                       lines_of(alerts(out.changed, out.after, impl_->as_of)));
  out.findings = compare(lines_of(found_before), lines_of(found_after));
  return out;
}

}  // namespace plantrack
