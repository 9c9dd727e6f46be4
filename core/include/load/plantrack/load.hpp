#pragma once
/// Loading a plan file: TOML in, the plan model and every problem found out.
///
/// The loader never stops at the first problem (a TOML syntax error is the exception: nothing after
/// it can be trusted). It runs the schema checks (keys, types, required keys) and then the plan
/// checks (ids, references, cycles, targets, amounts, warnings).
///
/// Example:
///   auto r = plantrack::load_plan_file("workflows/binh-duong-cleaner-production-2012-2015.toml");
///   if (!r.ok()) std::cerr << plantrack::render_text(r.diagnostics, r.source);
#include <string>
#include <string_view>
#include <vector>

#include "plantrack/diagnostic.hpp"
#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/validate.hpp"  // check_plan, for plans built in code

namespace plantrack {

struct LoadResult {
  Plan plan;
  std::vector<Diagnostic> diagnostics;  ///< sorted by position
  SourceText source;
  /// True when there is no error (warnings allowed).
  bool ok() const { return count_errors(diagnostics) == 0; }
};

/// The `locale` a plan states in its `[plan]` table (`locale = "vi"`), read from its text without
/// parsing it, so that even a plan that does not parse is answered in its language; empty when it
/// states none (the model's default, "vi", is the reports' language, not a choice for messages).
PLANTRACK_API std::string stated_locale(std::string_view text);

/// Reads and checks a plan file. A file that cannot be read gives one "io" diagnostic.
PLANTRACK_API LoadResult load_plan_file(const std::string& path);

/// Checks a plan held in memory; `path` is only used in messages. This is what tests and the fuzzer
/// use.
PLANTRACK_API LoadResult load_plan_text(std::string text, const std::string& path);

}  // namespace plantrack
