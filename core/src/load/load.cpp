#include <toml++/toml.h>
#include <algorithm>

#include "nesting.hpp"
#include "office_style.hpp"
#include "plan_reader.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/load.hpp"
#include "plantrack/read_file.hpp"
#include "table_reader.hpp"

namespace plantrack {
namespace {

// toml++ says "Error while parsing key-value pair: expected ..."; we say what, lower case.
std::string syntax_message(std::string_view description) {
  constexpr std::string_view kPrefix = "Error while parsing ";
  if (description.substr(0, kPrefix.size()) == kPrefix) {
    std::string_view rest = description.substr(kPrefix.size());
    std::size_t colon = rest.find(": ");
    if (colon != std::string_view::npos) {
      return tr("invalid TOML: {problem} (in {part})",
                {{"problem", rest.substr(colon + 2)}, {"part", rest.substr(0, colon)}});
    }
  }
  std::string text(description);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return tr("invalid TOML: {problem}", {{"problem", text}});
}

LoadResult io_error(const std::string& path, std::string message, std::string fix) {
  LoadResult result;
  result.source = SourceText(path, {});
  DiagnosticSink sink(path);
  sink.error("io", {}, std::move(message)).fix = std::move(fix);
  result.diagnostics = sink.take_sorted();
  return result;
}

// Parses with `parse` (which may throw toml::parse_error), reads the model and checks it. `source`
// is taken by reference and moved into the result only at the end: `parse` may be reading it.
template <typename Parse>
LoadResult load_with(Parse parse, const std::string& path, SourceText&& source) {
  LoadResult result;
  DiagnosticSink sink(path);
  bool parsed = false;
  {
    toml::table document;
    try {
      document = parse();
      parsed = true;
    } catch (const toml::parse_error& e) {
      SourcePos at = load::position_of(e.source());
      if (std::optional<Diagnostic> office =
              load::office_style_value(source.line(at.line), at.line, at.column)) {
        Diagnostic& d = sink.error(office->code, office->where, office->message);
        d.why = std::move(office->why);
        d.fix = std::move(office->fix);
      } else {
        Diagnostic& d = sink.error("syntax", at, syntax_message(e.description()));
        d.fix = tr("correct the TOML at the caret (TOML 1.0: https://toml.io/en/v1.0.0)");
      }
    }
    if (parsed) result.plan = load::read_plan(document, sink);
  }  // what is left of the document is freed before the checks
  if (parsed) check_plan(result.plan, sink);  // a syntax error leaves nothing worth checking
  result.diagnostics = sink.take_sorted();
  result.source = std::move(source);
  return result;
}

}  // namespace

LoadResult load_plan_text(std::string text, const std::string& path) {
  SourceText source(path, std::move(text));
  if (std::optional<SourcePos> deep = load::too_deep(source.text())) {
    // toml++ recurses once per level: refused before it parses.
    LoadResult result;
    DiagnosticSink sink(path);
    Diagnostic& d = sink.error(
        "too-deep", *deep, tr("keys nested deeper than {n} levels", {{"n", load::kMaxNesting}}));
    d.why = tr("a plan nests a few levels (a table, an array of tables, a dotted key)");
    d.fix = tr("flatten the keys and tables here");
    result.diagnostics = sink.take_sorted();
    result.source = std::move(source);
    return result;
  }
  return load_with(
      [&] { return toml::parse(std::string_view(source.text()), std::string_view(path)); }, path,
      std::move(source));
}

std::string stated_locale(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  bool in_plan = false;  // inside the [plan] table
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    line.remove_prefix(first);
    if (line[0] == '[') {
      std::size_t close = line.find(']');
      std::string_view header = line.substr(0, close == std::string_view::npos ? 0 : close + 1);
      if (in_plan && header != "[plan]") break;  // [plan] ended without a locale
      in_plan = header == "[plan]";
      continue;
    }
    if (!in_plan || line.substr(0, 6) != "locale") continue;
    line.remove_prefix(6);
    line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
    if (line.empty() || line[0] != '=') continue;
    line.remove_prefix(1);
    line.remove_prefix(std::min(line.find_first_not_of(" \t"), line.size()));
    if (line.empty() || (line[0] != '"' && line[0] != '\'')) continue;
    std::size_t close = line.find(line[0], 1);
    if (close == std::string_view::npos) continue;
    return std::string(line.substr(1, close - 1));
  }
  return {};
}

LoadResult load_plan_file(const std::string& path) {
  FileRead file = read_input_file(path, kMaxPlanBytes);
  if (!file.bytes) {
    return io_error(path, tr("cannot read the plan: {reason}", {{"reason", file.reason}}),
                    file.fix);
  }
  return load_plan_text(std::move(*file.bytes), path);
}

}  // namespace plantrack
