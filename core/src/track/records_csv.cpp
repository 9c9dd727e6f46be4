// CSV of progress records (RFC 4180): header, quoting with "", newlines inside quotes, UTF-8 BOM.
#include <algorithm>
#include <array>

#include "plantrack/recording.hpp"
#include "plantrack/utf8.hpp"

namespace plantrack {
namespace {

struct Field {
  std::string text;
  SourcePos at;  // line and code-point column where the field starts
};

// Splits the text into records of fields, tracking where each field starts.
class CsvReader {
 public:
  explicit CsvReader(const std::string& text) : text_(text) {
    if (text_.rfind("\xEF\xBB\xBF", 0) == 0) i_ = 3;
  }

  bool next(std::vector<Field>& record, DiagnosticSink& sink) {
    record.clear();
    if (i_ >= text_.size()) return false;
    for (;;) {
      Field field{{}, SourcePos{line_, column_}};
      if (peek() == '"') {
        if (!quoted(field, sink)) return false;
      } else {
        while (i_ < text_.size() && peek() != ',' && peek() != '\n' && peek() != '\r') take(field);
      }
      record.push_back(std::move(field));
      if (i_ < text_.size() && peek() == ',') {
        advance();
        continue;
      }
      if (i_ < text_.size() && peek() == '\r') advance();
      if (i_ < text_.size() && peek() == '\n') advance();
      return true;
    }
  }

 private:
  char peek() const { return text_[i_]; }
  void advance() {
    if (text_[i_] == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(text_[i_]) & 0xC0) != 0x80) {
      ++column_;
    }
    ++i_;
  }
  void take(Field& field) {
    // Count a code point once: continuation bytes do not start a column.
    if ((static_cast<unsigned char>(text_[i_]) & 0xC0) == 0x80) {
      field.text += text_[i_++];
      return;
    }
    field.text += text_[i_];
    advance();
  }
  bool quoted(Field& field, DiagnosticSink& sink) {
    SourcePos start = field.at;
    advance();  // opening quote
    for (;;) {
      if (i_ >= text_.size()) {
        sink.error("csv-syntax", start, "a quoted field is never closed").fix =
            "end the field with a double quote; write a quote inside a field as \"\"";
        return false;
      }
      if (peek() == '"') {
        advance();
        if (i_ < text_.size() && peek() == '"') {
          field.text += '"';
          advance();
          continue;
        }
        if (i_ < text_.size() && peek() != ',' && peek() != '\n' && peek() != '\r') {
          sink.error("csv-syntax", SourcePos{line_, column_},
                     "unexpected text after a quoted field")
              .fix = "put a comma after the closing quote, or quote the whole field";
          return false;
        }
        return true;
      }
      take(field);
    }
  }

  const std::string& text_;
  std::size_t i_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
};

constexpr std::array<std::string_view, 11> kColumns = {"task",   "quantity", "year",       "date",
                                                       "by",     "note",     "evidence",   "amount",
                                                       "source", "cost",     "participant"};
constexpr const char* kHeader =
    "task,quantity,year,date,by,note,evidence (payments: amount,source,cost,participant)";

}  // namespace

