// funding_rules: the caps and rates of the law, from dated rule tables (TOML files, never code),
// applied to the spending recorded with `plantrack spend`.
//
//   [[plugin]]
//   name = "rules"
//   [plugin.settings]
//   tables = ["vn-ttlt-221-2012"]        # names (rules/NAME.toml, then the installed tables) or
//   paths
#include "plantrack/read_file.hpp"
#include "rule_table.hpp"

namespace {

using namespace plantrack;
using namespace plantrack::sdk;

class Rules final : public FundingCheckBase {
 public:
  // Reads every table once, when the plan's plugins start; a table with errors stops the plugin
  // with them (file:line:col, the line and a caret), so nothing is checked against half a table.
  Rules(const Settings& settings, Context& context) {
    for (const std::string& entry : settings.list("tables")) {
      std::vector<std::string> looked;
      std::string path = rules::find_rule_table(entry, context.plan_path(), looked);
      if (path.empty()) {
        std::string where;
        for (const std::string& l : looked) where += "\n    " + l;
        throw std::runtime_error("rule table \"" + entry + "\" not found; looked in:" + where +
                                 "\n  fix: check the name in the plan's `tables`, or put the "
                                 "file beside the plan in rules/");
      }
      FileRead text = read_input_file(path, kMaxSmallInputBytes);
      if (!text.bytes) {
        throw std::runtime_error("rule table " + path + ": " + text.problem +
                                 "\n  fix: " + text.fix);
      }
      SourceText source(path, std::move(*text.bytes));
      DiagnosticSink sink(path);
      std::optional<rules::RuleTable> table = rules::parse_rule_table(source, sink);
      if (!table) {
        throw std::runtime_error("rule table " + path + " has errors:\n" +
                                 render_text(sink.take_sorted(), source));
      }
      context.info("rule table " + table->id + " from " + path);
      tables_.push_back(std::move(*table));
    }
  }

 protected:
  void inspect(const View& view, std::vector<Finding>& findings) override {
    if (!view.status) return;  // nothing recorded to check
    for (const rules::RuleTable& table : tables_) {
      rules::evaluate(table, view.plan, *view.status, findings);
    }
  }

 private:
  std::vector<rules::RuleTable> tables_;
};

const SettingSpec kSettings[] = {
    {"tables", SettingType::kStringList, nullptr,
     "rule tables: names (rules/NAME.toml beside the plan, PLANTRACK_RULES_PATH, the installed "
     "tables) or paths relative to the plan"},
};
constexpr PluginSpec kPlugins[] = {funding_check<Rules>(
    "rules", "Caps and rates of the law from dated rule tables, applied to recorded spending",
    kSettings)};
const Descriptor kDescriptor = describe("funding_rules", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
