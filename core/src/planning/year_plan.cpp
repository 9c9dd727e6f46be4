#include "plantrack/year_plan.hpp"

#include "plantrack/i18n.hpp"
#include "plantrack/read_file.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <variant>

namespace plantrack {
namespace {

// A TOML basic string.
std::string q(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// 1000000 -> 1_000_000, as the shipped plans write amounts.
std::string amount(std::int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '_';
    out += digits[i];
  }
  return (value < 0 ? "-" : "") + out;
}

std::string list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + q(items[i]);
  return out + "]";
}

std::string setting(const SettingValue& value) {
  if (const bool* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const std::int64_t* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const double* d = std::get_if<double>(&value)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", *d);
    std::string text = buffer;
    if (text.find_first_of(".eE") == std::string::npos) text += ".0";
    return text;
  }
  if (const std::string* s = std::get_if<std::string>(&value)) return q(*s);
  return list(std::get<std::vector<std::string>>(value));
}

}  // namespace

std::int64_t planned_in_year(const Task& task, int year) {
  return task.target_in(year).value_or(0);
}

std::vector<YearTask> year_tasks(const Plan& programme, const PlanStatus& before, int year) {
  std::vector<YearTask> out;
  for (std::size_t i = 0; i < programme.tasks.size(); ++i) {
    const Task& task = programme.tasks[i];
    const TaskStatus& s = before.tasks[i];
    if (s.state == TaskState::kDone || s.state == TaskState::kCancelled) continue;
    YearTask y;
    y.task = i;
    y.planned = planned_in_year(task, year);
    y.planned_before = task.target_by(year - 1);
    y.done_before = s.achieved;
    std::int64_t left = std::max<std::int64_t>(0, task.target - s.achieved);
    if (task.counting == Counting::kCumulative) {
      // A running total: the year's target is where the total should stand at the year's end.
      std::int64_t due = std::min(task.target, y.planned_before + y.planned);
      y.target = y.planned > 0 || (task.carry_over && due > s.achieved) ? due : 0;
      y.carried = task.carry_over ? std::max<std::int64_t>(0, y.planned_before - s.achieved) : 0;
    } else {
      y.carried = task.carry_over ? std::max<std::int64_t>(0, y.planned_before - s.achieved) : 0;
      y.target = std::min(left, y.planned + y.carried);
    }
    if (y.target <= 0 || left <= 0) continue;
    out.push_back(y);
  }
  return out;
}

