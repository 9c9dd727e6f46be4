#include <catch2/catch.hpp>

#include "plantrack/diagnostic.hpp"

using namespace plantrack;

TEST_CASE("text rendering shows location, source line, caret, why, fix and notes", "[diag]") {
  SourceText src("p.toml", "a = 1\ntitel = \"x\"\n");
  DiagnosticSink sink("p.toml");
  Diagnostic& d = sink.error("unknown-key", {2, 1}, "unknown key \"titel\" in [[task]]");
  d.why = "because";
  d.fix = "did you mean \"title\"?";
  d.notes.push_back(Note{{1, 5}, "see here"});
  CHECK(render_text(sink.take_sorted(), src) ==
        "p.toml:2:1: error: unknown key \"titel\" in [[task]]\n"
        "  2 | titel = \"x\"\n"
        "    | ^\n"
        "  why: because\n"
        "  fix: did you mean \"title\"?\n"
        "p.toml:1:5: note: see here\n"
        "  1 | a = 1\n"
        "    |     ^\n");
}

TEST_CASE("the caret counts code points, tabs and invalid bytes stay one column", "[diag]") {
  SourceText src("p.toml", "x = \"Bình\"\t\xff y\n");
  DiagnosticSink sink("p.toml");
  sink.warning("w", {1, 13}, "here");
  std::string out = render_text(sink.take_sorted(), src);
  CHECK(out ==
        "p.toml:1:13: warning: here\n"
        "  1 | x = \"Bình\" \xEF\xBF\xBD y\n"
        "    |             ^\n");
}

TEST_CASE("very long lines are cut around the caret", "[diag]") {
  std::string line(1000, 'a');
  SourceText src("p.toml", line);
  DiagnosticSink sink("p.toml");
  sink.error("e", {1, 900}, "far right");
  std::string out = render_text(sink.take_sorted(), src);
  CHECK(out.size() < 400);
  CHECK(out.find("  1 | ...") != std::string::npos);
  CHECK(out.find(std::string(63, ' ') + "^") != std::string::npos);
}

TEST_CASE("diagnostics sort by position, keeping report order for ties", "[diag]") {
  DiagnosticSink sink("p.toml");
  sink.error("b", {3, 1}, "third");
  sink.error("a", {1, 1}, "first");
  sink.warning("c", {3, 1}, "fourth");
  auto sorted = sink.take_sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].code == "a");
  CHECK(sorted[1].code == "b");
  CHECK(sorted[2].code == "c");
  CHECK(count_errors(sorted) == 2);
  CHECK(count_warnings(sorted) == 1);
}

TEST_CASE("JSON rendering carries every field", "[diag]") {
  DiagnosticSink sink("p.toml");
  sink.error("missing-key", {4, 2}, "missing \"id\"").fix = "add id";
  std::string json = render_json(sink.take_sorted());
  CHECK(json.find("\"file\": \"p.toml\"") != std::string::npos);
  CHECK(json.find("\"line\": 4") != std::string::npos);
  CHECK(json.find("\"column\": 2") != std::string::npos);
  CHECK(json.find("\"severity\": \"error\"") != std::string::npos);
  CHECK(json.find("\"code\": \"missing-key\"") != std::string::npos);
  CHECK(json.find("\"fix\": \"add id\"") != std::string::npos);
  CHECK(render_json({}) == "[]\n");
}

TEST_CASE("source lines are found by number, CRLF trimmed", "[diag]") {
  SourceText src("p.toml", "one\r\ntwo\nthree");
  CHECK(src.line(1) == "one");
  CHECK(src.line(2) == "two");
  CHECK(src.line(3) == "three");
  CHECK(src.line(4).empty());
  CHECK(src.line(0).empty());
}
