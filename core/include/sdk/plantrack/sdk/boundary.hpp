#pragma once
/// The types that cross the plugin boundary: events, findings, the view of the plan, settings,
/// the plugin interfaces and their NVI bases, and the descriptor a library exports. Included
/// through plantrack/sdk/plugin.hpp; every type here is in the layout check of layout.hpp.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "plantrack/domain_event.hpp"
#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/sdk/severity.hpp"
#include "plantrack/status.hpp"

/// The ABI version as a token, for the exported symbol name (`plantrack_plugin_v2`). Version 2:
/// notifiers take batches, one Severity, the descriptor's `layout`, the library's manifest.
/// Version 5: PlanStatus's known_at and log, TaskStatus::done_on, Task::of, PlanInfo::approved_*.
#define PLANTRACK_PLUGIN_ABI 5

namespace plantrack::sdk {

/// Bumped whenever a type or function crossing the boundary changes incompatibly (layout.hpp
/// fails to compile when a boundary type's layout changes, to make sure it is).
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

/// What the engine tells notifiers (defined with the model, so that the core derives them below
/// the plugin boundary).
using EventType = DomainEventType;
using Event = DomainEvent;
using plantrack::to_string;

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
  std::string table;   ///< one table only (e.g. "workload"), for table formats; empty: all
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

/// Since ABI 2 a notifier receives a command's events as one batch (an import of N rows is one
/// call, so a webhook makes one POST and an e-mail notifier sends one message).
class PLANTRACK_API Notifier : public Plugin {
 public:
  ~Notifier() override;
  /// `events` is never empty; they are in the order the command produced them (what an earlier
  /// run kept for this notifier first). A failure fails the whole batch: the host keeps all of
  /// its events for the next run.
  virtual Outcome notify(const std::vector<Event>& events, const View& view) noexcept = 0;
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
  Outcome notify(const std::vector<Event>& events, const View& view) noexcept final {
    return guarded([&] { on_events(events, view); });
  }

 protected:
  /// The batch; by default one on_event() per event, in order (the first that throws ends the
  /// batch, and the whole batch counts as failed). Override it to send a batch as one message.
  virtual void on_events(const std::vector<Event>& events, const View& view) {
    for (const Event& event : events) on_event(event, view);
  }
  /// One event; override this or on_events().
  virtual void on_event(const Event& /*event*/, const View& /*view*/) {
    throw std::logic_error("this notifier implements neither on_event nor on_events");
  }
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
  // Appended in ABI 2: the boundary layout the library was built against (layout.hpp).
  std::uint64_t layout;
};
/// The smallest descriptor the host accepts: ABI 2's, every field up to `layout`. Later fields
/// are appended after it; `size` tells the host which a library has.
inline constexpr std::size_t kDescriptorMinSize =
    offsetof(Descriptor, layout) + sizeof(std::uint64_t);

}  // namespace plantrack::sdk
