#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <deque>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "plantrack/graph.hpp"

namespace plantrack {
namespace {

using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// A directed graph kept twice: as a Boost graph for the algorithms and as edge lists for walking
// paths.
struct Edges {
  Digraph graph;
  std::vector<std::pair<std::size_t, std::size_t>> list;  // (from, to)
  std::vector<std::vector<std::size_t>> out;              // vertex -> indices into list

  explicit Edges(std::size_t vertices) : graph(vertices), out(vertices) {}
  void add(std::size_t from, std::size_t to) {
    boost::add_edge(from, to, graph);
    out[from].push_back(list.size());
    list.emplace_back(from, to);
  }
  std::size_t size() const { return out.size(); }
};

// Strongly connected components that contain a cycle (two or more vertices, or a self-loop).
std::vector<std::vector<std::size_t>> cyclic_components(const Edges& e) {
  std::vector<std::size_t> component(e.size());
  std::size_t count = e.size() == 0 ? 0 : boost::strong_components(e.graph, component.data());
  std::vector<std::vector<std::size_t>> members(count);
  for (std::size_t v = 0; v < e.size(); ++v) members[component[v]].push_back(v);
  std::vector<std::vector<std::size_t>> out;
  for (auto& m : members) {
    bool self_loop =
        m.size() == 1 && std::any_of(e.out[m[0]].begin(), e.out[m[0]].end(),
                                     [&](std::size_t k) { return e.list[k].second == m[0]; });
    if (m.size() > 1 || self_loop) out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end());  // by first (smallest) vertex: plan order
  return out;
}

// The shortest cycle through the component's first vertex, as edge indices, found breadth first.
std::vector<std::size_t> cycle_through(const Edges& e, const std::vector<std::size_t>& members) {
  std::vector<char> inside(e.size(), 0);
  for (std::size_t v : members) inside[v] = 1;
  const std::size_t start = members.front();
  std::vector<std::size_t> via(e.size(), kNone);  // edge that first reached a vertex
  std::deque<std::size_t> queue{start};
  while (!queue.empty()) {
    std::size_t v = queue.front();
    queue.pop_front();
    for (std::size_t k : e.out[v]) {
      std::size_t w = e.list[k].second;
      if (!inside[w] || via[w] != kNone) continue;
      via[w] = k;
      if (w == start) {
        std::vector<std::size_t> path;
        for (std::size_t edge = via[start];; edge = via[e.list[edge].first]) {
          path.push_back(edge);
          if (e.list[edge].first == start) break;
        }
        std::reverse(path.begin(), path.end());
        return path;
      }
      queue.push_back(w);
    }
  }
  return {};
}

std::optional<std::vector<std::size_t>> order_of(const Edges& e) {
  if (!cyclic_components(e).empty()) return std::nullopt;
  std::vector<std::size_t> order;
  order.reserve(e.size());
  // Edges run dependent -> prerequisite, so Boost's reverse topological order lists prerequisites
  // first.
  boost::topological_sort(e.graph, std::back_inserter(order));
  return order;
}

}  // namespace

struct DependencyGraph::Impl {
  Edges tasks;
  Edges stages;
  std::vector<TaskEdge> task_edges;
  std::vector<std::optional<std::int64_t>> at_least;  // per task edge
  std::vector<std::vector<char>> stage_reach;  // stage_reach[a][b]: a depends on b, directly or not

