// CSV of progress records (RFC 4180): header, quoting with "", newlines inside quotes, UTF-8 BOM.
#include <iconv.h>
#include <algorithm>
#include <array>

#include "plantrack/i18n.hpp"
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
  CsvReader(const std::string& text, char separator) : text_(text), separator_(separator) {
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
        while (i_ < text_.size() && peek() != separator_ && peek() != '\n' && peek() != '\r') {
          take(field);
        }
      }
      record.push_back(std::move(field));
      if (i_ < text_.size() && peek() == separator_) {
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
        sink.error("csv-syntax", start, tr("a quoted field is never closed")).fix =
            tr("end the field with a double quote; write a quote inside a field as \"\"");
        return false;
      }
      if (peek() == '"') {
        advance();
        if (i_ < text_.size() && peek() == '"') {
          field.text += '"';
          advance();
          continue;
        }
        if (i_ < text_.size() && peek() != separator_ && peek() != '\n' && peek() != '\r') {
          sink.error("csv-syntax", SourcePos{line_, column_},
                     tr("unexpected text after a quoted field"))
              .fix = separator_ == ';'
                         ? tr("put a semicolon after the closing quote, or quote the whole field")
                         : tr("put a comma after the closing quote, or quote the whole field");
          return false;
        }
        return true;
      }
      take(field);
    }
  }

  const std::string& text_;
  char separator_;
  std::size_t i_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
};

constexpr std::array<std::string_view, 11> kColumns = {"task",   "quantity", "year",       "date",
                                                       "by",     "note",     "evidence",   "amount",
                                                       "source", "cost",     "participant"};
// The same columns as a Vietnamese office heads them (compared folded: case, accents' encoding
// and spaces do not matter).
constexpr std::array<std::string_view, 11> kVietnameseColumns = {
    "công việc",  "số lượng", "năm",   "ngày",    "người báo cáo",  "ghi chú",
    "minh chứng", "số tiền",  "nguồn", "chi phí", "đơn vị tham gia"};
constexpr const char* kHeader =
    "task,quantity,year,date,by,note,evidence (payments: amount,source,cost,participant)";

// The column a header cell names, English or Vietnamese; kColumns.size() when none.
std::size_t column_named(const std::string& cell) {
  std::string folded = fold_name(cell);
  for (std::size_t k = 0; k < kColumns.size(); ++k) {
    if (folded == kColumns[k] || folded == kVietnameseColumns[k]) return k;
  }
  return kColumns.size();
}

// Excel with Vietnamese regional settings separates fields with ';': a header line with a ';'
// and no ',' (outside quotes) is read so.
char separator_of(std::string_view text) {
  bool quoted = false, semicolon = false;
  for (char c : text.substr(0, text.find('\n'))) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ',') return ',';
    if (c == ';') semicolon = true;
  }
  return semicolon ? ';' : ',';
}

// Whether bytes that are not UTF-8 read as Vietnamese in Windows-1258: they convert, and the
// result has letters only Vietnamese writes (ơ ư đ ă, or a tone mark).
bool looks_like_cp1258(const std::string& bytes) {
  std::optional<std::string> text = convert_with_iconv(bytes, "CP1258");
  if (!text) return false;
  for (std::string_view mark : {"\xC6\xA1", "\xC6\xB0", "\xC4\x91", "\xC4\x83", "\xC6\xA0",
                                "\xC6\xAF", "\xC4\x90", "\xC4\x82", "\xE1\xBA", "\xE1\xBB",
                                "\xCC\x80", "\xCC\x81", "\xCC\x83", "\xCC\x89", "\xCC\xA3"}) {
    if (text->find(mark) != std::string::npos) return true;
  }
  return false;
}

// Where byte `at` of `text` is: line, and column in characters as valid_utf8() shows them (each
// byte that is not UTF-8 one U+FFFD).
SourcePos position_of_byte(std::string_view text, std::size_t at) {
  SourcePos pos{1, 1};
  for (std::size_t i = 0; i < at && i < text.size();) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
    std::size_t length = utf8_sequence_at(text, i);
    i += length ? length : 1;
  }
  return pos;
}

}  // namespace

std::optional<std::string> convert_with_iconv(const std::string& bytes, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() * 3 + 16, '\0');  // at most three UTF-8 bytes a character here
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  std::size_t done = iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  if (done == static_cast<std::size_t>(-1)) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

const std::vector<std::string>& csv_encodings() {
  static const std::vector<std::string> names = {"utf-8", "cp1258"};
  return names;
}

