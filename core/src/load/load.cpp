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

}  // namespace

LoadResult load_plan_text(std::string text, const std::string& path) {
  LoadResult result;
  DiagnosticSink sink(path);
  bool parsed_ok = false;
  {
    toml::table parsed;  // toml++ built with exceptions: parse() returns the table
    try {
      parsed = toml::parse(std::string_view(text), std::string_view(path));
      parsed_ok = true;
    } catch (const toml::parse_error& e) {
      Diagnostic& d =
          sink.error("syntax", load::position_of(e.source()), syntax_message(e.description()));
      d.fix = "correct the TOML at the caret (TOML 1.0: https://toml.io/en/v1.0.0)";
    }
    if (parsed_ok) result.plan = load::read_plan(parsed, sink);
  }  // the TOML document is freed before the plan checks run
  if (parsed_ok) check_plan(result.plan, sink);
  result.diagnostics = sink.take_sorted();
  result.source = SourceText(path, std::move(text));
  return result;
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
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return io_error(path, "cannot read the plan: permission denied",
                    "check the file's permissions (ls -l)");
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return io_error(path, "cannot read the plan: read error", "check the disk and the file");
  }
  return load_plan_text(std::move(text), path);
}

}  // namespace plantrack
