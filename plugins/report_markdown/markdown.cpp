// report_markdown ("md"): the yearly report as Markdown (GitHub tables), in the plan's language.
#include "plantrack/plugin.hpp"
#include "plantrack/report.hpp"

namespace {

using namespace plantrack;
using namespace plantrack::sdk;

// Text that stays text: no raw HTML, no table breaks, no line breaks inside a cell.
std::string escape(const std::string& text, bool cell) {
  std::string out;
  for (char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (cell && c == '|') {
      out += "\\|";
    } else if (cell && (c == '\n' || c == '\r')) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void write_table(const report::Table& t, std::ostream& out) {
  out << "|";
  for (const std::string& c : t.columns) out << " " << escape(c, true) << " |";
  out << "\n|";
  for (std::size_t i = 0; i < t.columns.size(); ++i) out << (t.numeric[i] ? "---:|" : "---|");
  out << "\n";
  for (const auto& row : t.rows) {
    out << "|";
    for (const std::string& cell : row) out << " " << escape(cell, true) << " |";
    out << "\n";
  }
  out << "\n";
}

class Markdown final : public ReporterBase {
 public:
  Markdown(const Settings&, Context&) {}

 protected:
  void write(const View& view, const ReportRequest& request, std::ostream& out) override {
    report::Document d =
        report::build(view, {request.lang, request.from_year, request.to_year, request.revision});
    out << "# " << escape(d.title, false) << "\n\n";
    if (!d.subtitle.empty()) out << "*" << escape(d.subtitle, false) << "*\n\n";
    for (const std::string& p : d.preamble) out << escape(p, false) << "\n\n";
    for (const report::Section& s : d.sections) {
      out << std::string(static_cast<std::size_t>(s.level) + 1, '#') << " "
          << escape(s.heading, false) << "\n\n";
      for (const report::Block& b : s.body) {
        switch (b.kind) {
          case report::Block::Kind::kParagraph:
            out << escape(b.text, false) << "\n\n";
            break;
          case report::Block::Kind::kBullets:
            for (const std::string& item : b.items) out << "- " << escape(item, false) << "\n";
            if (!b.items.empty()) out << "\n";
            break;
          case report::Block::Kind::kTable:
            write_table(b.table, out);
            break;
        }
      }
    }
    // Invisible when rendered; tells `report -o` that this file is an earlier report it may
    // replace (docs/reports.md).
    out << "<!-- plantrack-report -->\n";
  }
};

const PluginSpec kPlugins[] = {
    reporter<Markdown>("md", "The yearly report as Markdown, in the plan's language (--lang)")};
const Descriptor kDescriptor = describe("report_markdown", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library)
