#include "plantrack/sdk/report.hpp"

#include <algorithm>
#include <array>

#include "plantrack/alerts.hpp"
#include "plantrack/money.hpp"
#include "plantrack/money_status.hpp"
#include "plantrack/utf8.hpp"

namespace plantrack::report {
namespace {

// The period is the programme's whole period (its years, no more and no fewer).
bool whole_programme(const PlanInfo& plan, const Period& p) {
  return p.kind == Period::Kind::kYears && p.first_year() == plan.period_start &&
         p.last_year() == plan.period_end;
}

std::string padded(std::int64_t value, int digits, NumberStyle style) {
  std::string text = format_figure(value, style);
  if (value >= 0 && static_cast<int>(text.size()) < digits) {
    text.insert(0, static_cast<std::size_t>(digits) - text.size(), '0');
  }
  return text;
}

class Builder {
 public:
  Builder(const sdk::View& view, const Options& options)
      : plan_(view.plan),
        status_(view.status),
        findings_(view.findings),
        o_(options),
        vi_(options.lang == "vi"),
        style_(number_style(options.lang)) {
    words_.linh_le = plan_.report.linh_le;
    words_.ngan = plan_.report.ngan;
    words_.tu_after_muoi = plan_.report.tu_after_muoi;
    words_.ti = plan_.report.ti;
  }

  Document build() {
    Document d;
    d.lang = vi_ ? "vi" : "en";
    // The document type in capitals, then the plan's title as its owner wrote it.
    d.title = vi_ ? "BÁO CÁO KẾT QUẢ THỰC HIỆN " + plan_.info.title
                  : "Results report: " + plan_.info.title;
    if (period() && !whole_programme(plan_.info, *period())) d.title += " " + period_text();
    std::string as_of = status_ ? date_text(status_->as_of, d.lang) : std::string();
    d.subtitle = plan_.info.owner;
    if (!as_of.empty()) {
      d.subtitle +=
          (d.subtitle.empty() ? "" : " — ") + t("số liệu đến ngày ", "figures as of ") + as_of;
    }
    for (const std::string& basis : plan_.info.basis) {
      d.preamble.push_back(t("Thực hiện ", "Pursuant to ") + basis + ".");
    }
    if (std::string decisions = decisions_text(); !decisions.empty()) {
      d.preamble.push_back(decisions);
    }
    if (status_) d.preamble.push_back(log_text());
    if (!o_.revision.empty()) {
      d.notes.push_back(t("Số liệu tính theo bản kế hoạch có mã SHA-256 ",
                          "Figures measured against the plan file with SHA-256 ") +
                        o_.revision + ".");
    }
    results(d);
    next_tasks(d);
    solutions(d);
    appendix(d);
    return d;
  }

 private:
  std::string t(const char* vi, const char* en) const { return vi_ ? vi : en; }
  std::string money(std::int64_t amount) const { return format_money(amount, style_); }
  std::string period_text() const {
    if (!status_) {
      return t("giai đoạn ", "for ") + std::to_string(plan_.info.period_start) + "-" +
             std::to_string(plan_.info.period_end);
    }
    return report::period_text(plan_.info, *status_, vi_ ? "vi" : "en");
  }
  const std::optional<Period>& period() const {
    static const std::optional<Period> kNone;
    return status_ ? status_->period : kNone;
  }
  bool in_period(int year) const { return !period() || period()->touches(year); }

  static Block paragraph(std::string text) {
    return Block{Block::Kind::kParagraph, std::move(text), {}, {}};
  }
  static Block bullets(std::vector<std::string> items) {
    return Block{Block::Kind::kBullets, {}, std::move(items), {}};
  }
  static Block table(Table table) { return Block{Block::Kind::kTable, {}, {}, std::move(table)}; }

