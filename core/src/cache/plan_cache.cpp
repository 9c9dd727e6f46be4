#include "plantrack/plan_cache.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>

#include "plantrack/detail/mapped_file.hpp"
#include "plantrack/detail/plan_serializer.hpp"
#include "plantrack/digest.hpp"
#include "plantrack/read_file.hpp"
#include "plantrack/write_file.hpp"

namespace plantrack {
namespace {

// Bump when the model or this format changes: older cache files are then ignored.
constexpr std::string_view kMagic = "plantrack-plan-cache-v10\n";

// The model's sizes, so that growing a type without updating fields() below fails to compile.
static_assert(sizeof(Task) == 384, "Task changed: update fields(Task) and kMagic");
static_assert(sizeof(PlanInfo) == 384, "PlanInfo changed: update fields(PlanInfo) and kMagic");
static_assert(sizeof(Stage) == 96, "Stage changed: update fields(Stage) and kMagic");
static_assert(sizeof(Funding) == 96, "Funding changed: update fields(Funding) and kMagic");
static_assert(sizeof(Participant) == 160, "Participant changed: update fields and kMagic");
static_assert(sizeof(Narrative) == 208, "Narrative changed: update fields(Narrative) and kMagic");
static_assert(sizeof(Alerts) == 40, "Alerts changed: update fields(Alerts) and kMagic");
static_assert(sizeof(ReportStyle) == 12, "ReportStyle changed: update fields and kMagic");
static_assert(sizeof(Amendment) == 80, "Amendment changed: update fields and kMagic");
static_assert(sizeof(Plan) == 872, "Plan changed: update fields(Plan) and kMagic");
static_assert(sizeof(BudgetLine) == 184, "BudgetLine changed: update fields and kMagic");
static_assert(sizeof(FundingTotal) == 112, "FundingTotal changed: update fields and kMagic");

struct Writer {
  std::string out;
  void put(const std::string& s) {
    put(static_cast<std::uint64_t>(s.size()));
    out += s;
  }
  void put(std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void put(std::int64_t v) { put(static_cast<std::uint64_t>(v)); }
  void put(int v) { put(static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
  void put(std::uint32_t v) { put(static_cast<std::uint64_t>(v)); }
  void put(bool v) { put(static_cast<std::uint64_t>(v)); }
  void put(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    put(bits);
  }
  template <typename E>
  requires std::is_enum_v<E>
  void put(E e) { put(static_cast<std::uint64_t>(e)); }
};

// How many values each enum of the model has: the reader refuses any other (a value outside an
// enum's range is not a plan, and reading it into the enum is undefined behaviour).
template <typename E>
constexpr std::uint64_t kEnumValues = 0;
template <>
constexpr std::uint64_t kEnumValues<FundingKind> = static_cast<std::uint64_t>(FundingKind::kOther) +
                                                   1;
template <>
constexpr std::uint64_t kEnumValues<Counting> = static_cast<std::uint64_t>(Counting::kCumulative) +
                                                1;

struct Reader {
  std::string_view in;
  bool ok = true;
  std::uint64_t word() {
    if (in.size() < 8) {
      ok = false;
      return 0;
    }
    std::uint64_t v;
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(8);
    return v;
  }
  void get(std::string& s) {
    std::uint64_t n = word();
    if (n > in.size()) {
      ok = false;
      return;
    }
    s.assign(in.data(), n);
    in.remove_prefix(n);
  }
  void get(std::uint64_t& v) { v = word(); }
  void get(std::int64_t& v) { v = static_cast<std::int64_t>(word()); }
  void get(int& v) { v = static_cast<int>(static_cast<std::int64_t>(word())); }
  void get(std::uint32_t& v) { v = static_cast<std::uint32_t>(word()); }
  void get(bool& v) { v = word() != 0; }
  void get(double& v) {
    std::uint64_t bits = word();
    std::memcpy(&v, &bits, sizeof v);
  }
  template <typename E>
  requires std::is_enum_v<E>
  void get(E& e) {
    static_assert(kEnumValues<E> > 0, "a new enum in the model: add its kEnumValues");
    std::uint64_t v = word();
    if (v >= kEnumValues<E>) ok = false, v = 0;
    e = static_cast<E>(v);
  }
};

// One description of each type's fields serves both directions.
template <typename A, typename T>
void field(A& a, T& value);

template <typename A>
void fields(A& a, SourcePos& p) {
  field(a, p.line);
  field(a, p.column);
}
template <typename A>
void fields(A& a, Date& d) {
  int year = d.year(), month = d.month(), day = d.day();
  field(a, year);
  field(a, month);
  field(a, day);
  d = Date{year, month, day};
}
template <typename A>
void fields(A& a, Ref& r) {
  field(a, r.id);
  field(a, r.where);
}
template <typename A>
void fields(A& a, Year& y) {
  field(a, y.value);
  field(a, y.where);
}
template <typename A>
void fields(A& a, YearTarget& t) {
  field(a, t.year);
  field(a, t.quantity);
  field(a, t.where);
}
template <typename A>
void fields(A& a, Dependency& d) {
  field(a, d.task);
  field(a, d.at_least);
  field(a, d.where);
}
template <typename A>
void fields(A& a, PlanInfo& i) {
  field(a, i.id), field(a, i.title), field(a, i.owner), field(a, i.executor);
  field(a, i.period_start), field(a, i.period_end), field(a, i.currency), field(a, i.locale);
  field(a, i.basis), field(a, i.where), field(a, i.period_where), field(a, i.programme_file);
  field(a, i.programme_id), field(a, i.programme_where), field(a, i.approved_decision);
  field(a, i.approved_date), field(a, i.approved_by);
}
template <typename A>
void fields(A& a, Objective& o) {
  field(a, o.id), field(a, o.text), field(a, o.where);
}
template <typename A>
void fields(A& a, Stage& s) {
  field(a, s.id), field(a, s.title), field(a, s.depends_on), field(a, s.where);
}
template <typename A>
void fields(A& a, Task& t) {
  field(a, t.id), field(a, t.stage), field(a, t.title), field(a, t.unit), field(a, t.target);
  field(a, t.years), field(a, t.targets), field(a, t.due), field(a, t.owner), field(a, t.objective);
  field(a, t.counting), field(a, t.report_digits), field(a, t.carry_over), field(a, t.depends_on),
      field(a, t.renamed_from), field(a, t.where);
  field(a, t.stage_where), field(a, t.target_where), field(a, t.targets_where);
  field(a, t.objective_where), field(a, t.renamed_where), field(a, t.of);
}
template <typename A>
void fields(A& a, Funding& f) {
  field(a, f.id), field(a, f.kind), field(a, f.title), field(a, f.amount), field(a, f.where);
  field(a, f.amount_where);
}
template <typename A>
void fields(A& a, Alerts& al) {
  field(a, al.due_within_days), field(a, al.behind_pace_margin_percent), field(a, al.report_due);
  field(a, al.where);
}
template <typename A>
void fields(A& a, FundingTotal& t) {
  field(a, t.id), field(a, t.title), field(a, t.sources), field(a, t.amount), field(a, t.where);
  field(a, t.amount_where);
}
template <typename A>
void fields(A& a, BudgetLine& b) {
  field(a, b.task), field(a, b.source), field(a, b.year), field(a, b.amount), field(a, b.category);
  field(a, b.decision), field(a, b.where), field(a, b.task_where), field(a, b.source_where);
  field(a, b.year_where), field(a, b.amount_where);
}
template <typename A>
void fields(A& a, Participant& p) {
  field(a, p.name), field(a, p.sector), field(a, p.task), field(a, p.year), field(a, p.where);
  field(a, p.task_where), field(a, p.year_where), field(a, p.activity);
}
template <typename A>
void fields(A& a, Amendment& m) {
  field(a, m.decision), field(a, m.date), field(a, m.summary), field(a, m.where);
}
template <typename A>
void fields(A& a, ReportStyle& r) {
  field(a, r.linh_le), field(a, r.ngan), field(a, r.tu_after_muoi), field(a, r.ti),
      field(a, r.where);
}
template <typename A>
void fields(A& a, PluginSetting& s) {
  field(a, s.key), field(a, s.value), field(a, s.where);
}
template <typename A>
void fields(A& a, PluginConfig& p) {
  field(a, p.name), field(a, p.path), field(a, p.settings), field(a, p.where);
}
template <typename A>
void fields(A& a, Section& s) {
  field(a, s.title), field(a, s.points);
}
template <typename A>
void fields(A& a, Narrative& n) {
  field(a, n.content), field(a, n.general_objective), field(a, n.assessment);
  field(a, n.difficulties), field(a, n.integrated_activities), field(a, n.recommendations);
  field(a, n.next_tasks), field(a, n.solutions);
}
template <typename A>
void fields(A& a, Plan& p) {
  field(a, p.format), field(a, p.info), field(a, p.objectives), field(a, p.stages);
  field(a, p.tasks), field(a, p.funding), field(a, p.totals), field(a, p.budget);
  field(a, p.participants), field(a, p.plugins), field(a, p.alerts), field(a, p.report);
  field(a, p.narrative), field(a, p.amendments);
}

template <typename T>
constexpr bool kScalar =
    std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_same_v<T, std::string>;

template <typename A, typename T>
void field(A& a, T& value) {
  constexpr bool kWriting = std::is_same_v<A, Writer>;
  if constexpr (kScalar<T>) {
    if constexpr (kWriting) {
      a.put(value);
    } else {
      a.get(value);
    }
  } else if constexpr (requires { value.has_value(); }) {  // std::optional
    bool present = value.has_value();
    field(a, present);
    if constexpr (!kWriting) {
      if (present) value.emplace();
    }
    if (present) field(a, *value);
  } else if constexpr (requires { value.index(); }) {  // SettingValue
    std::uint64_t index = value.index();
    field(a, index);
    if constexpr (!kWriting) {
      switch (index) {
        case 0:
          value = false;
          break;
        case 1:
          value = std::int64_t{0};
          break;
        case 2:
          value = 0.0;
          break;
        case 3:
          value = std::string();
          break;
        case 4:
          value = std::vector<std::string>();
          break;
        default:  // not a SettingValue
          a.ok = false;
          break;
      }
    }
    std::visit([&](auto& inner) { field(a, inner); }, value);
  } else if constexpr (requires { value.push_back(value[0]); }) {  // std::vector
    std::uint64_t n = value.size();
    field(a, n);
    if constexpr (!kWriting) {
      if (n > a.in.size()) {  // each element takes at least a byte: a bound against garbage
        a.ok = false;
        return;
      }
      value.resize(n);
    }
    for (auto& item : value) field(a, item);
  } else {
    fields(a, value);
  }
}

// Written whole under a temporary name and renamed, so a reader never sees half a cache file; not
// synced to disk: a file cut by a crash fails its checksum (a stamp file, its fscanf) and is made
// again. Failing to write the cache is not an error: it only makes the next command slower.
void write_cache(const std::string& dir, const std::string& file, const std::string& bytes) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  replace_file(file, bytes, Durability::kNotSynced);
}

// What the kernel says of a file: equal stamps mean its bytes were not rewritten (the test git and
// ninja rely on). The change time cannot be set back by a user, so a rewrite that restores the old
// modification time still shows.
struct Stamp {
  std::uint64_t dev = 0, ino = 0, size = 0;
  std::int64_t mtime_ns = 0, ctime_ns = 0;
  bool operator==(const Stamp&) const = default;
};

std::optional<Stamp> stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  auto ns = [](const timespec& t) {
    return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
  };
  return Stamp{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
               static_cast<std::uint64_t>(st.st_size), ns(st.st_mtim), ns(st.st_ctim)};
}

// The stamp file of a plan path: <cache>/stamps/<FNV-1a of the absolute path>.
std::string stamp_file(const std::string& dir, const std::string& path) {
  std::error_code ec;
  std::string absolute = std::filesystem::absolute(path, ec).string();
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : absolute) h = (h ^ c) * 0x100000001b3ull;
  char name[17];
  std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(h));
  return dir + "/stamps/" + name;
}

// The file's SHA-256, read from its stamp when the file is unchanged since; else hashed (and the
// stamp written). A file changed within the last two seconds is always hashed: file times tick
// coarsely, so a second write in the same tick could leave the stamp equal.
std::string revision_of(const std::string& dir, const std::string& path) {
  std::optional<Stamp> now = stamp_of(path);
  if (!now) return file_sha256(path);
  std::string file = stamp_file(dir, path);
  Stamp saved;
  char sha[65] = {};
  if (std::FILE* f = std::fopen(file.c_str(), "r")) {
    long long mtime = 0, ctime = 0;
    unsigned long long dev = 0, ino = 0, size = 0;
    int n = std::fscanf(f, "%llu %llu %llu %lld %lld %64s", &dev, &ino, &size, &mtime, &ctime, sha);
    std::fclose(f);
    saved = Stamp{dev, ino, size, mtime, ctime};
    if (n == 6 && saved == *now && std::strlen(sha) == 64) return sha;
  }
  std::string revision = file_sha256(path);
  std::int64_t newest = std::max(now->mtime_ns, now->ctime_ns);
  auto clock = std::chrono::system_clock::now().time_since_epoch();
  std::int64_t now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(clock).count();
  if (revision.empty() || now_ns - newest < 2'000'000'000) return revision;
  // Only if the file did not change while it was hashed.
  if (stamp_of(path) != now) return revision;
  char line[200];
  int n = std::snprintf(
      line, sizeof line, "%llu %llu %llu %lld %lld %s\n", static_cast<unsigned long long>(now->dev),
      static_cast<unsigned long long>(now->ino), static_cast<unsigned long long>(now->size),
      static_cast<long long>(now->mtime_ns), static_cast<long long>(now->ctime_ns),
      revision.c_str());
  write_cache(dir + "/stamps", file, std::string(line, static_cast<std::size_t>(n)));
  return revision;
}

}  // namespace

// Layout: magic, fields, then a checksum of everything before it, so a damaged file is detected
// rather than read as a plan that was never validated. Not a security measure (the cache is the
// user's own); a word-at-a-time checksum, as SHA-256 of a 100k-task cache costs ~40 ms.
constexpr std::size_t kDigestSize = 16;

std::string checksum(std::string_view bytes) {
  // Four independent lanes, so the multiplies overlap (one lane: ~1 ms on a 3 MB cache file).
  std::uint64_t lane[4] = {0x9E3779B97F4A7C15ull ^ bytes.size(), 0xC2B2AE3D27D4EB4Full,
                           0x165667B19E3779F9ull, 0x27D4EB2F165667C5ull};
  auto mix = [](std::uint64_t h, std::uint64_t word) {
    h = (h ^ word) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
  };
  std::size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) {
    for (std::size_t k = 0; k < 4; ++k) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + i + 8 * k, 8);
      lane[k] = mix(lane[k], word);
    }
  }
  std::uint64_t h = mix(mix(mix(lane[0], lane[1]), lane[2]), lane[3]);
  for (; i < bytes.size(); ++i)
    h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x94D049BB133111EBull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

