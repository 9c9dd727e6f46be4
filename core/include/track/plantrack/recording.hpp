#pragma once
/// Turning what a user typed (command-line arguments or CSV rows) into events, checked against the
/// plan and the current status. Problems are diagnostics; nothing is written unless there are none.
///
/// Example:
///   plantrack::Recorder recorder(plan, plantrack::derive_status(plan, events, today), today);
///   plantrack::RecordInput in{.task = "posters", .quantity = "5000", .year = "2013"};
///   if (auto event = recorder.record(in, sink)) store.append(...);
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plantrack/diagnostic.hpp"
#include "plantrack/event.hpp"
#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/plan_index.hpp"
#include "plantrack/status.hpp"

namespace plantrack {

/// One progress record as typed: every field a string, checked by check_record.
struct RecordInput {
  std::string task;
  std::string quantity;
  std::string year;  ///< empty: the year of the date
  std::string date;  ///< empty: today
  std::string by;    ///< empty: the login name
  std::string note;
  std::string evidence;
  bool correction = false;  ///< allows a negative quantity
  /// A CSV row with an amount is a payment (Recorder::spend), not progress.
  std::string amount, source, cost, participant;
  /// Where each field was written, for CSV rows (line = row, column = field number); unknown for
  /// command-line arguments.
  SourcePos task_at, quantity_at, year_at, date_at, amount_at, source_at, cost_at;
  bool is_payment() const { return !amount.empty(); }
};

/// One payment as typed (`plantrack spend`): every field a string, checked by Recorder::spend.
struct SpendInput {
  std::string task;
  std::string amount;  ///< "50000000" or grouped: "50.000.000"
  std::string source;  ///< a [[funding]] id
  std::string year;    ///< the budget year; empty: the year of the date
  std::string cost;    ///< optional: the total cost the payment supports
  std::string participant;
  std::string date;  ///< empty: today
  std::string by;    ///< empty: the login name
  std::string note;
  std::string evidence;
  /// Where each field was written, for CSV rows; unknown for command-line arguments.
  SourcePos task_at, amount_at, source_at, year_at, cost_at, date_at;
};

/// The payment a CSV row with an amount stands for.
PLANTRACK_API SpendInput spend_input(const RecordInput& row);

/// A text as typed and where: an option ("--note") or a CSV cell (its column's name and position).
struct TextField {
  std::string_view name;
  std::string_view text;
  SourcePos at;
};

/// Reports each text that is not UTF-8 ("bad-text", naming the field and the first bad byte);
/// false when there was one. Nothing that is not UTF-8 is stored: readers could not show it.
PLANTRACK_API bool check_utf8(std::initializer_list<TextField> fields, DiagnosticSink& sink);

/// The effective date typed (`text`; empty: `today`), checked: a calendar date, not after today
/// (`bad-date`, `future-date` at `at`). What record, spend and revert do with `--date` and an
/// import with its date column. YYYY-MM-DD always; with `day_first` (a plan whose locale is
/// Vietnamese) also DD/MM/YYYY as its offices write dates ("30/09/2018"); without it such a date
/// is refused with the YYYY-MM-DD to write.
PLANTRACK_API std::optional<Date> effective_date(const std::string& text, SourcePos at, Date today,
                                                 bool day_first, DiagnosticSink& sink);

/// Whether a plan's dates may be written day first: its locale is Vietnamese.
PLANTRACK_API bool writes_day_first(const PlanInfo& info);

/// Checks records and lifecycle changes against a plan and its current status.
class PLANTRACK_API Recorder {
 public:
  Recorder(const Plan& plan, PlanStatus status, Date today);
  /// The same with an index of the plan the caller already has (it must outlive the recorder).
  Recorder(const Plan& plan, const PlanIndex& index, PlanStatus status, Date today);
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  /// One progress record; the status is updated with it, so a batch is checked as a whole.
  /// Returns the event, or nullopt after reporting errors to `sink`.
  std::optional<NewEvent> record(const RecordInput& input, DiagnosticSink& sink);

