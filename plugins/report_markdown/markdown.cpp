// report_markdown ("md"): the yearly report as Markdown (GitHub tables), in the plan's language.
#include <algorithm>

#include "plantrack/printable.hpp"
#include "plantrack/sdk/plugin.hpp"
#include "plantrack/sdk/report.hpp"

namespace {

using namespace plantrack;
using namespace plantrack::sdk;

// Where user text goes: inline (a heading's or a cell's text), or at the start of a block (a
// paragraph, a list item), where "- ", "1. ", "+", "=" and leading spaces would start markup.
enum class At { kInline, kBlockStart };

// Text that stays text: every Markdown markup character escaped, no raw HTML or entity, control
// characters shown as escapes (printable), on one line (a newline could start a heading, a list
// or a new table row).
std::string escape(const std::string& text, At at) {
  std::string one_line = text;
  for (char& c : one_line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  const std::string shown = printable(one_line);
  std::string_view rest = shown;
  std::string out;
  if (at == At::kBlockStart) {
    rest.remove_prefix(std::min(rest.find_first_not_of(' '), rest.size()));
    std::size_t digits = rest.find_first_not_of("0123456789");
    if (!rest.empty() && (rest[0] == '-' || rest[0] == '+' || rest[0] == '=')) {
      out += '\\';
    } else if (digits != std::string_view::npos && digits > 0 &&
               (rest[digits] == '.' || rest[digits] == ')')) {
      out += rest.substr(0, digits);
      out += '\\';
      rest.remove_prefix(digits);
    }
  }
  for (char c : rest) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '#':
      case '~':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

void write_table(const report::Table& t, std::ostream& out) {
  out << "|";
  for (const report::Column& c : t.columns) out << " " << escape(c.title, At::kInline) << " |";
  out << "\n|";
  for (const report::Column& c : t.columns) out << (c.numeric ? "---:|" : "---|");
  out << "\n";
  for (const auto& row : t.rows) {
    out << "|";
    for (const std::string& cell : row) out << " " << escape(cell, At::kInline) << " |";
    out << "\n";
  }
  out << "\n";
}

class Markdown final : public ReporterBase {
 public:
  Markdown(const Settings&, Context&) {}

 protected:
  void write(const View& view, const ReportRequest& request, std::ostream& out) override {
    report::Document d = report::build(view, {request.lang, request.revision});
    out << "# " << escape(d.title, At::kInline) << "\n\n";
    if (!d.subtitle.empty()) out << "*" << escape(d.subtitle, At::kInline) << "*\n\n";
    for (const std::string& p : d.preamble) out << escape(p, At::kBlockStart) << "\n\n";
    for (const report::Section& s : d.sections) {
      out << std::string(static_cast<std::size_t>(s.level) + 1, '#') << " "
          << escape(s.heading, At::kInline) << "\n\n";
      for (const report::Block& b : s.body) {
        switch (b.kind) {
          case report::Block::Kind::kParagraph:
            out << escape(b.text, At::kBlockStart) << "\n\n";
            break;
          case report::Block::Kind::kBullets:
            for (const std::string& item : b.items)
              out << "- " << escape(item, At::kBlockStart) << "\n";
            if (!b.items.empty()) out << "\n";
            break;
          case report::Block::Kind::kTable:
            write_table(b.table, out);
            break;
        }
      }
    }
    if (!d.notes.empty()) out << "---\n\n";
    for (const std::string& note : d.notes) out << "*" << escape(note, At::kInline) << "*\n\n";
    // Invisible when rendered; tells `report -o` that this file is an earlier report it may
    // replace (docs/reports.md).
    out << "<!-- plantrack-report -->\n";
  }
};

constexpr PluginSpec kPlugins[] = {
    reporter<Markdown>("md", "The yearly report as Markdown, in the plan's language (--lang)")};
const Descriptor kDescriptor = describe("report_markdown", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
