#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "plan_reader.hpp"
#include "plantrack/load.hpp"
#include "table_reader.hpp"

namespace plantrack {
namespace {

constexpr std::uintmax_t kMaxPlanBytes = 512ull * 1024 * 1024;

// toml++ says "Error while parsing key-value pair: expected ..."; we say what, lower case.
std::string syntax_message(std::string_view description) {
  constexpr std::string_view kPrefix = "Error while parsing ";
  if (description.substr(0, kPrefix.size()) == kPrefix) {
    std::string_view rest = description.substr(kPrefix.size());
    std::size_t colon = rest.find(": ");
    if (colon != std::string_view::npos) {
      return "invalid TOML: " + std::string(rest.substr(colon + 2)) + " (in " +
             std::string(rest.substr(0, colon)) + ")";
    }
  }
  std::string text(description);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return "invalid TOML: " + text;
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
      Diagnostic& d =
          sink.error("syntax", load::position_of(e.source()), syntax_message(e.description()));
      d.fix = "correct the TOML at the caret (TOML 1.0: https://toml.io/en/v1.0.0)";
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
  return load_with(
      [&] { return toml::parse(std::string_view(source.text()), std::string_view(path)); }, path,
      std::move(source));
}

LoadResult load_plan_file(const std::string& path) {
  std::error_code ec;
  std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return io_error(path, "cannot read the plan: no such file", "check the path and try again");
  }
  if (std::filesystem::is_directory(status)) {
    return io_error(path, "cannot read the plan: it is a directory",
                    "give the path of a .toml plan file inside it");
  }
  std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxPlanBytes) {
    return io_error(path,
                    "cannot read the plan: the file is " + std::to_string(size >> 20) +
                        " MiB, above the 512 MiB limit",
                    "split the programme into several plan files");
  }
  if (!std::ifstream(path, std::ios::binary)) {
    return io_error(path, "cannot read the plan: permission denied",
                    "check the file's permissions (ls -l)");
  }
  // toml++ reads small files whole and streams large ones; the text is read again only to show
  // source lines under diagnostics.
  return load_with([&] { return toml::parse_file(path); }, path, SourceText::from_file(path));
}

}  // namespace plantrack
