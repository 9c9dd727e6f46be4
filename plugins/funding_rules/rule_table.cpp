#include "rule_table.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "plantrack/plugin_host.hpp"
#include "plantrack/toml_type.hpp"

namespace plantrack::rules {
namespace {

namespace fs = std::filesystem;

SourcePos position_of(const toml::source_region& region) {
  return SourcePos{region.begin.line, region.begin.column};
}

// One table's keys, checked against what the format knows.
class Reader {
 public:
  Reader(const toml::table& table, std::string context, std::vector<std::string_view> known,
         DiagnosticSink& sink)
      : table_(table), context_(std::move(context)), sink_(sink) {
    for (const auto& [key, value] : table) {
      if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
      Diagnostic& d = sink.error("unknown-key", position_of(key.source()),
                                 "unknown key \"" + std::string(key.str()) + "\" in " + context_);
      std::string hint = suggest(key.str(), known);
      d.fix = hint.empty() ? "remove it; docs/rules.md lists the keys"
                           : "did you mean \"" + hint + "\"?";
    }
  }

  SourcePos where() const { return position_of(table_.source()); }
  SourcePos where(std::string_view key) const {
    const toml::node* node = table_.get(key);
    return node ? position_of(node->source()) : where();
  }

  const toml::node* find(std::string_view key, bool required, std::string_view example) {
    const toml::node* node = table_.get(key);
    if (!node && required) {
      sink_.error("missing-key", where(), context_ + " has no \"" + std::string(key) + "\"").fix =
          "add " + std::string(key) + " = " + std::string(example);
    }
    return node;
  }

  void wrong(std::string_view key, const toml::node& node, std::string_view expected,
             std::string_view example) {
    sink_
        .error("wrong-type", position_of(node.source()),
               "\"" + std::string(key) + "\" in " + context_ + " must be " + std::string(expected) +
                   ", not " + std::string(type_word_of(node)))
        .fix = "write it like " + std::string(key) + " = " + std::string(example);
  }

  std::string text(std::string_view key, bool required, std::string_view example) {
    const toml::node* node = find(key, required, example);
    if (!node) return {};
    if (auto value = node->value<std::string>()) return *value;
    wrong(key, *node, "a string", example);
    return {};
  }

  std::optional<std::int64_t> amount(std::string_view key, std::int64_t max,
                                     std::string_view example) {
    const toml::node* node = find(key, false, example);
    if (!node) return std::nullopt;
    std::optional<std::int64_t> value = node->value_exact<std::int64_t>();
    if (!value) {
      wrong(key, *node, "a whole number", example);
      return std::nullopt;
    }
    if (*value < 0 || *value > max) {
      sink_
          .error("out-of-range", position_of(node->source()),
                 "\"" + std::string(key) + "\" is " + std::to_string(*value) +
                     "; it must be 0 to " + std::to_string(max))
          .fix = "write it like " + std::string(key) + " = " + std::string(example);
      return std::nullopt;
    }
    return value;
  }

  std::optional<Date> date(std::string_view key, bool required, std::string_view example) {
    const toml::node* node = find(key, required, example);
    if (!node) return std::nullopt;
    if (auto d = node->value_exact<toml::date>()) {
      return Date{d->year, d->month, d->day};
    }
    wrong(key, *node, "a date", example);
    return std::nullopt;
  }

  std::vector<std::string> list(std::string_view key, std::string_view example) {
    std::vector<std::string> out;
    const toml::node* node = find(key, false, example);
    if (!node) return out;
    const toml::array* array = node->as_array();
    if (!array) {
      wrong(key, *node, "a list of strings", example);
      return out;
    }
    for (const toml::node& item : *array) {
      if (auto value = item.value<std::string>()) {
        out.push_back(*value);
      } else {
        wrong(key, item, "a list of strings", example);
      }
    }
    return out;
  }