std::size_t csv_rows_at_most(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

std::vector<RecordInput> parse_records_csv(const std::string& text, DiagnosticSink& sink) {
  std::vector<RecordInput> out;
  out.reserve(csv_rows_at_most(text));  // a 100k-row file: no regrowth, no moves of 100k rows
  parse_records_csv(text, sink, [&](RecordInput&& in) { out.push_back(std::move(in)); });
  return out;
}

std::size_t parse_records_csv(const std::string& text, DiagnosticSink& sink,
                              const std::function<void(RecordInput&&)>& row) {
  std::size_t out = 0;
  CsvReader reader(text);
  std::vector<Field> record;
  if (!reader.next(record, sink)) {
    sink.error("csv-header", SourcePos{1, 1}, "the file is empty: no header row").fix =
        std::string("start with the header: ") + kHeader;
    return out;
  }
  std::array<int, kColumns.size()> column_of{};
  column_of.fill(-1);
  for (std::size_t c = 0; c < record.size(); ++c) {
    const std::string& name = record[c].text;
    auto it = std::find(kColumns.begin(), kColumns.end(), name);
    if (it == kColumns.end()) {
      Diagnostic& d =
          sink.error("csv-header", record[c].at, "unknown column \"" + valid_utf8(name) + "\"");
      std::string hint = suggest(name, {kColumns.begin(), kColumns.end()});
      d.fix = hint.empty() ? std::string("the columns are: ") + kHeader
                           : "did you mean \"" + hint + "\"?";
      continue;
    }
    column_of[static_cast<std::size_t>(it - kColumns.begin())] = static_cast<int>(c);
  }
  if (column_of[0] < 0) {
    sink.error("csv-header", SourcePos{1, 1}, "the header has no \"task\" column").fix =
        std::string("start with the header: ") + kHeader;
  }
  if (column_of[1] < 0 && column_of[7] < 0) {
    sink.error("csv-header", SourcePos{1, 1},
               "the header has neither a \"quantity\" nor an \"amount\" column")
        .fix = "progress rows need quantity; payments need amount and source";
  }
  if (sink.error_count() > 0) return out;
  while (reader.next(record, sink)) {
    if (record.size() == 1 && record[0].text.empty()) continue;  // a blank line
    auto field = [&](std::size_t k) -> const Field* {
      int c = column_of[k];
      return c >= 0 && static_cast<std::size_t>(c) < record.size() ? &record[c] : nullptr;
    };
    if (record.size() > static_cast<std::size_t>(std::count_if(column_of.begin(), column_of.end(),
                                                               [](int c) { return c >= 0; }))) {
      sink.error("csv-row", record.back().at, "this row has more fields than the header").fix =
          "quote fields that contain commas: \"one, two\"";
      continue;
    }
    // Text that is not UTF-8 is refused at its cell (stored, no reader could show it).
    bool valid = true;
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      const Field* f = field(k);
      if (!f || !first_invalid_utf8(f->text)) continue;
      std::string name = "column \"" + std::string(kColumns[k]) + "\"";
      valid = check_utf8({TextField{name, f->text, f->at}}, sink) && valid;
    }
    if (!valid) continue;
    RecordInput in;
    SourcePos row_start = record.front().at;
    auto get = [&](std::size_t k, std::string& into, SourcePos* at) {
      const Field* f = field(k);
      if (f) into = f->text;
      if (at) *at = f ? f->at : row_start;
    };
    get(0, in.task, &in.task_at);
    get(1, in.quantity, &in.quantity_at);
    get(2, in.year, &in.year_at);
    get(3, in.date, &in.date_at);
    get(4, in.by, nullptr);
    get(5, in.note, nullptr);
    get(6, in.evidence, nullptr);
    get(7, in.amount, &in.amount_at);
    get(8, in.source, &in.source_at);
    get(9, in.cost, &in.cost_at);
    get(10, in.participant, nullptr);
    if (!in.amount.empty() && !in.quantity.empty()) {
      sink.error("csv-row", in.amount_at, "this row has both a quantity and an amount").fix =
          "write progress and payments on separate rows";
      continue;
    }
    if (in.amount.empty() && (!in.source.empty() || !in.cost.empty() || !in.participant.empty())) {
      SourcePos at = !in.source.empty() ? in.source_at : !in.cost.empty() ? in.cost_at : row_start;
      sink.error("csv-row", at,
                 "source, cost and participant belong to payments, and this row has "
                 "no amount")
          .fix = "give the amount paid, or leave those fields empty on a progress row";
      continue;
    }
    row(std::move(in));
    ++out;
  }
  return out;
}

}  // namespace plantrack