  // The decision that approved the plan and those that amended it, by number and date; empty
  // when the plan names neither.
  std::string decisions_text() const {
    const PlanInfo& info = plan_.info;
    std::string lang = vi_ ? "vi" : "en";
    std::string out;
    if (!info.approved_decision.empty()) {
      out =
          t("Kế hoạch được phê duyệt theo ", "The plan was approved by ") + info.approved_decision;
      if (info.approved_date) out += t(" ngày ", " of ") + date_text(*info.approved_date, lang);
      if (!info.approved_by.empty()) out += t(" của ", " of ") + info.approved_by;
    }
    if (plan_.amendments.empty()) return out.empty() ? out : out + ".";
    out += out.empty() ? t("Kế hoạch được điều chỉnh theo ", "The plan was amended by ")
                       : t(", được điều chỉnh theo ", ", and amended by ");
    for (std::size_t i = 0; i < plan_.amendments.size(); ++i) {
      const Amendment& a = plan_.amendments[i];
      out += (i ? "; " : "") + a.decision + t(" ngày ", " of ") + date_text(a.date, lang);
      if (!a.summary.empty()) out += " (" + a.summary + ")";
    }
    return out + ".";
  }

  // Which state of the progress log the figures come from: its last event counted, so that a
  // report regenerated with --known-at says the same as the one sent (docs/reports.md).
  std::string log_text() const {
    if (status_->log_event == 0) {
      return t("Sổ theo dõi tiến độ chưa ghi nhận số liệu nào.",
               "The progress log had recorded nothing yet.");
    }
    // "2014-10-24T08:30:00Z" as Vietnamese writes it: "08:30:00 UTC ngày 24/10/2014".
    const std::string& at = status_->log_recorded_at;
    std::string when = at;
    std::optional<Date> day = parse_date(std::string_view(at).substr(0, 10));
    if (vi_ && day && at.size() >= 19)
      when = at.substr(11, 8) + " UTC ngày " + date_text(*day, "vi");
    return t("Số liệu theo sổ theo dõi tiến độ như đã ghi nhận đến ",
             "Figures as the progress log knew them at ") +
           when + t(" (bản ghi số ", " (through event ") + std::to_string(status_->log_event) +
           ").";
  }

  void results(Document& d) {
    d.sections.push_back(
        {t("A. KẾT QUẢ TRIỂN KHAI CHƯƠNG TRÌNH", "A. RESULTS OF THE PROGRAMME"), 1, {}});
    d.sections.push_back({t("1. Nội dung và mục tiêu nhiệm vụ đã thực hiện",
                            "1. Content and objectives of the work done"),
                          2,
                          {}});
    Section content{t("1.1. Nội dung", "1.1. Content"), 3, {}};
    if (!plan_.narrative.content.empty())
      content.body.push_back(paragraph(plan_.narrative.content));
    d.sections.push_back(std::move(content));
    Section objectives{t("1.2. Mục tiêu nhiệm vụ đã thực hiện", "1.2. Objectives"), 3, {}};
    if (!plan_.narrative.general_objective.empty()) {
      objectives.body.push_back(paragraph(t("a) Mục tiêu chung: ", "a) General objective: ") +
                                          plan_.narrative.general_objective));
    }
    if (!plan_.objectives.empty()) {
      objectives.body.push_back(paragraph(t("b) Mục tiêu cụ thể:", "b) Specific objectives:")));
      std::vector<std::string> items;
      for (std::size_t i = 0; i < plan_.objectives.size(); ++i) {
        items.push_back(t("Mục tiêu ", "Objective ") + std::to_string(i + 1) + ": " +
                        plan_.objectives[i].text);
      }
      objectives.body.push_back(bullets(std::move(items)));
    }
    d.sections.push_back(std::move(objectives));
    d.sections.push_back({t("2. Kết quả thực hiện ", "2. Results ") + period_text(), 2, {}});
    d.sections.push_back({t("2.1. Khối lượng công việc", "2.1. Workload"), 3, {table(workload())}});
    d.sections.push_back({t("2.2. Kinh phí", "2.2. Funding"), 3, funding()});
    if (status_) {
      d.sections.push_back(
          {t("2.3. Tiến độ theo giai đoạn", "2.3. Progress by stage"), 3, {table(stages())}});
      d.sections.push_back(
          {t("2.4. Công việc trễ hạn, bị chặn", "2.4. Late and blocked work"), 3, attention()});
    }
    if (findings_) {
      d.sections.push_back(
          {t("2.5. Kiểm tra kinh phí", "2.5. Funding checks"), 3, funding_checks()});
    }
    const Narrative& n = plan_.narrative;
    d.sections.push_back({t("3. Đánh giá kết quả thực hiện, những khó khăn tồn tại",
                            "3. Assessment and difficulties"),
                          2,
                          {}});
    d.sections.push_back({t("3.1. Đánh giá kết quả thực hiện", "3.1. Assessment of the results"),
                          3,
                          {bullets(n.assessment)}});
    d.sections.push_back(
        {t("3.2. Những khó khăn tồn tại", "3.2. Difficulties"), 3, {bullets(n.difficulties)}});
    if (n.integrated_activities.empty()) {
      d.sections.push_back(
          {t("4. Các hoạt động lồng ghép: Không", "4. Integrated activities: none"), 2, {}});
    } else {
      d.sections.push_back({t("4. Các hoạt động lồng ghép", "4. Integrated activities"),
                            2,
                            {bullets(n.integrated_activities)}});
    }
    d.sections.push_back(
        {t("5. Kiến nghị đề xuất", "5. Recommendations"), 2, {bullets(n.recommendations)}});
  }

