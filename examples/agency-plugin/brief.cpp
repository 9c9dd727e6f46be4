#include <plantrack/money.hpp>
#include <plantrack/report.hpp>

#include "plugins.hpp"

namespace binh_duong {

using namespace plantrack;

Brief::Brief(const sdk::Settings& settings, sdk::Context&) : width_(settings.integer("width")) {}

void Brief::write(const sdk::View& view, const sdk::ReportRequest& request, std::ostream& out) {
  // The same content as the built-in formats (report::build), cut to what the director reads.
  report::Document d = report::build(view, {request.lang, request.revision});
  std::string rule(static_cast<std::size_t>(width_), '=');
  out << rule << "\n" << d.title << "\n" << d.subtitle << "\n" << rule << "\n";
  for (const report::Table* t : d.tables()) {
    if (t->name != "workload") continue;
    for (const auto& row : t->rows) {
      std::string title = row[1];
      if (title.size() > 60) title = title.substr(0, title.rfind(' ', 60)) + " …";  // whole words
      out << row[0] << ". " << title << ": " << row[3] << " " << row[2] << " (" << row[6] << ")\n";
    }
  }
  for (const FundingTotal& total : view.plan.totals) {
    out << total.title << ": " << format_money(total.amount, number_style(request.lang)) << " ("
        << money_in_words(total.amount, request.lang) << ")\n";
  }
}

}  // namespace binh_duong
