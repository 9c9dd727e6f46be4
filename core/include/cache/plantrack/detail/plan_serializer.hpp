#pragma once
// The plan cache's byte format: internal (not installed), it changes with the model; only the
// cache (plan_cache.cpp) and its tests use it.
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"

namespace plantrack {

/// The binary form of a plan, and back (nullopt when the bytes are not a plan of this version).
PLANTRACK_API std::string serialize_plan(const Plan& plan);
PLANTRACK_API std::optional<Plan> deserialize_plan(std::string_view bytes);
/// `bytes` followed by the checksum deserialize_plan checks: serialize_plan(p) is
/// checksummed_plan_bytes of its own bytes before the checksum. For tests and fuzzers that give
/// the decoder bytes of their own making past the check.
PLANTRACK_API std::string checksummed_plan_bytes(std::string_view bytes);

}  // namespace plantrack