std::string year_plan_toml(const Plan& p, const std::vector<YearTask>& tasks,
                           const std::string& programme_file, const std::string& revision,
                           const PlanStatus& before, int year) {
  bool vi = p.info.locale == "vi";
  std::set<std::string> in_plan;
  for (const YearTask& y : tasks) in_plan.insert(p.tasks[y.task].id);
  std::string end_before = std::to_string(year - 1) + "-12-31";
  std::string o;
  o += "# " + std::string(vi ? "Kế hoạch năm " : "Year plan ") + std::to_string(year) + ": " +
       p.info.title + "\n";
  o += std::string("# ") + kYearPlanMarker + " from " + programme_file + " (revision " +
       revision.substr(0, 12) + ")\n# with the progress recorded up to " + end_before +
       ". The same inputs give the same file. Progress recorded\n# with this plan goes to the "
       "programme's store and counts toward the programme.\n";
  o += "format = 1\n\n[plan]\n";
  o += "id = " + q(p.info.id + "-" + std::to_string(year)) + "\n";
  o += "title = " + q(p.info.title + (vi ? " — năm " : " — ") + std::to_string(year)) + "\n";
  if (!p.info.owner.empty()) o += "owner = " + q(p.info.owner) + "\n";
  if (!p.info.executor.empty()) o += "executor = " + q(p.info.executor) + "\n";
  o += "period = { start = " + std::to_string(year) + ", end = " + std::to_string(year) + " }\n";
  o += "currency = " + q(p.info.currency) + "\nlocale = " + q(p.info.locale) + "\n";
  if (!p.info.basis.empty()) o += "basis = " + list(p.info.basis) + "\n";
  o += "programme = { file = " + q(programme_file) + ", id = " + q(p.info.id) + " }\n";

  std::set<std::string> objectives, stages;
  for (const YearTask& y : tasks) {
    objectives.insert(p.tasks[y.task].objective);
    stages.insert(p.tasks[y.task].stage);
  }
  for (const Objective& obj : p.objectives) {
    if (!objectives.count(obj.id)) continue;
    o += "\n[[objective]]\nid = " + q(obj.id) + "\ntext = " + q(obj.text) + "\n";
  }
  for (const Stage& s : p.stages) {
    if (!stages.count(s.id)) continue;
    o += "\n[[stage]]\nid = " + q(s.id) + "\ntitle = " + q(s.title) + "\n";
    std::vector<std::string> deps;
    for (const Ref& r : s.depends_on) {
      if (stages.count(r.id)) deps.push_back(r.id);
    }
    if (!deps.empty()) o += "depends_on = " + list(deps) + "\n";
  }
  for (const YearTask& y : tasks) {
    const Task& t = p.tasks[y.task];
    o += "\n[[task]]\nid = " + q(t.id) + "\nstage = " + q(t.stage) + "\ntitle = " + q(t.title) +
         "\nunit = " + q(t.unit) + "\n";
    if (t.counting == Counting::kCumulative) {
      o += "# " + std::to_string(year) + ": the running total should reach " +
           std::to_string(y.target) + " (" + std::to_string(y.done_before) + " by " + end_before +
           ")\n";
    } else {
      o += "# " + std::to_string(year) + ": " + std::to_string(y.planned) + " planned";
      if (y.carried > 0) {
        o += " + " + std::to_string(y.carried) + " carried over (planned before " +
             std::to_string(year) + ": " + std::to_string(y.planned_before) + ", done by " +
             end_before + ": " + std::to_string(y.done_before) + ")";
      } else if (!t.carry_over) {
        o += " (carry_over = false: nothing carried over)";
      }
      if (y.target < y.planned + y.carried) {
        o += "; capped at what is left of the target (" + std::to_string(t.target) + ")";
      }
      o += "\n";
    }
    o += "target = " + std::to_string(y.target) + "\nyears = [" + std::to_string(year) + "]\n";
    if (t.counting == Counting::kCumulative) o += "counting = \"cumulative\"\n";
    if (!t.carry_over) o += "carry_over = false\n";
    if (t.report_digits) o += "report_digits = " + std::to_string(t.report_digits) + "\n";
    if (t.of) o += "of = " + std::to_string(*t.of) + "\n";
    if (!t.owner.empty()) o += "owner = " + q(t.owner) + "\n";
    if (!t.objective.empty()) o += "objective = " + q(t.objective) + "\n";
    std::vector<std::string> kept;
    for (const Dependency& d : t.depends_on) {
      const Task* pre = p.find_task(d.task);
      std::size_t index = pre ? static_cast<std::size_t>(pre - p.tasks.data()) : 0;
      const TaskStatus* s = pre ? &before.tasks[index] : nullptr;
      bool satisfied =
          s && (d.at_least ? s->achieved >= *d.at_least : s->state == TaskState::kDone);
      std::string what = d.task + (d.at_least ? " >= " + std::to_string(*d.at_least) : " done");
      if (satisfied) {
        o += "# satisfied by " + end_before + ": " + what + " (" + std::to_string(s->achieved) +
             " " + pre->unit + ")\n";
      } else if (in_plan.count(d.task) && !d.at_least) {
        kept.push_back(q(d.task));  // a completion dependency is the task id alone
      } else if (in_plan.count(d.task)) {
        // The year plan counts what is recorded for its year (a cumulative task: its running
        // total), so a threshold on the programme's figure becomes what is still needed this year.
        bool cumulative = pre->counting == Counting::kCumulative;
        std::int64_t need = cumulative ? *d.at_least : *d.at_least - s->achieved;
        std::int64_t year_target = 0;
        for (const YearTask& other : tasks) {
          if (other.task == index) year_target = other.target;
        }
        if (need <= year_target) {
          if (need != *d.at_least) {  // part of it was done before the year
            o += "# waits for " + what + " in the programme: " + std::to_string(need) +
                 " more in " + std::to_string(year) + "\n";
          }
          kept.push_back("{ task = " + q(d.task) + ", at_least = " + std::to_string(need) + " }");
        } else {
          o += "# waits for " + what + " (" + std::to_string(need) + " more), beyond the " +
               std::to_string(year) + " target of " + q(d.task) + " (" +
               std::to_string(year_target) + "): the programme's status shows when it is met\n";
        }
      } else {
        o += "# waits for " + what + ", which is not in this year's plan\n";
      }
    }
    if (!kept.empty()) {
      o += "depends_on = [";
      for (std::size_t i = 0; i < kept.size(); ++i) o += (i ? ", " : "") + kept[i];
      o += "]\n";
    }
  }
  // Money: the year's budget lines; each source's amount is what they draw from it this year.
  std::map<std::string, std::int64_t> per_source;
  std::string lines;
  for (const BudgetLine& b : p.budget) {
    if (b.year != year || !in_plan.count(b.task)) continue;
    per_source[b.source] += b.amount;
    lines += "\n[[budget]]\ntask = " + q(b.task) + "\nsource = " + q(b.source) +
             "\nyear = " + std::to_string(year) + "\namount = " + amount(b.amount) + "\n";
    if (!b.category.empty()) lines += "category = " + q(b.category) + "\n";
    if (!b.decision.empty()) lines += "decision = " + q(b.decision) + "\n";
  }
  if (!p.funding.empty())
    o += "\n# Sources: what the year's budget lines draw from each, zero included.";
  o += "\n";
  // A source no budget line of the programme draws on (an enterprise's own counterpart money,
  // say) has no split by year: the year plan keeps its planned amount, as the programme states it.
  std::set<std::string> drawn;
  for (const BudgetLine& b : p.budget) drawn.insert(b.source);
  for (const Funding& f : p.funding) {
    if (!drawn.count(f.id)) per_source[f.id] = f.amount;
  }
  for (const Funding& f : p.funding) {
    o += "\n[[funding]]\nid = " + q(f.id) + "\nkind = " + q(std::string(to_string(f.kind))) +
         "\ntitle = " + q(f.title) + "\namount = " + amount(per_source[f.id]) + "\n";
    if (!drawn.count(f.id)) o += "# no budget line draws on it: the programme's amount\n";
  }
  for (const FundingTotal& t : p.totals) {
    std::int64_t sum = 0;
    std::vector<std::string> ids;
    for (const Ref& r : t.sources) sum += per_source[r.id], ids.push_back(r.id);
    o += "\n[[total]]\nid = " + q(t.id) + "\ntitle = " + q(t.title) + "\nsources = " + list(ids) +
         "\namount = " + amount(sum) + "\n";
  }
  o += lines;
  for (const Participant& x : p.participants) {
    if (x.year != year || !in_plan.count(x.task)) continue;
    o += "\n[[participant]]\nname = " + q(x.name) + "\nsector = " + q(x.sector) +
         "\ntask = " + q(x.task) + "\nyear = " + std::to_string(year) + "\n";
    if (!x.activity.empty()) o += "activity = " + q(x.activity) + "\n";
  }
  // The alerts, with the report dates of the year, and the narrative the report is written from.
  std::vector<std::string> due;
  for (const Date& d : p.alerts.report_due) {
    if (d.year() == year) due.push_back(d.to_string());
  }
  o += "\n[alerts]\ndue_within_days = " + std::to_string(p.alerts.due_within_days) +
       "\nbehind_pace_margin_percent = " + std::to_string(p.alerts.behind_pace_margin_percent) +
       "\n";
  if (!due.empty()) {
    o += "report_due = [";
    for (std::size_t i = 0; i < due.size(); ++i) o += (i ? ", " : "") + due[i];
    o += "]\n";
  }
  const Narrative& n = p.narrative;
  if (n != Narrative{}) {
    o += "\n[narrative]\n";
    if (!n.content.empty()) o += "content = " + q(n.content) + "\n";
    if (!n.general_objective.empty()) o += "general_objective = " + q(n.general_objective) + "\n";
    auto texts = [&](const char* key, const std::vector<std::string>& items) {
      if (!items.empty()) o += std::string(key) + " = " + list(items) + "\n";
    };
    texts("assessment", n.assessment);
    texts("difficulties", n.difficulties);
    texts("integrated_activities", n.integrated_activities);
    texts("recommendations", n.recommendations);
    texts("next_tasks", n.next_tasks);
    for (const Section& section : n.solutions) {
      o += "\n[[narrative.solution]]\ntitle = " + q(section.title) + "\n";
      if (!section.points.empty()) o += "points = " + list(section.points) + "\n";
    }
  }
  for (const PluginConfig& plugin : p.plugins) {
    o += "\n[[plugin]]\nname = " + q(plugin.name) + "\n";
    if (!plugin.path.empty()) o += "path = " + q(plugin.path) + "\n";
    if (!plugin.settings.empty()) {
      o += "[plugin.settings]\n";
      for (const PluginSetting& s : plugin.settings) o += s.key + " = " + setting(s.value) + "\n";
    }
  }
  return o;
}

