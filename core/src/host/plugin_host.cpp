// The plugin host: the only file that uses Boost.DLL.
#include <sys/stat.h>
#include <unistd.h>

#include <vector>  // before boost/dll (see docs: BOOST_DLL_USE_STD_FS)

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>

#include <spdlog/spdlog.h>

#include "library_memory.hpp"
#include "library_scan.hpp"
#include "plantrack/digest.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/plugin_host.hpp"
#include "plugin_guard.hpp"

namespace plantrack {
namespace {

namespace dll = boost::dll;
namespace fs = std::filesystem;

constexpr const char* kAbiSymbol = "plantrack_plugin_abi";
#define PLANTRACK_HOST_STR2(x) #x
#define PLANTRACK_HOST_STR(x) PLANTRACK_HOST_STR2(x)
constexpr const char* kDescriptorSymbol =
    "plantrack_plugin_v" PLANTRACK_HOST_STR(PLANTRACK_PLUGIN_ABI);

// One file or folder on the way to a plugin: owned by root or the user, and not writable by group
// or others, unless it is a folder with the sticky bit owned by root (like /tmp: others cannot
// rename or remove what is in it). Otherwise someone else could replace the code plantrack runs.
bool unsafe_entry(const fs::path& path, const std::string& shown, bool folder, LibraryInfo& info) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    std::string reason = std::strerror(errno);
    info.problem = folder ? tr("cannot read the plugin folder {path}: {reason}",
                               {{"path", shown}, {"reason", reason}})
                          : tr("cannot read the plugin file {path}: {reason}",
                               {{"path", shown}, {"reason", reason}});
    info.fix = tr("check the path");
    return true;
  }
  bool sticky_root = S_ISDIR(st.st_mode) && (st.st_mode & S_ISVTX) && st.st_uid == 0;
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !sticky_root) {
    info.problem = folder ? tr("the plugin folder {path} is writable by group or others, so anyone "
                               "could replace the code plantrack runs",
                               {{"path", shown}})
                          : tr("the plugin file {path} is writable by group or others, so anyone "
                               "could replace the code plantrack runs",
                               {{"path", shown}});
    info.fix = "chmod go-w " + shown;
    return true;
  }
  if (st.st_uid != 0 && st.st_uid != ::geteuid()) {
    info.problem = folder ? tr("the plugin folder {path} is owned by another user (uid {uid})",
                               {{"path", shown}, {"uid", st.st_uid}})
                          : tr("the plugin file {path} is owned by another user (uid {uid})",
                               {{"path", shown}, {"uid", st.st_uid}});
    info.fix = tr("chown it to yourself or root, or remove it");
    return true;
  }
  return false;
}

// The plugin's real path (symlinks resolved) and every folder from it up to the root, checked as
// sudo and ssh check theirs. Sets `real` to the resolved path. Paths are shown as given when no
// symlink is involved, else resolved and with the path that led there.
bool unsafe(const std::string& path, LibraryInfo& info, std::string& real) {
  std::error_code ec;
  fs::path resolved = fs::canonical(path, ec);
  if (ec) {
    info.problem = tr("cannot read the plugin file {path}: {reason}",
                      {{"path", path}, {"reason", ec.message()}});
    info.fix = tr("check the path");
    return true;
  }
  real = resolved.string();
  fs::path given = fs::path(path).lexically_normal();
  bool direct = fs::absolute(given, ec).lexically_normal() == resolved;
  fs::path cwd = fs::current_path(ec);
  auto shown = [&](const fs::path& p) {
    if (!direct || given.is_absolute()) return p.string();
    std::string relative = p.lexically_relative(cwd).string();
    return relative.empty() ? p.string() : relative;
  };
  if (!fs::is_regular_file(resolved, ec)) {
    info.problem =
        direct ? tr("the plugin file {path} is not a regular file", {{"path", shown(resolved)}})
               : tr("the plugin file {path} (reached from {given}) is not a regular file",
                    {{"path", shown(resolved)}, {"given", path}});
    info.fix = tr("give the path of a shared library");
    return true;
  }
  for (fs::path p = resolved;; p = p.parent_path()) {
    if (unsafe_entry(p, shown(p), p != resolved, info)) {
      if (!direct) {
        info.problem =
            tr("{problem} (reached from {given})", {{"problem", info.problem}, {"given", path}});
      }
      return true;
    }
    if (p == p.root_path() || p.empty()) break;
  }
  return false;
}

// A setting default as declared (TOML literal text) -> a value of its declared type.
std::optional<SettingValue> parse_default(const sdk::SettingSpec& spec) {
  std::string_view text = spec.default_value ? spec.default_value : "";
  switch (spec.type) {
    case sdk::SettingType::kString:
    case sdk::SettingType::kPath:
      if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        return SettingValue(std::string(text.substr(1, text.size() - 2)));
      }
      return std::nullopt;
    case sdk::SettingType::kInteger: {
      std::int64_t v = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
      return SettingValue(v);
    }
    case sdk::SettingType::kNumber: {
      std::string copy(text);
      char* end = nullptr;
      double v = std::strtod(copy.c_str(), &end);
      if (copy.empty() || *end != '\0') return std::nullopt;
      return SettingValue(v);
    }
    case sdk::SettingType::kBoolean:
      if (text == "true" || text == "false") return SettingValue(text == "true");
      return std::nullopt;
    case sdk::SettingType::kStringList: {
      if (text.size() < 2 || text.front() != '[' || text.back() != ']') return std::nullopt;
      std::vector<std::string> items;
      std::string_view body = text.substr(1, text.size() - 2);
      while (!body.empty()) {
        std::size_t open = body.find('"');
        if (open == std::string_view::npos) break;
        std::size_t close = body.find('"', open + 1);
        if (close == std::string_view::npos) return std::nullopt;
        items.emplace_back(body.substr(open + 1, close - open - 1));
        body.remove_prefix(close + 1);
      }
      return SettingValue(std::move(items));
    }
  }
  return std::nullopt;
}

// The setting type a value as written has (a path is written as a string), in the order of
// SettingValue's alternatives.
sdk::SettingType type_of(const SettingValue& v) {
  static constexpr sdk::SettingType kTypes[] = {
      sdk::SettingType::kBoolean, sdk::SettingType::kInteger, sdk::SettingType::kNumber,
      sdk::SettingType::kString, sdk::SettingType::kStringList};
  static_assert(std::size(kTypes) == std::variant_size_v<SettingValue>);
  return kTypes[v.index()];
}

