// plantrack check FILE: runs the plan's funding-check plugins as of a date and prints their
// findings at the plan's lines. (Notification triggers and delivery memory come with issue 5.)
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
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

std::string amounts_text(const std::vector<std::int64_t>& amounts) {
  std::string out;
  for (std::int64_t a : amounts) out += (out.empty() ? "" : ", ") + std::to_string(a);
  return out;
}

Diagnostic as_diagnostic(const PluginFinding& p, const std::string& file) {
  const sdk::Finding& f = p.finding;
  Diagnostic d;
  d.severity = f.severity == sdk::Severity::kError ? Severity::kError : Severity::kWarning;
  d.code = f.rule;
  d.file = file;
  d.where = f.where;
  std::string rule = p.plugin == f.rule ? f.rule : p.plugin + ": " + f.rule;
  d.message = f.message + " [" + rule + (f.basis.empty() ? "" : "; " + f.basis) + "]";
  if (!f.amounts.empty()) d.why = "amounts: " + amounts_text(f.amounts);
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

int run_check(const TrackOptions& o) {
  int code = kOk;
  std::optional<Tracking> t = open_tracking(o, EventStore::Mode::kReadOnly, code);
  if (!t) return code;
  std::unique_ptr<PluginHost> host = load_plugins(t->plan(), o.file, t->loaded.source, code);
  if (code != kOk) return code;
  std::vector<PluginFinding> findings;
  std::vector<PluginFailure> failures;
  PlanStatus status = t->status();
  if (host) failures = host->check_funding(sdk::View{t->plan(), &status}, findings);
  if (o.format == "json") {
    Json list = Json::array();
    for (const PluginFinding& f : findings) list.push_back(finding_json(f, o.file));
    std::cout << list.dump(2) << "\n";
  } else {
    std::vector<Diagnostic> diagnostics;
    for (const PluginFinding& f : findings) diagnostics.push_back(as_diagnostic(f, o.file));
    std::cerr << render_text(diagnostics, t->loaded.source);
    std::cout << o.file << " as of " << t->as_of.to_string() << ": " << findings.size()
              << (findings.size() == 1 ? " funding finding" : " funding findings");
    std::size_t checks = 0;
    if (host) {
      for (const PluginHost::Loaded& p : host->loaded())
        checks += (p.kinds & sdk::kFundingCheck) != 0;
    }
    if (checks == 0) std::cout << " (the plan names no funding-check plugin; see docs/plugins.md)";
    std::cout << "\n";
  }
  for (const PluginFailure& f : failures) {
    std::cerr << "plantrack check: plugin \"" << f.plugin << "\" failed: " << f.message << "\n";
  }
  if (!failures.empty()) return kPluginFailed;
  for (const PluginFinding& f : findings) {
    if (f.finding.severity != sdk::Severity::kInfo) return kFindings;
  }
  return kOk;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto o = std::make_shared<TrackOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Run the plan's funding checks as of a date");
  add_track_options(cmd, *o, true, true);
  cmd->footer(
      "Exit status: 0 no findings (or only notes), 1 invalid input, 2 usage error, 3 findings,\n"
      "4 a funding-check plugin failed.");
  return [o] { return run_check(*o); };
}

}  // namespace plantrack::cli