  explicit Impl(const Plan& plan) : tasks(plan.tasks.size()), stages(plan.stages.size()) {}
};

DependencyGraph::DependencyGraph(const Plan& plan) : impl_(std::make_unique<Impl>(plan)) {
  std::unordered_map<std::string_view, std::size_t> task_index;
  task_index.reserve(plan.tasks.size());
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) task_index.emplace(plan.tasks[i].id, i);
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const auto& deps = plan.tasks[i].depends_on;
    for (std::size_t k = 0; k < deps.size(); ++k) {
      auto it = task_index.find(deps[k].task);
      if (it == task_index.end()) continue;
      impl_->tasks.add(i, it->second);
      impl_->task_edges.push_back(TaskEdge{i, it->second, k});
      impl_->at_least.push_back(deps[k].at_least);
    }
  }
  std::unordered_map<std::string_view, std::size_t> stage_index;
  for (std::size_t i = 0; i < plan.stages.size(); ++i) stage_index.emplace(plan.stages[i].id, i);
  for (std::size_t i = 0; i < plan.stages.size(); ++i) {
    for (const Ref& dep : plan.stages[i].depends_on) {
      auto it = stage_index.find(dep.id);
      if (it != stage_index.end()) impl_->stages.add(i, it->second);
    }
  }
  // Transitive closure of the (small) stage graph, one walk per stage.
  const std::size_t n = plan.stages.size();
  impl_->stage_reach.assign(n, std::vector<char>(n, 0));
  for (std::size_t s = 0; s < n; ++s) {
    std::vector<std::size_t> todo{s};
    while (!todo.empty()) {
      std::size_t v = todo.back();
      todo.pop_back();
      for (std::size_t k : impl_->stages.out[v]) {
        std::size_t w = impl_->stages.list[k].second;
        if (!impl_->stage_reach[s][w]) {
          impl_->stage_reach[s][w] = 1;
          todo.push_back(w);
        }
      }
    }
  }
}

DependencyGraph::~DependencyGraph() = default;

const std::vector<TaskEdge>& DependencyGraph::task_edges() const {
  return impl_->task_edges;
}

std::optional<std::vector<std::size_t>> DependencyGraph::task_order() const {
  return order_of(impl_->tasks);
}

std::optional<std::vector<std::size_t>> DependencyGraph::stage_order() const {
  return order_of(impl_->stages);
}

std::vector<std::vector<TaskEdge>> DependencyGraph::task_cycles() const {
  std::vector<std::vector<TaskEdge>> out;
  for (const auto& members : cyclic_components(impl_->tasks)) {
    std::vector<TaskEdge> cycle;
    for (std::size_t k : cycle_through(impl_->tasks, members))
      cycle.push_back(impl_->task_edges[k]);
    out.push_back(std::move(cycle));
  }
  return out;
}

std::vector<std::vector<std::size_t>> DependencyGraph::stage_cycles() const {
  std::vector<std::vector<std::size_t>> out;
  for (const auto& members : cyclic_components(impl_->stages)) {
    std::vector<std::size_t> cycle;
    for (std::size_t k : cycle_through(impl_->stages, members)) {
      cycle.push_back(impl_->stages.list[k].first);
    }
    out.push_back(std::move(cycle));
  }
  return out;
}

bool DependencyGraph::stage_after(std::size_t later, std::size_t earlier) const {
  return later < impl_->stage_reach.size() && earlier < impl_->stage_reach.size() &&
         impl_->stage_reach[later][earlier];
}

std::vector<Readiness> DependencyGraph::readiness(const Progress& progress) const {
  const std::size_t n = impl_->tasks.size();
  auto achieved = [&](std::size_t i) {
    return i < progress.achieved.size() ? progress.achieved[i] : 0;
  };
  auto complete = [&](std::size_t i) {
    return i < progress.complete.size() && progress.complete[i];
  };
  std::vector<Readiness> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    out[i].task = i;
    out[i].complete = complete(i);
  }
  for (std::size_t k = 0; k < impl_->task_edges.size(); ++k) {
    const TaskEdge& edge = impl_->task_edges[k];
    const std::optional<std::int64_t>& at_least = impl_->at_least[k];
    bool met = at_least ? achieved(edge.to) >= *at_least : complete(edge.to);
    if (!met) out[edge.from].blockers.push_back(Blocker{edge.to, at_least, achieved(edge.to)});
  }
  return out;
}

}  // namespace plantrack
