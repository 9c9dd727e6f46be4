#include <nlohmann/json.hpp>

#include <map>
#include <utility>

#include "plantrack/diagnostic.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/printable.hpp"

namespace plantrack {
namespace {

constexpr std::size_t kMaxShownColumns = 120;

std::size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 0;  // continuation byte or invalid lead
}

bool valid_sequence(std::string_view text, std::size_t at, std::size_t length) {
  if (length == 0 || at + length > text.size()) return false;
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[at + i]) >> 6) != 0x2) return false;
  }
  return true;
}

// Splits a line into code points, made safe to print: a tab becomes one space, other control
// characters and bidi overrides their visible escape (printable()), invalid UTF-8 U+FFFD. One
// element per column, as toml++ counts columns.
std::vector<std::string> printable_code_points(std::string_view line) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < line.size();) {
    auto lead = static_cast<unsigned char>(line[i]);
    std::size_t length = utf8_length(lead);
    if (!valid_sequence(line, i, length)) {
      out.emplace_back("\xEF\xBF\xBD");
      ++i;
      continue;
    }
    out.push_back(lead == '\t' ? std::string(" ") : printable(line.substr(i, length)));
    i += length;
  }
  return out;
}

// How many columns an element of printable_code_points takes: one, or an escape's length.
std::size_t columns(const std::string& point) {
  return point.size() > 1 && point[0] == '\\' ? point.size() : 1;
}

void render_excerpt(std::string& out, const SourceText& source, SourcePos where) {
  std::string_view line = source.line(where.line);
  std::vector<std::string> points = printable_code_points(line);
  std::size_t caret = where.column > 0 ? where.column - 1 : 0;
  std::size_t first = 0;
  std::string prefix;
  if (caret >= kMaxShownColumns) {
    first = caret - kMaxShownColumns / 2;
    prefix = "...";
  }
  std::size_t last = std::min(points.size(), first + kMaxShownColumns);
  std::string number = std::to_string(where.line);
  std::string gutter(number.size(), ' ');
  out += "  " + number + " | " + prefix;
  std::size_t indent = prefix.size();
  for (std::size_t i = first; i < last; ++i) {
    out += points[i];
    if (i < caret) indent += columns(points[i]);
  }
  if (last < points.size()) out += "...";
  if (caret > last) indent += caret - std::max(last, first);  // a caret past the end of the line
  out += "\n  " + gutter + " | " + std::string(indent, ' ') + "^\n";
}

void render_location(std::string& out, const std::string& file, SourcePos where) {
  append_printable(out, file);
  if (where.known()) out += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  out += ": ";
}

// One line of a diagnostic: messages quote plan text (ids, titles), which must not reach the
// terminal raw.
std::string printable_text(std::string_view text, LineBreaks breaks = LineBreaks::kNone) {
  std::string out;
  append_printable(out, text, breaks);
  return out;
}

}  // namespace

std::string render_text(const std::vector<Diagnostic>& diagnostics, const SourceText& source) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    render_location(out, d.file, d.where);
    // A message may hold lines of its own (a plugin's nested report); plan text in it is escaped
    // where it is quoted (control characters and bidi overrides never pass).
    std::string message = printable_text(d.message, LineBreaks::kAllowed);
    out += d.severity == Severity::kError     ? tr("error: {message}", {{"message", message}})
           : d.severity == Severity::kWarning ? tr("warning: {message}", {{"message", message}})
                                              : tr("note: {message}", {{"message", message}});
    out += '\n';
    if (d.where.known()) render_excerpt(out, source, d.where);
    if (!d.why.empty()) out += "  " + tr("why: {why}", {{"why", printable_text(d.why)}}) + "\n";
    if (!d.fix.empty()) out += "  " + tr("fix: {fix}", {{"fix", printable_text(d.fix)}}) + "\n";
    for (const Note& note : d.notes) {
      render_location(out, d.file, note.where);
      out += tr("note: {message}", {{"message", printable_text(note.message)}}) + "\n";
      if (note.where.known()) render_excerpt(out, source, note.where);
    }
  }
  return out;
}

std::string render_text(const std::vector<Diagnostic>& diagnostics, const SourceText& source,
                        std::size_t max_per_kind) {
  std::map<std::pair<Severity, std::string>, std::size_t> seen;
  std::vector<Diagnostic> shown;
  for (const Diagnostic& d : diagnostics) {
    if (++seen[{d.severity, d.code}] <= max_per_kind) shown.push_back(d);
  }
  std::string out = render_text(shown, source);
  for (const auto& [kind, count] : seen) {
    if (count <= max_per_kind) continue;
    std::uint64_t more = count - max_per_kind;
    std::initializer_list<Arg> args = {{"code", kind.second}, {"all", count}};
    out += kind.first == Severity::kError
               ? trn("... and {n} more error \"{code}\" like these ({all} in all)",
                     "... and {n} more errors \"{code}\" like these ({all} in all)", more, args)
           : kind.first == Severity::kWarning
               ? trn("... and {n} more warning \"{code}\" like these ({all} in all)",
                     "... and {n} more warnings \"{code}\" like these ({all} in all)", more, args)
               : trn("... and {n} more note \"{code}\" like these ({all} in all)",
                     "... and {n} more notes \"{code}\" like these ({all} in all)", more, args);
    out += "\n";
  }
  return out;
}

std::string render_json(const std::vector<Diagnostic>& diagnostics) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics) {
    nlohmann::ordered_json notes = nlohmann::ordered_json::array();
    for (const Note& note : d.notes) {
      notes.push_back(
          {{"line", note.where.line}, {"column", note.where.column}, {"message", note.message}});
    }
    array.push_back({{"file", d.file},
                     {"line", d.where.line},
                     {"column", d.where.column},
                     {"severity", d.severity == Severity::kError     ? "error"
                                  : d.severity == Severity::kWarning ? "warning"
                                                                     : "note"},
                     {"code", d.code},
                     {"message", d.message},
                     {"why", d.why},
                     {"fix", d.fix},
                     {"notes", notes}});
  }
  return array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace plantrack
