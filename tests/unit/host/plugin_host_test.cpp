// The plugin host against real plugin libraries (tests/plugins): checks, exact messages, settings
// validation at the plan's lines, dispatch order and isolation.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "../test_plans.hpp"
#include "plantrack/plugin_host.hpp"

using namespace plantrack;

namespace {

// The plugin ABI this plantrack loads, as the host names it.
const std::string kAbi = std::to_string(plantrack::sdk::kAbiVersion);

const std::string kFixtures = PLANTRACK_FIXTURE_DIR;
const std::string kHostile = PLANTRACK_HOSTILE_FIXTURE_DIR;
const std::string kMarkerDir = PLANTRACK_MARKER_FIXTURE_DIR;
const std::string kBuiltin = PLANTRACK_BUILTIN_PLUGIN_DIR;

std::string fixture(const std::string& name) {
  return kFixtures + "/" + name + ".so";
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("plantrack-host-" + std::to_string(::getpid()) + "-" +
            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::create_directories(path);
    ::chmod(path.c_str(), 0755);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

std::string read(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A plan whose [[plugin]] entries are `plugins` (TOML text).
LoadResult plan_with(const std::string& plugins) {
  return test::load(test::task("posters", "awareness", 10) + "\n" + plugins);
}

std::string messages(DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& d : sink.diagnostics()) {
    out += std::to_string(d.where.line) + ": " + d.message + " | " + d.fix + "\n";
  }
  return out;
}

sdk::Event event(const std::string& key) {
  sdk::Event e;
  e.type = sdk::EventType::kProgressRecorded;
  e.plan_id = "demo";
  e.key = key;
  return e;
}

}  // namespace

TEST_CASE("a good library is described without running its plugins", "[host]") {
  PluginHost host({});
  LibraryInfo info = host.inspect(fixture("good"));
  CHECK(info.problem.empty());
  CHECK(info.abi == sdk::kAbiVersion);
  CHECK(info.library == "fixture_good");
  CHECK(info.version == "2.1.0");
  REQUIRE(info.plugins.size() == 3);
  CHECK(kinds_text(info.plugins[2].kinds) == "funding check");
  CHECK(info.plugins[0].name == "tally");
  CHECK(kinds_text(info.plugins[0].kinds) == "notifier");
  REQUIRE(info.plugins[0].settings.size() == 5);
  CHECK(std::string(info.plugins[0].settings[0].name) == "file");
  CHECK(info.sha256.size() == 64);
}

TEST_CASE("libraries that cannot be used are refused with what and how to fix", "[host]") {
  PluginHost host({});
  auto says = [&](const std::string& path) {
    LibraryInfo info = host.inspect(path);
    return info.problem + "\n  fix: " + info.fix;
  };
  CHECK(says(fixture("wrong_abi")) ==
        fixture("wrong_abi") + " was built for plugin ABI 99; this plantrack loads plugin ABI " +
            kAbi +
            "\n"
            "  fix: rebuild the plugin against this plantrack's SDK");
  CHECK(says(fixture("not_plugin")) ==
        fixture("not_plugin") +
            " is not a plantrack plugin library (it exports no plantrack_plugin_abi)\n"
            "  fix: export the entry points with PLANTRACK_PLUGIN_LIBRARY(...)");
  CHECK(says(fixture("missing_factory")) ==
        "plugin \"hollow\" in " + fixture("missing_factory") +
            " declares kind notifier but has no notifier factory\n"
            "  fix: declare it with sdk::notifier<T>, sdk::reporter<T> or sdk::funding_check<T>");
  CHECK(says("/no/such/plugin.so") ==
        "cannot read the plugin file /no/such/plugin.so: No such file or directory\n"
        "  fix: check the path");
}

TEST_CASE("a library built against an older boundary is refused from its file, naming both",
          "[host]") {
  // Both fixtures abort when loaded: the refusal must come before any of their code runs.
  PluginHost host({});
  std::string abi1 = kHostile + "/old_layout_1.so";
  LibraryInfo old_abi = host.inspect(abi1);
  CHECK(old_abi.problem ==
        abi1 + " was built for plugin ABI 1; this plantrack loads plugin ABI " + kAbi);
  CHECK(old_abi.fix == "rebuild the plugin against this plantrack's SDK");
  CHECK(old_abi.abi == 1u);
  std::string other = kHostile + "/old_layout_2.so";
  char ours[17];
  std::snprintf(ours, sizeof ours, "%016llx",
                static_cast<unsigned long long>(sdk::kLayoutFingerprint));
  LibraryInfo layout = host.inspect(other);
  CHECK(layout.problem == other + " was built for plugin ABI " + kAbi +
                              " with boundary layout 00000000deadbeef; " +
                              "this plantrack loads plugin ABI " + kAbi + " with layout " + ours +
                              " (a type plugins read changed; see plantrack/sdk/layout.hpp)");
  CHECK(layout.fix == "rebuild the plugin against this plantrack's SDK");
  CHECK(layout.sha256.size() == 64);
}

TEST_CASE("finding a plugin by name loads no library that does not provide it", "[host]") {
  // marker.so sorts first on the path and marks itself when loaded; the hostile folder holds
  // libraries that crash, exit or abort when loaded. Only good.so provides "tally".
  std::string mark = kMarkerDir + "/marker.so.loaded";
  std::filesystem::remove(mark);
  TempDir dir;
  LoadResult r = plan_with("[[plugin]]\nname = \"tally\"\n[plugin.settings]\nfile = \"" +
                           dir.file("events.txt") + "\"\n");
  REQUIRE(r.ok());
  {
    PluginHost host({kMarkerDir, kHostile, kFixtures});
    DiagnosticSink sink("t.toml");
    REQUIRE(host.load_plan_plugins(r.plan, "t.toml", sink));
    REQUIRE(host.loaded().size() == 1);
    CHECK(host.loaded()[0].path == fixture("good"));
    CHECK_FALSE(std::filesystem::exists(mark));
  }
  // The marker does mark when it is the plugin named (so the check above can fail).
  LoadResult named = plan_with("[[plugin]]\nname = \"marker\"\n");
  REQUIRE(named.ok());
  PluginHost host({kMarkerDir, kHostile, kFixtures});
  DiagnosticSink sink("t.toml");
  REQUIRE(host.load_plan_plugins(named.plan, "t.toml", sink));
  CHECK(std::filesystem::exists(mark));
  std::filesystem::remove(mark);
}

TEST_CASE("a batch reaches each notifier in one call; the default hook loops over on_event",
          "[host]") {
  TempDir dir;
  std::string out = dir.file("events.txt");
  LoadResult r = plan_with("[[plugin]]\nname = \"tally\"\n[plugin.settings]\nfile = \"" + out +
                           "\"\n\n[[plugin]]\nname = \"thrower\"\n");
  REQUIRE(r.ok());
  PluginHost host({kFixtures});
  DiagnosticSink sink("t.toml");
  REQUIRE(host.load_plan_plugins(r.plan, "t.toml", sink));
  sdk::View view{r.plan, nullptr};
  std::vector<sdk::Event> batch = {event("a/1"), event("a/2"), event("a/3")};
  std::vector<PluginFailure> failures = host.notify(batch, view);
  CHECK(read(out) == "tally:a/1:demo\ntally:a/2:demo\ntally:a/3:demo\n");
  REQUIRE(failures.size() == 1);  // one per failing notifier, not one per event
  CHECK(failures[0].plugin == "thrower");
  CHECK(failures[0].event_key == "a/1 (and 2 more)");
  CHECK(host.notify(std::vector<sdk::Event>{}, view).empty());
}

TEST_CASE("a plugin file or folder others can write to is refused", "[host]") {
  TempDir dir;
  std::string copy = dir.file("good.so");
  std::filesystem::copy_file(fixture("good"), copy);
  ::chmod(copy.c_str(), 0777);
  PluginHost host({});
  LibraryInfo file = host.inspect(copy);
  CHECK(file.problem == "the plugin file " + copy +
                            " is writable by group or others, so anyone could replace the code "
                            "plantrack runs");
  CHECK(file.fix == "chmod go-w " + copy);
  ::chmod(copy.c_str(), 0755);
  ::chmod(dir.path.c_str(), 0777);
  LibraryInfo folder = host.inspect(copy);
  CHECK(folder.problem == "the plugin folder " + dir.path.string() +
                              " is writable by group or others, so anyone could replace the code "
                              "plantrack runs");
  CHECK(folder.fix == "chmod go-w " + dir.path.string());
  ::chmod(dir.path.c_str(), 0755);
  CHECK(host.inspect(copy).problem.empty());
}

TEST_CASE("settings are checked against the declaration at the plan's lines", "[host]") {
  LoadResult r = plan_with(
      "[[plugin]]\nname = \"tally\"\n[plugin.settings]\nfiel = \"x\"\nlimit = \"ten\"\n"
      "\n[[plugin]]\nname = \"talyy\"\n");
  REQUIRE(r.ok());
  PluginHost host({kFixtures});
  DiagnosticSink sink("t.toml");
  CHECK_FALSE(host.load_plan_plugins(r.plan, "t.toml", sink));
  CHECK(messages(sink) ==
        "25: unknown setting \"fiel\" for plugin \"tally\" | did you mean \"file\"?\n"
        "26: setting \"limit\" of plugin \"tally\" must be an integer, got a string | it is: "
        "unused\n"
        "22: plugin \"tally\" needs the setting \"file\" | add it under [plugin.settings]: file "
        "= ... (a string: where to append)\n"
        "28: no plugin named \"talyy\" on the plugin search path (" +
            kFixtures + ") | did you mean \"tally\"?\n");
  CHECK(host.loaded().empty());
}

TEST_CASE("events reach every notifier in plan order, and a failing one does not stop the others",
          "[host]") {
  TempDir dir;
  std::string out = dir.file("events.txt");
  LoadResult r = plan_with("[[plugin]]\nname = \"tally\"\n[plugin.settings]\nfile = \"" + out +
                           "\"\n\n[[plugin]]\nname = \"thrower\"\n\n[[plugin]]\nname = "
                           "\"second\"\n[plugin.settings]\nfile = \"" +
                           out + "\"\nlabel = \"second\"\n");
  REQUIRE(r.ok());
  PluginHost host({kFixtures});
  DiagnosticSink sink("t.toml");
  REQUIRE(host.load_plan_plugins(r.plan, "t.toml", sink));
  REQUIRE(host.loaded().size() == 3);
  CHECK(host.loaded()[0].version == "2.1.0");
  CHECK(host.notifier_count() == 3);
  sdk::View view{r.plan, nullptr};
  std::vector<PluginFailure> failures = host.notify(event("progress-recorded/1"), view);
  failures = host.notify(event("progress-recorded/2"), view);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].plugin == "thrower");
  CHECK(failures[0].event_key == "progress-recorded/2");
  CHECK(failures[0].message == "mail server said no to progress-recorded/2");
  CHECK(read(out) ==
        "tally:progress-recorded/1:demo\nsecond:progress-recorded/1:demo\n"
        "tally:progress-recorded/2:demo\nsecond:progress-recorded/2:demo\n");
}