// "a string", "an integer", "a path relative to the plan's folder": the type's word (to_string,
// the one home of those words) as a message says it.
std::string article_type(sdk::SettingType type) {
  switch (type) {
    case sdk::SettingType::kString:
      return tr("a string");
    case sdk::SettingType::kInteger:
      return tr("an integer");
    case sdk::SettingType::kNumber:
      return tr("a number");
    case sdk::SettingType::kBoolean:
      return tr("a boolean");
    case sdk::SettingType::kStringList:
      return tr("a list of strings");
    case sdk::SettingType::kPath:
      return tr("a path relative to the plan's folder");
  }
  return "?";
}

bool has_type(const SettingValue& v, sdk::SettingType type) {
  switch (type) {
    case sdk::SettingType::kString:
    case sdk::SettingType::kPath:
      return std::holds_alternative<std::string>(v);
    case sdk::SettingType::kInteger:
      return std::holds_alternative<std::int64_t>(v);
    case sdk::SettingType::kNumber:
      return std::holds_alternative<double>(v) || std::holds_alternative<std::int64_t>(v);
    case sdk::SettingType::kBoolean:
      return std::holds_alternative<bool>(v);
    case sdk::SettingType::kStringList:
      return std::holds_alternative<std::vector<std::string>>(v);
  }
  return false;
}

class HostContext final : public sdk::Context {
 public:
  HostContext(std::string plugin, std::string plan_path)
      : plugin_(std::move(plugin)), plan_path_(std::move(plan_path)) {}
  void info(std::string_view message) override { spdlog::info("{}: {}", plugin_, message); }
  void warn(std::string_view message) override { spdlog::warn("{}: {}", plugin_, message); }
  const std::string& plan_path() const override { return plan_path_; }

 private:
  std::string plugin_;
  std::string plan_path_;
};

std::string hex(std::uint64_t v) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(v));
  return text;
}

// What is read from a library file without loading it, once per process and file (a file
// replaced since, by path, is read again).
struct FileFacts {
  std::string sha256;
  host::LibraryScan scan;
};

const FileFacts& facts_of(const std::string& real) {
  static std::mutex mutex;
  static std::map<std::string, FileFacts> known;
  struct stat st {};
  ::stat(real.c_str(), &st);
  std::string key = real + "\n" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) +
                    ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) +
                    "." + std::to_string(st.st_mtim.tv_nsec);
  std::lock_guard<std::mutex> lock(mutex);
  auto it = known.find(key);
  if (it == known.end()) {
    it = known.emplace(key, FileFacts{file_sha256(real), host::scan_library(real)}).first;
  }
  return it->second;
}

// A loaded library; kept for as long as any plugin object it made is alive.
struct Library {
  std::string path;
  std::string sha256;
  dll::shared_library library;
  const sdk::Descriptor* descriptor = nullptr;
  host::LibraryMemory memory;
};

// One plugin object. The library comes first, so it is destroyed last.
struct Instance {
  std::shared_ptr<Library> library;
  std::unique_ptr<HostContext> context;
  std::unique_ptr<sdk::Notifier> notifier;
  std::unique_ptr<sdk::FundingCheck> funding_check;
  std::unique_ptr<sdk::Reporter> reporter;
  std::string name;
};

}  // namespace

std::string kinds_text(std::uint32_t kinds) {
  std::string out;
  auto add = [&](std::uint32_t flag, const char* name) {
    if (kinds & flag) out += (out.empty() ? "" : ", ") + std::string(name);
  };
  add(sdk::kNotifier, "notifier");
  add(sdk::kReporter, "reporter");
  add(sdk::kFundingCheck, "funding check");
  return out;
}

std::string_view to_string(sdk::SettingType type) {
  switch (type) {
    case sdk::SettingType::kString:
      return "string";
    case sdk::SettingType::kInteger:
      return "integer";
    case sdk::SettingType::kNumber:
      return "number";
    case sdk::SettingType::kBoolean:
      return "boolean";
    case sdk::SettingType::kStringList:
      return "list of strings";
    case sdk::SettingType::kPath:
      return "path";
  }
  return "?";
}

std::string installed_plugin_dir() {
  // Beside the core library: <libdir>/plantrack/plugins, installed or in a build tree.
  std::error_code ec;
  fs::path lib = dll::this_line_location(ec);
  if (ec) return {};
  return (lib.parent_path() / "plantrack" / "plugins").lexically_normal().string();
}

std::string installed_rules_dir() {
  std::error_code ec;
  fs::path lib = dll::this_line_location(ec);
  if (ec) return {};
  return (lib.parent_path() / PLANTRACK_RULES_FROM_LIBDIR).lexically_normal().string();
}

std::vector<std::string> plugin_search_path(const std::vector<std::string>& extra) {
  return plugin_search_path(extra, Environment::process());
}

std::vector<std::string> plugin_search_path(const std::vector<std::string>& extra,
                                            const Environment& environment) {
  std::vector<std::string> out = extra;
  if (std::optional<std::string> env = environment.get("PLANTRACK_PLUGIN_PATH")) {
    std::stringstream in(*env);
    std::string dir;
    while (std::getline(in, dir, ':')) {
      if (!dir.empty()) out.push_back(dir);
    }
  }
  std::string installed = installed_plugin_dir();
  if (!installed.empty()) out.push_back(installed);
  return out;
}

struct PluginHost::Impl {
  std::vector<std::string> search_path;
  std::map<std::string, std::shared_ptr<Library>> libraries;  // by path
  std::vector<Instance> instances;
  std::vector<Loaded> loaded;
  std::optional<std::vector<std::string>> files;  // library_files(), listed once
  std::set<std::string> warned;                   // unusable libraries already warned of

  std::vector<std::string> library_files();

