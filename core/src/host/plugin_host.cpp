// The plugin host: the only file that uses Boost.DLL.
#include <sys/stat.h>
#include <unistd.h>

#include <vector>  // before boost/dll (see docs: BOOST_DLL_USE_STD_FS)

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <sstream>

#include <spdlog/spdlog.h>

#include "plantrack/digest.hpp"
#include "plantrack/plugin_host.hpp"

namespace plantrack {
namespace {

namespace dll = boost::dll;
namespace fs = std::filesystem;

constexpr const char* kAbiSymbol = "plantrack_plugin_abi";
#define PLANTRACK_HOST_STR2(x) #x
#define PLANTRACK_HOST_STR(x) PLANTRACK_HOST_STR2(x)
constexpr const char* kDescriptorSymbol =
    "plantrack_plugin_v" PLANTRACK_HOST_STR(PLANTRACK_PLUGIN_ABI);

// A plugin file or folder anyone else could write to, or that another user owns, could be made
// to run someone else's code as the user running plantrack.
bool unsafe(const std::string& path, const char* what, LibraryInfo& info) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    info.problem =
        std::string("cannot read the ") + what + " " + path + ": " + std::strerror(errno);
    info.fix = "check the path";
    return true;
  }
  if (st.st_mode & (S_IWGRP | S_IWOTH)) {
    info.problem =
        std::string("the ") + what + " " + path +
        " is writable by group or others, so anyone could replace the code plantrack runs";
    info.fix = "chmod go-w " + path;
    return true;
  }
  if (st.st_uid != 0 && st.st_uid != ::geteuid()) {
    info.problem = std::string("the ") + what + " " + path + " is owned by another user (uid " +
                   std::to_string(st.st_uid) + ")";
    info.fix = "chown it to yourself or root, or remove it";
    return true;
  }
  return false;
}

