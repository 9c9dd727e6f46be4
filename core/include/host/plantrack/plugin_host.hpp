#pragma once
/// The plugin host: finds plugin libraries, checks them, loads the plugins a plan names, and
/// dispatches events to notifiers in batches with each failure isolated (see docs/plugins.md).
///
/// Before any code of a library runs (before it is loaded), the host checks the file and its
/// folders (owner, permissions), reads its exported symbol names and its manifest from the file
/// (plugin ABI, boundary layout fingerprint, toolchain, plugin names), and refuses a mismatch. A
/// library is loaded only when a plan or a command names one of its plugins (by name, found in
/// the manifests on the search path, or by path), or when `plugins list`/`plugins check` shows it.
/// Each library file is hashed (SHA-256) and read once per process.
///
/// Example:
///   plantrack::PluginHost host(plantrack::plugin_search_path(cli_paths));
///   plantrack::DiagnosticSink sink("plan.toml");
///   host.load_plan_plugins(plan, "plan.toml", sink);
///   for (const auto& failure : host.notify(event, view)) std::cerr << failure.message << "\n";
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plantrack/diagnostic.hpp"
#include "plantrack/environment.hpp"
#include "plantrack/export.hpp"
#include "plantrack/plan.hpp"
#include "plantrack/sdk/plugin.hpp"

namespace plantrack {

/// Where plugins are looked for, in order: `extra` (--plugin-path), PLANTRACK_PLUGIN_PATH
/// (colon-separated), then the installed plugin folder (`<prefix>/lib/plantrack/plugins`, found
/// from the running executable; in a build tree, `<build>/lib/plantrack/plugins`).
PLANTRACK_API std::vector<std::string> plugin_search_path(const std::vector<std::string>& extra);
/// The same with PLANTRACK_PLUGIN_PATH read from `environment`.
PLANTRACK_API std::vector<std::string> plugin_search_path(const std::vector<std::string>& extra,
                                                          const Environment& environment);

/// The installed (or build-tree) plugin folder.
PLANTRACK_API std::string installed_plugin_dir();
/// The rule tables installed with plantrack (`<datadir>/plantrack/rules`, found from the core
/// library's place; in a build tree `build/<preset>/share/plantrack/rules`).
PLANTRACK_API std::string installed_rules_dir();

/// What `plugins list` and `plugins check` show of one library.
struct LibraryInfo {
  std::string path;
  std::string sha256;
  std::optional<std::uint32_t> abi;  ///< nullopt: not a plantrack plugin library
  std::string library, version;      ///< from the descriptor (when the ABI matches)
  struct Plugin {
    std::string name;
    std::uint32_t kinds = 0;
    std::string help;
    std::vector<sdk::SettingSpec> settings;  ///< pointers valid while the library is loaded
    std::vector<sdk::SettingRange> ranges;   ///< bounds of some integer and number settings
  };
  std::vector<Plugin> plugins;
  std::string problem;  ///< empty when the library can be used; else what is wrong
  std::string fix;      ///< and how to fix it
};

/// "notifier", "notifier, reporter", ...
PLANTRACK_API std::string kinds_text(std::uint32_t kinds);
PLANTRACK_API std::string_view to_string(sdk::SettingType type);

/// A notifier call that failed: which plugin, on which event (or batch), what it said.
struct PluginFailure {
  std::string plugin;
  std::string event_key;  ///< batch_key() of the batch it failed on
  std::string message;
};

/// How a batch is named in messages: its first event's key, and "(and N more)" when it has more.
PLANTRACK_API std::string batch_key(const std::vector<sdk::Event>& events);

/// A finding and the funding-check plugin that made it.
struct PluginFinding {
  std::string plugin;
  sdk::Finding finding;
};

class PLANTRACK_API PluginHost {
 public:
  explicit PluginHost(std::vector<std::string> search_path);
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  /// Checks one library: file safety and its manifest (read from the file: nothing of the library
  /// runs when they are wrong), then loads it and checks its descriptor. Never throws.
  LibraryInfo inspect(const std::string& path);

  /// Every library on the search path (files ending in .so), inspected (so the plantrack plugin
  /// libraries among them are loaded; the others are only read).
  std::vector<LibraryInfo> discover();

  /// Loads the plugins `plan` names ([[plugin]]), validating their settings against each
  /// plugin's declaration; problems go to `sink` at the plan's line. Returns false on errors
  /// (then no plugin of the plan is loaded).
  bool load_plan_plugins(const Plan& plan, const std::string& plan_path, DiagnosticSink& sink);

  /// Sends `events` as one batch to every loaded notifier, in plan order (nothing when empty).
  /// A notifier that fails does not stop the others; the failures are returned, one per failing
  /// notifier (its event_key is batch_key(events)). Remembers nothing: see deliver().
  std::vector<PluginFailure> notify(const std::vector<sdk::Event>& events, const sdk::View& view);
  /// The same with a batch of one event.
  std::vector<PluginFailure> notify(const sdk::Event& event, const sdk::View& view);
  /// The loaded notifiers' names, in plan order (what deliveries are remembered by); the second
  /// entry of one name is "NAME#2", and so on.
  std::vector<std::string> notifiers() const;
  /// Sends `events` as one batch to the `notifier`-th loaded notifier only (an index into
  /// notifiers()); ok without a call when `events` is empty.
  sdk::Outcome notify_one(std::size_t notifier, const std::vector<sdk::Event>& events,
                          const sdk::View& view);
  /// The same with a batch of one event.
  sdk::Outcome notify_one(std::size_t notifier, const sdk::Event& event, const sdk::View& view);

  /// Runs every loaded funding check, in plan order; appends their findings. A check that fails
  /// does not stop the others; the failures are returned.
  std::vector<PluginFailure> check_funding(const sdk::View& view,
                                           std::vector<PluginFinding>& findings);

  /// Makes the reporter `name` ready: the plan's, if it configures one by that name, else the
  /// first on the search path, with its default settings. Problems go to `sink` (an unknown
  /// format with "did you mean"). Returns false on errors.
  bool load_reporter(const std::string& name, const std::string& plan_path, DiagnosticSink& sink);
  /// Renders with a reporter made ready by load_reporter (or named in the plan).
  sdk::Outcome render(const std::string& name, const sdk::View& view,
                      const sdk::ReportRequest& request, std::ostream& out);

  /// Loaded plugins: (name, library path, version).
  struct Loaded {
    std::string name, path, version, sha256;
    std::uint32_t kinds = 0;
  };
  std::vector<Loaded> loaded() const;
  std::size_t notifier_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plantrack