  /// One payment out of a funding source for a task. Spending above its budget line, or without
  /// one, is recorded with a warning (the payment happened; `plantrack check` reports it).
  std::optional<NewEvent> spend(const SpendInput& input, DiagnosticSink& sink);

  /// A lifecycle event (start, complete, block, unblock, cancel, reopen) for a task.
  std::optional<NewEvent> lifecycle(const std::string& task, EventKind kind,
                                    const std::string& reason, DiagnosticSink& sink);

 private:
  std::optional<std::size_t> find_task(const std::string& id, SourcePos at, DiagnosticSink& sink);
  bool refuse_cancelled(std::size_t task, SourcePos at, DiagnosticSink& sink) const;
  /// Refuses a quantity that would take a task's total, or its total in `year`, past the 64-bit
  /// range (records of a batch count together).
  bool add_progress(std::size_t task, int year, std::int64_t quantity, SourcePos at,
                    DiagnosticSink& sink);

  const Plan& plan_;
  std::optional<PlanIndex> own_index_;
  const PlanIndex& index_;
  PlanStatus status_;
  Date today_;
  /// What was spent so far, per source and per budget line (task, source, year), and the plan's
  /// budget lines by key; built on the first payment, then kept up to date through a batch.
  struct Spent;
  std::shared_ptr<Spent> spent_;
  /// Done per (task, year) for increment tasks, through a batch (from the status on first use).
  std::map<std::pair<std::size_t, int>, std::int64_t> done_in_year_;
};

/// Parses a CSV of records (header: task, quantity, year, date, by, note, evidence, and for
/// payments amount, source, cost, participant, or their Vietnamese names: Công việc, Số lượng, Năm,
/// Ngày, Người báo cáo, Ghi chú, Minh chứng, Số tiền, Nguồn, Chi phí, Đơn vị tham gia, in any case;
/// RFC 4180 quoting; UTF-8, an optional BOM; fields separated by ',' or, when the header has a ';'
/// and no ',', by ';' as Excel writes with Vietnamese regional settings). A row has a quantity
/// (progress) or an amount (a payment). Problems are reported as FILE:ROW:COL.
PLANTRACK_API std::vector<RecordInput> parse_records_csv(const std::string& text,
                                                         DiagnosticSink& sink);
/// The same, each row handed to `row` as it is read (a caller that keeps the rows in a container
/// of its own, without a second copy of 100k of them). Returns how many rows were handed over.
PLANTRACK_API std::size_t parse_records_csv(const std::string& text, DiagnosticSink& sink,
                                            const std::function<void(RecordInput&&)>& row);
/// At least how many rows the CSV `text` has (its lines): to reserve room for them.
PLANTRACK_API std::size_t csv_rows_at_most(std::string_view text);

/// The encodings decode_csv() reads ("utf-8", "cp1258"), for messages and --help.
PLANTRACK_API const std::vector<std::string>& csv_encodings();

/// Makes a CSV file's `bytes` the UTF-8 text parse_records_csv() reads, in NFC. `encoding` empty or
/// "utf-8": UTF-8 with or without a BOM, as it is (bytes that are not UTF-8 are refused later at
/// their cells), unless they read as Windows-1258, which is refused at the first such byte with
/// the fix (--encoding cp1258, or saving as "CSV UTF-8"). "cp1258" (or "windows-1258"): what
/// Excel's "CSV (Comma delimited)" writes on a Vietnamese Windows, converted with iconv. False,
/// with a "csv-encoding" diagnostic and `bytes` as they were, when the bytes cannot be read so or
/// the encoding is unknown.
PLANTRACK_API bool decode_csv(std::string& bytes, std::string_view encoding, DiagnosticSink& sink);

/// `bytes` converted from the iconv encoding `from` to UTF-8; nullopt when they are not in it.
PLANTRACK_API std::optional<std::string> convert_with_iconv(const std::string& bytes,
                                                            const char* from);

/// The login name of the user running plantrack ("unknown" if none can be found).
PLANTRACK_API std::string login_name();

}  // namespace plantrack
