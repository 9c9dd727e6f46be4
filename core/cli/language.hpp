#pragma once
// The language the CLI speaks (plantrack/i18n.hpp): chosen once, before the commands are made,
// so that their help is translated too.
#include <string>

namespace plantrack::cli {

/// Sets this process's language from --lang (looked for in argv before parsing), PLANTRACK_LANG
/// and the environment's locale. False, with the error printed, when --lang or PLANTRACK_LANG
/// names a language plantrack does not speak.
bool choose_language(int argc, char** argv);

/// Speaks the language the plan at `path` states (`locale = "vi"`), unless --lang or
/// PLANTRACK_LANG chose one: called by each command before it reads a plan.
void speak_plan_language(const std::string& path);

/// The language a report is written in: the one chosen when --lang, PLANTRACK_LANG or the plan
/// named it; empty (the plan's locale, "vi" by default: docs/plan-format.md) when only the
/// environment's locale did.
std::string report_language();

}  // namespace plantrack::cli