// A setting default as declared (TOML literal text) -> a value of its declared type.
std::optional<SettingValue> parse_default(const sdk::SettingSpec& spec) {
  std::string_view text = spec.default_value ? spec.default_value : "";
  switch (spec.type) {
    case sdk::SettingType::kString:
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

std::string_view value_type(const SettingValue& v) {
  static constexpr std::string_view kNames[] = {"a boolean", "an integer", "a number", "a string",
                                                "a list of strings"};
  return kNames[v.index()];
}

bool has_type(const SettingValue& v, sdk::SettingType type) {
  switch (type) {
    case sdk::SettingType::kString:
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

std::string_view article_type(sdk::SettingType type) {
  switch (type) {
    case sdk::SettingType::kString:
      return "a string";
    case sdk::SettingType::kInteger:
      return "an integer";
    case sdk::SettingType::kNumber:
      return "a number";
    case sdk::SettingType::kBoolean:
      return "a boolean";
    case sdk::SettingType::kStringList:
      return "a list of strings";
  }
  return "?";
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

// A loaded library; kept for as long as any plugin object it made is alive.
struct Library {
  std::string path;
  std::string sha256;
  dll::shared_library library;
  const sdk::Descriptor* descriptor = nullptr;
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
  std::vector<std::string> out = extra;
  if (const char* env = std::getenv("PLANTRACK_PLUGIN_PATH"); env && *env) {
    std::stringstream in(env);
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

  std::vector<std::string> library_files();

  // The first library on the search path providing a plugin named `name` (of one of `kinds`);
  // `names` collects every plugin name seen, for "did you mean". nullptr when none.
  std::shared_ptr<Library> provider(const std::string& name, std::uint32_t kinds, LibraryInfo& info,
                                    std::vector<std::string>& names) {
    for (const std::string& file : library_files()) {
      LibraryInfo candidate;
      std::shared_ptr<Library> opened = open(file, candidate);
      bool found = false;
      for (const LibraryInfo::Plugin& p : candidate.plugins) {
        if (p.kinds & kinds) names.push_back(p.name);
        found = found || (p.name == name && (p.kinds & kinds));
      }
      if (opened && found) {
        info = std::move(candidate);
        return opened;
      }
    }
    return nullptr;
  }

  // Loads (once) and checks a library; on failure `info.problem` says why.
  std::shared_ptr<Library> open(const std::string& path, LibraryInfo& info) {
    info.path = path;
    std::string folder = fs::path(path).parent_path().string();
    if (unsafe(path, "plugin file", info) ||
        unsafe(folder.empty() ? "." : folder, "plugin folder", info)) {
      return nullptr;
    }
    info.sha256 = file_sha256(path);
    if (auto it = libraries.find(path); it != libraries.end()) {
      describe(*it->second, info);
      return it->second;
    }
    auto lib = std::make_shared<Library>();
    lib->path = path;
    lib->sha256 = info.sha256;
    try {
      lib->library.load(path, dll::load_mode::rtld_now | dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
      info.problem = "cannot load " + path + ": " + e.what();
      info.fix = "check that it is a shared library built for this system";
      return nullptr;
    }
    if (!lib->library.has(kAbiSymbol)) {
      info.problem = path + " is not a plantrack plugin library (it exports no " + kAbiSymbol + ")";
      info.fix = "export the entry points with PLANTRACK_PLUGIN_LIBRARY(...)";
      return nullptr;
    }
    info.abi = lib->library.get_alias<const std::uint32_t>(kAbiSymbol);
    if (*info.abi != sdk::kAbiVersion) {
      info.problem = path + " was built for plugin ABI " + std::to_string(*info.abi) +
                     "; this plantrack loads plugin ABI " + std::to_string(sdk::kAbiVersion);
      info.fix = "rebuild the plugin against this plantrack's SDK";
      return nullptr;
    }
    if (!lib->library.has(kDescriptorSymbol)) {
      info.problem = path + " has plugin ABI " + std::to_string(*info.abi) +
                     " but exports no descriptor (" + kDescriptorSymbol + ")";
      info.fix = "export it with PLANTRACK_PLUGIN_LIBRARY(describe)";
      return nullptr;
    }
    auto& describe_fn = lib->library.get_alias<const sdk::Descriptor*()>(kDescriptorSymbol);
    lib->descriptor = describe_fn();
    if (!check_descriptor(path, lib->descriptor, info)) return nullptr;
    describe(*lib, info);
    libraries.emplace(path, lib);
    return lib;
  }

  static bool check_descriptor(const std::string& path, const sdk::Descriptor* d,
                               LibraryInfo& info) {
    if (!d || d->abi_version != sdk::kAbiVersion || d->size < sizeof(sdk::Descriptor)) {
      info.problem = path + " returns a descriptor of another plugin ABI";
      info.fix = "rebuild the plugin against this plantrack's SDK";
      return false;
    }
    if (!d->toolchain || std::strcmp(d->toolchain, sdk::kToolchain) != 0) {
      info.problem = path + " was built with " + (d->toolchain ? d->toolchain : "?") +
                     "; plantrack uses " + sdk::kToolchain;
      info.fix = "rebuild it with the same compiler and standard library as plantrack";
      return false;
    }
    for (std::size_t i = 0; i < d->plugin_count; ++i) {
      const sdk::PluginSpec& p = d->plugins[i];
      std::string name = p.name ? p.name : "?";
      auto missing = [&](std::uint32_t kind, bool present) {
        if (!(p.kinds & kind) || present) return false;
        info.problem = "plugin \"" + name + "\" in " + path + " declares kind " + kinds_text(kind) +
                       " but has no " + kinds_text(kind) + " factory";
        info.fix = "declare it with sdk::notifier<T>, sdk::reporter<T> or sdk::funding_check<T>";
        return true;
      };
      if (missing(sdk::kNotifier, p.make_notifier != nullptr) ||
          missing(sdk::kReporter, p.make_reporter != nullptr) ||
          missing(sdk::kFundingCheck, p.make_funding_check != nullptr)) {
        return false;
      }
    }
    return true;
  }

  static void describe(const Library& lib, LibraryInfo& info) {
    const sdk::Descriptor* d = lib.descriptor;
    info.abi = d->abi_version;
    info.library = d->library ? d->library : "";
    info.version = d->version ? d->version : "";
    info.plugins.clear();
    for (std::size_t i = 0; i < d->plugin_count; ++i) {
      const sdk::PluginSpec& p = d->plugins[i];
      LibraryInfo::Plugin out{p.name, p.kinds, p.help ? p.help : "", {}};
      for (std::size_t s = 0; s < p.setting_count; ++s) out.settings.push_back(p.settings[s]);
      info.plugins.push_back(std::move(out));
    }
  }
};

PluginHost::PluginHost(std::vector<std::string> search_path) : impl_(std::make_unique<Impl>()) {
  impl_->search_path = std::move(search_path);
}

PluginHost::~PluginHost() {
  impl_->instances.clear();  // plugin objects first, then (with impl_) their libraries
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

// The plan's settings for one plugin, checked against its declaration, defaults filled in.
std::optional<std::vector<PluginSetting>> check_settings(const PluginConfig& config,
                                                         const LibraryInfo::Plugin& plugin,
                                                         DiagnosticSink& sink) {
  bool ok = true;
  std::vector<std::string_view> names;
  for (const sdk::SettingSpec& s : plugin.settings) names.push_back(s.name);
  std::vector<PluginSetting> out;
  for (const PluginSetting& given : config.settings) {
    auto spec = std::find_if(plugin.settings.begin(), plugin.settings.end(),
                             [&](const sdk::SettingSpec& s) { return given.key == s.name; });
    if (spec == plugin.settings.end()) {
      Diagnostic& d =
          sink.error("unknown-setting", given.where,
                     "unknown setting \"" + given.key + "\" for plugin \"" + config.name + "\"");
      std::string hint = suggest(given.key, names);
      d.fix = !hint.empty() ? "did you mean \"" + hint + "\"?"
                            : "run 'plantrack plugins list' to see its settings";
      ok = false;
      continue;
    }
    if (!has_type(given.value, spec->type)) {
      sink.error("setting-type", given.where,
                 "setting \"" + given.key + "\" of plugin \"" + config.name + "\" must be " +
                     std::string(article_type(spec->type)) + ", got " +
                     std::string(value_type(given.value)))
          .fix = spec->help ? std::string("it is: ") + spec->help : std::string();
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
                 "plugin \"" + config.name + "\" needs the setting \"" + spec.name + "\"")
          .fix = "add it under [plugin.settings]: " + std::string(spec.name) + " = ... (" +
                 std::string(article_type(spec.type)) +
                 (spec.help ? ": " + std::string(spec.help) : "") + ")";
      ok = false;
      continue;
    }
    std::optional<SettingValue> value = parse_default(spec);
    if (!value) {
      sink.error("plugin-default", config.where,
                 "plugin \"" + config.name + "\" declares an unreadable default for \"" +
                     spec.name + "\"")
          .fix = "report this to the plugin's authors";
      ok = false;
      continue;
    }
    out.push_back(PluginSetting{spec.name, std::move(*value), config.where});
  }
  if (!ok) return std::nullopt;
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
        Diagnostic& d = sink.error(
            "unknown-plugin", config.where,
            "no plugin named \"" + config.name + "\" on the plugin search path (" + where + ")");
        std::string hint = suggest(config.name, {names.begin(), names.end()});
        d.fix = !hint.empty() ? "did you mean \"" + hint + "\"?"
                              : "build or install it, pass --plugin-path DIR, or give its path";
        continue;
      }
    }
    auto plugin = std::find_if(info.plugins.begin(), info.plugins.end(),
                               [&](const LibraryInfo::Plugin& p) { return p.name == config.name; });
    if (plugin == info.plugins.end()) {
      sink.error("unknown-plugin", config.where,
                 lib->path + " provides no plugin named \"" + config.name + "\"")
          .fix = "run 'plantrack plugins check " + lib->path + "' to see what it provides";
      continue;
    }
    std::optional<std::vector<PluginSetting>> settings = check_settings(config, *plugin, sink);
    if (!settings) continue;
    const sdk::PluginSpec& spec =
        lib->descriptor->plugins[static_cast<std::size_t>(plugin - info.plugins.begin())];
    Instance instance;
    instance.library = lib;
    instance.name = config.name;
    instance.context = std::make_unique<HostContext>(config.name, plan_path);
    sdk::Settings values(std::move(*settings));
    std::string error;
    if (spec.kinds & sdk::kNotifier) {
      instance.notifier.reset(spec.make_notifier(values, *instance.context, error));
      if (!instance.notifier) error = error.empty() ? "its factory returned nothing" : error;
    }
    if (error.empty() && (spec.kinds & sdk::kFundingCheck)) {
      instance.funding_check.reset(spec.make_funding_check(values, *instance.context, error));
      if (!instance.funding_check) error = error.empty() ? "its factory returned nothing" : error;
    }
    if (error.empty() && (spec.kinds & sdk::kReporter)) {
      instance.reporter.reset(spec.make_reporter(values, *instance.context, error));
      if (!instance.reporter) error = error.empty() ? "its factory returned nothing" : error;
    }
    if (!error.empty()) {
      sink.error("plugin-failed", config.where,
                 "plugin \"" + config.name + "\" could not start: " + error)
          .fix = "check its settings";
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

std::vector<PluginFailure> PluginHost::notify(const sdk::Event& event, const sdk::View& view) {
  std::vector<PluginFailure> failures;
  for (Instance& instance : impl_->instances) {
    if (!instance.notifier) continue;
    sdk::Outcome outcome = instance.notifier->notify(event, view);
    if (!outcome.ok) failures.push_back(PluginFailure{instance.name, event.key, outcome.error});
  }
  return failures;
}

std::vector<PluginFailure> PluginHost::check_funding(const sdk::View& view,
                                                     std::vector<PluginFinding>& findings) {
  std::vector<PluginFailure> failures;
  for (Instance& instance : impl_->instances) {
    if (!instance.funding_check) continue;
    std::vector<sdk::Finding> found;
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
    Diagnostic& d = sink.error("unknown-format", {}, "no reporter for the format \"" + name + "\"");
    std::string hint = suggest(name, {names.begin(), names.end()});
    d.fix = !hint.empty() ? "did you mean \"" + hint + "\"?"
                          : "the formats on the plugin search path are: " + all;
    return false;
  }
  auto plugin = std::find_if(info.plugins.begin(), info.plugins.end(),
                             [&](const LibraryInfo::Plugin& p) { return p.name == name; });
  PluginConfig config;
  config.name = name;
  std::optional<std::vector<PluginSetting>> settings = check_settings(config, *plugin, sink);
  if (!settings) return false;
  const sdk::PluginSpec& spec =
      lib->descriptor->plugins[static_cast<std::size_t>(plugin - info.plugins.begin())];
  Instance instance;
  instance.library = lib;
  instance.name = name;
  instance.context = std::make_unique<HostContext>(name, plan_path);
  sdk::Settings values(std::move(*settings));
  std::string error;
  instance.reporter.reset(spec.make_reporter(values, *instance.context, error));
  if (!instance.reporter) {
    sink.error("plugin-failed", {},
               "reporter \"" + name + "\" could not start: " +
                   (error.empty() ? "its factory returned nothing" : error))
        .fix = "run 'plantrack plugins check " + lib->path + "'";
    return false;
  }
  impl_->loaded.push_back(Loaded{name, lib->path, info.version, lib->sha256, spec.kinds});
  impl_->instances.push_back(std::move(instance));
  return true;
}

sdk::Outcome PluginHost::render(const std::string& name, const sdk::View& view,
                                const sdk::ReportRequest& request, std::ostream& out) {
  for (Instance& i : impl_->instances) {
    if (i.name == name && i.reporter) return i.reporter->render(view, request, out);
  }
  return sdk::Outcome::failure("no reporter \"" + name + "\" is loaded");
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
