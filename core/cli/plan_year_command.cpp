// plantrack plan-year FILE YEAR: the year's plan of a programme, with what slipped carried over.
#include <charconv>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "plantrack/output_file.hpp"
#include "plantrack/year_plan.hpp"
#include "tracking.hpp"

namespace plantrack::cli {
namespace {

namespace fs = std::filesystem;

struct PlanYearOptions {
  TrackOptions track;
  std::string year;
  std::string output;
  bool force = false;
};

int run_plan_year(PlanYearOptions& o) {
  int year = 0;
  auto [end, ec] = std::from_chars(o.year.data(), o.year.data() + o.year.size(), year);
  if (ec != std::errc() || end != o.year.data() + o.year.size() || o.year.size() != 4) {
    std::cerr << "plantrack plan-year: error: YEAR \"" << o.year
              << "\" is not a four-digit year\n  fix: e.g. plantrack plan-year plan.toml 2014\n";
    return kUsage;
  }
  // What was recorded by the end of the year before is what the year starts from.
  o.track.date = std::to_string(year - 1) + "-12-31";
  int code = kOk;
  std::optional<Tracking> t = open_tracking(o.track, EventStore::Mode::kReadOnly, code);
  if (!t) return code;
  const Plan& plan = t->plan();
  if (plan.info.is_year_plan()) {
    std::cerr << "plantrack plan-year: error: " << o.track.file << " is already a year plan (of "
              << plan.info.programme_file << ")\n  fix: run plan-year on the programme's plan\n";
    return kInvalidInput;
  }
  if (year < plan.info.period_start || year > plan.info.period_end) {
    std::cerr << "plantrack plan-year: error: " << year << " is outside the programme's period "
              << plan.info.period_start << "-" << plan.info.period_end
              << "\n  fix: give a year of the period\n";
    return kInvalidInput;
  }
  PlanStatus before = t->status(false);
  // The year plan names its programme relative to where it is written.
  fs::path programme = fs::absolute(o.track.file).lexically_normal();
  fs::path from = o.output.empty() || o.output == "-" ? fs::current_path()
                                                      : fs::absolute(o.output).parent_path();
  std::string reference = programme.lexically_relative(from).string();
  std::vector<YearTask> tasks = year_tasks(plan, before, year);
  std::string text = year_plan_toml(plan, tasks, reference, t->revision, before, year);
  OutputPolicy policy;
  policy.kept = t->kept_files();
  policy.marker = kYearPlanMarker;
  policy.noun = "year plan";
  policy.force = o.force;
  bool to_stdout = o.output.empty() || o.output == "-";
  if (std::optional<OutputRefusal> refusal =
          write_outputs({{to_stdout ? "-" : o.output, text}}, policy)) {
    std::cerr << "plantrack plan-year: error: " << refusal->message << "\n  fix: " << refusal->fix
              << "\n  nothing was written\n";
    return refusal->usage ? kUsage : kInvalidInput;
  }
  if (to_stdout) return kOk;
  std::cerr << "wrote " << o.output << " (" << tasks.size() << " tasks for " << year << ")\n";
  return kOk;
}

}  // namespace

Command add_plan_year_command(CLI::App& app) {
  auto o = std::make_shared<PlanYearOptions>();
  CLI::App* cmd = app.add_subcommand(
      "plan-year", "Write the plan for one year of a programme, carrying over what slipped");
  add_track_options(cmd, o->track, false, false);
  cmd->add_option("YEAR", o->year, "The year to plan, e.g. 2014")->required();
  cmd->add_option("-o,--output", o->output,
                  "Write the year plan to PATH (- or none: standard output)");
  cmd->add_flag("--force", o->force,
                "Replace an existing file that is not an earlier year plan (never the programme "
                "or its store)");
  return [o] { return run_plan_year(*o); };
}

}  // namespace plantrack::cli
