// report_json ("json"): the report's data as one JSON document with a version field, for scripts.
// The document is the core's (plantrack::report::build_json, the shapes of `status --format json`),
// documented in docs/json.md; fields are only ever added within a version (docs/reports.md).
#include "plantrack/sdk/plugin.hpp"
#include "plantrack/sdk/report.hpp"

namespace {

using namespace plantrack;
using namespace plantrack::sdk;

class JsonReport final : public ReporterBase {
 public:
  JsonReport(const Settings&, Context&) {}

 protected:
  void write(const View& view, const ReportRequest& request, std::ostream& out) override {
    report::Options options{request.lang, request.revision};
    out << report::build_json(view, options);
  }
};

constexpr PluginSpec kPlugins[] = {reporter<JsonReport>(
    "json", "The report's data as versioned JSON, for scripts (docs/reports.md)")};
const Descriptor kDescriptor = describe("report_json", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
