// The words for TOML value types (plantrack/toml_type.hpp), and the check that TomlType is
// toml::node_type value for value.
#include "plantrack/toml_type.hpp"

#include <toml++/toml.h>

#include "plantrack/i18n.hpp"

namespace plantrack {

// TomlType is toml::node_type, value for value (see plantrack/toml_type.hpp).
static_assert(static_cast<int>(TomlType::kNone) == static_cast<int>(toml::node_type::none));
static_assert(static_cast<int>(TomlType::kTable) == static_cast<int>(toml::node_type::table));
static_assert(static_cast<int>(TomlType::kArray) == static_cast<int>(toml::node_type::array));
static_assert(static_cast<int>(TomlType::kString) == static_cast<int>(toml::node_type::string));
static_assert(static_cast<int>(TomlType::kInteger) == static_cast<int>(toml::node_type::integer));
static_assert(static_cast<int>(TomlType::kFloatingPoint) ==
              static_cast<int>(toml::node_type::floating_point));
static_assert(static_cast<int>(TomlType::kBoolean) == static_cast<int>(toml::node_type::boolean));
static_assert(static_cast<int>(TomlType::kDate) == static_cast<int>(toml::node_type::date));
static_assert(static_cast<int>(TomlType::kTime) == static_cast<int>(toml::node_type::time));
static_assert(static_cast<int>(TomlType::kDateTime) ==
              static_cast<int>(toml::node_type::date_time));

std::string type_word(TomlType type) {
  switch (type) {
    case TomlType::kTable:
      return tr("a table");
    case TomlType::kArray:
      return tr("an array");
    case TomlType::kString:
      return tr("a string");
    case TomlType::kInteger:
      return tr("an integer");
    case TomlType::kFloatingPoint:
      return tr("a floating-point number");
    case TomlType::kBoolean:
      return tr("a boolean");
    case TomlType::kDate:
      return tr("a date");
    case TomlType::kTime:
      return tr("a time");
    case TomlType::kDateTime:
      return tr("a date-time");
    case TomlType::kNone:
      break;
  }
  return tr("nothing");
}

}  // namespace plantrack
