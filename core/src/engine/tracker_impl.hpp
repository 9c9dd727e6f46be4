#pragma once
// What a Tracker holds; shared by the engine's files (open and read, write, the other commands).
#include <memory>
#include <optional>
#include <string>

#include "plantrack/graph.hpp"
#include "plantrack/load.hpp"
#include "plantrack/tracker.hpp"

namespace plantrack {

struct Tracker::Impl {
  Options options;
  std::shared_ptr<const Clock> clock;
  LoadResult loaded;
  std::string revision;
  std::string plan_path, programme_path, store_path;
  Date as_of;
  std::optional<Period> period;
  std::string known_at;  // Options::known_at
  StatusScope scope() const { return {as_of, period, known_at}; }
  std::unique_ptr<PlanIndex> index;
  mutable std::unique_ptr<DependencyGraph> graph;  // built on first use
  std::unique_ptr<PluginHost> plugins;
  bool plugins_tried = false;     // plugins() loaded them, or found there are none
  std::string history_elsewhere;  // Tracker::history_elsewhere
  bool store_created = false;  // this tracker created the store (read-write, the file was absent)
  std::optional<EventStore> store;

  const DependencyGraph& dependency_graph() const {
    if (!graph) graph = std::make_unique<DependencyGraph>(loaded.plan, *index);
    return *graph;
  }
  /// Loads the plan's plugins into `plugins`; the error when they cannot be loaded.
  std::optional<TrackerError> load_plugins();
  /// A bare host over the search path (reports, when the plan names no plugin).
  std::unique_ptr<PluginHost> bare_host() const;
  std::vector<std::string> search_path() const;
};

/// A StoreError as a TrackerError; `wrote_nothing`: a write was refused by it.
TrackerError store_error(const StoreError& e, bool wrote_nothing);

}  // namespace plantrack