  // The first library on the search path providing a plugin named `name` (of one of `kinds`);
  // `names` collects every plugin name seen, for "did you mean". nullptr when none.
  std::shared_ptr<Library> provider(const std::string& name, std::uint32_t kinds, LibraryInfo& info,
                                    std::vector<std::string>& names) {
    for (const std::string& file : likely_first(library_files(), name)) {
      LibraryInfo candidate;
      std::string real;
      const FileFacts* facts = examine(file, candidate, real);
      bool found = false;
      for (const host::LibraryScan::Named& p :
           facts ? facts->scan.plugins : std::vector<host::LibraryScan::Named>{}) {
        if (p.kinds & kinds) names.push_back(p.name);
        found = found || (p.name == name && (p.kinds & kinds));
      }
      // Only a library whose manifest names the plugin is loaded: nothing of the others runs.
      std::shared_ptr<Library> opened = found ? load(file, real, *facts, candidate) : nullptr;
      if (opened) {
        info = std::move(candidate);
        return opened;
      }
      if (!candidate.problem.empty() && warned.insert(file).second) {
        // Not the plan's plugin, as far as anyone can tell: a warning (once), not a reason to stop.
        spdlog::warn("skipping {} on the plugin search path: {}", file, candidate.problem);
      }
    }
    return nullptr;
  }

  // Within each folder, the libraries whose file name says they provide `name` (`name.so`,
  // `<kind>_name.so`) come first, so an unrelated library is not loaded before them.
  static std::vector<std::string> likely_first(std::vector<std::string> files,
                                               const std::string& name) {
    auto named = [&](const std::string& file) {
      std::string stem = fs::path(file).stem().string();
      return stem == name || stem.ends_with("_" + name);
    };
    for (auto begin = files.begin(); begin != files.end();) {
      fs::path folder = fs::path(*begin).parent_path();
      auto end = std::find_if(begin, files.end(), [&](const std::string& f) {
        return fs::path(f).parent_path() != folder;
      });
      std::stable_partition(begin, end, named);
      begin = end;
    }
    return files;
  }

  // Loads (once) and checks a library; on failure `info.problem` says why.
  std::shared_ptr<Library> open(const std::string& path, LibraryInfo& info) {
    std::string real;
    const FileFacts* facts = examine(path, info, real);
    return facts ? load(path, real, *facts, info) : nullptr;
  }

  // What is checked before any code of the library runs: the file and its folders, then its
  // symbols and manifest, read from the file. nullptr (with `info.problem`) when it is unusable.
  static const FileFacts* examine(const std::string& path, LibraryInfo& info, std::string& real) {
    info.path = path;
    if (unsafe(path, info, real)) return nullptr;
    const FileFacts& facts = facts_of(real);
    info.sha256 = facts.sha256;
    return check_manifest(path, facts.scan, info) ? &facts : nullptr;
  }

  static bool check_manifest(const std::string& path, const host::LibraryScan& scan,
                             LibraryInfo& info) {
    auto refuse = [&](std::string problem, std::string fix) {
      info.problem = std::move(problem);
      info.fix = std::move(fix);
      return false;
    };
    const std::string rebuild = tr("rebuild the plugin against this plantrack's SDK");
    const std::string export_entries =
        tr("export the entry points with PLANTRACK_PLUGIN_LIBRARY(describe, plugins)");
    if (!scan.has_manifest && !scan.problem.empty()) {
      return refuse(tr("{path}: {problem}", {{"path", path}, {"problem", scan.problem}}),
                    tr("give the path of a shared library"));
    }
    if (!scan.has_manifest && !scan.exports_abi && scan.descriptor_abis.empty()) {
      return refuse(tr("{path} is not a plantrack plugin library (it exports no {symbol})",
                       {{"path", path}, {"symbol", kAbiSymbol}}),
                    tr("export the entry points with PLANTRACK_PLUGIN_LIBRARY(...)"));
    }
    for (std::uint32_t abi : scan.descriptor_abis) {
      if (abi == sdk::kAbiVersion) continue;
      info.abi = abi;
      return refuse(abi_problem(path, abi), rebuild);
    }
    if (!scan.has_manifest) {
      return refuse(tr("{path} exports {symbol} but has no manifest (section .plantrack)",
                       {{"path", path}, {"symbol", kDescriptorSymbol}}),
                    export_entries);
    }
    if (!scan.problem.empty()) {
      return refuse(tr("{path}: {problem}", {{"path", path}, {"problem", scan.problem}}),
                    export_entries);
    }
    info.abi = scan.abi;
    if (scan.abi != sdk::kAbiVersion) return refuse(abi_problem(path, scan.abi), rebuild);
    if (scan.toolchain != sdk::kToolchain) {
      return refuse(toolchain_problem(path, scan.toolchain),
                    tr("rebuild it with the same compiler and standard library as plantrack"));
    }
    if (scan.layout != sdk::kLayoutFingerprint)
      return refuse(layout_problem(path, scan.layout), rebuild);
    return true;
  }

  static std::string abi_problem(const std::string& path, std::uint32_t abi) {
    return tr("{path} was built for plugin ABI {abi}; this plantrack loads plugin ABI {ours}",
              {{"path", path}, {"abi", abi}, {"ours", sdk::kAbiVersion}});
  }

  static std::string toolchain_problem(const std::string& path, std::string_view toolchain) {
    return tr("{path} was built with {toolchain}; plantrack uses {ours}",
              {{"path", path}, {"toolchain", toolchain}, {"ours", sdk::kToolchain}});
  }

  static std::string layout_problem(const std::string& path, std::uint64_t layout) {
    return tr(
        "{path} was built for plugin ABI {abi} with boundary layout {layout}; this plantrack "
        "loads plugin ABI {abi} with layout {ours} (a type plugins read changed; see "
        "plantrack/sdk/layout.hpp)",
        {{"path", path},
         {"abi", sdk::kAbiVersion},
         {"layout", hex(layout)},
         {"ours", hex(sdk::kLayoutFingerprint)}});
  }

