#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <deque>
#include <iterator>
#include <string_view>

#include "plantrack/graph.hpp"

namespace plantrack {
namespace {

using Csr = boost::compressed_sparse_row_graph<boost::directedS>;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// A directed graph in compressed sparse row form: two arrays, no per-vertex allocation. Edges must
// be added in order of their source vertex (the plan is walked in order), so a CSR edge index is
// the position in `list`.
struct Edges {
  std::size_t vertices = 0;
  std::vector<std::pair<std::size_t, std::size_t>> list;  // (from, to)
  Csr graph;

  explicit Edges(std::size_t count) : vertices(count) {}
  void add(std::size_t from, std::size_t to) { list.emplace_back(from, to); }
  void finish() { graph = Csr(boost::edges_are_sorted, list.begin(), list.end(), vertices); }
  std::size_t size() const { return vertices; }
  template <typename Visit>
  void for_each_out(std::size_t v, Visit visit) const {  // visit(edge index, target)
    for (auto e : boost::make_iterator_range(boost::out_edges(v, graph))) {
      visit(boost::get(boost::edge_index, graph, e), boost::target(e, graph));
    }
  }
};

// Strongly connected components that contain a cycle (two or more vertices, or a self-loop).
std::vector<std::vector<std::size_t>> cyclic_components(const Edges& e) {
  if (e.size() == 0) return {};
  std::vector<std::size_t> component(e.size());
  std::size_t count = boost::strong_components(
      e.graph, boost::make_iterator_property_map(component.begin(),
                                                 boost::get(boost::vertex_index, e.graph)));
  std::vector<std::size_t> size(count, 0);
  for (std::size_t c : component) ++size[c];
  std::vector<char> cyclic(count, 0);
  for (std::size_t c = 0; c < count; ++c) cyclic[c] = size[c] > 1;
  for (const auto& [from, to] : e.list) {
    if (from == to) cyclic[component[from]] = 1;
  }
  // Components in order of their first vertex (plan order), members in plan order.
  std::vector<std::size_t> slot(count, kNone);
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t v = 0; v < e.size(); ++v) {
    std::size_t c = component[v];
    if (!cyclic[c]) continue;
    if (slot[c] == kNone) {
      slot[c] = out.size();
      out.emplace_back();
    }
    out[slot[c]].push_back(v);
  }
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
    bool closed = false;
    e.for_each_out(v, [&](std::size_t k, std::size_t w) {
      if (closed || !inside[w] || via[w] != kNone) return;
      via[w] = k;
      closed = w == start;
      queue.push_back(w);
    });
    if (!closed) continue;
    std::vector<std::size_t> path;
    for (std::size_t edge = via[start];; edge = via[e.list[edge].first]) {
      path.push_back(edge);
      if (e.list[edge].first == start) break;
    }
    std::reverse(path.begin(), path.end());
    return path;
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

DependencyGraph::DependencyGraph(const Plan& plan) : DependencyGraph(plan, PlanIndex(plan)) {}

DependencyGraph::DependencyGraph(const Plan& plan, const PlanIndex& index)
    : impl_(std::make_unique<Impl>(plan)) {
  std::size_t dependencies = 0;
  for (const Task& task : plan.tasks) dependencies += task.depends_on.size();
  impl_->tasks.list.reserve(dependencies);
  impl_->task_edges.reserve(dependencies);
  impl_->at_least.reserve(dependencies);
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const auto& deps = plan.tasks[i].depends_on;
    for (std::size_t k = 0; k < deps.size(); ++k) {
      std::optional<std::size_t> to = index.task(deps[k].task);
      if (!to) continue;
      impl_->tasks.add(i, *to);
      impl_->task_edges.push_back(TaskEdge{i, *to, k});
      impl_->at_least.push_back(deps[k].at_least);
    }
  }
  for (std::size_t i = 0; i < plan.stages.size(); ++i) {
    for (const Ref& dep : plan.stages[i].depends_on) {
      if (std::optional<std::size_t> to = index.stage(dep.id)) impl_->stages.add(i, *to);
    }
  }
  impl_->tasks.finish();
  impl_->stages.finish();
  // Transitive closure of the (small) stage graph, one walk per stage.
  const std::size_t n = plan.stages.size();
  impl_->stage_reach.assign(n, std::vector<char>(n, 0));
  for (std::size_t s = 0; s < n; ++s) {
    std::vector<std::size_t> todo{s};
    while (!todo.empty()) {
      std::size_t v = todo.back();
      todo.pop_back();
      impl_->stages.for_each_out(v, [&](std::size_t, std::size_t w) {
        if (impl_->stage_reach[s][w]) return;
        impl_->stage_reach[s][w] = 1;
        todo.push_back(w);
      });
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
