#pragma once
// TOML document -> plan model, with schema diagnostics (keys, types, required keys, single values).
#include <toml++/toml.h>

#include "plantrack/diagnostic.hpp"
#include "plantrack/plan.hpp"

namespace plantrack::load {

/// Consumes the document: each [[task]] table is emptied once read, so the model grows as the
/// document shrinks and peak memory stays that of the parsed document.
Plan read_plan(toml::table& root, DiagnosticSink& sink);

}  // namespace plantrack::load
