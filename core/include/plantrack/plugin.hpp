#pragma once
/// The plantrack plugin SDK: the one header a plugin author starts from.
///
/// A plugin library provides one or more plugins of three kinds: a **notifier** receives events
/// (progress recorded, task completed, stage completed, ...), a **reporter** renders a report of
/// the plan and its status, a **funding check** inspects the plan and returns findings. The library
/// exports a descriptor: its name and version and, per plugin, its kinds, its declared settings
/// (name, type, default, help) and a factory per kind. The host checks the ABI version before it
/// runs any other code of the library, validates the plan's settings against the declaration, and
/// keeps the library loaded for as long as any object it made is alive.
///
/// Boundary rules (docs/plugins.md):
/// - The ABI version is exported on its own (`plantrack_plugin_abi`) and the descriptor function's
///   name carries it (`plantrack_plugin_v1`); the descriptor only grows by appending fields.
/// - The SDK passes C++ standard-library types (std::string, the plan model) across the boundary,
///   so a plugin must be built with the same C++ standard library as plantrack (libstdc++ with the
///   C++11 ABI, C++20): the descriptor carries that tag and the host refuses a mismatch.
/// - Exceptions never cross the boundary: derive from NotifierBase, ReporterBase and
///   FundingCheckBase, whose entry points catch on the plugin side and return an Outcome.
/// - Plugins read the plan and its status through View; they never open the database. They log
///   through Context, not spdlog's global registry (it does not work across libraries).
///
/// Example (a notifier that counts events):
///   class Counter : public plantrack::sdk::NotifierBase {
///     void on_event(const plantrack::sdk::Event& e, const plantrack::sdk::View&) override { ++n; }
///     int n = 0;
///   };
///   const plantrack::sdk::PluginSpec kPlugins[] = {plantrack::sdk::notifier<Counter>("counter")};
///   const plantrack::sdk::Descriptor kDescriptor = plantrack::sdk::describe("counter", "1.0",
///   kPlugins); const plantrack::sdk::Descriptor* describe() { return &kDescriptor; }
///   PLANTRACK_PLUGIN_LIBRARY(describe)
#include <boost/dll/alias.hpp>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/status.hpp"

/// The ABI version as a token, for the exported symbol name.
#define PLANTRACK_PLUGIN_ABI 1

namespace plantrack::sdk {

/// Bumped whenever a type or function crossing the boundary changes incompatibly.
inline constexpr std::uint32_t kAbiVersion = PLANTRACK_PLUGIN_ABI;

/// The C++ standard library the boundary types come from; must equal the host's.
#if defined(_GLIBCXX_USE_CXX11_ABI) && _GLIBCXX_USE_CXX11_ABI
inline constexpr const char* kToolchain = "libstdc++/cxx11-abi/c++20";
#else
inline constexpr const char* kToolchain = "other-standard-library";
#endif

enum Kind : std::uint32_t { kNotifier = 1, kReporter = 2, kFundingCheck = 4 };

/// Values only ever grow at the end. `kPath` (appended): a string naming a file relative to the
/// plan's folder; the host refuses one that is absolute or leaves the folder (`..`, or a symlink
/// out of it) at the plan's line, and gives the plugin the resolved path.
enum class SettingType : std::uint32_t { kString, kInteger, kNumber, kBoolean, kStringList, kPath };

/// A declared setting. `default_value` is TOML text ("3", "\"x\"", "true", "[]"), or nullptr when
/// the setting is required.
struct SettingSpec {
  const char* name;
  SettingType type;
  const char* default_value;
  const char* help;
};

/// The settings of one plugin as the host validated them: every declared setting has a value.
class PLANTRACK_API Settings {
 public:
  Settings() = default;
  explicit Settings(std::vector<PluginSetting> values) : values_(std::move(values)) {}
  /// The value of a declared setting; the defaults of the wrong type are never returned: the host
  /// checked types against the declaration.
  std::string text(std::string_view name) const;
  std::int64_t integer(std::string_view name) const;
  double number(std::string_view name) const;
  bool boolean(std::string_view name) const;
  std::vector<std::string> list(std::string_view name) const;
  const std::vector<PluginSetting>& values() const { return values_; }

