// Events dispatched per second to a no-op notifier loaded from a plugin library through the host,
// side by side with the same notifier class called directly in this process (the floor: one
// virtual call). Prints one line of JSON: {"events": N, "host_per_s": ..., "direct_per_s": ...}.
//   plugin_dispatch NOOP_PLUGIN.so [EVENTS]
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include "plantrack/load.hpp"
#include "plantrack/plugin_host.hpp"

namespace {

class Direct final : public plantrack::sdk::NotifierBase {
 protected:
  void on_event(const plantrack::sdk::Event&, const plantrack::sdk::View&) override {}
};

template <typename F>
double seconds(F&& body) {
  auto start = std::chrono::steady_clock::now();
  body();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: plugin_dispatch NOOP_PLUGIN.so [EVENTS]\n";
    return 2;
  }
  long events = argc > 2 ? std::atol(argv[2]) : 5'000'000;
  std::string plan_text =
      "[plan]\nid = \"bench\"\ntitle = \"Bench\"\nperiod = { start = 2020, end = 2021 }\n"
      "[[stage]]\nid = \"s\"\ntitle = \"S\"\n"
      "[[task]]\nid = \"t\"\nstage = \"s\"\ntitle = \"T\"\nunit = \"x\"\ntarget = 1\n"
      "[[plugin]]\nname = \"noop\"\npath = \"" +
      std::string(argv[1]) + "\"\n";
  plantrack::LoadResult plan = plantrack::load_plan_text(plan_text, "bench.toml");
  plantrack::PluginHost host({});
  plantrack::DiagnosticSink sink("bench.toml");
  if (!plan.ok() || !host.load_plan_plugins(plan.plan, "bench.toml", sink)) {
    for (const auto& d : sink.diagnostics()) std::cerr << d.message << "\n";
    return 1;
  }
  plantrack::sdk::Event e;
  e.type = plantrack::sdk::EventType::kProgressRecorded;
  e.plan_id = "bench";
  e.key = "progress-recorded/1";
  plantrack::sdk::View view{plan.plan, nullptr};
  const std::vector<plantrack::sdk::Event> one{e};  // a batch of one: the cost per call
  std::size_t failures = 0;
  double host_s = seconds([&] {
    for (long i = 0; i < events; ++i) failures += host.notify(e, view).size();
  });
  Direct direct;
  plantrack::sdk::Notifier& n = direct;
  double direct_s = seconds([&] {
    for (long i = 0; i < events; ++i) failures += n.notify(one, view).ok ? 0 : 1;
  });
  auto n_events = static_cast<double>(events);
  std::cout << "{\"events\": " << events << ", \"host_per_s\": " << n_events / host_s
            << ", \"direct_per_s\": " << n_events / direct_s << ", \"failures\": " << failures
            << "}\n";
  return failures == 0 ? 0 : 1;
}