ProgrammeCheck check_programme(const Plan& year_plan, const std::string& year_plan_file,
                               const std::function<LoadResult(const std::string&)>& load) {
  const PlanInfo& info = year_plan.info;
  ProgrammeCheck check;
  check.path = (std::filesystem::path(year_plan_file).parent_path() / info.programme_file)
                   .lexically_normal()
                   .string();
  auto problem = [&](std::string code, std::string message, std::string fix) {
    Diagnostic d;
    d.code = std::move(code);
    d.file = year_plan_file;
    d.where = info.programme_where;
    d.message = std::move(message);
    d.fix = std::move(fix);
    check.problem = std::move(d);
    return check;
  };
  std::string quoted = "\"" + info.programme_file + "\"";
  if (check.path != info.programme_file) quoted += " (" + check.path + ")";
  if (std::optional<std::string> kind = not_a_regular_file(check.path)) {
    return problem("programme-not-found",
                   tr("the programme plan {file} cannot be read: {reason}",
                      {{"file", quoted}, {"reason", *kind}}),
                   tr("set programme.file to the programme's path relative to this year plan"));
  }
  LoadResult programme = load(check.path);
  if (!programme.ok()) {
    return problem("programme-invalid",
                   tr("the programme {file} is not a valid plan", {{"file", quoted}}),
                   tr("run 'plantrack validate {path}', or point programme.file at the "
                      "programme's plan",
                      {{"path", check.path}}));
  }
  if (programme.plan.info.is_year_plan()) {
    return problem("programme-is-year-plan",
                   tr("the programme {file} is itself a year plan (of \"{of}\")",
                      {{"file", quoted}, {"of", programme.plan.info.programme_file}}),
                   tr("point programme.file at the programme's plan"));
  }
  if (programme.plan.info.id != info.programme_id) {
    return problem(
        "programme-id-mismatch",
        tr("programme.id \"{id}\" is not the id of {file} (\"{actual}\")",
           {{"id", info.programme_id}, {"file", quoted}, {"actual", programme.plan.info.id}}),
        tr("set programme.id = \"{actual}\", or point programme.file at the "
           "programme it names",
           {{"actual", programme.plan.info.id}}));
  }
  return check;
}

}  // namespace plantrack
