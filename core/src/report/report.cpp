#include "plantrack/sdk/report.hpp"

#include <algorithm>
#include <array>

#include "plantrack/money.hpp"
#include "plantrack/money_status.hpp"

namespace plantrack::report {
namespace {

// Lower-case letters that start Vietnamese words, and their capitals (UTF-8).
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kCapitals = {{
    {"đ", "Đ"},
    {"á", "Á"},
    {"à", "À"},
    {"ă", "Ă"},
    {"â", "Â"},
    {"ê", "Ê"},
    {"é", "É"},
    {"í", "Í"},
    {"ô", "Ô"},
    {"ơ", "Ơ"},
    {"ư", "Ư"},
    {"ú", "Ú"},
}};

std::string capitalise(std::string text) {
  if (text.empty()) return text;
  if (text[0] >= 'a' && text[0] <= 'z') {
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
  }
  for (const auto& [lower, upper] : kCapitals) {
    if (text.rfind(lower, 0) == 0) return std::string(upper) + text.substr(lower.size());
  }
  return text;
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
    d.title = vi_ ? "BÁO CÁO KẾT QUẢ THỰC HIỆN " + lower_first(plan_.info.title)
                  : "Results report: " + plan_.info.title;
    std::string as_of = status_ ? date_text(status_->as_of, d.lang) : std::string();
    d.subtitle = plan_.info.owner;
    if (!as_of.empty()) {
      d.subtitle +=
          (d.subtitle.empty() ? "" : " — ") + t("số liệu đến ngày ", "figures as of ") + as_of;
    }
    for (const std::string& basis : plan_.info.basis) {
      d.preamble.push_back(t("Thực hiện ", "Pursuant to ") + basis + ".");
    }
    if (!o_.revision.empty() || !plan_.amendments.empty()) d.preamble.push_back(revision_text());
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
    if (o_.from_year && o_.to_year && *o_.from_year == *o_.to_year) {
      return t("năm ", "in ") + std::to_string(*o_.from_year);
    }
    int from = o_.from_year.value_or(plan_.info.period_start);
    int to = o_.to_year.value_or(plan_.info.period_end);
    return t("giai đoạn ", "for ") + std::to_string(from) + "-" + std::to_string(to);
  }

  static Block paragraph(std::string text) {
    return Block{Block::Kind::kParagraph, std::move(text), {}, {}};
  }
  static Block bullets(std::vector<std::string> items) {
    return Block{Block::Kind::kBullets, {}, std::move(items), {}};
  }
  static Block table(Table table) { return Block{Block::Kind::kTable, {}, {}, std::move(table)}; }

  // Which plan the figures were measured against: its revision and the amendments it carries.
  std::string revision_text() const {
    std::string out = t("Kế hoạch áp dụng", "Plan used");
    if (!o_.revision.empty()) out += t(": bản ", ": revision ") + o_.revision.substr(0, 12);
    if (plan_.amendments.empty()) return out + t(", không có điều chỉnh.", ", no amendments.");
    out += t(", đã điều chỉnh theo ", ", amended by ");
    for (std::size_t i = 0; i < plan_.amendments.size(); ++i) {
      const Amendment& a = plan_.amendments[i];
      out +=
          (i ? "; " : "") + a.decision + t(" ngày ", " of ") + date_text(a.date, vi_ ? "vi" : "en");
      if (!a.summary.empty()) out += " (" + a.summary + ")";
    }
    return out + ".";
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
    bool filtered = o_.from_year || o_.to_year;
    std::size_t number = 0;
    for (std::size_t i = 0; i < plan_.tasks.size(); ++i) {
      const Task& task = plan_.tasks[i];
      std::vector<int> years = task.active_years();
      std::string when;
      for (int year : years) {
        if (o_.from_year && year < *o_.from_year) continue;
        if (o_.to_year && year > *o_.to_year) continue;
        when += (when.empty() ? t("Năm ", "") : ", ") + std::to_string(year);
      }
      if (filtered && when.empty() && !years.empty()) continue;  // not planned in those years
      std::optional<std::int64_t> planned = planned_in(task, o_);
      std::int64_t done = status_ ? achieved_in(status_->tasks[i], o_) : 0;
      std::string share =
          planned && *planned > 0
              ? format_percent(100.0 * static_cast<double>(done) / static_cast<double>(*planned))
              : "-";
      w.rows.push_back({padded(static_cast<std::int64_t>(++number), 2, style_), task.title,
                        capitalise(task.unit), padded(done, task.report_digits, style_), when,
                        planned ? format_figure(*planned, style_) : "-", share});
    }
    return w;
  }

  std::vector<Block> funding() const {
    std::vector<Block> body;
    body.push_back(paragraph(t("Tổng số kinh phí trong đó:", "Total funding, of which:")));
    std::vector<std::string> items;
    std::vector<std::string> in_total;
    for (const FundingTotal& total : plan_.totals) {
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
      if (m.any()) {
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
                                format_figure(r.spent, style_),
                                format_figure(r.remaining(), style_)});
        }
        spent.rows.push_back({t("Cộng", "Total"), format_figure(m.total.allocated, style_),
                              format_figure(m.total.spent, style_),
                              format_figure(m.total.remaining(), style_)});
        body.push_back(table(std::move(spent)));
      }
    }
    return body;
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
                        date_text(*task.due, vi_ ? "vi" : "en") + ")");
      }
      if (s.blocked_by_hand)
        items.push_back(task.title + t(": bị chặn: ", ": blocked: ") + *s.blocked_by_hand);
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
      if (o_.from_year && x.year < *o_.from_year) continue;
      if (o_.to_year && x.year > *o_.to_year) continue;
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

  // "Vốn Trung ương" stays; "Ngân sách nhà nước" -> "ngân sách nhà nước" inside a sentence. Only
  // the first letter changes, and only for a plain ASCII capital followed by lower case.
  static std::string lower_first(std::string text) {
    if (text.size() > 1 && text[0] >= 'A' && text[0] <= 'Z' &&
        !(text[1] >= 'A' && text[1] <= 'Z')) {
      text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
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

std::optional<std::int64_t> planned_in(const Task& task, const Options& options) {
  if (!options.from_year && !options.to_year) return task.target;
  std::optional<std::int64_t> sum;
  for (int year : task.active_years()) {
    if (options.from_year && year < *options.from_year) continue;
    if (options.to_year && year > *options.to_year) continue;
    if (std::optional<std::int64_t> planned = task.target_in(year)) {
      sum = sum.value_or(0) + *planned;
    }
  }
  return sum;
}

std::int64_t achieved_in(const TaskStatus& status, const Options& options) {
  if (!options.from_year && !options.to_year) return status.achieved;
  std::int64_t sum = 0;
  for (const YearQuantity& y : status.by_year) {
    if (options.from_year && y.year < *options.from_year) continue;
    if (options.to_year && y.year > *options.to_year) continue;
    sum += y.quantity;
  }
  return sum;
}

}  // namespace plantrack::report