  Table workload() const {
    Table w;
    w.name = "workload";
    w.title = t("Khối lượng công việc", "Workload");
    w.columns = {{"no", t("Stt", "No."), true},
                 {"work", t("Công việc thực hiện", "Work done"), false},
                 {"unit", t("Đơn vị tính", "Unit"), false},
                 {"quantity", t("Số lượng", "Quantity"), true},
                 {"period", t("Thời gian thực hiện", "Period"), false},
                 {"planned", t("Kế hoạch", "Planned"), true},
                 {"achieved", t("Đạt", "Achieved"), true}};
    // A period's report: what was done in it against its targets, and the total to its end.
    if (period()) w.columns.push_back({"to_date", t("Lũy kế", "To date"), true});
    // Ratio indicators (`of`): the count as a share of the whole it counts a part of.
    bool ratios = std::any_of(plan_.tasks.begin(), plan_.tasks.end(),
                              [](const Task& task) { return task.of.has_value(); });
    if (ratios) {
      w.columns.push_back({"of_whole", t("Tỷ lệ trên tổng số", "Share of the whole"), false});
    }
    std::size_t number = 0;
    for (std::size_t i = 0; i < plan_.tasks.size(); ++i) {
      const Task& task = plan_.tasks[i];
      std::vector<int> years = task.active_years();
      std::string when;
      for (int year : years) {
        if (in_period(year)) when += (when.empty() ? t("Năm ", "") : ", ") + std::to_string(year);
      }
      if (period() && when.empty() && !years.empty()) continue;  // not planned in the period
      const TaskStatus* s = status_ ? &status_->tasks[i] : nullptr;
      Figures f = s ? figures_of(task, *s) : Figures{0, task.target};
      std::optional<std::int64_t> planned = f.planned;
      std::int64_t done = f.achieved;
      std::string share =
          planned && *planned > 0
              ? format_percent(100.0 * static_cast<double>(done) / static_cast<double>(*planned))
              : "-";
      w.rows.push_back({padded(static_cast<std::int64_t>(++number), 2, style_), task.title,
                        upper_first(task.unit), padded(done, task.report_digits, style_), when,
                        planned ? format_figure(*planned, style_) : "-", share});
      if (period()) w.rows.back().push_back(format_figure(s ? s->achieved : 0, style_));
      if (ratios) {
        std::optional<double> whole = task.share_of_whole(done);
        w.rows.back().push_back(whole ? format_percent(*whole) + t(" của ", " of ") +
                                            format_figure(*task.of, style_)
                                      : "-");
      }
    }
    return w;
  }

