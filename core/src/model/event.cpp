#include "plantrack/event.hpp"

#include <array>
#include <cstddef>

namespace plantrack {
namespace {

constexpr std::array<std::string_view, 10> kKinds = {"progress", "start",  "complete", "block",
                                                     "unblock",  "cancel", "reopen",   "note",
                                                     "revert",   "spend"};

}  // namespace

std::string_view to_string(EventKind kind) {
  return kKinds[static_cast<std::size_t>(kind)];
}

std::optional<EventKind> event_kind_from(std::string_view text) {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i] == text) return static_cast<EventKind>(i);
  }
  return std::nullopt;
}

}  // namespace plantrack