  // Loads (once per host) a library examine() accepted, and checks what it exports against its
  // manifest. Its static initialisers run here.
  std::shared_ptr<Library> load(const std::string& path, const std::string& real,
                                const FileFacts& facts, LibraryInfo& info) {
    if (auto it = libraries.find(real); it != libraries.end()) {
      describe(*it->second, info);
      return it->second;
    }
    auto lib = std::make_shared<Library>();
    lib->path = path;
    lib->sha256 = facts.sha256;
    try {
      // Loading runs the library's static initialisers: a crash or exit() there names it.
      // TRANSLATORS: what a plugin library was doing when it crashed ("... during loading; ...").
      host::PluginCall call(path, tr("loading"), host::nothing_written());
      lib->library.load(real, dll::load_mode::rtld_now | dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
      info.problem = tr("cannot load {path}: {reason}", {{"path", path}, {"reason", e.what()}});
      info.fix = tr("check that it is a shared library built for this system");
      return nullptr;
    }
    if (!lib->library.has(kAbiSymbol) || !lib->library.has(kDescriptorSymbol)) {
      info.problem =
          tr("{path} lost its entry points when loaded ({symbols})",
             {{"path", path}, {"symbols", std::string(kAbiSymbol) + ", " + kDescriptorSymbol}});
      info.fix = tr("export the entry points with PLANTRACK_PLUGIN_LIBRARY(describe, plugins)");
      return nullptr;
    }
    const std::uint32_t& abi = lib->library.get_alias<const std::uint32_t>(kAbiSymbol);
    lib->memory = host::LibraryMemory::of(&abi);
    if (!lib->memory.holds(&abi, sizeof abi)) {
      info.problem = tr("{path} exports {symbol} outside its own image",
                        {{"path", path}, {"symbol", kAbiSymbol}});
      info.fix = tr("export the entry points with PLANTRACK_PLUGIN_LIBRARY(...)");
      return nullptr;
    }
    if (abi != sdk::kAbiVersion) {
      info.problem =
          tr("{path} exports {symbol} {abi} but its manifest says plugin ABI {manifest}",
             {{"path", path}, {"symbol", kAbiSymbol}, {"abi", abi}, {"manifest", facts.scan.abi}});
      info.fix = tr("export the entry points with PLANTRACK_PLUGIN_LIBRARY(describe, plugins)");
      return nullptr;
    }
    auto& describe_fn = lib->library.get_alias<const sdk::Descriptor*()>(kDescriptorSymbol);
    {
      host::PluginCall call(path, tr("describing itself"), host::nothing_written());
      lib->descriptor = describe_fn();
    }
    if (!check_descriptor(path, lib->descriptor, lib->memory, info)) return nullptr;
    if (!matches_manifest(path, *lib->descriptor, facts.scan, info)) return nullptr;
    describe(*lib, info);
    libraries.emplace(real, lib);
    return lib;
  }

  // The descriptor lists the plugins the manifest named, with the same kinds, in order.
  static bool matches_manifest(const std::string& path, const sdk::Descriptor& d,
                               const host::LibraryScan& scan, LibraryInfo& info) {
    bool same = d.plugin_count == scan.plugins.size();
    for (std::size_t i = 0; same && i < d.plugin_count; ++i) {
      same =
          scan.plugins[i].name == d.plugins[i].name && scan.plugins[i].kinds == d.plugins[i].kinds;
    }
    if (same) return true;
    auto list = [](auto&& names) {
      std::string out;
      for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
      return out.empty() ? tr("none") : out;
    };
    std::vector<std::string> declared, described;
    for (const host::LibraryScan::Named& p : scan.plugins) declared.push_back(p.name);
    for (std::size_t i = 0; i < d.plugin_count; ++i) described.emplace_back(d.plugins[i].name);
    info.problem =
        tr("{path}'s manifest names other plugins ({declared}) than its descriptor ({described})",
           {{"path", path}, {"declared", list(declared)}, {"described", list(described)}});
    info.fix = tr("pass PLANTRACK_PLUGIN_LIBRARY the plugins array its descriptor lists");
    return false;
  }

  // Every count and pointer of the descriptor is checked against the library's image before any
  // is followed: a bad one is refused, not walked into a crash.
  static bool check_descriptor(const std::string& path, const sdk::Descriptor* d,
                               const host::LibraryMemory& memory, LibraryInfo& info) {
    // `problem`: the whole message, "PATH has a broken descriptor: ...".
    auto bad = [&](std::string problem) {
      info.problem = std::move(problem);
      info.fix = tr("declare it with sdk::describe(...) and rebuild the plugin");
      return false;
    };
    if (!memory.holds(d, sdk::kDescriptorMinSize)) {
      return bad(
          d ? tr("{path} has a broken descriptor: it points outside the library", {{"path", path}})
            : tr("{path} has a broken descriptor: the descriptor function returned nothing",
                 {{"path", path}}));
    }
    if (d->abi_version != sdk::kAbiVersion || d->size < sdk::kDescriptorMinSize ||
        !memory.holds(d, d->size)) {
      info.problem = tr("{path} returns a descriptor of another plugin ABI", {{"path", path}});
      info.fix = tr("rebuild the plugin against this plantrack's SDK");
      return false;
    }
    if (d->layout != sdk::kLayoutFingerprint) {
      info.problem = layout_problem(path, d->layout);
      info.fix = tr("rebuild the plugin against this plantrack's SDK");
      return false;
    }
    if (!memory.holds_string(d->toolchain) || std::strcmp(d->toolchain, sdk::kToolchain) != 0) {
      info.problem =
          toolchain_problem(path, memory.holds_string(d->toolchain) ? d->toolchain : "?");
      info.fix = tr("rebuild it with the same compiler and standard library as plantrack");
      return false;
    }
    if ((d->library && !memory.holds_string(d->library)) ||
        (d->version && !memory.holds_string(d->version))) {
      return bad(tr(
          "{path} has a broken descriptor: its library name or version points outside the library",
          {{"path", path}}));
    }
    constexpr std::size_t kMaxCount = 4096;
    if (d->plugin_count > kMaxCount ||
        (d->plugin_count > 0 &&
         !memory.holds(d->plugins, d->plugin_count * sizeof(sdk::PluginSpec)))) {
      return bad(
          tr("{path} has a broken descriptor: plugin_count {count} does not match its "
             "plugins array",
             {{"path", path}, {"count", d->plugin_count}}));
    }
    for (std::size_t i = 0; i < d->plugin_count; ++i) {
      if (!check_plugin(path, d->plugins[i], memory, info)) return false;
    }
    if (d->size >= offsetof(sdk::Descriptor, ranges) + sizeof(d->ranges)) {
      if (d->range_count > kMaxCount ||
          (d->range_count > 0 &&
           !memory.holds(d->ranges, d->range_count * sizeof(sdk::SettingRange)))) {
        return bad(
            tr("{path} has a broken descriptor: range_count {count} does not match its "
               "ranges array",
               {{"path", path}, {"count", d->range_count}}));
      }
      for (std::size_t i = 0; i < d->range_count; ++i) {
        const sdk::SettingRange& r = d->ranges[i];
        if (!memory.holds_string(r.plugin) || !memory.holds_string(r.setting) ||
            !(r.min <= r.max)) {
          return bad(tr("{path} has a broken descriptor: setting range {number} is malformed",
                        {{"path", path}, {"number", i + 1}}));
        }
      }
    }
    return true;
  }

  static bool check_plugin(const std::string& path, const sdk::PluginSpec& p,
                           const host::LibraryMemory& memory, LibraryInfo& info) {
    // `problem`: the whole message, "PATH has a broken descriptor: ...".
    auto bad = [&](std::string problem) {
      info.problem = std::move(problem);
      info.fix = tr("declare it with sdk::notifier<T>, sdk::reporter<T> or sdk::funding_check<T>");
      return false;
    };
    if (!memory.holds_string(p.name) || *p.name == '\0') {
      return bad(tr("{path} has a broken descriptor: a plugin without a name", {{"path", path}}));
    }
    std::string name = p.name;
    if (p.help && !memory.holds_string(p.help)) {
      return bad(tr("{path} has a broken descriptor: plugin \"{plugin}\"'s help",
                    {{"path", path}, {"plugin", name}}));
    }
    constexpr std::uint32_t kAllKinds = sdk::kNotifier | sdk::kReporter | sdk::kFundingCheck;
    if (p.kinds == 0 || (p.kinds & ~kAllKinds)) {
      return bad(
          tr("{path} has a broken descriptor: plugin \"{plugin}\" declares unknown kinds "
             "{kinds}",
             {{"path", path}, {"plugin", name}, {"kinds", p.kinds}}));
    }
    if (p.setting_count > 1024 ||
        (p.setting_count > 0 &&
         !memory.holds(p.settings, p.setting_count * sizeof(sdk::SettingSpec)))) {
      return bad(
          tr("{path} has a broken descriptor: plugin \"{plugin}\" has setting_count "
             "{count} that does not match its settings array",
             {{"path", path}, {"plugin", name}, {"count", p.setting_count}}));
    }
    for (std::size_t s = 0; s < p.setting_count; ++s) {
      const sdk::SettingSpec& spec = p.settings[s];
      if (!memory.holds_string(spec.name) ||
          static_cast<std::uint32_t>(spec.type) >
              static_cast<std::uint32_t>(sdk::SettingType::kPath) ||
          (spec.default_value && !memory.holds_string(spec.default_value)) ||
          (spec.help && !memory.holds_string(spec.help))) {
        return bad(
            tr("{path} has a broken descriptor: plugin \"{plugin}\" setting {number} is "
               "malformed",
               {{"path", path}, {"plugin", name}, {"number", s + 1}}));
      }
    }
    auto missing = [&](std::uint32_t kind, const void* factory) {
      if (!(p.kinds & kind)) return false;
      if (factory && memory.holds(factory, 1)) return false;
      info.problem =
          tr("plugin \"{plugin}\" in {path} declares kind {kind} but has no {kind} factory",
             {{"plugin", name}, {"path", path}, {"kind", kinds_text(kind)}});
      info.fix = tr("declare it with sdk::notifier<T>, sdk::reporter<T> or sdk::funding_check<T>");
      return true;
    };
    return !missing(sdk::kNotifier, reinterpret_cast<const void*>(p.make_notifier)) &&
           !missing(sdk::kReporter, reinterpret_cast<const void*>(p.make_reporter)) &&
           !missing(sdk::kFundingCheck, reinterpret_cast<const void*>(p.make_funding_check));
  }

  static void describe(const Library& lib, LibraryInfo& info) {
    const sdk::Descriptor* d = lib.descriptor;
    info.abi = d->abi_version;
    info.library = d->library ? d->library : "";
    info.version = d->version ? d->version : "";
    info.plugins.clear();
    bool has_ranges = d->size >= offsetof(sdk::Descriptor, ranges) + sizeof(d->ranges);
    for (std::size_t i = 0; i < d->plugin_count; ++i) {
      const sdk::PluginSpec& p = d->plugins[i];
      LibraryInfo::Plugin out{p.name, p.kinds, p.help ? p.help : "", {}, {}};
      for (std::size_t s = 0; s < p.setting_count; ++s) out.settings.push_back(p.settings[s]);
      for (std::size_t r = 0; has_ranges && r < d->range_count; ++r) {
        if (std::strcmp(d->ranges[r].plugin, p.name) == 0) out.ranges.push_back(d->ranges[r]);
      }
      info.plugins.push_back(std::move(out));
    }
  }
};

PluginHost::PluginHost(std::vector<std::string> search_path) : impl_(std::make_unique<Impl>()) {
  impl_->search_path = std::move(search_path);
}

PluginHost::~PluginHost() {
  for (Instance& i : impl_->instances) {  // plugin objects first, then their libraries
    // TRANSLATORS: what a plugin was doing when it crashed ("... during shutdown; ...").
    host::PluginCall call(i.name, tr("shutdown"), host::kept_recorded());
    i.notifier.reset();
    i.funding_check.reset();
    i.reporter.reset();
  }
  impl_->instances.clear();
  for (auto& [path, library] : impl_->libraries) {
    host::PluginCall call(path, tr("unloading"), host::kept_recorded());
    library.reset();
  }
}

LibraryInfo PluginHost::inspect(const std::string& path) {
  LibraryInfo info;
  impl_->open(path, info);
  return info;
}

// The libraries on the search path, in search order (each folder's files sorted).
std::vector<std::string> PluginHost::Impl::library_files() {
  if (files) return *files;
  files.emplace();
  for (const std::string& dir : search_path) {
    std::error_code ec;
    std::vector<std::string> in_dir;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
      std::string name = entry.path().filename().string();
      if (entry.is_regular_file(ec) && name.size() > 3 && name.ends_with(".so")) {
        in_dir.push_back(entry.path().string());
      }
    }
    std::sort(in_dir.begin(), in_dir.end());
    files->insert(files->end(), in_dir.begin(), in_dir.end());
  }
  return *files;
}