  std::vector<Block> funding() const {
    std::vector<Block> body;
    body.push_back(paragraph(t("Tổng số kinh phí trong đó:", "Total funding, of which:")));
    std::vector<std::string> items;
    std::vector<std::string> in_total;
    // Without a declared [[total]], the state budget is the sum of the central and local sources
    // (and the district's): stated in figures and in words all the same.
    std::vector<FundingTotal> totals = plan_.totals;
    if (totals.empty()) {
      FundingTotal state;
      bool overflow = false;
      state.title = t("Ngân sách nhà nước", "State budget");
      for (const Funding& f : plan_.funding) {
        if (f.kind != FundingKind::kCentral && f.kind != FundingKind::kLocal &&
            f.kind != FundingKind::kDistrict)
          continue;
        if (__builtin_add_overflow(state.amount, f.amount, &state.amount)) overflow = true;
        Ref ref;
        ref.id = f.id;
        state.sources.push_back(ref);
      }
      if (!state.sources.empty() && !overflow) totals.push_back(std::move(state));
    }
    for (const FundingTotal& total : totals) {
      std::string line = (vi_ ? "Vốn " + lower_first(total.title) + " thực hiện Chương trình: "
                              : total.title + ": ") +
                         money(total.amount);
      std::string parts;
      for (const Ref& ref : total.sources) {
        in_total.push_back(ref.id);
        const Funding* f = find_source(ref.id);
        if (!f) continue;
        std::string title = parts.empty() ? f->title : lower_first(f->title);
        parts += (parts.empty() ? "" : ", ") + title + t(" là ", ": ") + money(f->amount);
      }
      if (!parts.empty()) line += t(" (Trong đó: ", " (of which ") + parts + ")";
      items.push_back(line + ".");
      items.push_back(t("Bằng chữ: ", "In words: ") +
                      money_in_words(total.amount, vi_ ? "vi" : "en", words_) + ".");
    }
    for (const Funding& f : plan_.funding) {
      if (std::find(in_total.begin(), in_total.end(), f.id) != in_total.end()) continue;
      items.push_back(f.title + ": " + money(f.amount) + ".");
    }
    body.push_back(bullets(std::move(items)));
    if (status_) {
      MoneyStatus m = money_status(plan_, status_->spending);
      if (m.any()) body.push_back(table(period() ? period_money(m) : money_table(m)));
    }
    return body;
  }

  Table money_table(const MoneyStatus& m) const {
    Table spent;
    spent.name = "funding";
    spent.title = t("Kinh phí được cấp và đã chi", "Allocated and spent");
    spent.columns = {{"source", t("Nguồn vốn", "Source"), false},
                     {"allocated", t("Được cấp", "Allocated"), true},
                     {"spent", t("Đã chi", "Spent"), true},
                     {"remaining", t("Còn lại", "Remaining"), true}};
    for (const MoneyRow& r : m.sources) {
      const Funding* f = find_source(r.key);
      spent.rows.push_back({f ? f->title : r.key, format_figure(r.allocated, style_),
                            format_figure(r.spent, style_), format_figure(r.remaining(), style_)});
    }
    spent.rows.push_back({t("Cộng", "Total"), format_figure(m.total.allocated, style_),
                          format_figure(m.total.spent, style_),
                          format_figure(m.total.remaining(), style_)});
    return spent;
  }

  // A period's money per source: its budget lines and what was spent in it, then the source's
  // amount, what was spent to the period's end and what remains of it (`whole`: to date).
  Table period_money(const MoneyStatus& whole) const {
    MoneyStatus in = money_status(plan_, status_->spending, *period());
    Table spent;
    spent.name = "funding";
    spent.title = t("Kinh phí trong kỳ và lũy kế", "Funding in the period and to date");
    spent.columns = {{"source", t("Nguồn vốn", "Source"), false},
                     {"allocated", t("Kế hoạch trong kỳ", "Allocated in the period"), true},
                     {"spent", t("Đã chi trong kỳ", "Spent in the period"), true},
                     {"allocated_total", t("Tổng kinh phí", "Total allocation"), true},
                     {"spent_to_date", t("Lũy kế đã chi", "Spent to date"), true},
                     {"remaining", t("Còn lại", "Remaining"), true}};
    auto row = [&](const std::string& label, const MoneyRow& p, const MoneyRow& w) {
      spent.rows.push_back({label, format_figure(p.allocated, style_),
                            format_figure(p.spent, style_), format_figure(w.allocated, style_),
                            format_figure(w.spent, style_), format_figure(w.remaining(), style_)});
    };
    for (const MoneyRow& w : whole.sources) {
      const Funding* f = find_source(w.key);
      MoneyRow p;
      for (const MoneyRow& r : in.sources) {
        if (r.key == w.key) p = r;
      }
      row(f ? f->title : w.key, p, w);
    }
    row(t("Cộng", "Total"), in.total, whole.total);
    return spent;
  }

