// report_html ("html"): the yearly report as one self-contained HTML file: inline CSS and SVG, no
// network, no scripts; print-friendly on A4. Charts: progress bars per task and stage, a
// year-by-task timeline (planned years, achieved per year), funding by source (allocated vs
// spent), and the dependency graph with stages as groups. All plan text is escaped.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "plantrack/graph_svg.hpp"
#include "plantrack/money.hpp"
#include "plantrack/money_status.hpp"
#include "plantrack/sdk/plugin.hpp"
#include "plantrack/sdk/report.hpp"

namespace {

using namespace plantrack;
using namespace plantrack::sdk;

std::string esc(const std::string& text) {
  return xml_escape(text);
}

std::string num(double v) {
  std::ostringstream s;
  s.precision(1);
  s << std::fixed << v;
  return s.str();
}

constexpr const char* kStyle = R"css(
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 12pt; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4pt; }
.subtitle { text-align: center; font-style: italic; margin: 0 0 12pt; }
.note { font-size: 10pt; font-style: italic; }
h2 { font-size: 13pt; margin: 14pt 0 6pt; }
h3 { font-size: 12pt; margin: 10pt 0 4pt; }
h4 { font-size: 12pt; font-style: italic; font-weight: normal; margin: 8pt 0 4pt; }
p { margin: 4pt 0; text-align: justify; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; page-break-inside: auto; }
th, td { border: 0.5pt solid #444; padding: 3pt 4pt; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; }
tr { page-break-inside: avoid; }
figure { margin: 8pt 0 12pt; page-break-inside: avoid; }
figcaption { font-size: 10pt; font-style: italic; text-align: center; }
figure > svg { width: 100%; height: auto; }
svg text { font-family: "DejaVu Sans", sans-serif; }
@media print { figure, table { break-inside: avoid; } }
)css";

class Html final : public ReporterBase {
 public:
  Html(const Settings&, Context&) {}

 protected:
  void write(const View& view, const ReportRequest& request, std::ostream& out) override {
    vi_ = request.lang == "vi";
    report::Options options{request.lang, request.revision};
    report::Document d = report::build(view, options);
    out << "<!DOCTYPE html>\n<html lang=\"" << (vi_ ? "vi" : "en")
        << "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" "
           "content=\"plantrack-report\">\n"
        << "<title>" << esc(d.title) << "</title>\n<style>" << kStyle
        << "</style>\n</head>\n<body>\n";
    out << "<h1>" << esc(d.title) << "</h1>\n";
    if (!d.subtitle.empty()) out << "<p class=\"subtitle\">" << esc(d.subtitle) << "</p>\n";
    for (const std::string& p : d.preamble) out << "<p>" << esc(p) << "</p>\n";
    for (const report::Section& s : d.sections) {
      int h = std::min(s.level + 1, 4);
      out << "<h" << h << ">" << esc(s.heading) << "</h" << h << ">\n";
      for (const report::Block& b : s.body) block(b, out);
      if (!view.status) continue;
      // The charts follow the tables they illustrate.
      for (const report::Block& b : s.body) {
        if (b.kind != report::Block::Kind::kTable) continue;
        if (b.table.name == "workload") {
          progress_chart(view, out);
          timeline(view, out);
        } else if (b.table.name == "stages") {
          stage_chart(view, out);
          dependency_graph(view, out);
        }
      }
      if (s.heading.rfind("2.2", 0) == 0) funding_chart(view, out);
    }
    if (!d.notes.empty()) out << "<hr>\n";
    for (const std::string& note : d.notes) out << "<p class=\"note\">" << esc(note) << "</p>\n";
    out << "</body>\n</html>\n";
  }

 private:
  std::string t(const char* vi, const char* en) const { return vi_ ? vi : en; }

  static void block(const report::Block& b, std::ostream& out) {
    switch (b.kind) {
      case report::Block::Kind::kParagraph:
        out << "<p>" << esc(b.text) << "</p>\n";
        break;
      case report::Block::Kind::kBullets:
        if (b.items.empty()) break;
        out << "<ul>\n";
        for (const std::string& item : b.items) out << "<li>" << esc(item) << "</li>\n";
        out << "</ul>\n";
        break;
      case report::Block::Kind::kTable: {
        const report::Table& t = b.table;
        out << "<table class=\"" << esc(t.name) << "\">\n<thead><tr>";
        for (const report::Column& c : t.columns) out << "<th>" << esc(c.title) << "</th>";
        out << "</tr></thead>\n<tbody>\n";
        for (const auto& row : t.rows) {
          out << "<tr>";
          for (std::size_t i = 0; i < row.size() && i < t.columns.size(); ++i) {
            out << (t.columns[i].numeric ? "<td class=\"n\">" : "<td>") << esc(row[i]) << "</td>";
          }
          out << "</tr>\n";
        }
        out << "</tbody>\n</table>\n";
        break;
      }
    }
  }

