#pragma once
/// The yearly report as content: sections, paragraphs, bullet lists and tables in the report's
/// language, built from the plan, its status (with spending) and the funding findings. Every
/// reporter plugin renders this one document (Markdown, HTML, CSV), so the figures agree across
/// formats. The structure is the seed report's (A. results: content and objectives, the workload
/// table, funding with the state-budget split and the amount in words, assessment, integrated
/// activities, recommendations; B. next tasks; C. solutions; appendix: participants) plus what it
/// lacks: stage completion, late and blocked tasks, money spent, funding findings.
///
/// Example:
///   plantrack::report::Document d = plantrack::report::build(view, {.lang = "vi"});
///   for (const plantrack::report::Section& s : d.sections) std::cout << s.heading << "\n";
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plantrack/export.hpp"
#include "plantrack/sdk/boundary.hpp"

namespace plantrack::report {

/// A column: a stable name to read cells by, and its heading in the report's language.
struct Column {
  std::string name;      ///< stable, e.g. "achieved" (docs/reports.md lists each table's)
  std::string title;     ///< the heading, e.g. "Đạt"
  bool numeric = false;  ///< figures (right-aligned)
};

/// A table of text cells. Reporters that need one column read it by name (cell()), never by
/// position, so a column added to a table does not shift what they read.
struct Table {
  std::string name;  ///< stable, for CSV files and --table: workload, funding, stages, ...
  std::string title;
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  ///< one cell per column

  /// The index of the column `column_name`, or columns.size() when the table has none by that name.
  std::size_t column(std::string_view column_name) const {
    std::size_t i = 0;
    while (i < columns.size() && columns[i].name != column_name) ++i;
    return i;
  }
  /// The cell of row `row` in the column `column_name`; nullptr when the table has no such column
  /// or row (inline: the lookup runs on the plugin's side of the boundary).
  const std::string* cell(std::size_t row, std::string_view column_name) const {
    std::size_t c = column(column_name);
    if (row >= rows.size() || c >= rows[row].size()) return nullptr;
    return &rows[row][c];
  }
};

/// One piece of a section's body.
struct Block {
  enum class Kind { kParagraph, kBullets, kTable };
  Kind kind = Kind::kParagraph;
  std::string text;                ///< kParagraph
  std::vector<std::string> items;  ///< kBullets
  Table table;                     ///< kTable
};

struct Section {
  std::string heading;  ///< "A. KẾT QUẢ TRIỂN KHAI CHƯƠNG TRÌNH", "2.1. Khối lượng công việc"
  int level = 1;  ///< 1: A, B, C, appendix; 2: 1., 2., ...; 3: 1.1., 2.1., ...
  std::vector<Block> body;
};

struct Document {
  std::string lang;      ///< "vi" or "en"
  std::string title;     ///< "BÁO CÁO KẾT QUẢ THỰC HIỆN ..."
  std::string subtitle;  ///< who and as of when
  /// The legal basis ("Thực hiện ..."), the decision approving the plan with its amendments, and
  /// the state of the progress log the figures come from.
  std::vector<std::string> preamble;
  std::vector<Section> sections;   ///< in reading order
  std::vector<std::string> notes;  ///< footnotes, after the sections (the plan file's revision)
  /// Every table of the document, in order.
  PLANTRACK_API std::vector<const Table*> tables() const;
};

/// The period a report is of is its status's (PlanStatus::period; the whole programme without).
struct Options {
  std::string lang = "vi";  ///< "vi" or "en"
  std::string revision;     ///< the plan file's SHA-256, stated in the report with the amendments
};

/// The report of `view` (plan, status as of its date, findings when given).
PLANTRACK_API Document build(const sdk::View& view, const Options& options);
/// The report's data as one JSON document (format "plantrack-report", the JSON reporter's output):
/// the plan, its tasks, stages and money in the shapes of `status --format json`, its
/// participants and findings, and build()'s document. The text, ready to write (docs/json.md).
PLANTRACK_API std::string build_json(const sdk::View& view, const Options& options);

/// "24/10/2014" (vi) or "2014-10-24" (en).
PLANTRACK_API std::string date_text(Date date, const std::string& lang);

/// What a report's row shows of a task: the period's figures (done in it, or a cumulative task's
/// total at its end, against Task::target_in the period) when the status is of a period, else the
/// programme's (its whole target). `planned` is nullopt when the task does not run in the period.
struct Figures {
  std::int64_t achieved = 0;
  std::optional<std::int64_t> planned;
};
PLANTRACK_API Figures figures_of(const Task& task, const TaskStatus& status);

/// What the figures of `status` are of, in words, as a report's headings say it: a period's
/// ("năm 2018", "6 tháng đầu năm 2018", "quý II năm 2018", "từ năm 2016 đến năm 2019"), the
/// programme's ("giai đoạn 2016-2020") when the period is the whole programme or, without a
/// period, the programme is over; else "đến ngày 24/10/2014" (English: "in 2018", "in the first
/// half of 2018", "in the second quarter of 2018", "for 2016-2020", "to 2014-10-24").
PLANTRACK_API std::string period_text(const PlanInfo& plan, const PlanStatus& status,
                                      const std::string& lang);

}  // namespace plantrack::report