bool decode_csv(std::string& bytes, std::string_view encoding, DiagnosticSink& sink) {
  std::string name = fold_name(encoding);
  if (name == "cp1258" || name == "windows-1258") {
    std::optional<std::string> text = convert_with_iconv(bytes, "CP1258");
    if (!text) {
      sink.error("csv-encoding", {}, tr("the file cannot be read as Windows-1258 (cp1258)")).fix =
          tr("save it from Excel as \"CSV UTF-8 (Comma delimited)\" and import it without "
             "--encoding");
      return false;
    }
    bytes = to_nfc(*text);
    return true;
  }
  if (!name.empty() && name != "utf-8" && name != "utf8") {
    std::string list;
    for (const std::string& known : csv_encodings()) list += (list.empty() ? "" : ", ") + known;
    sink.error("csv-encoding", {},
               tr("unknown encoding \"{encoding}\"", {{"encoding", std::string(encoding)}}))
        .fix = tr("use one of: {encodings}", {{"encodings", list}});
    return false;
  }
  std::optional<std::size_t> bad = first_invalid_utf8(bytes);
  if (bad && looks_like_cp1258(bytes)) {
    Diagnostic& d = sink.error("csv-encoding", position_of_byte(bytes, *bad),
                               tr("the file is not UTF-8: it looks like Windows-1258 (cp1258)"));
    d.why =
        tr("Excel writes \"CSV (Comma delimited)\" in the Windows code page, Windows-1258 on "
           "a Vietnamese Windows");
    d.fix =
        tr("import it with --encoding cp1258, or save it from Excel as \"CSV UTF-8 (Comma "
           "delimited)\"");
    return false;
  }
  // Other bytes that are not UTF-8 are refused at their cells (parse_records_csv).
  bytes = to_nfc(bytes);
  return true;
}

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
  char separator = separator_of(text);
  CsvReader reader(text, separator);
  std::vector<Field> record;
  if (!reader.next(record, sink)) {
    sink.error("csv-header", SourcePos{1, 1}, tr("the file is empty: no header row")).fix =
        tr("start with the header: {header}", {{"header", kHeader}});
    return out;
  }
  std::array<int, kColumns.size()> column_of{};
  column_of.fill(-1);
  for (std::size_t c = 0; c < record.size(); ++c) {
    const std::string& name = record[c].text;
    std::size_t k = column_named(name);
    if (k == kColumns.size()) {
      Diagnostic& d = sink.error("csv-header", record[c].at,
                                 tr("unknown column \"{column}\"", {{"column", valid_utf8(name)}}));
      std::vector<std::string_view> names(kColumns.begin(), kColumns.end());
      names.insert(names.end(), kVietnameseColumns.begin(), kVietnameseColumns.end());
      std::string hint = suggest(fold_name(name), names);
      d.fix = hint.empty() ? tr("the columns are: {columns}", {{"columns", kHeader}})
                           : tr("did you mean \"{name}\"?", {{"name", hint}});
      if (name.find(';') != std::string::npos || name.find('\t') != std::string::npos) {
        d.why =
            tr("the header has no comma; only a header with a semicolon and no comma is read "
               "as separated by semicolons");
      }
      continue;
    }
    column_of[k] = static_cast<int>(c);
  }
  if (column_of[0] < 0) {
    sink.error("csv-header", SourcePos{1, 1}, tr("the header has no \"task\" column")).fix =
        tr("start with the header: {header}", {{"header", kHeader}});
  }
  if (column_of[1] < 0 && column_of[7] < 0) {
    sink.error("csv-header", SourcePos{1, 1},
               tr("the header has neither a \"quantity\" nor an \"amount\" column"))
        .fix = tr("progress rows need quantity; payments need amount and source");
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
      sink.error("csv-row", record.back().at, tr("this row has more fields than the header")).fix =
          separator == ';' ? tr("quote fields that contain semicolons: \"one; two\"")
                           : tr("quote fields that contain commas: \"one, two\"");
      continue;
    }
    // Text that is not UTF-8 is refused at its cell (stored, no reader could show it).
    bool valid = true;
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      const Field* f = field(k);
      if (!f || !first_invalid_utf8(f->text)) continue;
      std::string name = tr("column \"{column}\"", {{"column", kColumns[k]}});
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
      sink.error("csv-row", in.amount_at, tr("this row has both a quantity and an amount")).fix =
          tr("write progress and payments on separate rows");
      continue;
    }
    if (in.amount.empty() && (!in.source.empty() || !in.cost.empty() || !in.participant.empty())) {
      SourcePos at = !in.source.empty() ? in.source_at : !in.cost.empty() ? in.cost_at : row_start;
      sink.error("csv-row", at,
                 tr("source, cost and participant belong to payments, and this row has no amount"))
          .fix = tr("give the amount paid, or leave those fields empty on a progress row");
      continue;
    }
    row(std::move(in));
    ++out;
  }
  return out;
}

}  // namespace plantrack
