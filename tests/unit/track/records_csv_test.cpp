#include <catch2/catch.hpp>

#include "plantrack/recording.hpp"

using namespace plantrack;

TEST_CASE("CSV records: header in any order, quotes, BOM, positions", "[track][csv]") {
  DiagnosticSink sink("u.csv");
  std::string text =
      "\xEF\xBB\xBFquantity,task,note\n"
      "5,posters,\"Báo cáo, mục 2.1\"\n"
      "\n"
      "3,classes,\"two\nlines, \"\"quoted\"\"\"\r\n"
      "7,articles,\n";
  std::vector<RecordInput> rows = parse_records_csv(text, sink);
  REQUIRE(sink.diagnostics().empty());
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].task == "posters");
  CHECK(rows[0].quantity == "5");
  CHECK(rows[0].note == "Báo cáo, mục 2.1");
  CHECK(rows[0].task_at == SourcePos{2, 3});
  CHECK(rows[1].note == "two\nlines, \"quoted\"");
  CHECK(rows[2].task_at == SourcePos{6, 3});
  CHECK(rows[2].note.empty());
}

TEST_CASE("CSV problems are reported at row and column", "[track][csv]") {
  DiagnosticSink sink("u.csv");
  parse_records_csv("task,quantty\n", sink);
  REQUIRE(sink.diagnostics().size() == 2);
  CHECK(sink.diagnostics()[0].message == "unknown column \"quantty\"");
  CHECK(sink.diagnostics()[0].fix == "did you mean \"quantity\"?");
  CHECK(sink.diagnostics()[0].where == SourcePos{1, 6});

  DiagnosticSink unclosed("u.csv");
  parse_records_csv("task,quantity\nposters,\"5\n", unclosed);
  REQUIRE(unclosed.diagnostics().size() == 1);
  CHECK(unclosed.diagnostics()[0].message == "a quoted field is never closed");
  CHECK(unclosed.diagnostics()[0].where == SourcePos{2, 9});

  DiagnosticSink trailing("u.csv");
  parse_records_csv("task,quantity\n\"posters\"x,5\n", trailing);
  REQUIRE(trailing.diagnostics().size() == 1);
  CHECK(trailing.diagnostics()[0].message == "unexpected text after a quoted field");
  CHECK(trailing.diagnostics()[0].where == SourcePos{2, 10});

  DiagnosticSink empty("u.csv");
  parse_records_csv("", empty);
  CHECK(empty.diagnostics()[0].message == "the file is empty: no header row");

  DiagnosticSink extra("u.csv");
  parse_records_csv("task,quantity\nposters,5,oops\n", extra);
  CHECK(extra.diagnostics()[0].message == "this row has more fields than the header");
}

TEST_CASE("CSV cells that are not UTF-8 are refused at their row and column", "[track][csv]") {
  DiagnosticSink sink("u.csv");
  std::vector<RecordInput> rows =
      parse_records_csv("task,quantity,note\nposters,5,ok\nposters,6,\"x\xE9y\"\n", sink);
  CHECK(rows.size() == 1);
  REQUIRE(sink.diagnostics().size() == 1);
  const Diagnostic& d = sink.diagnostics()[0];
  CHECK(d.code == "bad-text");
  CHECK(d.message == "column \"note\" is not UTF-8 text (byte 0xE9 after \"x\")");
  CHECK(d.where == SourcePos{3, 11});
}
