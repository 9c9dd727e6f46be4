#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>

#include "plantrack/detail/dot_quote.hpp"
#include "plantrack/graph.hpp"
#include "plantrack/printable.hpp"

namespace plantrack {
namespace {

constexpr std::size_t kMaxLabel = 48;  // code points of a title shown in a drawn node

// The first kMaxLabel code points of a title, with "…" when cut.
std::string short_title(const std::string& title) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < title.size(); ++i) {
    if ((static_cast<unsigned char>(title[i]) & 0xC0) == 0x80) continue;
    if (++points > kMaxLabel) return title.substr(0, i) + "…";
  }
  return title;
}

std::string mermaid_id(std::string_view prefix, const std::string& id) {
  std::string out(prefix);
  for (char c : id) out += (c == '-') ? '_' : c;
  return out;
}

// Text that stays text inside a quoted Mermaid label: on one line, control characters shown as
// escapes, and every character Mermaid or the HTML it renders to would read as markup written as
// a Mermaid entity code (#quot; and the like), so a title cannot close the label, start an entity,
// a Markdown string (`) or an edge label (|), or add tags.
std::string mermaid_escape(const std::string& text) {
  std::string one_line = text;
  for (char& c : one_line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  std::string out;
  for (char c : printable(one_line)) {
    switch (c) {
      case '"':
        out += "#quot;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '&':
        out += "#amp;";
        break;
      case '#':
        out += "#35;";
        break;
      case '`':
        out += "#96;";
        break;
      case '|':
        out += "#124;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string mermaid_label(const std::string& text) {
  return "\"" + mermaid_escape(text) + "\"";
}

std::string quantity(std::int64_t value, const std::string& unit) {
  return std::to_string(value) + (unit.empty() ? "" : " " + unit);
}

std::string threshold_label(const Plan& plan, const TaskEdge& e) {
  const Dependency& dep = plan.tasks[e.from].depends_on[e.dependency];
  return "≥ " + quantity(*dep.at_least, plan.tasks[e.to].unit);
}

// Tasks grouped by stage, stages in plan order; tasks of an unknown stage come last, ungrouped.
std::vector<std::vector<std::size_t>> tasks_by_stage(const Plan& plan) {
  std::unordered_map<std::string_view, std::size_t> stage_index;
  for (std::size_t s = 0; s < plan.stages.size(); ++s) stage_index.emplace(plan.stages[s].id, s);
  std::vector<std::vector<std::size_t>> groups(plan.stages.size() + 1);
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    auto it = stage_index.find(plan.tasks[i].stage);
    groups[it == stage_index.end() ? plan.stages.size() : it->second].push_back(i);
  }
  return groups;
}

std::string to_dot(const Plan& plan, const DependencyGraph& graph) {
  auto groups = tasks_by_stage(plan);
  std::string out = "digraph " + dot_quote(plan.info.id) + " {\n";
  out += "  rankdir=LR;\n  compound=true;\n  node [shape=box, style=rounded];\n";
  auto node = [&](std::size_t i, const std::string& indent) {
    const Task& t = plan.tasks[i];
    out += indent + dot_quote(t.id) + " [label=" +
           dot_quote(t.id + "\n" + short_title(t.title) + "\n" + quantity(t.target, t.unit)) +
           "];\n";
  };
  std::vector<std::string> anchor(plan.stages.size());
  for (std::size_t s = 0; s < plan.stages.size(); ++s) {
    const Stage& stage = plan.stages[s];
    out += "  subgraph " + dot_quote("cluster_" + stage.id) + " {\n";
    out += "    label=" + dot_quote(stage.id + ": " + short_title(stage.title)) + ";\n";
    if (groups[s].empty()) {
      anchor[s] = "stage:" + stage.id;
      out += "    " + dot_quote(anchor[s]) + " [label=\"(no tasks)\", style=dashed];\n";
    } else {
      anchor[s] = plan.tasks[groups[s].front()].id;
    }
    for (std::size_t i : groups[s]) node(i, "    ");
    out += "  }\n";
  }
  for (std::size_t i : groups.back()) node(i, "  ");
  for (std::size_t s = 0; s < plan.stages.size(); ++s) {
    for (const Ref& dep : plan.stages[s].depends_on) {
      std::size_t p = 0;
      while (p < plan.stages.size() && plan.stages[p].id != dep.id) ++p;
      if (p == plan.stages.size()) continue;
      out += "  " + dot_quote(anchor[p]) + " -> " + dot_quote(anchor[s]) +
             " [ltail=" + dot_quote("cluster_" + dep.id) +
             ", lhead=" + dot_quote("cluster_" + plan.stages[s].id) + ", style=bold];\n";
    }
  }
  for (const TaskEdge& e : graph.task_edges()) {
    out += "  " + dot_quote(plan.tasks[e.to].id) + " -> " + dot_quote(plan.tasks[e.from].id);
    if (plan.tasks[e.from].depends_on[e.dependency].is_threshold()) {
      out += " [label=" + dot_quote(threshold_label(plan, e)) + ", style=dashed]";
    }
    out += ";\n";
  }
  return out + "}\n";
}

std::string to_mermaid(const Plan& plan, const DependencyGraph& graph) {
  auto groups = tasks_by_stage(plan);
  std::string out = "flowchart LR\n";
  auto node = [&](std::size_t i, const std::string& indent) {
    const Task& t = plan.tasks[i];
    out += indent + mermaid_id("t_", t.id) + "[\"" + mermaid_escape(short_title(t.title)) +
           "<br/>" + mermaid_escape(quantity(t.target, t.unit)) + "\"]\n";
  };
  for (std::size_t s = 0; s < plan.stages.size(); ++s) {
    const Stage& stage = plan.stages[s];
    out += "  subgraph " + mermaid_id("s_", stage.id) + "[" +
           mermaid_label(stage.id + ": " + short_title(stage.title)) + "]\n";
    for (std::size_t i : groups[s]) node(i, "    ");
    out += "  end\n";
  }
  for (std::size_t i : groups.back()) node(i, "  ");
  for (const Stage& stage : plan.stages) {
    for (const Ref& dep : stage.depends_on) {
      if (!plan.find_stage(dep.id)) continue;
      out += "  " + mermaid_id("s_", dep.id) + " ==> " + mermaid_id("s_", stage.id) + "\n";
    }
  }
  for (const TaskEdge& e : graph.task_edges()) {
    std::string from = mermaid_id("t_", plan.tasks[e.to].id);
    std::string to = mermaid_id("t_", plan.tasks[e.from].id);
    if (plan.tasks[e.from].depends_on[e.dependency].is_threshold()) {
      out += "  " + from + " -.->|" + mermaid_label(threshold_label(plan, e)) + "| " + to + "\n";
    } else {
      out += "  " + from + " --> " + to + "\n";
    }
  }
  return out;
}

std::string to_json(const Plan& plan, const DependencyGraph& graph) {
  using Json = nlohmann::ordered_json;
  Json stages = Json::array();
  auto groups = tasks_by_stage(plan);
  for (std::size_t s = 0; s < plan.stages.size(); ++s) {
    Json deps = Json::array();
    for (const Ref& d : plan.stages[s].depends_on) deps.push_back(d.id);
    Json tasks = Json::array();
    for (std::size_t i : groups[s]) tasks.push_back(plan.tasks[i].id);
    stages.push_back({{"id", plan.stages[s].id},
                      {"title", plan.stages[s].title},
                      {"depends_on", deps},
                      {"tasks", tasks}});
  }
  Json tasks = Json::array();
  for (const Task& t : plan.tasks) {
    tasks.push_back({{"id", t.id},
                     {"stage", t.stage},
                     {"title", t.title},
                     {"unit", t.unit},
                     {"target", t.target}});
  }
  Json edges = Json::array();
  for (const TaskEdge& e : graph.task_edges()) {
    const Dependency& dep = plan.tasks[e.from].depends_on[e.dependency];
    Json edge = {{"from", plan.tasks[e.to].id},
                 {"to", plan.tasks[e.from].id},
                 {"kind", dep.is_threshold() ? "threshold" : "complete"}};
    if (dep.at_least) edge["at_least"] = *dep.at_least;
    edges.push_back(edge);
  }
  Json order = Json::array();
  if (auto sorted = graph.task_order()) {
    for (std::size_t i : *sorted) order.push_back(plan.tasks[i].id);
  }
  Json doc = {{"plan", plan.info.id},
              {"stages", stages},
              {"tasks", tasks},
              {"edges", edges},
              {"order", order}};
  return printable(doc.dump(2, ' ', false, Json::error_handler_t::replace), LineBreaks::kAllowed) +
         "\n";
}

}  // namespace

std::string dot_quote(std::string_view text) {
  std::string out = "\"";
  for (char c : printable(text, LineBreaks::kAllowed)) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c == '\t' ? ' ' : c;
  }
  return out + "\"";
}

std::string export_graph(const Plan& plan, const DependencyGraph& graph, GraphFormat format) {
  switch (format) {
    case GraphFormat::kDot:
      return to_dot(plan, graph);
    case GraphFormat::kMermaid:
      return to_mermaid(plan, graph);
    case GraphFormat::kJson:
      return to_json(plan, graph);
  }
  return {};
}

}  // namespace plantrack