  void one_of(std::string_view key, const std::string& value,
              const std::vector<std::string_view>& allowed) {
    std::string hint = suggest(value, allowed);
    std::string all;
    for (std::string_view a : allowed) all += (all.empty() ? "" : ", ") + std::string(a);
    sink_
        .error("unknown-value", where(key),
               "\"" + std::string(key) + "\" is \"" + value + "\"; it must be one of " + all)
        .fix = hint.empty() ? "use one of: " + all : "did you mean \"" + hint + "\"?";
  }

 private:
  const toml::table& table_;
  std::string context_;
  DiagnosticSink& sink_;
};

constexpr std::int64_t kMaxAmount = 1'000'000'000'000'000'000;  // 10^18

Rule read_rule(const toml::table& t, const RuleTable& table, DiagnosticSink& sink) {
  Reader r(t, "[[rule]]",
           {"id", "kind", "title", "basis", "categories", "source_kinds", "percent", "cap",
            "cap_scope", "severity"},
           sink);
  Rule rule;
  rule.where = r.where();
  rule.id = r.text("id", true, "\"cp-assessment-support\"");
  r.text("title", false, "\"State support for an assessment\"");  // for people reading the table
  std::string own_basis = r.text("basis", false, "\"Điều 5\"");
  rule.basis = table.basis + (own_basis.empty() ? "" : ", " + own_basis);
  std::string kind = r.text("kind", true, "\"support-cap\"");
  if (kind == "support-cap") {
    rule.kind = RuleKind::kSupportCap;
  } else if (kind == "no-double-funding") {
    rule.kind = RuleKind::kNoDoubleFunding;
  } else if (!kind.empty()) {
    r.one_of("kind", kind, {"support-cap", "no-double-funding"});
  }
  rule.categories = r.list("categories", "[\"cp-assessment\"]");
  rule.source_kinds = r.list("source_kinds", "[\"central\", \"local\", \"district\"]");
  if (!t.contains("source_kinds")) rule.source_kinds = {"central", "local", "district"};
  for (const std::string& k : rule.source_kinds) {
    std::vector<std::string_view> kinds = {"central",       "local",      "district",
                                           "international", "enterprise", "other"};
    if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) r.one_of("source_kinds", k, kinds);
  }
  rule.percent = r.amount("percent", 100, "50");
  rule.cap = r.amount("cap", kMaxAmount, "50_000_000");
  std::string scope = r.text("cap_scope", false, "\"programme\"");
  if (scope == "payment") {
    rule.scope = CapScope::kPayment;
  } else if (scope == "year") {
    rule.scope = CapScope::kYear;
  } else if (scope.empty() || scope == "programme") {
    rule.scope = CapScope::kProgramme;
  } else {
    r.one_of("cap_scope", scope, {"payment", "year", "programme"});
  }
  std::string severity = r.text("severity", false, "\"error\"");
  if (severity == "warning") {
    rule.severity = sdk::Severity::kWarning;
  } else if (!severity.empty() && severity != "error") {
    r.one_of("severity", severity, {"error", "warning"});
  }
  if (kind == "support-cap" && !t.contains("percent") && !t.contains("cap")) {
    sink.error("missing-key", rule.where,
               "support-cap rule \"" + rule.id +
                   "\" has neither "
                   "\"percent\" nor \"cap\"")
        .fix = "add percent = 50 (of the cost) and/or cap = 50_000_000 (per participant)";
  }
  return rule;
}

}  // namespace

