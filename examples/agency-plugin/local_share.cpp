#include <cmath>
#include <cstdio>

#include "plugins.hpp"

namespace binh_duong {

using namespace plantrack;

LocalShare::LocalShare(const sdk::Settings& settings, sdk::Context&)
    : min_percent_(settings.number("min_local_percent")), decision_(settings.text("decision")) {}

void LocalShare::inspect(const sdk::View& view, std::vector<sdk::Finding>& findings) {
  std::int64_t central = 0, local = 0;
  const Funding* local_line = nullptr;
  for (const Funding& f : view.plan.funding) {
    if (f.kind == FundingKind::kCentral) central += f.amount;
    if (f.kind == FundingKind::kLocal) {
      local += f.amount;
      if (!local_line) local_line = &f;
    }
  }
  std::int64_t state = central + local;
  if (state == 0) return;
  double share = 100.0 * static_cast<double>(local) / static_cast<double>(state);
  if (share + 1e-9 >= min_percent_) return;
  sdk::Finding f;
  f.severity = sdk::Severity::kError;
  f.rule = "local-share";
  f.basis = decision_;
  char text[160];
  std::snprintf(text, sizeof text, "the local share of the state budget is %.1f%%, below %.1f%%",
                share, min_percent_);
  f.message = text;
  f.amounts = {local, state};
  if (local_line) f.where = local_line->amount_where;
  auto needed = static_cast<std::int64_t>(
      std::ceil(min_percent_ / (100.0 - min_percent_) * static_cast<double>(central)));
  f.fix = "raise the local budget to at least " + std::to_string(needed) +
          " or lower the central share";
  findings.push_back(std::move(f));
}

}  // namespace binh_duong
