#include "plantrack/graph_svg.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "plantrack/detail/dot_quote.hpp"
#include "plantrack/money.hpp"

namespace plantrack {
namespace {

std::string num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // XML has no place for C0 controls but tab, newline and carriage return.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

const char* state_colour(TaskState state) {
  switch (state) {
    case TaskState::kDone:
      return "#2e7d32";
    case TaskState::kInProgress:
      return "#f9a825";
    case TaskState::kCancelled:
      return "#9e9e9e";
    case TaskState::kNotStarted:
      break;
  }
  return "#c62828";
}

std::string graph_svg(const Plan& plan, const PlanStatus* status) {
  const int col_w = 170, node_w = 150, node_h = 34, gap = 12, head = 26;
  std::map<std::string, std::pair<int, int>> at;  // task id -> top-left of its box
  std::vector<int> per_stage(plan.stages.size(), 0);
  int rows = 1;
  for (const Task& task : plan.tasks) {
    for (std::size_t s = 0; s < plan.stages.size(); ++s) {
      if (plan.stages[s].id != task.stage) continue;
      int x = static_cast<int>(s) * col_w + (col_w - node_w) / 2;
      int y = head + per_stage[s]++ * (node_h + gap) + gap;
      at[task.id] = {x, y};
      rows = std::max(rows, per_stage[s]);
    }
  }
  int width = std::max<int>(1, static_cast<int>(plan.stages.size())) * col_w;
  int height = head + rows * (node_h + gap) + gap;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) +
                    "\" role=\"img\" font-family=\"DejaVu Sans, sans-serif\">\n"
                    "<title>" +
                    xml_escape(plan.info.title) +
                    "</title>\n"
                    "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                    "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path "
                    "d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n";
  for (std::size_t s = 0; s < plan.stages.size(); ++s) {
    int x = static_cast<int>(s) * col_w;
    out += "<g class=\"stage\"><rect x=\"" + std::to_string(x + 3) + "\" y=\"3\" width=\"" +
           std::to_string(col_w - 6) + "\" height=\"" + std::to_string(height - 6) +
           "\" rx=\"6\" fill=\"#f5f5f5\" stroke=\"#9e9e9e\"/><text x=\"" +
           std::to_string(x + col_w / 2) +
           "\" y=\"18\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\">" +
           xml_escape(plan.stages[s].title) + "</text></g>\n";
  }
  for (const Task& task : plan.tasks) {
    auto to = at.find(task.id);
    if (to == at.end()) continue;
    for (const Dependency& dep : task.depends_on) {
      auto from = at.find(dep.task);
      if (from == at.end()) continue;
      double x1 = from->second.first + node_w, y1 = from->second.second + node_h / 2.0;
      double x2 = to->second.first, y2 = to->second.second + node_h / 2.0;
      if (x2 <= x1) {  // the same stage: from the bottom of one box to the top of the next
        x1 = from->second.first + 8;
        y1 = from->second.second + node_h;
        x2 = to->second.first + 8;
        y2 = to->second.second;
      }
      double mx = (x1 + x2) / 2;
      out += "<path d=\"M " + num(x1) + " " + num(y1) + " C " + num(mx) + " " + num(y1) + ", " +
             num(mx) + " " + num(y2) + ", " + num(x2) + " " + num(y2) +
             "\" fill=\"none\" stroke=\"#555\" stroke-width=\"1\" marker-end=\"url(#arrow)\"/>";
      if (dep.at_least) {
        out += "<text x=\"" + num(mx) + "\" y=\"" + num((y1 + y2) / 2 - 3) +
               "\" font-size=\"7\" text-anchor=\"middle\">≥ " + std::to_string(*dep.at_least) +
               "</text>";
      }
      out += "\n";
    }
  }
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& task = plan.tasks[i];
    auto p = at.find(task.id);
    if (p == at.end()) continue;
    auto [x, y] = p->second;
    const TaskStatus* s = status ? &status->tasks[i] : nullptr;
    const char* colour = s ? state_colour(s->state) : "#555";
    std::string figures = (s ? std::to_string(s->achieved) + "/" : std::string()) +
                          std::to_string(task.target) + " " + task.unit;
    out += "<g class=\"task\"><title>" + xml_escape(task.title) + "</title><rect x=\"" +
           std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
           std::to_string(node_w) + "\" height=\"" + std::to_string(node_h) +
           "\" rx=\"4\" fill=\"#fff\" stroke=\"" + colour + "\" stroke-width=\"1.5\"/><text x=\"" +
           std::to_string(x + 4) + "\" y=\"" + std::to_string(y + 13) + "\" font-size=\"8\">" +
           xml_escape(task.id) + "</text><text x=\"" + std::to_string(x + 4) + "\" y=\"" +
           std::to_string(y + 23) + "\" font-size=\"7\">" + xml_escape(figures) + "</text>";
    if (s) {
      double fill = std::clamp(s->percent, 0.0, 100.0) / 100.0 * (node_w - 8);
      out += "<rect x=\"" + std::to_string(x + 4) + "\" y=\"" + std::to_string(y + node_h - 7) +
             "\" width=\"" + std::to_string(node_w - 8) +
             "\" height=\"3\" fill=\"#eee\"/><rect x=\"" + std::to_string(x + 4) + "\" y=\"" +
             std::to_string(y + node_h - 7) + "\" width=\"" + num(fill) +
             "\" height=\"3\" fill=\"" + colour + "\"/>";
    }
    out += "</g>\n";
  }
  return out + "</svg>\n";
}

std::string graph_dot_with_progress(const Plan& plan, const DependencyGraph& graph,
                                    const PlanStatus& status) {
  std::string dot = export_graph(plan, graph, GraphFormat::kDot);
  // One attribute line per task after the graph's own: later attributes win in dot.
  std::string extra;
  for (const TaskStatus& s : status.tasks) {
    const Task& t = plan.tasks[s.task];
    extra += "  " + dot_quote(t.id) + " [style=\"rounded,filled\", fillcolor=" +
             dot_quote(std::string(state_colour(s.state)) + "40") +
             ", color=" + dot_quote(state_colour(s.state)) + ", label=" +
             dot_quote(t.id + "\n" + std::to_string(s.achieved) + "/" + std::to_string(t.target) +
                       " " + t.unit + " (" + format_percent(s.percent) + ")") +
             "];\n";
  }
  return dot.substr(0, dot.rfind('}')) + extra + "}\n";
}

}  // namespace plantrack