std::optional<RuleTable> parse_rule_table(const SourceText& source, DiagnosticSink& sink) {
  std::size_t errors = sink.error_count();
  toml::table document;
  try {
    document = toml::parse(std::string_view(source.text()), std::string_view(source.path()));
  } catch (const toml::parse_error& e) {
    sink.error("syntax", position_of(e.source()), std::string(e.description())).fix =
        "correct the TOML at the caret";
    return std::nullopt;
  }
  Reader top(document, "the rule table", {"format", "table", "rule"}, sink);
  RuleTable table;
  if (auto format = top.amount("format", 1000, "1"); format && *format != 1) {
    sink.error("unsupported-format", top.where("format"),
               "rule table format " + std::to_string(*format) + " is not known to this plantrack")
        .fix = "upgrade plantrack, or write format = 1";
  }
  const toml::table* head = document.get_as<toml::table>("table");
  if (!head) {
    sink.error("missing-key", SourcePos{1, 1}, "the rule table has no [table] section").fix =
        "add [table] with id, title, basis and valid_from";
    return std::nullopt;
  }
  Reader r(*head, "[table]", {"id", "title", "basis", "valid_from", "valid_to"}, sink);
  table.id = r.text("id", true, "\"vn-ttlt-221-2012\"");
  table.title = r.text("title", false, "\"Thông tư liên tịch 221/2012/TTLT-BTC-BCT\"");
  table.basis = r.text("basis", true, "\"TTLT 221/2012/TTLT-BTC-BCT\"");
  std::optional<Date> from = r.date("valid_from", true, "2013-02-10");
  table.valid_to = r.date("valid_to", false, "2020-12-31");
  if (from) table.valid_from = *from;
  if (from && table.valid_to && *table.valid_to < *from) {
    sink.error("bad-period", r.where("valid_to"), "valid_to is before valid_from").fix =
        "check the two dates";
  }
  const toml::node* rules = document.get("rule");
  const toml::array* list = rules ? rules->as_array() : nullptr;
  if (rules && (!list || !list->is_array_of_tables())) {
    sink.error("wrong-type", position_of(rules->source()), "\"rule\" must be [[rule]] tables").fix =
        "write each rule as a [[rule]] section";
  } else if (list) {
    for (const toml::node& item : *list) {
      table.rules.push_back(read_rule(*item.as_table(), table, sink));
      const Rule& added = table.rules.back();
      for (std::size_t i = 0; i + 1 < table.rules.size(); ++i) {
        if (table.rules[i].id != added.id || added.id.empty()) continue;
        Diagnostic& d =
            sink.error("duplicate-id", added.where, "rule \"" + added.id + "\" is defined twice");
        d.fix = "give each rule its own id";
        d.notes.push_back(Note{table.rules[i].where, "first defined here"});
      }
    }
  }
  if (table.rules.empty() && sink.error_count() == errors) {
    sink.error("missing-key", SourcePos{1, 1}, "the rule table has no [[rule]]").fix =
        "add at least one [[rule]] (docs/rules.md)";
  }
  if (sink.error_count() > errors) return std::nullopt;
  return table;
}

std::string find_rule_table(const std::string& entry, const std::string& plan_path,
                            std::vector<std::string>& looked) {
  fs::path plan_dir = fs::path(plan_path).parent_path();
  std::vector<fs::path> candidates;
  bool is_path = entry.find('/') != std::string::npos ||
                 (entry.size() > 5 && entry.compare(entry.size() - 5, 5, ".toml") == 0);
  if (is_path) {
    candidates.push_back(fs::path(entry).is_absolute() ? fs::path(entry) : plan_dir / entry);
  } else {
    std::string file = entry + ".toml";
    candidates.push_back(plan_dir / "rules" / file);
    if (const char* env = std::getenv("PLANTRACK_RULES_PATH"); env && *env) {
      std::stringstream in(env);
      std::string dir;
      while (std::getline(in, dir, ':')) {
        if (!dir.empty()) candidates.push_back(fs::path(dir) / file);
      }
    }
    if (std::string installed = installed_rules_dir(); !installed.empty()) {
      candidates.push_back(fs::path(installed) / file);
    }
  }
  for (const fs::path& p : candidates) {
    std::string shown = p.lexically_normal().string();
    looked.push_back(shown);
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return shown;
  }
  return {};
}

}  // namespace plantrack::rules
