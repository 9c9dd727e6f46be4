#include "table_reader.hpp"

#include <algorithm>
#include <cassert>

#include "plantrack/i18n.hpp"

namespace plantrack::load {

SourcePos position_of(const toml::source_region& region) {
  return SourcePos{static_cast<std::uint32_t>(region.begin.line),
                   static_cast<std::uint32_t>(region.begin.column)};
}

std::string describe_type(const toml::node& node) {
  return type_word_of(node);
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
    Diagnostic& d = sink_.error(
        "unknown-key", position_of(key.source()),
        tr("unknown key \"{key}\" in {table}", {{"key", key.str()}, {"table", context_}}));
    std::string hint = suggest(key.str(), std::vector<std::string_view>(known));
    if (!hint.empty()) {
      d.fix = tr("did you mean \"{name}\"?", {{"name", hint}});
    } else {
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      d.fix =
          tr("remove it; the keys of {table} are: {keys}", {{"table", context_}, {"keys", list}});
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
        tr("missing required key \"{key}\" in {table}", {{"key", key}, {"table", context_}}));
    d.fix = tr("add {key} = ... to {table} (see docs/plan-format.md)",
               {{"key", key}, {"table", context_}});
  }
  return node;
}

void TableReader::wrong_type(std::string_view key, const toml::node& node,
                             std::string_view expected, std::string fix) {
  Diagnostic& d =
      sink_.error("wrong-type", position_of(node),
                  tr("\"{key}\" must be {expected}, got {type}",
                     {{"key", key}, {"expected", expected}, {"type", describe_type(node)}}));
  d.fix = std::move(fix);
}

void TableReader::check_text(std::string_view key, const toml::node& node, std::string_view text,
                             LineBreaks breaks) {
  std::size_t at = find_control(text, breaks);
  if (at == std::string_view::npos) return;
  std::size_t length = static_cast<unsigned char>(text[at]) == 0xC2 ? 2 : 1;
  Diagnostic& d =
      sink_.error("control-character", position_of(node),
                  tr("\"{key}\" contains the control character {character}",
                     {{"key", key}, {"character", printable(text.substr(at, length))}}));
  d.why = tr("control characters can move the cursor or rewrite what a terminal shows");
  d.fix = breaks == LineBreaks::kAllowed
              ? tr("remove it (only newlines and tabs may appear in \"{key}\")", {{"key", key}})
              : tr("remove it; \"{key}\" is one line of plain text", {{"key", key}});
}

std::string TableReader::text(std::string_view key, Need need, LineBreaks breaks) {
  toml::node* node = find(key, need);
  if (!node) return {};
  if (auto* value = node->as_string()) {
    check_text(key, *node, value->get(), breaks);
    return std::move(value->get());
  }
  wrong_type(key, *node, tr("a string"),
             tr("put the text in double quotes, e.g. {key} = \"...\"", {{"key", key}}));
  return {};
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, Need need) {
  toml::node* node = find(key, need);
  if (!node) return std::nullopt;
  if (const auto* value = node->as_integer()) return value->get();
  wrong_type(
      key, *node, tr("a whole number (integer)"),
      tr("write a whole number without quotes or decimals, e.g. {key} = 30", {{"key", key}}));
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
  wrong_type(key, *node, tr("a date"),
             tr("write a TOML date without quotes, e.g. {key} = 2014-12-31", {{"key", key}}));
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
      wrong_type(key, item, tr("a list of strings"),
                 tr("put each item in double quotes, e.g. {key} = [\"...\"]", {{"key", key}}));
    }
  }
  return out;
}

toml::array* TableReader::array(std::string_view key, Need need) {
  toml::node* node = find(key, need);
  if (!node) return nullptr;
  if (auto* value = node->as_array()) return value;
  wrong_type(key, *node, tr("an array"),
             tr("write a list in square brackets, e.g. {key} = [ ... ]", {{"key", key}}));
  return nullptr;
}

toml::table* TableReader::table(std::string_view key, Need need) {
  toml::node* node = find(key, need);
  if (!node) return nullptr;
  if (auto* value = node->as_table()) return value;
  wrong_type(key, *node, tr("a table"),
             tr("write a [{key}] section or an inline table {key} = { ... }", {{"key", key}}));
  return nullptr;
}

std::vector<toml::table*> TableReader::tables(std::string_view key, Need need) {
  std::vector<toml::table*> out;
  toml::node* node = find(key, need);
  if (!node) return out;
  std::string fix = tr("write [[{key}]] (double brackets) before each entry", {{"key", key}});
  std::string expected = tr("a list of [[{key}]] entries", {{"key", key}});
  toml::array* items = node->as_array();
  if (!items) {
    wrong_type(key, *node, expected, fix);
    return out;
  }
  for (toml::node& item : *items) {
    if (auto* entry = item.as_table()) {
      out.push_back(entry);
    } else {
      wrong_type(key, item, expected, fix);
    }
  }
  return out;
}

void TableReader::not_one_of(std::string_view key, std::string_view value, SourcePos where,
                             const std::vector<std::string_view>& allowed) {
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "\"" : ", \"") + std::string(a) + "\"";
  Diagnostic& d = sink_.error("bad-value", where,
                              tr("\"{key}\" is \"{value}\", which is not one of {allowed}",
                                 {{"key", key}, {"value", value}, {"allowed", list}}));
  std::string hint = suggest(value, allowed);
  d.fix = hint.empty() ? tr("use one of {allowed}", {{"allowed", list}})
                       : tr("did you mean \"{name}\"?", {{"name", hint}});
}

std::optional<int> check_year(std::int64_t value, SourcePos where, DiagnosticSink& sink) {
  if (value >= 1900 && value <= 2200) return static_cast<int>(value);
  Diagnostic& d = sink.error(
      "bad-year", where,
      tr("year {year} is not a four-digit year between 1900 and 2200", {{"year", value}}));
  d.fix = tr("write the full calendar year, e.g. 2014");
  return std::nullopt;
}

bool is_slug(std::string_view id) {
  if (id.empty()) return false;
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  return std::all_of(id.begin(), id.end(), ok) && id.front() != '-';
}

}  // namespace plantrack::load
