// report_csv ("csv"): the report's tables as CSV, one file per table (or one with --table):
// UTF-8 with a byte-order mark so Excel reads Vietnamese right, RFC 4180 quoting, and cells that a
// spreadsheet would run as a formula (starting with =, +, -, @) neutralised with a leading '.
#include "plantrack/sdk/plugin.hpp"
#include "plantrack/sdk/report.hpp"

namespace {

using namespace plantrack;
using namespace plantrack::sdk;

std::string cell(const std::string& text, bool numeric) {
  std::string value = text;
  // A figure such as "-5.000.000" is a number, not a formula; anything else starting with a
  // formula character gets a leading apostrophe (OWASP's advice for CSV injection).
  if (!value.empty() && !numeric &&
      (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
       value[0] == '\t' || value[0] == '\r')) {
    value.insert(0, "'");
  }
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_table(const report::Table& t, std::ostream& out) {
  out << "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    out << (i ? "," : "") << cell(t.columns[i].title, false);
  out << "\r\n";
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size() && i < t.columns.size(); ++i)
      out << (i ? "," : "") << cell(row[i], t.columns[i].numeric);
    out << "\r\n";
  }
}

class Csv final : public ReporterBase {
 public:
  Csv(const Settings&, Context&) {}

 protected:
  void write(const View& view, const ReportRequest& request, std::ostream& out) override {
    report::Document d = report::build(view, {request.lang, request.revision});
    std::vector<const report::Table*> tables = d.tables();
    std::string names;
    for (const report::Table* t : tables) names += (names.empty() ? "" : ", ") + t->name;
    if (!request.table.empty()) {
      for (const report::Table* t : tables) {
        if (t->name != request.table) continue;
        write_table(*t, out);
        return;
      }
      throw std::runtime_error("this report has no table \"" + request.table +
                               "\"; its tables are: " + names);
    }
    if (!request.open_file) {
      throw std::runtime_error("CSV writes one file per table: give -o FOLDER, or --table NAME (" +
                               names + ")");
    }
    for (const report::Table* t : tables) write_table(*t, request.open_file(t->name + ".csv"));
  }
};

constexpr PluginSpec kPlugins[] = {
    reporter<Csv>("csv", "The report's tables as CSV (UTF-8 with BOM), one file per table")};
const Descriptor kDescriptor = describe("report_csv", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
