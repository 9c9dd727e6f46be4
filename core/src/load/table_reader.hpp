#pragma once
// Schema-checked access to one TOML table: unknown keys, wrong types and missing required keys
// become diagnostics, never exceptions. The only header (with its .cpp files) that includes toml++.
#include <toml++/toml.h>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plantrack/diagnostic.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/printable.hpp"
#include "plantrack/toml_type.hpp"

namespace plantrack::load {

enum class Need { kOptional, kRequired };

SourcePos position_of(const toml::source_region& region);
inline SourcePos position_of(const toml::node& node) {
  return position_of(node.source());
}

/// type_word_of(node), in this thread's language ("a string", "an integer", ...;
/// plantrack/toml_type.hpp).
std::string describe_type(const toml::node& node);

class TableReader {
 public:
  /// `context` names the table in messages, e.g. "[[task]]" (kept as a copy: it may be a
  /// translated text). Unknown keys, those not in `known`, are reported at once.
  TableReader(toml::table& table, std::string_view context,
              std::initializer_list<std::string_view> known, DiagnosticSink& sink);

  toml::table& table() const { return table_; }
  /// The value of a known key, or nullptr when absent.
  toml::node* node(std::string_view key) const;
  std::string_view context() const { return context_; }
  SourcePos where() const { return position_of(table_); }
  /// Where the value of `key` was written, or the table's position when it is absent.
  SourcePos where(std::string_view key) const;

  /// Strings are moved out of the document (the reader owns it and frees it once read). A control
  /// character (ESC, NUL, DEL, C1; and, unless `breaks` allows them, newline or carriage return)
  /// is reported at the value: ids, titles, units and names are shown on terminals.
  std::string text(std::string_view key, Need need = Need::kOptional,
                   LineBreaks breaks = LineBreaks::kNone);
  std::optional<std::int64_t> integer(std::string_view key, Need need = Need::kOptional);
  std::optional<int> year(std::string_view key, Need need = Need::kOptional);
  std::optional<Date> date(std::string_view key, Need need = Need::kOptional);
  std::vector<std::string> text_list(std::string_view key, Need need = Need::kOptional,
                                     LineBreaks breaks = LineBreaks::kNone);
  toml::array* array(std::string_view key, Need need = Need::kOptional);
  toml::table* table(std::string_view key, Need need = Need::kOptional);
  /// A key holding `[[key]]` entries; each element is checked to be a table.
  std::vector<toml::table*> tables(std::string_view key, Need need = Need::kOptional);

  /// Reports `value` (at `where`) as not one of `allowed`, with a suggestion.
  void not_one_of(std::string_view key, std::string_view value, SourcePos where,
                  const std::vector<std::string_view>& allowed);

 private:
  toml::node* find(std::string_view key, Need need);
  void check_text(std::string_view key, const toml::node& node, std::string_view text,
                  LineBreaks breaks);
  void wrong_type(std::string_view key, const toml::node& node, std::string_view expected,
                  std::string fix);

  static constexpr std::size_t kMaxKeys = 16;

  toml::table& table_;
  std::string context_;
  DiagnosticSink& sink_;
  // The known keys and their values, found in one pass over the table: a lookup is then a scan of
  // a few short names instead of a walk down toml++'s std::map (measured: 5% of validate).
  std::array<std::string_view, kMaxKeys> known_{};
  std::array<toml::node*, kMaxKeys> values_{};
  std::size_t known_count_ = 0;
};

/// Checks a year value (1900..2200) and reports it otherwise.
std::optional<int> check_year(std::int64_t value, SourcePos where, DiagnosticSink& sink);

/// Lower-case letters, digits and '-', starting with a letter or digit.
bool is_slug(std::string_view id);

}  // namespace plantrack::load
