#pragma once
// Small plans shared by unit tests, built as TOML text so tests read like plan files.
#include <string>

#include "plantrack/load.hpp"

namespace plantrack::test {

inline const std::string kHeader = R"([plan]
id = "demo"
title = "Demo"
period = { start = 2012, end = 2015 }

[[stage]]
id = "awareness"
title = "Awareness"

[[stage]]
id = "training"
title = "Training"
depends_on = ["awareness"]
)";

/// A [[task]] entry with the required keys and any extra lines.
inline std::string task(const std::string& id, const std::string& stage, int target,
                        const std::string& extra = "") {
  return "\n[[task]]\nid = \"" + id + "\"\nstage = \"" + stage + "\"\ntitle = \"" + id +
         "\"\nunit = \"DN\"\ntarget = " + std::to_string(target) + "\n" + extra;
}

inline LoadResult load(const std::string& body) {
  return load_plan_text(kHeader + body, "t.toml");
}

/// The codes of the diagnostics, in order, for compact assertions.
inline std::string codes(const LoadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics) out += (out.empty() ? "" : " ") + d.code;
  return out;
}

}  // namespace plantrack::test