std::vector<LibraryInfo> PluginHost::discover() {
  std::vector<LibraryInfo> out;
  for (const std::string& file : impl_->library_files()) out.push_back(inspect(file));
  return out;
}

namespace {

std::string bound_text(double v) {
  if (v == static_cast<double>(static_cast<std::int64_t>(v))) {
    return std::to_string(static_cast<std::int64_t>(v));
  }
  std::ostringstream out;
  out << v;
  return out.str();
}

// The first control character (C0, DEL) of a string setting, if any: no setting of a built-in
// plugin can hold one, and in a header-bound one (a mail address) a line break injects commands.
std::optional<unsigned char> control_character(std::string_view text) {
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return u;
  }
  return std::nullopt;
}

// A kPath value: relative, and inside the plan's folder once `..` and symlinks are resolved.
// Returns the resolved path, or nullopt with `why` set.
// `why` is the whole message, naming the setting `key` of `plugin`.
std::optional<std::string> plan_path_value(const std::string& value, const std::string& plan_path,
                                           const std::string& key, const std::string& plugin,
                                           std::string& why) {
  fs::path given = value;
  if (value.empty() || given.is_absolute()) {
    why = value.empty() ? tr("setting \"{setting}\" of plugin \"{plugin}\" is empty",
                             {{"setting", key}, {"plugin", plugin}})
                        : tr("setting \"{setting}\" of plugin \"{plugin}\" is an absolute path",
                             {{"setting", key}, {"plugin", plugin}});
    return std::nullopt;
  }
  std::error_code ec;
  fs::path parent = fs::path(plan_path).parent_path();
  fs::path folder = fs::canonical(parent.empty() ? fs::path(".") : parent, ec);
  fs::path resolved = ec ? fs::path() : fs::weakly_canonical(folder / given, ec);
  if (ec || !resolved.is_absolute()) {
    why = tr("setting \"{setting}\" of plugin \"{plugin}\" cannot be resolved: {reason}",
             {{"setting", key}, {"plugin", plugin}, {"reason", ec.message()}});
    return std::nullopt;
  }
  auto [f, r] = std::mismatch(folder.begin(), folder.end(), resolved.begin(), resolved.end());
  if (f != folder.end() || r == resolved.end()) {
    why =
        tr("setting \"{setting}\" of plugin \"{plugin}\" leaves the plan's folder (it resolves "
           "to {path})",
           {{"setting", key}, {"plugin", plugin}, {"path", resolved.string()}});
    return std::nullopt;
  }
  return resolved.string();
}