  Table stages() const {
    Table s;
    s.name = "stages";
    s.title = t("Tiến độ theo giai đoạn", "Progress by stage");
    s.columns = {{"stage", t("Giai đoạn", "Stage"), false},
                 {"complete", t("Hoàn thành", "Complete"), true},
                 {"done", t("Đã xong", "Done"), true},
                 {"in_progress", t("Đang làm", "In progress"), true},
                 {"not_started", t("Chưa bắt đầu", "Not started"), true},
                 {"cancelled", t("Hủy", "Cancelled"), true}};
    for (const StageStatus& st : status_->stages) {
      const Rollup& r = st.rollup;
      s.rows.push_back({plan_.stages[st.stage].title, format_percent(r.percent),
                        std::to_string(r.done), std::to_string(r.in_progress),
                        std::to_string(r.not_started), std::to_string(r.cancelled)});
    }
    return s;
  }

  std::vector<Block> attention() const {
    std::vector<std::string> items;
    for (const TaskStatus& s : status_->tasks) {
      const Task& task = plan_.tasks[s.task];
      if (s.overdue) {
        items.push_back(task.title + t(": trễ hạn (hạn ", ": overdue (due ") +
                        date_text(task.deadline(plan_.info), vi_ ? "vi" : "en") + ")");
      }
      if (s.blocked_by_hand)
        items.push_back(task.title + t(": bị chặn: ", ": blocked: ") + *s.blocked_by_hand);
      // Done after its deadline: in a period's report, when it was finished in that period.
      std::optional<int> late = days_late(plan_, s);
      if (late && (!period() || period()->contains(*s.done_on))) {
        std::string lang = vi_ ? "vi" : "en";
        items.push_back(task.title + t(": hoàn thành ngày ", ": done on ") +
                        date_text(*s.done_on, lang) + t(", trễ ", ", ") + std::to_string(*late) +
                        t(" ngày (hạn ", *late == 1 ? " day late (due " : " days late (due ") +
                        date_text(task.deadline(plan_.info), lang) + ")");
      }
    }
    if (items.empty()) return {paragraph(t("Không có.", "None."))};
    return {bullets(std::move(items))};
  }

  std::vector<Block> funding_checks() const {
    if (findings_->empty()) return {paragraph(t("Không có phát hiện.", "No findings."))};
    Table f;
    f.name = "findings";
    f.title = t("Kết quả kiểm tra kinh phí", "Funding findings");
    f.columns = {{"severity", t("Mức độ", "Severity"), false},
                 {"rule", t("Quy tắc", "Rule"), false},
                 {"finding", t("Nội dung", "Finding"), false},
                 {"basis", t("Căn cứ", "Basis"), false},
                 {"fix", t("Cách khắc phục", "Fix"), false}};
    for (const sdk::Finding& x : *findings_) {
      std::string severity = x.severity == sdk::Severity::kError     ? t("lỗi", "error")
                             : x.severity == sdk::Severity::kWarning ? t("cảnh báo", "warning")
                                                                     : t("ghi chú", "note");
      f.rows.push_back({severity, x.rule, x.message, x.basis, x.fix});
    }
    return {table(std::move(f))};
  }

  void next_tasks(Document& d) const {
    d.sections.push_back({t("B. NHIỆM VỤ TRONG THỜI GIAN TỚI", "B. NEXT TASKS"),
                          1,
                          {bullets(plan_.narrative.next_tasks)}});
  }

  void solutions(Document& d) const {
    d.sections.push_back({t("C. CÁC GIẢI PHÁP THỰC HIỆN", "C. SOLUTIONS"), 1, {}});
    for (std::size_t i = 0; i < plan_.narrative.solutions.size(); ++i) {
      const plantrack::Section& s = plan_.narrative.solutions[i];
      Section out{std::to_string(i + 1) + ". " + s.title, 2, {}};
      for (const std::string& point : s.points) out.body.push_back(paragraph(point));
      d.sections.push_back(std::move(out));
    }
  }

