#pragma once
/// The words messages use for the type of a TOML value ("must be a string, got an integer"): one
/// list for the plan's schema reader and for the rule tables' reader, so the two say the same.
/// No toml++ here: TomlType mirrors toml::node_type value for value (the core's loader checks it
/// with static_asserts), and type_word_of() takes any toml++ node.
///
/// Example:
///   const toml::node& node = ...;
///   std::string message = plantrack::tr("\"target\" must be an integer, got {type}",
///                                       {{"type", plantrack::type_word_of(node)}});
#include <cstdint>
#include <string>
#include <string_view>

#include "plantrack/export.hpp"

namespace plantrack {

/// The kinds of TOML value, in toml::node_type's order and values.
enum class TomlType : std::uint8_t {
  kNone,
  kTable,
  kArray,
  kString,
  kInteger,
  kFloatingPoint,
  kBoolean,
  kDate,
  kTime,
  kDateTime
};

/// "a table", "an array", "a string", "an integer", "a floating-point number", "a boolean",
/// "a date", "a time", "a date-time"; "nothing" for kNone. In this thread's language
/// (plantrack/i18n.hpp): a placeholder's value in a translated message.
PLANTRACK_API std::string type_word(TomlType type);

/// type_word of a toml++ node (toml::node, or anything with its `type()`).
template <typename Node>
std::string type_word_of(const Node& node) {
  return type_word(static_cast<TomlType>(node.type()));
}

}  // namespace plantrack