// The values' contents: no control characters, paths confined to the plan's folder, numbers in
// their declared range. Rewrites a path setting to its resolved path.
bool check_values(std::vector<PluginSetting>& values, const PluginConfig& config,
                  const LibraryInfo::Plugin& plugin, const std::string& plan_path,
                  DiagnosticSink& sink) {
  bool ok = true;
  for (PluginSetting& v : values) {
    auto spec = std::find_if(plugin.settings.begin(), plugin.settings.end(),
                             [&](const sdk::SettingSpec& s) { return v.key == s.name; });
    std::vector<std::string_view> texts;
    if (auto* text = std::get_if<std::string>(&v.value)) texts.push_back(*text);
    if (auto* list = std::get_if<std::vector<std::string>>(&v.value)) {
      texts.assign(list->begin(), list->end());
    }
    bool clean = true;
    for (std::string_view text : texts) {
      if (std::optional<unsigned char> c = control_character(text)) {
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", *c);
        sink.error("setting-control-character", v.where,
                   tr("setting \"{setting}\" of plugin \"{plugin}\" contains a control character "
                      "({code})",
                      {{"setting", v.key}, {"plugin", config.name}, {"code", code}}))
            .fix = tr("remove line breaks, tabs and other control characters from it");
        ok = clean = false;
        break;
      }
    }
    if (spec->type == sdk::SettingType::kPath && clean) {
      std::string why;
      std::optional<std::string> path =
          plan_path_value(std::get<std::string>(v.value), plan_path, v.key, config.name, why);
      if (!path) {
        sink.error("setting-path", v.where, why).fix =
            tr("name a file in the plan's folder or below it, relative to the plan (e.g. "
               "\"{example}\")",
               {{"example", fs::path(std::get<std::string>(v.value)).filename().string()}});
        ok = false;
      } else {
        v.value = std::move(*path);
      }
    }
    for (const sdk::SettingRange& r : plugin.ranges) {
      if (v.key != r.setting) continue;
      double x = std::holds_alternative<std::int64_t>(v.value)
                     ? static_cast<double>(std::get<std::int64_t>(v.value))
                 : std::holds_alternative<double>(v.value) ? std::get<double>(v.value)
                                                           : r.min;
      if (x >= r.min && x <= r.max) continue;
      std::string got = std::holds_alternative<std::int64_t>(v.value)
                            ? std::to_string(std::get<std::int64_t>(v.value))
                            : bound_text(x);
      sink.error("setting-range", v.where,
                 tr("setting \"{setting}\" of plugin \"{plugin}\" must be from {min} to {max}, "
                    "got {value}",
                    {{"setting", v.key},
                     {"plugin", config.name},
                     {"min", bound_text(r.min)},
                     {"max", bound_text(r.max)},
                     {"value", got}}))
          .fix =
          spec->help
              ? tr("use a value from {min} to {max} ({help})",
                   {{"min", bound_text(r.min)}, {"max", bound_text(r.max)}, {"help", spec->help}})
              : tr("use a value from {min} to {max}",
                   {{"min", bound_text(r.min)}, {"max", bound_text(r.max)}});
      ok = false;
    }
  }
  return ok;
}

