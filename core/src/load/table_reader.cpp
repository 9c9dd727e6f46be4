#include "table_reader.hpp"

#include <algorithm>
#include <cassert>

namespace plantrack::load {

SourcePos position_of(const toml::source_region& region) {
  return SourcePos{static_cast<std::uint32_t>(region.begin.line),
                   static_cast<std::uint32_t>(region.begin.column)};
}

std::string describe_type(const toml::node& node) {
  return std::string(type_word_of(node));
}

TableReader::TableReader(toml::table& table, std::string_view context,
                         std::initializer_list<std::string_view> known, DiagnosticSink& sink)
    : table_(table), context_(context), sink_(sink), known_count_(known.size()) {
  assert(known.size() <= kMaxKeys);
  std::copy(known.begin(), known.end(), known_.begin());
  for (auto&& [key, value] : table_) {
    auto it = std::find(known_.begin(), known_.begin() + known_count_, key.str());
    if (it != known_.begin() + known_count_) {
      values_[static_cast<std::size_t>(it - known_.begin())] = &value;
      continue;
    }
    Diagnostic& d =
        sink_.error("unknown-key", position_of(key.source()),
                    "unknown key \"" + std::string(key.str()) + "\" in " + std::string(context_));
    std::string hint = suggest(key.str(), std::vector<std::string_view>(known));
    if (!hint.empty()) {
      d.fix = "did you mean \"" + hint + "\"?";
    } else {
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      d.fix = "remove it; the keys of " + std::string(context_) + " are: " + list;
    }
  }
}

toml::node* TableReader::node(std::string_view key) const {
  for (std::size_t i = 0; i < known_count_; ++i) {
    if (known_[i] == key) return values_[i];
  }
  assert(false && "TableReader asked for a key it was not told about");
  return nullptr;
}

SourcePos TableReader::where(std::string_view key) const {
  const toml::node* value = node(key);
  return value ? position_of(*value) : where();
}

toml::node* TableReader::find(std::string_view key, Need need) {
  toml::node* node = this->node(key);
  if (!node && need == Need::kRequired) {
    Diagnostic& d = sink_.error(
        "missing-key", where(),
        "missing required key \"" + std::string(key) + "\" in " + std::string(context_));
    d.fix = "add " + std::string(key) + " = ... to " + std::string(context_) +
            " (see docs/plan-format.md)";
  }
  return node;
}

void TableReader::wrong_type(std::string_view key, const toml::node& node,
                             std::string_view expected, std::string fix) {
  Diagnostic& d = sink_.error("wrong-type", position_of(node),
                              "\"" + std::string(key) + "\" must be " + std::string(expected) +
                                  ", got " + describe_type(node));
  d.fix = std::move(fix);
}

void TableReader::check_text(std::string_view key, const toml::node& node, std::string_view text,
                             LineBreaks breaks) {
  std::size_t at = find_control(text, breaks);
  if (at == std::string_view::npos) return;
  std::size_t length = static_cast<unsigned char>(text[at]) == 0xC2 ? 2 : 1;
  Diagnostic& d = sink_.error("control-character", position_of(node),
                              "\"" + std::string(key) + "\" contains the control character " +
                                  printable(text.substr(at, length)));
  d.why = "control characters can move the cursor or rewrite what a terminal shows";
  d.fix = breaks == LineBreaks::kAllowed
              ? "remove it (only newlines and tabs may appear in \"" + std::string(key) + "\")"
              : "remove it; \"" + std::string(key) + "\" is one line of plain text";
}

std::string TableReader::text(std::string_view key, Need need, LineBreaks breaks) {
  toml::node* node = find(key, need);
  if (!node) return {};
  if (auto* value = node->as_string()) {
    check_text(key, *node, value->get(), breaks);
    return std::move(value->get());
  }
  wrong_type(key, *node, "a string",
             "put the text in double quotes, e.g. " + std::string(key) + " = \"...\"");
  return {};
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, Need need) {
  toml::node* node = find(key, need);
  if (!node) return std::nullopt;
  if (const auto* value = node->as_integer()) return value->get();
  wrong_type(key, *node, "a whole number (integer)",
             "write a whole number without quotes or decimals, e.g. " + std::string(key) + " = 30");
  return std::nullopt;
}

std::optional<int> TableReader::year(std::string_view key, Need need) {
  std::optional<std::int64_t> value = integer(key, need);
  if (!value) return std::nullopt;
  return check_year(*value, this->where(key), sink_);
}

std::optional<Date> TableReader::date(std::string_view key, Need need) {
  toml::node* node = find(key, need);
  if (!node) return std::nullopt;
  if (const auto* value = node->as_date()) {
    const toml::date& d = value->get();
    return Date{d.year, d.month, d.day};
  }
  wrong_type(key, *node, "a date",
             "write a TOML date without quotes, e.g. " + std::string(key) + " = 2014-12-31");
  return std::nullopt;
}

std::vector<std::string> TableReader::text_list(std::string_view key, Need need,
                                                LineBreaks breaks) {
  std::vector<std::string> out;
  toml::array* items = array(key, need);
  if (!items) return out;
  for (toml::node& item : *items) {
    if (auto* value = item.as_string()) {
      check_text(key, item, value->get(), breaks);
      out.push_back(std::move(value->get()));
    } else {
      wrong_type(key, item, "a list of strings",
                 "put each item in double quotes, e.g. " + std::string(key) + " = [\"...\"]");
    }
  }
  return out;
}

toml::array* TableReader::array(std::string_view key, Need need) {
  toml::node* node = find(key, need);
  if (!node) return nullptr;
  if (auto* value = node->as_array()) return value;
  wrong_type(key, *node, "an array",
             "write a list in square brackets, e.g. " + std::string(key) + " = [ ... ]");
  return nullptr;
}

toml::table* TableReader::table(std::string_view key, Need need) {
  toml::node* node = find(key, need);
  if (!node) return nullptr;
  if (auto* value = node->as_table()) return value;
  wrong_type(key, *node, "a table",
             "write a [" + std::string(key) + "] section or an inline table " + std::string(key) +
                 " = { ... }");
  return nullptr;
}

std::vector<toml::table*> TableReader::tables(std::string_view key, Need need) {
  std::vector<toml::table*> out;
  toml::node* node = find(key, need);
  if (!node) return out;
  std::string fix = "write [[" + std::string(key) + "]] (double brackets) before each entry";
  toml::array* items = node->as_array();
  if (!items) {
    wrong_type(key, *node, "a list of [[" + std::string(key) + "]] entries", fix);
    return out;
  }
  for (toml::node& item : *items) {
    if (auto* entry = item.as_table()) {
      out.push_back(entry);
    } else {
      wrong_type(key, item, "a list of [[" + std::string(key) + "]] entries", fix);
    }
  }
  return out;
}

void TableReader::not_one_of(std::string_view key, std::string_view value, SourcePos where,
                             const std::vector<std::string_view>& allowed) {
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "\"" : ", \"") + std::string(a) + "\"";
  Diagnostic& d = sink_.error("bad-value", where,
                              "\"" + std::string(key) + "\" is \"" + std::string(value) +
                                  "\", which is not one of " + list);
  std::string hint = suggest(value, allowed);
  d.fix = hint.empty() ? "use one of " + list : "did you mean \"" + hint + "\"?";
}

std::optional<int> check_year(std::int64_t value, SourcePos where, DiagnosticSink& sink) {
  if (value >= 1900 && value <= 2200) return static_cast<int>(value);
  Diagnostic& d = sink.error(
      "bad-year", where,
      "year " + std::to_string(value) + " is not a four-digit year between 1900 and 2200");
  d.fix = "write the full calendar year, e.g. 2014";
  return std::nullopt;
}

bool is_slug(std::string_view id) {
  if (id.empty()) return false;
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  return std::all_of(id.begin(), id.end(), ok) && id.front() != '-';
}

}  // namespace plantrack::load
