// plantrack diff OLD NEW: what changed between two plan files, each change at both places.
#include <iostream>

#include "commands.hpp"
#include "language.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/plan_diff.hpp"
#include "plantrack/printable.hpp"
#include "plantrack/status_json.hpp"
#include "tracking.hpp"

namespace plantrack::cli {
namespace {

struct DiffOptions {
  std::string before, after;
  std::string format = "text";
  bool exit_code = false;
};

std::string at(const std::string& file, SourcePos pos) {
  if (!pos.known()) return file;
  return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

ExitCode run_diff(const DiffOptions& o) {
  speak_plan_language(o.after);
  LoadResult before = load_plan_file(o.before);
  LoadResult after = load_plan_file(o.after);
  bool ok = true;
  for (const LoadResult* r : {&before, &after}) {
    if (r->ok()) continue;
    std::cerr << render_text(r->diagnostics, r->source);
    ok = false;
  }
  if (!ok) {
    std::cerr << tr("plantrack diff: an invalid plan cannot be compared") << "\n  "
              << tr("fix: run 'plantrack validate' on it and correct the errors") << "\n";
    return kInvalidInput;
  }
  std::vector<PlanChange> changes = diff_plans(before.plan, after.plan);
  if (o.format == "json") {
    std::cout << diff_json(changes, o.before, o.after);
  } else {
    std::cout << trn("{old} -> {new}: {n} change", "{old} -> {new}: {n} changes", changes.size(),
                     {{"old", o.before}, {"new", o.after}})
              << "\n";
    for (const PlanChange& c : changes) {
      std::cout << c.area << " \"" << printable(c.subject) << "\" ";
      switch (c.kind) {
        case PlanChange::Kind::kAdded:
          std::cout << tr("added: {value}  ({at})",
                          {{"value", printable(c.after)}, {"at", at(o.after, c.new_at)}})
                    << "\n";
          break;
        case PlanChange::Kind::kRemoved:
          std::cout << tr("removed: {value}  ({at})",
                          {{"value", printable(c.before)}, {"at", at(o.before, c.old_at)}})
                    << "\n";
          break;
        case PlanChange::Kind::kRenamed:
          std::cout << tr("renamed from \"{old}\"  ({old_at} -> {new_at})",
                          {{"old", printable(c.before)},
                           {"old_at", at(o.before, c.old_at)},
                           {"new_at", at(o.after, c.new_at)}})
                    << "\n";
          break;
        case PlanChange::Kind::kChanged:
          std::cout << c.field << ": " << (c.before.empty() ? tr("(none)") : printable(c.before))
                    << " -> " << (c.after.empty() ? tr("(none)") : printable(c.after)) << "  ("
                    << at(o.before, c.old_at) << " -> " << at(o.after, c.new_at) << ")\n";
          break;
      }
    }
  }
  return o.exit_code && !changes.empty() ? kDiffers : kOk;
}

}  // namespace

Command add_diff_command(CLI::App& app) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand("diff", tr("What changed between two versions of a plan"));
  cmd->add_option("OLD", o->before, tr("The earlier plan file"))->required();
  cmd->add_option("NEW", o->after, tr("The later plan file"))->required();
  cmd->add_option("--format", o->format, tr("text or json"))
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--exit-code", o->exit_code, tr("Exit 3 when the plans differ (for scripts)"));
  return [o] { return run_diff(*o); };
}

}  // namespace plantrack::cli