// The plan's settings for one plugin, checked against its declaration, defaults filled in.
std::optional<std::vector<PluginSetting>> check_settings(const PluginConfig& config,
                                                         const LibraryInfo::Plugin& plugin,
                                                         const std::string& plan_path,
                                                         DiagnosticSink& sink) {
  bool ok = true;
  std::vector<std::string_view> names;
  for (const sdk::SettingSpec& s : plugin.settings) names.push_back(s.name);
  std::vector<PluginSetting> out;
  for (const PluginSetting& given : config.settings) {
    auto spec = std::find_if(plugin.settings.begin(), plugin.settings.end(),
                             [&](const sdk::SettingSpec& s) { return given.key == s.name; });
    if (spec == plugin.settings.end()) {
      Diagnostic& d = sink.error("unknown-setting", given.where,
                                 tr("unknown setting \"{setting}\" for plugin \"{plugin}\"",
                                    {{"setting", given.key}, {"plugin", config.name}}));
      std::string hint = suggest(given.key, names);
      d.fix = !hint.empty() ? tr("did you mean \"{id}\"?", {{"id", hint}})
                            : tr("run 'plantrack plugins list' to see its settings");
      ok = false;
      continue;
    }
    if (!has_type(given.value, spec->type)) {
      sink.error("setting-type", given.where,
                 tr("setting \"{setting}\" of plugin \"{plugin}\" must be {type}, got {given}",
                    {{"setting", given.key},
                     {"plugin", config.name},
                     {"type", article_type(spec->type)},
                     {"given", article_type(type_of(given.value))}}))
          .fix = spec->help ? tr("it is: {help}", {{"help", spec->help}}) : std::string();
      ok = false;
      continue;
    }
    PluginSetting value = given;
    if (spec->type == sdk::SettingType::kNumber &&
        std::holds_alternative<std::int64_t>(value.value)) {
      value.value = static_cast<double>(std::get<std::int64_t>(value.value));
    }
    out.push_back(std::move(value));
  }
  for (const sdk::SettingSpec& spec : plugin.settings) {
    bool given = std::any_of(out.begin(), out.end(),
                             [&](const PluginSetting& s) { return s.key == spec.name; });
    if (given) continue;
    if (!spec.default_value) {
      sink.error("missing-setting", config.where,
                 tr("plugin \"{plugin}\" needs the setting \"{setting}\"",
                    {{"plugin", config.name}, {"setting", spec.name}}))
          .fix =
          spec.help
              ? tr("add it under [plugin.settings]: {setting} = ... ({type}: {help})",
                   {{"setting", spec.name}, {"type", article_type(spec.type)}, {"help", spec.help}})
              : tr("add it under [plugin.settings]: {setting} = ... ({type})",
                   {{"setting", spec.name}, {"type", article_type(spec.type)}});
      ok = false;
      continue;
    }
    std::optional<SettingValue> value = parse_default(spec);
    if (!value) {
      sink.error("plugin-default", config.where,
                 tr("plugin \"{plugin}\" declares an unreadable default for \"{setting}\"",
                    {{"plugin", config.name}, {"setting", spec.name}}))
          .fix = tr("report this to the plugin's authors");
      ok = false;
      continue;
    }
    out.push_back(PluginSetting{spec.name, std::move(*value), config.where});
  }
  if (!ok || !check_values(out, config, plugin, plan_path, sink)) return std::nullopt;
  return out;
}

}  // namespace

bool PluginHost::load_plan_plugins(const Plan& plan, const std::string& plan_path,
                                   DiagnosticSink& sink) {
  std::size_t errors_before = sink.error_count();
  std::vector<Instance> made;
  std::vector<Loaded> loaded;
  for (const PluginConfig& config : plan.plugins) {
    LibraryInfo info;
    std::shared_ptr<Library> lib;
    if (!config.path.empty()) {
      fs::path path = config.path;
      if (path.is_relative()) path = fs::path(plan_path).parent_path() / path;
      lib = impl_->open(path.lexically_normal().string(), info);
      if (!lib) {
        sink.error("plugin-unusable", config.where, info.problem).fix = info.fix;
        continue;
      }
    } else {
      // The first library providing the name wins; libraries after it are not loaded.
      std::vector<std::string> names;
      lib = impl_->provider(config.name, sdk::kNotifier | sdk::kReporter | sdk::kFundingCheck, info,
                            names);
      if (!lib) {
        std::string where;
        for (const std::string& dir : impl_->search_path)
          where += (where.empty() ? "" : ", ") + dir;
        Diagnostic& d =
            sink.error("unknown-plugin", config.where,
                       tr("no plugin named \"{plugin}\" on the plugin search path ({path})",
                          {{"plugin", config.name}, {"path", where}}));
        std::string hint = suggest(config.name, {names.begin(), names.end()});
        d.fix = !hint.empty() ? tr("did you mean \"{id}\"?", {{"id", hint}})
                              : tr("build or install it, pass --plugin-path DIR, or give its path");
        continue;
      }
    }
    auto plugin = std::find_if(info.plugins.begin(), info.plugins.end(),
                               [&](const LibraryInfo::Plugin& p) { return p.name == config.name; });
    if (plugin == info.plugins.end()) {
      sink.error("unknown-plugin", config.where,
                 tr("{path} provides no plugin named \"{plugin}\"",
                    {{"path", lib->path}, {"plugin", config.name}}))
          .fix =
          tr("run 'plantrack plugins check {path}' to see what it provides", {{"path", lib->path}});
      continue;
    }
    std::optional<std::vector<PluginSetting>> settings =
        check_settings(config, *plugin, plan_path, sink);
    if (!settings) continue;
    const sdk::PluginSpec& spec =
        lib->descriptor->plugins[static_cast<std::size_t>(plugin - info.plugins.begin())];
    Instance instance;
    instance.library = lib;
    instance.name = config.name;
    instance.context = std::make_unique<HostContext>(config.name, plan_path);
    sdk::Settings values(std::move(*settings));
    std::string error;
    // TRANSLATORS: what a plugin was doing when it crashed ("... during start; ...").
    host::PluginCall call(config.name, tr("start"), host::nothing_written());
    if (spec.kinds & sdk::kNotifier) {
      instance.notifier.reset(spec.make_notifier(values, *instance.context, error));
      if (!instance.notifier && error.empty()) error = tr("its factory returned nothing");
    }
    if (error.empty() && (spec.kinds & sdk::kFundingCheck)) {
      instance.funding_check.reset(spec.make_funding_check(values, *instance.context, error));
      if (!instance.funding_check && error.empty()) error = tr("its factory returned nothing");
    }
    if (error.empty() && (spec.kinds & sdk::kReporter)) {
      instance.reporter.reset(spec.make_reporter(values, *instance.context, error));
      if (!instance.reporter && error.empty()) error = tr("its factory returned nothing");
    }
    if (!error.empty()) {
      sink.error("plugin-failed", config.where,
                 tr("plugin \"{plugin}\" could not start: {error}",
                    {{"plugin", config.name}, {"error", error}}))
          .fix = tr("check its settings");
      continue;
    }
    spdlog::info("loaded plugin {} {} from {} (sha256 {})", config.name, info.version, lib->path,
                 lib->sha256);
    loaded.push_back(Loaded{config.name, lib->path, info.version, lib->sha256, spec.kinds});
    made.push_back(std::move(instance));
  }
  if (sink.error_count() > errors_before) return false;
  impl_->instances = std::move(made);
  impl_->loaded = std::move(loaded);
  return true;
}