  void appendix(Document& d) const {
    Table p;
    p.name = "participants";
    p.title = t("Doanh nghiệp tham gia", "Participating enterprises");
    p.columns = {{"no", t("Stt", "No."), true},
                 {"enterprise", t("Tên doanh nghiệp", "Enterprise"), false},
                 {"sector", t("Ngành SX", "Sector"), false},
                 {"took_part_in", t("Nội dung tham gia", "Took part in"), false},
                 {"year", t("Năm", "Year"), true}};
    std::size_t n = 0;
    for (const Participant& x : plan_.participants) {
      if (!in_period(x.year)) continue;
      const Task* task = plan_.find_task(x.task);
      std::string what = !x.activity.empty() ? x.activity : task ? task->title : x.task;
      p.rows.push_back({std::to_string(++n), x.name, x.sector, what, std::to_string(x.year)});
    }
    d.sections.push_back({t("PHỤ LỤC", "APPENDIX"),
                          1,
                          {paragraph(t("Doanh nghiệp tham gia chương trình sản xuất sạch hơn",
                                       "Enterprises taking part in the programme")),
                           table(std::move(p))}});
  }

  const Funding* find_source(const std::string& id) const {
    for (const Funding& f : plan_.funding) {
      if (f.id == id) return &f;
    }
    return nullptr;
  }

  const Plan& plan_;
  const PlanStatus* status_;
  const std::vector<sdk::Finding>* findings_;
  Options o_;
  bool vi_;
  NumberStyle style_;
  VietnameseWords words_;
};

}  // namespace

std::vector<const Table*> Document::tables() const {
  std::vector<const Table*> out;
  for (const Section& s : sections) {
    for (const Block& b : s.body) {
      if (b.kind == Block::Kind::kTable) out.push_back(&b.table);
    }
  }
  return out;
}

Document build(const sdk::View& view, const Options& options) {
  return Builder(view, options).build();
}

std::string date_text(Date date, const std::string& lang) {
  if (lang != "vi") return date.to_string();
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", date.day(), date.month(), date.year());
  return buffer;
}

Figures figures_of(const Task& task, const TaskStatus& status) {
  if (!status.period) return {status.achieved, task.target};
  return {status.period->achieved, status.period->target};
}

std::string period_text(const PlanInfo& plan, const PlanStatus& status, const std::string& lang) {
  bool vi = lang == "vi";
  auto t = [vi](const char* v, const char* e) { return std::string(vi ? v : e); };
  auto years = [](int from, int to) { return std::to_string(from) + "-" + std::to_string(to); };
  if (!status.period) {
    if (status.as_of.year() > plan.period_end) {
      return t("giai đoạn ", "for ") + years(plan.period_start, plan.period_end);
    }
    return t("đến ngày ", "to ") + date_text(status.as_of, lang);
  }
  const Period& p = *status.period;
  std::string year = std::to_string(p.first_year());
  static constexpr std::array<const char*, 4> kRoman = {"I", "II", "III", "IV"};
  static constexpr std::array<const char*, 4> kOrdinal = {"first", "second", "third", "fourth"};
  switch (p.kind) {
    case Period::Kind::kHalf:
      return vi ? std::string(p.part == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year
                : std::string(p.part == 1 ? "in the first half of " : "in the second half of ") +
                      year;
    case Period::Kind::kQuarter: {
      auto q = static_cast<std::size_t>(std::clamp(p.part, 1, 4) - 1);
      return vi ? std::string("quý ") + kRoman[q] + " năm " + year
                : std::string("in the ") + kOrdinal[q] + " quarter of " + year;
    }
    case Period::Kind::kRange:
      return t("từ ngày ", "from ") + date_text(p.first, lang) + t(" đến ngày ", " to ") +
             date_text(p.last, lang);
    case Period::Kind::kYears:
      break;
  }
  if (whole_programme(plan, p)) {
    return t("giai đoạn ", "for ") + years(plan.period_start, plan.period_end);
  }
  if (p.first_year() == p.last_year()) return t("năm ", "in ") + year;
  return t("từ năm ", "from ") + year + t(" đến năm ", " to ") + std::to_string(p.last_year());
}

}  // namespace plantrack::report
