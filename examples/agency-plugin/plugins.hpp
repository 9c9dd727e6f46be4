#pragma once
// The Bình Dương Department of Industry and Trade's plugins: a funding check, a notifier and a
// report format.
#include <plantrack/plugin.hpp>

namespace binh_duong {

/// Funding check "local-share": the province's own share of the state budget (local / (central +
/// local)) must stay at or above `min_local_percent`, as the provincial decision requires.
class LocalShare final : public plantrack::sdk::FundingCheckBase {
 public:
  LocalShare(const plantrack::sdk::Settings& settings, plantrack::sdk::Context& context);

 protected:
  void inspect(const plantrack::sdk::View& view,
               std::vector<plantrack::sdk::Finding>& findings) override;

 private:
  double min_percent_;
  std::string decision_;
};

/// Notifier "daily-digest": appends one line per event to digest-YYYY-MM-DD.txt in `folder`
/// (relative to the plan's folder), the file the office prints each morning.
class DailyDigest final : public plantrack::sdk::NotifierBase {
 public:
  DailyDigest(const plantrack::sdk::Settings& settings, plantrack::sdk::Context& context);

 protected:
  void on_event(const plantrack::sdk::Event& event, const plantrack::sdk::View& view) override;

 private:
  std::string folder_;
  plantrack::sdk::Context& context_;
};

/// Reporter "brief" (plantrack report --format brief): the one-page text the director reads, the
/// workload lines and the state budget in figures and words, from the same content as the
/// built-in formats.
class Brief final : public plantrack::sdk::ReporterBase {
 public:
  Brief(const plantrack::sdk::Settings& settings, plantrack::sdk::Context& context);

 protected:
  void write(const plantrack::sdk::View& view, const plantrack::sdk::ReportRequest& request,
             std::ostream& out) override;

 private:
  std::int64_t width_;
};

}  // namespace binh_duong
