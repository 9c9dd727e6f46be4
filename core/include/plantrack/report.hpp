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
#include <optional>
#include <string>
#include <vector>

#include "plantrack/export.hpp"
#include "plantrack/plugin.hpp"

namespace plantrack::report {

struct Table {
  std::string name;  ///< stable, for CSV files and --table: workload, funding, stages, ...
  std::string title;
  std::vector<std::string> columns;
  std::vector<bool> numeric;  ///< per column: figures (right-aligned)
  std::vector<std::vector<std::string>> rows;
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
  std::string lang;                   ///< "vi" or "en"
  std::string title;                  ///< "BÁO CÁO KẾT QUẢ THỰC HIỆN ..."
  std::string subtitle;               ///< who and as of when
  std::vector<std::string> preamble;  ///< the legal basis ("Thực hiện ...")
  std::vector<Section> sections;      ///< in reading order
  /// Every table of the document, in order.
  PLANTRACK_API std::vector<const Table*> tables() const;
};

struct Options {
  std::string lang = "vi";  ///< "vi" or "en"
  std::optional<int> from_year, to_year;
  std::string revision;  ///< the plan file's SHA-256, stated in the report with the amendments
};

/// The report of `view` (plan, status as of its date, findings when given).
PLANTRACK_API Document build(const sdk::View& view, const Options& options);

/// "24/10/2014" (vi) or "2014-10-24" (en).
PLANTRACK_API std::string date_text(Date date, const std::string& lang);

/// The achieved quantity of a task within the years asked (all years when none).
PLANTRACK_API std::int64_t achieved_in(const TaskStatus& status, const Options& options);
/// The target of a task within the years asked: the sum of Task::target_in over its years there,
/// its whole target when none are asked, nullopt when none of its years is asked (the report
/// shows "-").
PLANTRACK_API std::optional<std::int64_t> planned_in(const Task& task, const Options& options);

}  // namespace plantrack::report
