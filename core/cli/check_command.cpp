// plantrack check FILE: as of a date, runs the plan's funding-check plugins (findings at the plan's
// lines) and the alerts (overdue, due soon, behind pace, report due, stages complete), and sends
// notifiers what they were not sent before (the store remembers).
#include <iostream>

#include "commands.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/money.hpp"
#include "plantrack/printable.hpp"
#include "plantrack/status_json.hpp"
#include "plugins.hpp"
#include "tracking.hpp"

namespace plantrack::cli {
namespace {

std::string amounts_text(const std::vector<std::int64_t>& amounts, NumberStyle style) {
  std::string out;
  for (std::int64_t a : amounts) out += (out.empty() ? "" : ", ") + format_figure(a, style);
  return out;
}

Diagnostic as_diagnostic(const PluginFinding& p, const std::string& file, NumberStyle style) {
  const sdk::Finding& f = p.finding;
  Diagnostic d;
  d.severity = f.severity;  // one Severity on both sides of the boundary
  d.code = f.rule;
  d.file = file;
  d.where = f.where;
  std::string rule = p.plugin == f.rule ? f.rule : p.plugin + ": " + f.rule;
  d.message = f.message + " [" + rule + (f.basis.empty() ? "" : "; " + f.basis) + "]";
  if (!f.amounts.empty())
    d.why = tr("amounts: {amounts}", {{"amounts", amounts_text(f.amounts, style)}});
  if (f.event_id)
    d.why += (d.why.empty() ? "" : "; ") + tr("event #{event}", {{"event", *f.event_id}});
  d.fix = f.fix;
  return d;
}

struct CheckOptions {
  TrackOptions track;
  bool resend = false;
};

ExitCode run_check(CheckOptions& o) {
  ExitCode code = kOk;
  std::optional<Tracker> t = open_tracker(o.track, EventStore::Mode::kReadWrite, code);
  if (!t) return code;
  Result<CheckResult> checked = t->check(o.resend);
  if (!checked) {
    print_error(checked.error(), "check");
    return checked.error().code;
  }
  const std::vector<PluginFinding>& findings = checked->findings;
  const std::vector<sdk::Event>& events = checked->events;
  const DeliveryResult& sent = checked->delivery;
  std::size_t alerts_count = checked->alert_count;
  if (o.track.format == "json") {
    std::cout << check_json(*checked, o.track.file, t->as_of());
  } else {
    std::vector<Diagnostic> diagnostics;
    NumberStyle style = number_style(t->plan().info.locale);
    for (const PluginFinding& f : findings) {
      diagnostics.push_back(as_diagnostic(f, o.track.file, style));
    }
    std::cerr << render_text(diagnostics, t->source());
    for (const sdk::Event& e : events) {
      if (e.type == sdk::EventType::kFundingFinding) continue;
      std::cout << sdk::to_string(e.type) << ": " << printable(e.message) << "\n";
    }
    std::string found = trn("{n} funding finding", "{n} funding findings", findings.size());
    std::string alerts = trn("{n} alert", "{n} alerts", alerts_count);
    if (!checked->notifiers) {
      std::cout << tr("{file} as of {date}: {findings}, {alerts}",
                      {{"file", o.track.file},
                       {"date", t->as_of().to_string()},
                       {"findings", found},
                       {"alerts", alerts}});
    } else {
      std::string notifications =
          sent.failures.empty()
              ? trn("{n} notification sent, {before} sent before",
                    "{n} notifications sent, {before} sent before", sent.sent,
                    {{"before", sent.before}})
              : trn("{n} notification sent, {before} sent before, {kept} kept for the next run",
                    "{n} notifications sent, {before} sent before, {kept} kept for the next run",
                    sent.sent, {{"before", sent.before}, {"kept", sent.kept()}});
      std::cout << tr("{file} as of {date}: {findings}, {alerts}; {notifications}",
                      {{"file", o.track.file},
                       {"date", t->as_of().to_string()},
                       {"findings", found},
                       {"alerts", alerts},
                       {"notifications", notifications}});
    }
    std::cout << "\n";
  }
  for (const PluginFailure& f : checked->check_failures) {
    std::cerr << tr("plantrack check: plugin \"{plugin}\" failed: {message}",
                    {{"plugin", printable(f.plugin)}, {"message", printable(f.message)}})
              << "\n";
  }
  print_failures(sent, "check");
  return checked->exit_code();
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", tr("Run the funding checks and alerts as of a date; notify what is new"));
  add_track_options(cmd, o->track, true, true);
  add_period_options(cmd, o->track);
  cmd->add_flag("--resend", o->resend, tr("Send every notification again, even those sent before"));
  cmd->footer(tr(
      "Exit status: 0 clean, 1 invalid input, 2 usage error, 3 findings or alerts (overdue, due\n"
      "soon, behind pace, report due), 4 a plugin failed."));
  return [o] { return run_check(*o); };
}

}  // namespace plantrack::cli
