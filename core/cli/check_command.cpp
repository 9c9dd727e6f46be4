// plantrack check FILE: as of a date, runs the plan's funding-check plugins (findings at the plan's
// lines) and the alerts (overdue, due soon, behind pace, report due, stages complete), and sends
// notifiers what they were not sent before (the store remembers).
#include <iostream>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "commands.hpp"
#include "plantrack/alerts.hpp"
#include "plantrack/delivery.hpp"
#include "plantrack/money.hpp"
#include "plantrack/printable.hpp"
#include "plugins.hpp"
#include "tracking.hpp"

namespace plantrack::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kFindings = 3;

std::string_view severity_name(sdk::Severity s) {
  switch (s) {
    case sdk::Severity::kInfo:
      return "info";
    case sdk::Severity::kWarning:
      return "warning";
    case sdk::Severity::kError:
      return "error";
  }
  return "?";
}

std::string amounts_text(const std::vector<std::int64_t>& amounts, NumberStyle style) {
  std::string out;
  for (std::int64_t a : amounts) out += (out.empty() ? "" : ", ") + format_figure(a, style);
  return out;
}

Diagnostic as_diagnostic(const PluginFinding& p, const std::string& file, NumberStyle style) {
  const sdk::Finding& f = p.finding;
  Diagnostic d;
  d.severity = f.severity == sdk::Severity::kError     ? Severity::kError
               : f.severity == sdk::Severity::kWarning ? Severity::kWarning
                                                       : Severity::kNote;
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

Json finding_json(const PluginFinding& p, const std::string& file) {
  const sdk::Finding& f = p.finding;
  Json j = {{"plugin", p.plugin},   {"severity", severity_name(f.severity)},
            {"rule", f.rule},       {"basis", f.basis},
            {"message", f.message}, {"amounts", f.amounts}};
  if (f.where.known()) {
    j["file"] = file;
    j["line"] = f.where.line;
    j["column"] = f.where.column;
  }
  if (f.event_id) j["event"] = *f.event_id;
  j["fix"] = f.fix;
  return j;
}

struct CheckOptions {
  TrackOptions track;
  bool resend = false;
};

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
  return e.type != sdk::EventType::kStageCompleted;
}

// Sends what was not sent before (everything with --resend), each notifier its own; the store
// remembers each delivery as it happens (plantrack/delivery.hpp).
DeliveryResult deliver_all(Tracking& t, const std::vector<sdk::Event>& events,
                           const sdk::View& view, bool resend) {
  if (!t.plugins || t.plugins->notifier_count() == 0) return {};
  return deliver(*t.plugins, *t.store, t.plan().info.id, events, view, now_utc(), resend);
}

Json event_json(const sdk::Event& e) {
  Json j = {{"type", sdk::to_string(e.type)}, {"key", e.key}, {"message", e.message}};
  if (!e.task.empty()) j["task"] = e.task;
  if (!e.stage.empty()) j["stage"] = e.stage;
  return j;
}

int run_check(CheckOptions& o) {
  int code = kOk;
  std::optional<Tracking> t = open_tracking(o.track, EventStore::Mode::kReadWrite, code);
  if (!t) return code;
  PluginHost* host = t->plugins.get();
  std::vector<PluginFinding> findings;
  std::vector<PluginFailure> failures;
  PlanStatus status = t->status();
  sdk::View view{t->plan(), &status};
  if (host) failures = host->check_funding(view, findings);
  std::vector<sdk::Event> events = alerts(t->plan(), status, t->as_of);
  for (const PluginFinding& f : findings) events.push_back(finding_event(t->plan(), f, t->as_of));
  DeliveryResult sent;
  try {
    sent = deliver_all(*t, events, view, o.resend);
  } catch (const StoreError& e) {
    std::cerr << "plantrack check: error: " << e.what() << "\n  fix: " << e.fix() << "\n";
    return kInvalidInput;
  }
  std::size_t alerts_count = 0;
  for (const sdk::Event& e : events) {
    alerts_count += needs_action(e) && e.type != sdk::EventType::kFundingFinding;
  }
  if (o.track.format == "json") {
    Json out = {{"as_of", t->as_of.to_string()},
                {"findings", Json::array()},
                {"alerts", Json::array()},
                {"notifications",
                 {{"sent", sent.sent}, {"already_sent", sent.before}, {"kept", kept_count(sent)}}}};
    for (const PluginFinding& f : findings)
      out["findings"].push_back(finding_json(f, o.track.file));
    for (const sdk::Event& e : events) {
      if (e.type != sdk::EventType::kFundingFinding) out["alerts"].push_back(event_json(e));
    }
    std::cout << json_text(out);
  } else {
    std::vector<Diagnostic> diagnostics;
    NumberStyle style = number_style(t->plan().info.locale);
    for (const PluginFinding& f : findings) {
      diagnostics.push_back(as_diagnostic(f, o.track.file, style));
    }
    std::cerr << render_text(diagnostics, t->loaded.source);
    for (const sdk::Event& e : events) {
      if (e.type == sdk::EventType::kFundingFinding) continue;
      std::cout << sdk::to_string(e.type) << ": " << printable(e.message) << "\n";
    }
    std::cout << o.track.file << " as of " << t->as_of.to_string() << ": " << findings.size()
              << (findings.size() == 1 ? " funding finding, " : " funding findings, ")
              << alerts_count << (alerts_count == 1 ? " alert" : " alerts");
    if (host && host->notifier_count() > 0) {
      std::cout << "; " << sent.sent << " notification" << (sent.sent == 1 ? "" : "s") << " sent, "
                << sent.before << " sent before";
      if (!sent.failures.empty()) std::cout << ", " << kept_count(sent) << " kept for the next run";
    }
    std::cout << "\n";
  }
  for (const PluginFailure& f : failures) {
    std::cerr << "plantrack check: plugin \"" << printable(f.plugin)
              << "\" failed: " << printable(f.message) << "\n";
  }
  print_failures(sent, "check");
  if (!failures.empty() || !sent.failures.empty()) return kPluginFailed;
  if (alerts_count > 0) return kFindings;
  for (const PluginFinding& f : findings) {
    if (f.finding.severity != sdk::Severity::kInfo) return kFindings;
  }
  return kOk;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Run the funding checks and alerts as of a date; notify what is new");
  add_track_options(cmd, o->track, true, true);
  cmd->add_flag("--resend", o->resend, "Send every notification again, even those sent before");
  cmd->footer(
      "Exit status: 0 clean, 1 invalid input, 2 usage error, 3 findings or alerts (overdue, due\n"
      "soon, behind pace, report due), 4 a plugin failed.");
  return [o] { return run_check(*o); };
}

}  // namespace plantrack::cli
