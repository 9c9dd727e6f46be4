// plantrack check FILE: as of a date, runs the plan's funding-check plugins (findings at the plan's
// lines) and the alerts (overdue, due soon, behind pace, report due, stages complete), and sends
// notifiers what they were not sent before (the store remembers).
#include <iostream>

#include "commands.hpp"
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
  if (!f.amounts.empty()) d.why = "amounts: " + amounts_text(f.amounts, style);
  if (f.event_id)
    d.why += (d.why.empty() ? "" : "; ") + std::string("event #") + std::to_string(*f.event_id);
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
    std::cout << o.track.file << " as of " << t->as_of().to_string() << ": " << findings.size()
              << (findings.size() == 1 ? " funding finding, " : " funding findings, ")
              << alerts_count << (alerts_count == 1 ? " alert" : " alerts");
    if (checked->notifiers) {
      std::cout << "; " << sent.sent << " notification" << (sent.sent == 1 ? "" : "s") << " sent, "
                << sent.before << " sent before";
      if (!sent.failures.empty()) std::cout << ", " << sent.kept() << " kept for the next run";
    }
    std::cout << "\n";
  }
  for (const PluginFailure& f : checked->check_failures) {
    std::cerr << "plantrack check: plugin \"" << printable(f.plugin)
              << "\" failed: " << printable(f.message) << "\n";
  }
  print_failures(sent, "check");
  return checked->exit_code();
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Run the funding checks and alerts as of a date; notify what is new");
  add_track_options(cmd, o->track, true, true);
  add_period_options(cmd, o->track);
  cmd->add_flag("--resend", o->resend, "Send every notification again, even those sent before");
  cmd->footer(
      "Exit status: 0 clean, 1 invalid input, 2 usage error, 3 findings or alerts (overdue, due\n"
      "soon, behind pace, report due), 4 a plugin failed.");
  return [o] { return run_check(*o); };
}

}  // namespace plantrack::cli
