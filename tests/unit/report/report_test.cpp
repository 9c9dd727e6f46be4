// The report's content from the flagship plan and the progress its 2014 report gives.
#include <catch2/catch.hpp>

#include "../test_plans.hpp"
#include "plantrack/read_file.hpp"
#include "plantrack/recording.hpp"
#include "plantrack/sdk/report.hpp"

using namespace plantrack;

namespace {

report::Options options(std::string lang, std::string revision = {}) {
  report::Options o;
  o.lang = std::move(lang);
  o.revision = std::move(revision);
  return o;
}

const std::string kFlagship =
    PLANTRACK_SOURCE_DIR "/workflows/binh-duong-cleaner-production-2012-2015";

// The flagship's status as of the report's date, from its progress CSV.
PlanStatus flagship_status(const Plan& plan) {
  DiagnosticSink sink("progress.csv");
  std::vector<RecordInput> rows = parse_records_csv(*read_file(kFlagship + ".progress.csv"), sink);
  Date day{2014, 10, 24};
  Recorder recorder(plan, derive_status(plan, {}, day), day);
  std::vector<Event> events;
  for (const RecordInput& row : rows) {
    Event e;
    static_cast<NewEvent&>(e) = *recorder.record(row, sink);
    e.id = static_cast<std::int64_t>(events.size() + 1);
    events.push_back(e);
  }
  REQUIRE(sink.error_count() == 0);
  return derive_status(plan, events, day);
}

const report::Table& table(const report::Document& d, const std::string& name) {
  for (const report::Table* t : d.tables()) {
    if (t->name == name) return *t;
  }
  FAIL("no table " + name);
  throw;
}

std::string text_of(const report::Document& d) {
  std::string out = d.title + "\n";
  for (const report::Section& s : d.sections) {
    out += s.heading + "\n";
    for (const report::Block& b : s.body) {
      out += b.text + "\n";
      for (const std::string& i : b.items) out += i + "\n";
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the flagship's report carries the seed's figures", "[report]") {
  LoadResult r = load_plan_file(kFlagship + ".toml");
  REQUIRE(r.ok());
  PlanStatus status = flagship_status(r.plan);
  report::Document d = report::build(sdk::View{r.plan, &status}, options("vi"));
  const report::Table& w = table(d, "workload");
  REQUIRE(w.rows.size() == 7);
  std::vector<std::string> quantities, units;
  for (const auto& row : w.rows) quantities.push_back(row[3]), units.push_back(row[2]);
  CHECK(quantities == std::vector<std::string>{"2", "30", "5.000", "6", "15", "02", "01"});
  CHECK(units == std::vector<std::string>{"Phóng sự", "Bài", "Tờ", "Lớp", "DN", "DN", "Đề tài"});
  CHECK(w.rows[0][0] == "01");
  CHECK(w.rows[1][4] == "Năm 2011, 2013, 2014");
  std::string text = text_of(d);
  CHECK_THAT(text,
             Catch::Contains("Vốn ngân sách nhà nước thực hiện Chương trình: 1.023.600.000 đồng "
                             "(Trong đó: Vốn Trung ương là 123.000.000 đồng, vốn địa phương là "
                             "900.600.000 đồng)."));
  CHECK_THAT(text,
             Catch::Contains("Bằng chữ: Một tỷ không trăm hai mươi ba triệu sáu trăm nghìn đồng."));
  CHECK_THAT(text, Catch::Contains("4. Các hoạt động lồng ghép: Không"));
  CHECK_THAT(text, Catch::Contains("Vốn hợp tác quốc tế: 0 đồng."));
  const report::Table& p = table(d, "participants");
  REQUIRE(p.rows.size() == 1);
  CHECK(p.rows[0] == std::vector<std::string>{"1", "Công ty TNHH gỗ KimThành A", "Chế biến gỗ",
                                              "Đánh giá nhanh", "2011"});
}

TEST_CASE("English, one year, and the regional words of the plan", "[report]") {
  LoadResult r = test::load(test::task("posters", "awareness", 5000, "years = [2013]\n") +
                            test::task("articles", "awareness", 30, "years = [2013, 2014]\n") +
                            "\n[[funding]]\nid = \"local\"\nkind = \"local\"\ntitle = \"Local\"\n"
                            "amount = 105_024_000\n"
                            "\n[[total]]\nid = \"state\"\ntitle = \"State budget\"\n"
                            "sources = [\"local\"]\namount = 105_024_000\n"
                            "\n[report]\nlinh = \"lẻ\"\nnghin = \"ngàn\"\nbon = \"tư\"\n");
  REQUIRE(r.ok());
  PlanStatus status = derive_status(r.plan, {}, StatusScope{Date{2014, 12, 31}, year_period(2014)});
  report::Document en = report::build(sdk::View{r.plan, &status}, options("en"));
  const report::Table& w = table(en, "workload");
  REQUIRE(w.rows.size() == 1);  // posters are planned in 2013 only
  CHECK(w.rows[0][1] == "articles");
  CHECK(w.rows[0][5] == "15");  // Task::target_in: 30 spread over 2013 and 2014
  CHECK(w.rows[0][6] == "0%");
  CHECK_THAT(text_of(en),
             Catch::Contains("In words: One hundred five million twenty-four thousand dong."));
  report::Document vi = report::build(sdk::View{r.plan, &status}, options("vi"));
  CHECK_THAT(text_of(vi),
             Catch::Contains("Bằng chữ: Một trăm lẻ năm triệu không trăm hai mươi tư ngàn đồng."));
}

TEST_CASE("the [report] table refuses a word it does not know", "[report][load]") {
  LoadResult r = test::load("\n[report]\nlinh = \"le\"\n");
  CHECK_FALSE(r.ok());
  CHECK(test::codes(r) == "bad-value");
}

TEST_CASE("the report names the approving decision and its amendments; the revision is a note",
          "[report]") {
  std::string amendment =
      "\n[[amendment]]\ndecision = \"QĐ 512/QĐ-UBND\"\ndate = 2014-06-01\n"
      "summary = \"thêm 2 lớp tập huấn\"\n";
  LoadResult r = test::load(test::task("a", "awareness", 5) + amendment);
  REQUIRE(r.ok());
  PlanStatus status = derive_status(r.plan, {}, Date{2014, 12, 31});
  report::Document d = report::build(sdk::View{r.plan, &status}, options("vi", "0123456789abcdef"));
  REQUIRE(d.preamble.size() == 2);
  CHECK(d.preamble[0] ==
        "Kế hoạch được điều chỉnh theo QĐ 512/QĐ-UBND ngày 01/06/2014 (thêm 2 lớp tập huấn).");
  CHECK(d.preamble[1] == "Sổ theo dõi tiến độ chưa ghi nhận số liệu nào.");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] == "Số liệu tính theo bản kế hoạch có mã SHA-256 0123456789abcdef.");

  std::string plan = test::kHeader + test::task("a", "awareness", 5) + amendment;
  plan.insert(plan.find("[plan]") + 7,
              "approved = { decision = \"Quyết định số 366/QĐ-UBND\", date = 2012-02-15, "
              "by = \"Ủy ban nhân dân tỉnh Bình Dương\" }\n");
  LoadResult approved = load_plan_text(plan, "t.toml");
  REQUIRE(approved.ok());
  status.log_event = 12;
  status.log_recorded_at = "2014-10-24T08:30:00Z";
  d = report::build(sdk::View{approved.plan, &status}, options("vi", ""));
  REQUIRE(d.preamble.size() == 2);
  CHECK(d.preamble[0] ==
        "Kế hoạch được phê duyệt theo Quyết định số 366/QĐ-UBND ngày 15/02/2012 của Ủy ban nhân "
        "dân tỉnh Bình Dương, được điều chỉnh theo QĐ 512/QĐ-UBND ngày 01/06/2014 (thêm 2 lớp "
        "tập huấn).");
  CHECK(d.preamble[1] ==
        "Số liệu theo sổ theo dõi tiến độ như đã ghi nhận đến 08:30:00 UTC ngày 24/10/2014 (bản "
        "ghi số 12).");
  CHECK(d.notes.empty());
  d = report::build(sdk::View{approved.plan, &status}, options("en", ""));
  CHECK(d.preamble[0] ==
        "The plan was approved by Quyết định số 366/QĐ-UBND of 2012-02-15 of Ủy ban nhân dân tỉnh "
        "Bình Dương, and amended by QĐ 512/QĐ-UBND of 2014-06-01 (thêm 2 lớp tập huấn).");
  CHECK(d.preamble[1] ==
        "Figures as the progress log knew them at 2014-10-24T08:30:00Z (through event 12).");
}
