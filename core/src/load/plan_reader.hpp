#pragma once
// TOML document -> plan model, with schema diagnostics (keys, types, required keys, single values).
#include <toml++/toml.h>

#include "plantrack/diagnostic.hpp"
#include "plantrack/plan.hpp"

namespace plantrack::load {

Plan read_plan(const toml::table& root, DiagnosticSink& sink);

}  // namespace plantrack::load
