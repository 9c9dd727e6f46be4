#include "plantrack/diagnostic.hpp"
#include "plantrack/read_file.hpp"

#include <algorithm>

namespace plantrack {

Diagnostic& DiagnosticSink::error(std::string code, SourcePos where, std::string message) {
  ++errors_;
  diagnostics_.push_back(
      Diagnostic{Severity::kError, std::move(code), std::move(message), file_, where, {}, {}, {}});
  return diagnostics_.back();
}

Diagnostic& DiagnosticSink::warning(std::string code, SourcePos where, std::string message) {
  Diagnostic& d = error(std::move(code), where, std::move(message));
  --errors_;
  d.severity = Severity::kWarning;
  return d;
}

std::vector<Diagnostic> DiagnosticSink::take_sorted() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.where < b.where; });
  errors_ = 0;
  return std::move(diagnostics_);
}

SourceText::SourceText(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {}

SourceText SourceText::from_file(std::string path) {
  SourceText source(std::move(path), {});
  source.unread_ = true;
  return source;
}

const std::string& SourceText::text() const {
  if (unread_) {
    unread_ = false;
    text_ = read_file(path_).value_or(std::string());
  }
  return text_;
}

void SourceText::index_lines() const {
  const std::string& all = text();
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::string_view SourceText::line(std::uint32_t number) const {
  if (line_starts_.empty()) index_lines();
  if (number == 0 || number > line_starts_.size()) return {};
  std::size_t begin = line_starts_[number - 1];
  std::size_t end = number < line_starts_.size() ? line_starts_[number] - 1 : text_.size();
  std::string_view view(text_.data() + begin, end - begin);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

namespace {
std::size_t count_severity(const std::vector<Diagnostic>& diagnostics, Severity severity) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [severity](const Diagnostic& d) { return d.severity == severity; }));
}
}  // namespace

std::size_t count_errors(const std::vector<Diagnostic>& diagnostics) {
  return count_severity(diagnostics, Severity::kError);
}

std::size_t count_warnings(const std::vector<Diagnostic>& diagnostics) {
  return count_severity(diagnostics, Severity::kWarning);
}

}  // namespace plantrack