std::string serialize_plan(const Plan& plan) {
  Writer w;
  w.out = kMagic;
  field(w, const_cast<Plan&>(plan));  // the writer only reads
  w.out += checksum(w.out);
  return std::move(w.out);
}

std::string checksummed_plan_bytes(std::string_view bytes) {
  return std::string(bytes) + checksum(bytes);
}

std::optional<Plan> deserialize_plan(std::string_view bytes) {
  if (bytes.size() < kMagic.size() + kDigestSize || bytes.substr(0, kMagic.size()) != kMagic) {
    return std::nullopt;
  }
  std::string_view body = bytes.substr(0, bytes.size() - kDigestSize);
  if (checksum(body) != bytes.substr(body.size())) return std::nullopt;
  Reader r{body.substr(kMagic.size())};
  Plan plan;
  field(r, plan);
  if (!r.ok || !r.in.empty()) return std::nullopt;
  return plan;
}

std::string plan_cache_dir(const Environment& environment) {
  if (auto dir = environment.get("PLANTRACK_CACHE_DIR")) return *dir;
  if (auto xdg = environment.get("XDG_CACHE_HOME")) return *xdg + "/plantrack";
  if (auto home = environment.get("HOME")) return *home + "/.cache/plantrack";
  return {};
}

CachedPlan load_plan_cached(const std::string& path) {
  return load_plan_cached(path, plan_cache_dir(Environment::process()));
}

CachedPlan load_plan_cached(const std::string& path, const std::string& dir) {
  CachedPlan result;
  if (dir == "off" || dir.empty()) {
    result.revision = file_sha256(path);
    result.loaded = load_plan_file(path);
    return result;
  }
  result.revision = revision_of(dir, path);
  if (result.revision.empty()) {
    result.loaded = load_plan_file(path);
    return result;
  }
  std::string file = dir + "/" + result.revision + ".plan";
  MappedFile cached(file);
  if (cached.ok()) {
    if (std::optional<Plan> plan = deserialize_plan(cached.bytes())) {
      result.loaded.plan = std::move(*plan);
      result.loaded.source = SourceText::from_file(path);
      result.from_cache = true;
      return result;
    }
  }
  result.loaded = load_plan_file(path);
  if (result.loaded.ok()) write_cache(dir, file, serialize_plan(result.loaded.plan));
  return result;
}

}  // namespace plantrack
