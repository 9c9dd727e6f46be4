#pragma once
/// Diagnostics: what is wrong with an input, where, why and how to fix it.
///
/// User mistakes are data, not exceptions. Loaders and checks append Diagnostic values; the CLI
/// renders them as text (with the source line and a caret) or JSON.
///
/// Example:
///   plantrack::SourceText src{"plan.toml", text};
///   std::cerr << plantrack::render_text(diagnostics, src);
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/severity.hpp"

namespace plantrack {

/// A secondary location explaining a diagnostic, e.g. "first defined here".
struct Note {
  SourcePos where;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::kError;
  /// Stable machine-readable identifier, e.g. "unknown-key" (listed in docs/diagnostics.md).
  std::string code;
  /// What is wrong: lower case, names in double quotes.
  std::string message;
  std::string file;
  SourcePos where;
  std::string why;
  std::string fix;
  std::vector<Note> notes;
};

/// Collects diagnostics for one file.
class PLANTRACK_API DiagnosticSink {
 public:
  explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}
  Diagnostic& error(std::string code, SourcePos where, std::string message);
  Diagnostic& warning(std::string code, SourcePos where, std::string message);
  const std::string& file() const { return file_; }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
  /// Errors reported so far (kept as a count: batch checks ask after every row).
  std::size_t error_count() const { return errors_; }
  /// Sorts by position (stable: equal positions keep the order they were reported in) and returns
  /// them.
  std::vector<Diagnostic> take_sorted();

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
  std::size_t errors_ = 0;
};

/// The text of a source file, with lines found on demand for rendering.
class PLANTRACK_API SourceText {
 public:
  SourceText() = default;
  SourceText(std::string path, std::string text);
  /// The text of a file, read only when a line is first asked for (rendering diagnostics); a file
  /// that cannot be read then shows no source lines.
  static SourceText from_file(std::string path);
  const std::string& path() const { return path_; }
  const std::string& text() const;
  /// The 1-based line without its line ending; empty when out of range.
  std::string_view line(std::uint32_t number) const;

 private:
  void index_lines() const;

  std::string path_;
  mutable std::string text_;
  mutable bool unread_ = false;
  mutable std::vector<std::size_t> line_starts_;
};

PLANTRACK_API std::size_t count_errors(const std::vector<Diagnostic>& diagnostics);
PLANTRACK_API std::size_t count_warnings(const std::vector<Diagnostic>& diagnostics);

/// `path:line:col: error: what`, the source line with a caret, then `why:`/`fix:` and notes.
PLANTRACK_API std::string render_text(const std::vector<Diagnostic>& diagnostics,
                                      const SourceText& source);
/// Like render_text, but at most `max_per_kind` diagnostics of each (severity, code) are shown, and
/// each kind with more ends in one line saying how many more there were: a million-row import
/// with a warning per row prints a screenful, not a million.
PLANTRACK_API std::string render_text(const std::vector<Diagnostic>& diagnostics,
                                      const SourceText& source, std::size_t max_per_kind);
/// A JSON array of {file, line, column, severity, code, message, why, fix, notes}.
PLANTRACK_API std::string render_json(const std::vector<Diagnostic>& diagnostics);

/// The candidate closest to `word` by edit distance, if close enough to be a plausible typo (at
/// most a third of its length; a word longer than 64 bytes gets none). Candidates whose length
/// differs by more than that are skipped and each distance gives up past it: for short lists
/// (keys, commands); many words against many ids go through a Suggester.
PLANTRACK_API std::string suggest(std::string_view word,
                                  const std::vector<std::string_view>& candidates);

/// Suggestions for many words among many ids (unknown references in a 100k-task plan). A word one
/// edit from an id finds it through an index of the ids' one-deletion variants, without a scan;
/// farther matches are looked for among the ids of nearby lengths, within a budget of distance
/// computations shared by all words, so 20,000 unknown references cost about as much as a few.
/// Gives what suggest() gives, except past the budget. The candidates must outlive it.
class PLANTRACK_API Suggester {
 public:
  explicit Suggester(std::vector<std::string_view> candidates);
  std::string suggest(std::string_view word) const;
  /// Distances computed so far (for tests of the bounds).
  std::size_t comparisons() const { return comparisons_; }

 private:
  void build_index() const;

  std::vector<std::string_view> candidates_;           // sorted
  std::vector<std::vector<std::uint32_t>> by_length_;  // candidate indices by length
  mutable std::vector<std::pair<std::uint64_t, std::uint32_t>> index_;  // deletion hash -> id
  mutable bool indexed_ = false;
  mutable std::size_t budget_ = 200'000;
  mutable std::size_t comparisons_ = 0;
};

/// Levenshtein distance (insert, delete, substitute; also an adjacent swap counts as one).
PLANTRACK_API std::size_t edit_distance(std::string_view a, std::string_view b);
/// The same, or `max_distance` + 1 as soon as it is known to be larger (banded, early exit).
PLANTRACK_API std::size_t edit_distance(std::string_view a, std::string_view b,
                                        std::size_t max_distance);

}  // namespace plantrack