 private:
  const SettingValue* find(std::string_view name) const;
  std::vector<PluginSetting> values_;
};

/// What the engine tells notifiers.
enum class EventType : std::uint32_t {
  kPlanValidated,
  kProgressRecorded,
  kTaskStarted,
  kTaskCompleted,
  kTaskUnblocked,
  kStageCompleted,
  kTaskOverdue,
  kTaskBehindPace,
  kFundingFinding,
  kReportGenerated,
  kTaskDueSoon,  ///< appended: values only ever grow at the end
  kReportDue,
};
PLANTRACK_API std::string_view to_string(EventType type);

struct Event {
  EventType type = EventType::kPlanValidated;
  std::string plan_id;
  std::string task;   ///< empty when not about one task
  std::string stage;  ///< the task's stage, or the stage completed
  Date as_of;
  /// Stable across runs for the same fact ("task-completed/posters"), for de-duplication.
  std::string key;
  std::string message;  ///< one line for people, in English
  std::optional<std::int64_t> quantity;
  std::optional<std::int64_t> event_id;  ///< the stored event behind it, if any
};

enum class Severity : std::uint32_t { kInfo, kWarning, kError };

/// A funding finding: what, under which rule, the amounts, where, and the fix.
struct Finding {
  Severity severity = Severity::kWarning;
  std::string rule;   ///< rule id
  std::string basis;  ///< legal basis, e.g. "TTLT 221/2012/TTLT-BTC-BCT, art. 5"
  std::string message;
  std::vector<std::int64_t> amounts;
  SourcePos where;                       ///< the plan location concerned, if any
  std::optional<std::int64_t> event_id;  ///< or the event
  std::string fix;
};

/// Read-only: the plan and its status as of the event's date.
struct View {
  const Plan& plan;
  const PlanStatus* status = nullptr;  ///< nullptr when no store was read (validate)
  /// The funding checks' findings, for reporters (nullptr for notifiers and funding checks).
  const std::vector<Finding>* findings = nullptr;
};

/// The host's side of a plugin: logging, and where the plan file is.
class PLANTRACK_API Context {
 public:
  virtual ~Context();
  virtual void info(std::string_view message) = 0;
  virtual void warn(std::string_view message) = 0;
  /// The plan file's path (its folder is where plugins write files by default).
  virtual const std::string& plan_path() const = 0;
};

/// What a plugin call returns: ok, or an error message for the user.
struct Outcome {
  bool ok = true;
  std::string error;
  static Outcome failure(std::string message) { return Outcome{false, std::move(message)}; }
};

/// What a reporter is asked for.
struct ReportRequest {
  std::string format;  ///< the reporter's name, e.g. "md"
  std::string lang;    ///< "vi" or "en"
  std::optional<int> from_year, to_year;
  std::string table;  ///< one table only (e.g. "workload"), for table formats; empty: all
  /// For a format that writes several files (CSV, one per table): opens `name` (e.g.
  /// "workload.csv") in the output folder. nullptr when writing to one stream (then such a format
  /// needs `table`).
  std::function<std::ostream&(const std::string& name)> open_file;
  std::string revision;  ///< SHA-256 of the plan file the report was made from
};

/// Every plugin object; the host deletes it through this (its code is in the plugin library,
/// which stays loaded until then).
class PLANTRACK_API Plugin {
 public:
  virtual ~Plugin();
};

class PLANTRACK_API Notifier : public Plugin {
 public:
  ~Notifier() override;
  virtual Outcome notify(const Event& event, const View& view) noexcept = 0;
};

class PLANTRACK_API Reporter : public Plugin {
 public:
  ~Reporter() override;
  virtual Outcome render(const View& view, const ReportRequest& request,
                         std::ostream& out) noexcept = 0;
};

class PLANTRACK_API FundingCheck : public Plugin {
 public:
  ~FundingCheck() override;
  virtual Outcome check(const View& view, std::vector<Finding>& findings) noexcept = 0;
};

/// Runs `body` on the plugin side, turning any exception into an Outcome.
template <typename F>
Outcome guarded(F&& body) noexcept {
  try {
    body();
    return {};
  } catch (const std::exception& e) {
    return Outcome::failure(e.what());
  } catch (...) {
    return Outcome::failure("an exception that is not a std::exception");
  }
}

/// Bases to derive from: implement the protected hook; the public entry point catches.
class NotifierBase : public Notifier {
 public:
  Outcome notify(const Event& event, const View& view) noexcept final {
    return guarded([&] { on_event(event, view); });
  }

 protected:
  virtual void on_event(const Event& event, const View& view) = 0;
};

class ReporterBase : public Reporter {
 public:
  Outcome render(const View& view, const ReportRequest& request, std::ostream& out) noexcept final {
    return guarded([&] { write(view, request, out); });
  }

 protected:
  virtual void write(const View& view, const ReportRequest& request, std::ostream& out) = 0;
};

class FundingCheckBase : public FundingCheck {
 public:
  Outcome check(const View& view, std::vector<Finding>& findings) noexcept final {
    return guarded([&] { inspect(view, findings); });
  }

