// plantrack plan-year FILE YEAR: the year's plan of a programme, with what slipped carried over.
#include <charconv>
#include <iostream>

#include "commands.hpp"
#include "language.hpp"
#include "plantrack/i18n.hpp"
#include "tracking.hpp"

namespace plantrack::cli {
namespace {

struct PlanYearOptions {
  TrackOptions track;
  std::string year;
  std::string output;
  bool force = false;
};

ExitCode run_plan_year(PlanYearOptions& o) {
  speak_plan_language(o.track.file);  // YEAR's problem too, in the plan's language
  int year = 0;
  auto [end, ec] = std::from_chars(o.year.data(), o.year.data() + o.year.size(), year);
  if (ec != std::errc() || end != o.year.data() + o.year.size() || o.year.size() != 4) {
    std::cerr << tr("plantrack plan-year: error: YEAR \"{year}\" is not a four-digit year",
                    {{"year", o.year}})
              << "\n  " << tr("fix: e.g. plantrack plan-year plan.toml 2014") << "\n";
    return kUsage;
  }
  // What was recorded by the end of the year before is what the year starts from.
  o.track.date = std::to_string(year - 1) + "-12-31";
  ExitCode code = kOk;
  std::optional<Tracker> t = open_tracker(o.track, EventStore::Mode::kReadOnly, code);
  if (!t) return code;
  Result<YearPlanResult> planned = t->plan_year(year, o.output, o.force);
  if (!planned) {
    print_error(planned.error(), "plan-year");
    return planned.error().code;
  }
  if (planned->to_stdout) return kOk;
  std::cerr << tr("wrote {file} ({n} tasks for {year})",
                  {{"file", o.output}, {"n", planned->tasks}, {"year", year}})
            << "\n";
  return kOk;
}

}  // namespace

Command add_plan_year_command(CLI::App& app) {
  auto o = std::make_shared<PlanYearOptions>();
  CLI::App* cmd = app.add_subcommand(
      "plan-year", tr("Write the plan for one year of a programme, carrying over what slipped"));
  add_track_options(cmd, o->track, false, false);
  cmd->add_option("YEAR", o->year, tr("The year to plan, e.g. 2014"))->required();
  cmd->add_option("-o,--output", o->output,
                  tr("Write the year plan to PATH (- or none: standard output)"));
  cmd->add_flag("--force", o->force,
                tr("Replace an existing file that is not an earlier year plan (never the programme "
                   "or its store)"));
  return [o] { return run_plan_year(*o); };
}

}  // namespace plantrack::cli