TEST_CASE("built-in plugins are found on the default search path", "[host]") {
  CHECK(installed_plugin_dir() == kBuiltin);
  PluginHost host(plugin_search_path({}));
  std::vector<std::string> names;
  for (const LibraryInfo& info : host.discover()) {
    CHECK(info.problem.empty());
    for (const LibraryInfo::Plugin& p : info.plugins) names.push_back(p.name);
  }
  CHECK(std::find(names.begin(), names.end(), "console") != names.end());
  CHECK(std::find(names.begin(), names.end(), "outbox") != names.end());
}

TEST_CASE("funding checks return findings, and a failing one does not stop the others", "[host]") {
  LoadResult r = test::load(test::task("posters", "awareness", 10) +
                            "\n[[funding]]\nid = \"local\"\nkind = \"local\"\ntitle = \"L\"\n"
                            "amount = 50\n\n[[plugin]]\nname = \"bad-check\"\n\n"
                            "[[plugin]]\nname = \"budget-floor\"\n");
  REQUIRE(r.ok());
  PluginHost host({kFixtures});
  DiagnosticSink sink("t.toml");
  REQUIRE(host.load_plan_plugins(r.plan, "t.toml", sink));
  std::vector<PluginFinding> findings;
  std::vector<PluginFailure> failures = host.check_funding(sdk::View{r.plan, nullptr}, findings);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].plugin == "bad-check");
  CHECK(failures[0].message == "rule table missing");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].plugin == "budget-floor");
  CHECK(findings[0].finding.message == "source \"local\" is below the floor");
  CHECK(findings[0].finding.amounts == std::vector<std::int64_t>{50, 100});
  CHECK(findings[0].finding.where.line == r.plan.funding[0].amount_where.line);
}