 protected:
  virtual void inspect(const View& view, std::vector<Finding>& findings) = 0;
};

/// Factories: made on the plugin side; nullptr with `error` set when construction failed.
using NotifierFactory = Notifier* (*)(const Settings&, Context&, std::string& error) noexcept;
using ReporterFactory = Reporter* (*)(const Settings&, Context&, std::string& error) noexcept;
using FundingCheckFactory = FundingCheck* (*)(const Settings&, Context&,
                                              std::string& error) noexcept;

struct PluginSpec {
  const char* name;
  std::uint32_t kinds;  ///< Kind flags
  const char* help;
  const SettingSpec* settings;
  std::size_t setting_count;
  NotifierFactory make_notifier;
  ReporterFactory make_reporter;
  FundingCheckFactory make_funding_check;
};

/// The inclusive bounds of an integer or number setting (appended to the descriptor, so older
/// libraries without it still load). The host refuses a value outside them at the plan's line.
struct SettingRange {
  const char* plugin;   ///< the plugin's name
  const char* setting;  ///< one of its integer or number settings
  double min;
  double max;
};

/// What a library exports. Fields are only ever appended; `size` says how many the library has.
struct Descriptor {
  std::uint32_t abi_version;
  std::uint32_t size;
  const char* toolchain;
  const char* library;
  const char* version;
  std::size_t plugin_count;
  const PluginSpec* plugins;
  // Appended (a library whose `size` ends before them has no ranges):
  std::size_t range_count;
  const SettingRange* ranges;
};
/// The size of the first descriptor layout: the smallest the host accepts.
inline constexpr std::size_t kDescriptorMinSize = offsetof(Descriptor, range_count);
static_assert(offsetof(Descriptor, plugins) + sizeof(const PluginSpec*) == kDescriptorMinSize,
              "descriptor fields are only ever appended");

/// A factory for T (constructed from (const Settings&, Context&)), catching on the plugin side.
template <typename Interface, typename T>
Interface* make(const Settings& settings, Context& context, std::string& error) noexcept {
  try {
    return new T(settings, context);
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "an exception that is not a std::exception";
  }
  return nullptr;
}

template <typename T, std::size_t N = 0>
constexpr PluginSpec notifier(const char* name, const char* help,
                              const SettingSpec (&settings)[N]) {
  return PluginSpec{name, kNotifier, help, settings, N, &make<Notifier, T>, nullptr, nullptr};
}
template <typename T>
constexpr PluginSpec notifier(const char* name, const char* help) {
  return PluginSpec{name, kNotifier, help, nullptr, 0, &make<Notifier, T>, nullptr, nullptr};
}
template <typename T, std::size_t N>
constexpr PluginSpec reporter(const char* name, const char* help,
                              const SettingSpec (&settings)[N]) {
  return PluginSpec{name, kReporter, help, settings, N, nullptr, &make<Reporter, T>, nullptr};
}
template <typename T>
constexpr PluginSpec reporter(const char* name, const char* help) {
  return PluginSpec{name, kReporter, help, nullptr, 0, nullptr, &make<Reporter, T>, nullptr};
}
template <typename T, std::size_t N>
constexpr PluginSpec funding_check(const char* name, const char* help,
                                   const SettingSpec (&settings)[N]) {
  return PluginSpec{name, kFundingCheck, help,    settings,
                    N,    nullptr,       nullptr, &make<FundingCheck, T>};
}

template <std::size_t N>
constexpr Descriptor describe(const char* library, const char* version,
                              const PluginSpec (&plugins)[N]) {
  return Descriptor{kAbiVersion, sizeof(Descriptor), kToolchain, library, version, N, plugins, 0,
                    nullptr};
}
/// A descriptor with setting ranges (see SettingRange).
template <std::size_t N, std::size_t R>
constexpr Descriptor describe(const char* library, const char* version,
                              const PluginSpec (&plugins)[N], const SettingRange (&ranges)[R]) {
  return Descriptor{kAbiVersion, sizeof(Descriptor), kToolchain, library, version, N, plugins, R,
                    ranges};
}

/// The ABI version a library was built for, exported on its own so the host can read it first.
inline constexpr std::uint32_t kLibraryAbi = kAbiVersion;

}  // namespace plantrack::sdk

#define PLANTRACK_PLUGIN_CONCAT2(a, b) a##b
#define PLANTRACK_PLUGIN_CONCAT(a, b) PLANTRACK_PLUGIN_CONCAT2(a, b)

/// Exports a library's entry points: the ABI version, then its descriptor function
/// (`const plantrack::sdk::Descriptor* fn()`), under a name carrying the ABI version.
#define PLANTRACK_PLUGIN_LIBRARY(describe_function)                  \
  BOOST_DLL_ALIAS(plantrack::sdk::kLibraryAbi, plantrack_plugin_abi) \
  BOOST_DLL_ALIAS(describe_function,                                 \
                  PLANTRACK_PLUGIN_CONCAT(plantrack_plugin_v, PLANTRACK_PLUGIN_ABI))