std::vector<PluginFailure> PluginHost::notify(const std::vector<sdk::Event>& events,
                                              const sdk::View& view) {
  std::vector<PluginFailure> failures;
  if (events.empty()) return failures;
  std::vector<std::string> names = notifiers();
  for (std::size_t i = 0; i < names.size(); ++i) {
    sdk::Outcome outcome = notify_one(i, events, view);
    if (!outcome.ok) failures.push_back(PluginFailure{names[i], batch_key(events), outcome.error});
  }
  return failures;
}

std::vector<PluginFailure> PluginHost::notify(const sdk::Event& event, const sdk::View& view) {
  return notify(std::vector<sdk::Event>{event}, view);
}

std::string batch_key(const std::vector<sdk::Event>& events) {
  if (events.empty()) return {};
  if (events.size() == 1) return events.front().key;
  return tr("{key} (and {n} more)", {{"key", events.front().key}, {"n", events.size() - 1}});
}

std::vector<std::string> PluginHost::notifiers() const {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (const Instance& i : impl_->instances) {
    if (!i.notifier) continue;
    int n = ++seen[i.name];
    out.push_back(n == 1 ? i.name : i.name + "#" + std::to_string(n));
  }
  return out;
}

sdk::Outcome PluginHost::notify_one(std::size_t notifier, const std::vector<sdk::Event>& events,
                                    const sdk::View& view) {
  if (events.empty()) return {};
  std::size_t seen = 0;
  for (Instance& instance : impl_->instances) {
    if (!instance.notifier) continue;
    if (seen++ != notifier) continue;
    // TRANSLATORS: what a plugin was doing when it crashed; {events} names the events' keys.
    host::PluginCall call(instance.name, tr("notify ({events})", {{"events", batch_key(events)}}),
                          host::kept_recorded());
    return instance.notifier->notify(events, view);
  }
  return sdk::Outcome::failure(tr("no notifier {number} is loaded", {{"number", notifier}}));
}

sdk::Outcome PluginHost::notify_one(std::size_t notifier, const sdk::Event& event,
                                    const sdk::View& view) {
  return notify_one(notifier, std::vector<sdk::Event>{event}, view);
}

std::vector<PluginFailure> PluginHost::check_funding(const sdk::View& view,
                                                     std::vector<PluginFinding>& findings) {
  std::vector<PluginFailure> failures;
  for (Instance& instance : impl_->instances) {
    if (!instance.funding_check) continue;
    std::vector<sdk::Finding> found;
    // TRANSLATORS: what a plugin was doing when it crashed ("... during check; ...").
    host::PluginCall call(instance.name, tr("check"), tr("nothing was written by the check"));
    sdk::Outcome outcome = instance.funding_check->check(view, found);
    if (!outcome.ok) {
      failures.push_back(PluginFailure{instance.name, "funding-check", outcome.error});
      continue;
    }
    for (sdk::Finding& f : found) findings.push_back(PluginFinding{instance.name, std::move(f)});
  }
  return failures;
}

bool PluginHost::load_reporter(const std::string& name, const std::string& plan_path,
                               DiagnosticSink& sink) {
  for (const Instance& i : impl_->instances) {
    if (i.name == name && i.reporter) return true;
  }
  LibraryInfo info;
  std::vector<std::string> names;
  std::shared_ptr<Library> lib = impl_->provider(name, sdk::kReporter, info, names);
  if (!lib) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string all;
    for (const std::string& n : names) all += (all.empty() ? "" : ", ") + n;
    Diagnostic& d = sink.error("unknown-format", {},
                               tr("no reporter for the format \"{format}\"", {{"format", name}}));
    std::string hint = suggest(name, {names.begin(), names.end()});
    d.fix = !hint.empty()
                ? tr("did you mean \"{id}\"?", {{"id", hint}})
                : tr("the formats on the plugin search path are: {formats}", {{"formats", all}});
    return false;
  }
  auto plugin = std::find_if(info.plugins.begin(), info.plugins.end(),
                             [&](const LibraryInfo::Plugin& p) { return p.name == name; });
  PluginConfig config;
  config.name = name;
  std::optional<std::vector<PluginSetting>> settings =
      check_settings(config, *plugin, plan_path, sink);
  if (!settings) return false;
  const sdk::PluginSpec& spec =
      lib->descriptor->plugins[static_cast<std::size_t>(plugin - info.plugins.begin())];
  Instance instance;
  instance.library = lib;
  instance.name = name;
  instance.context = std::make_unique<HostContext>(name, plan_path);
  sdk::Settings values(std::move(*settings));
  std::string error;
  {
    host::PluginCall call(name, tr("start"), host::nothing_written());
    instance.reporter.reset(spec.make_reporter(values, *instance.context, error));
  }
  if (!instance.reporter) {
    sink.error("plugin-failed", {},
               tr("reporter \"{plugin}\" could not start: {error}",
                  {{"plugin", name},
                   {"error", error.empty() ? tr("its factory returned nothing") : error}}))
        .fix = tr("run 'plantrack plugins check {path}'", {{"path", lib->path}});
    return false;
  }
  impl_->loaded.push_back(Loaded{name, lib->path, info.version, lib->sha256, spec.kinds});
  impl_->instances.push_back(std::move(instance));
  return true;
}

sdk::Outcome PluginHost::render(const std::string& name, const sdk::View& view,
                                const sdk::ReportRequest& request, std::ostream& out) {
  for (Instance& i : impl_->instances) {
    if (i.name == name && i.reporter) {
      // TRANSLATORS: what a plugin was doing when it crashed ("... during render; ...").
      host::PluginCall call(name, tr("render"), tr("the report is incomplete"));
      return i.reporter->render(view, request, out);
    }
  }
  return sdk::Outcome::failure(tr("no reporter \"{plugin}\" is loaded", {{"plugin", name}}));
}

std::vector<PluginHost::Loaded> PluginHost::loaded() const {
  return impl_->loaded;
}

std::size_t PluginHost::notifier_count() const {
  return static_cast<std::size_t>(
      std::count_if(impl_->instances.begin(), impl_->instances.end(),
                    [](const Instance& i) { return i.notifier != nullptr; }));
}

}  // namespace plantrack