  // One horizontal bar per row: label, a bar to 100% (longer bars are capped and marked).
  struct Bar {
    std::string label;
    double percent;
    std::string colour;
    std::string value;
  };
  static void bars(const std::vector<Bar>& rows, const std::string& caption, std::ostream& out) {
    const int label_w = 230, bar_w = 300, row_h = 18;
    int height = static_cast<int>(rows.size()) * row_h + 24;
    out << "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 "
        << label_w + bar_w + 80 << " " << height << "\" role=\"img\">\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Bar& r = rows[i];
      int y = static_cast<int>(i) * row_h + 4;
      std::string label =
          r.label.size() > 60 ? r.label.substr(0, r.label.rfind(' ', 57)) + " …" : r.label;
      double w = std::clamp(r.percent, 0.0, 100.0) / 100.0 * bar_w;
      out << "<text x=\"" << label_w - 6 << "\" y=\"" << y + 12
          << "\" font-size=\"9\" text-anchor=\"end\">" << esc(label) << "</text>"
          << "<rect x=\"" << label_w << "\" y=\"" << y << "\" width=\"" << bar_w << "\" height=\""
          << row_h - 5 << "\" fill=\"#eee\"/>"
          << "<rect x=\"" << label_w << "\" y=\"" << y << "\" width=\"" << num(w) << "\" height=\""
          << row_h - 5 << "\" fill=\"" << r.colour << "\"/>"
          << "<text x=\"" << label_w + bar_w + 6 << "\" y=\"" << y + 11 << "\" font-size=\"9\">"
          << esc(r.value) << "</text>\n";
    }
    int axis = static_cast<int>(rows.size()) * row_h + 8;
    for (int p = 0; p <= 100; p += 25) {
      double x = label_w + bar_w * p / 100.0;
      out << "<text x=\"" << num(x) << "\" y=\"" << axis + 10
          << "\" font-size=\"8\" text-anchor=\"middle\">" << p << "%</text>";
    }
    out << "\n</svg><figcaption>" << esc(caption) << "</figcaption></figure>\n";
  }

  void progress_chart(const View& view, std::ostream& out) const {
    std::vector<Bar> rows;
    for (const TaskStatus& s : view.status->tasks) {
      const Task& task = view.plan.tasks[s.task];
      report::Figures f = report::figures_of(task, s);
      std::int64_t done = f.achieved;
      std::optional<std::int64_t> planned = f.planned;
      double percent = planned && *planned > 0
                           ? 100.0 * static_cast<double>(done) / static_cast<double>(*planned)
                           : 0;
      rows.push_back({task.title, percent, state_colour(s.state), format_percent(percent)});
    }
    bars(rows,
         t("Tiến độ từng công việc (đạt / kế hoạch)", "Progress per task (achieved / planned)"),
         out);
  }

  void stage_chart(const View& view, std::ostream& out) const {
    std::vector<Bar> rows;
    for (const StageStatus& st : view.status->stages) {
      rows.push_back({view.plan.stages[st.stage].title, st.rollup.percent,
                      st.rollup.complete ? "#2e7d32" : "#1565c0",
                      format_percent(st.rollup.percent)});
    }
    bars(rows, t("Hoàn thành theo giai đoạn", "Completion by stage"), out);
  }

  // Rows: tasks; columns: the plan's years. A planned year is shaded; the figure is what was
  // achieved that year (a record without a year counts only in the total).
  void timeline(const View& view, std::ostream& out) const {
    const Plan& plan = view.plan;
    int from = plan.info.period_start, to = plan.info.period_end;
    for (const Task& task : plan.tasks) {
      for (int y : task.active_years()) from = std::min(from, y), to = std::max(to, y);
    }
    if (from == 0 || to < from || to - from > 30) return;
    const int label_w = 200, cell_w = 52, row_h = 18;
    int columns = to - from + 2;
    int height = (static_cast<int>(plan.tasks.size()) + 1) * row_h + 8;
    out << "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 "
        << label_w + columns * cell_w << " " << height << "\" role=\"img\">\n";
    for (int y = from; y <= to + 1; ++y) {
      out << "<text x=\"" << label_w + (y - from) * cell_w + cell_w / 2
          << "\" y=\"12\" font-size=\"9\" "
          << "text-anchor=\"middle\" font-weight=\"bold\">"
          << (y <= to ? std::to_string(y) : t("Tổng", "Total")) << "</text>";
    }
    for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
      const Task& task = plan.tasks[i];
      const TaskStatus& s = view.status->tasks[i];
      int top = static_cast<int>(i + 1) * row_h;
      std::string label = task.title.size() > 48
                              ? task.title.substr(0, task.title.rfind(' ', 45)) + " …"
                              : task.title;
      out << "<text x=\"" << label_w - 6 << "\" y=\"" << top + 12
          << "\" font-size=\"8\" text-anchor=\"end\">" << esc(label) << "</text>";
      std::vector<int> years = task.active_years();
      for (int y = from; y <= to + 1; ++y) {
        int x = label_w + (y - from) * cell_w;
        bool planned = y <= to && std::count(years.begin(), years.end(), y) > 0;
        std::string fill = y > to ? "#e3f2fd" : planned ? "#c8e6c9" : "#fafafa";
        out << "<rect x=\"" << x + 1 << "\" y=\"" << top + 1 << "\" width=\"" << cell_w - 2
            << "\" height=\"" << row_h - 2 << "\" fill=\"" << fill
            << "\" stroke=\"#bbb\" stroke-width=\"0.5\"/>";
        std::int64_t value = y > to ? s.achieved : s.achieved_in(y);
        if (value != 0 || y > to) {
          out << "<text x=\"" << x + cell_w / 2 << "\" y=\"" << top + 12 << "\" font-size=\"8\" "
              << "text-anchor=\"middle\">"
              << esc(format_figure(value, number_style(vi_ ? "vi" : "en"))) << "</text>";
        }
      }
      out << "\n";
    }
    out << "</svg><figcaption>"
        << esc(t("Năm kế hoạch (tô xanh) và khối lượng đạt theo năm",
                 "Planned years (shaded) and achieved per year"))
        << "</figcaption></figure>\n";
  }

  void funding_chart(const View& view, std::ostream& out) const {
    MoneyStatus m = money_status(view.plan, view.status->spending);
    std::int64_t largest = 1;
    for (const MoneyRow& r : m.sources) largest = std::max({largest, r.allocated, r.spent});
    NumberStyle style = number_style(vi_ ? "vi" : "en");
    const int label_w = 200, bar_w = 280, row_h = 30;
    int height = static_cast<int>(m.sources.size()) * row_h + 20;
    out << "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 "
        << label_w + bar_w + 130 << " " << height << "\" role=\"img\">\n";
    for (std::size_t i = 0; i < m.sources.size(); ++i) {
      const MoneyRow& r = m.sources[i];
      std::string title = r.key;
      for (const Funding& f : view.plan.funding) title = f.id == r.key ? f.title : title;
      int y = static_cast<int>(i) * row_h + 4;
      double a = bar_w * static_cast<double>(r.allocated) / static_cast<double>(largest);
      double s = bar_w * static_cast<double>(std::max<std::int64_t>(r.spent, 0)) /
                 static_cast<double>(largest);
      out << "<text x=\"" << label_w - 6 << "\" y=\"" << y + 14
          << "\" font-size=\"9\" text-anchor=\"end\">" << esc(title) << "</text>"
          << "<rect x=\"" << label_w << "\" y=\"" << y << "\" width=\"" << num(a)
          << "\" height=\"11\" fill=\"#1565c0\"/>"
          << "<text x=\"" << num(label_w + a + 4) << "\" y=\"" << y + 9 << "\" font-size=\"8\">"
          << esc(format_figure(r.allocated, style)) << "</text>"
          << "<rect x=\"" << label_w << "\" y=\"" << y + 13 << "\" width=\"" << num(s)
          << "\" height=\"11\" fill=\"" << (r.spent > r.allocated ? "#c62828" : "#ef6c00") << "\"/>"
          << "<text x=\"" << num(label_w + s + 4) << "\" y=\"" << y + 22 << "\" font-size=\"8\">"
          << esc(format_figure(r.spent, style)) << "</text>\n";
    }
    int legend = static_cast<int>(m.sources.size()) * row_h + 8;
    out << "<rect x=\"" << label_w << "\" y=\"" << legend
        << "\" width=\"10\" height=\"8\" fill=\"#1565c0\"/>"
        << "<text x=\"" << label_w + 14 << "\" y=\"" << legend + 8 << "\" font-size=\"8\">"
        << esc(t("Được cấp", "Allocated")) << "</text>"
        << "<rect x=\"" << label_w + 90 << "\" y=\"" << legend
        << "\" width=\"10\" height=\"8\" fill=\"#ef6c00\"/>"
        << "<text x=\"" << label_w + 104 << "\" y=\"" << legend + 8 << "\" font-size=\"8\">"
        << esc(t("Đã chi", "Spent")) << "</text>\n";
    out << "</svg><figcaption>"
        << esc(t("Kinh phí theo nguồn: được cấp và đã chi",
                 "Funding by source: allocated and spent"))
        << "</figcaption></figure>\n";
  }

  void dependency_graph(const View& view, std::ostream& out) const {
    if (view.plan.stages.empty()) return;
    out << "<figure>" << graph_svg(view.plan, view.status) << "<figcaption>"
        << esc(t("Sơ đồ phụ thuộc giữa các công việc, theo giai đoạn",
                 "Dependencies between tasks, by stage"))
        << "</figcaption></figure>\n";
  }

  bool vi_ = true;
};

constexpr PluginSpec kPlugins[] = {reporter<Html>(
    "html", "The yearly report as one self-contained HTML file with charts (A4, no scripts)")};
const Descriptor kDescriptor = describe("report_html", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
