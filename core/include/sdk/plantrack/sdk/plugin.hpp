#pragma once
/// The plantrack plugin SDK: the one header a plugin author starts from. Everything a plugin may
/// include is under plantrack/sdk/: this header, boundary.hpp (the types that cross), report.hpp
/// (the report document reporters render), layout.hpp (the layout check) and severity.hpp.
///
/// A plugin library provides one or more plugins of three kinds: a **notifier** receives events
/// (progress recorded, task completed, stage completed, ...) in batches, a **reporter** renders a
/// report of the plan and its status, a **funding check** inspects the plan and returns findings.
/// The library exports a descriptor: its name and version and, per plugin, its kinds, its
/// declared settings (name, type, default, help) and a factory per kind; and a manifest (a
/// section `.plantrack` of plain bytes: ABI version, boundary layout, toolchain, plugin names).
///
/// What the host checks before any code of the library runs (it reads the file, it does not load
/// it): the file's and its folders' ownership and permissions, the exported symbol names
/// (`plantrack_plugin_abi`, `plantrack_plugin_v<ABI>`), and the manifest: ABI version, layout
/// fingerprint, toolchain and the plugins' names. A library whose manifest does not name the
/// plugin a plan asks for is never loaded. Once loaded (its static initialisers run then), the
/// host checks the exported ABI value and the descriptor against the manifest, validates the
/// plan's settings against the declaration, and keeps the library loaded for as long as any
/// object it made is alive.
///
/// Boundary rules (docs/plugins.md):
/// - The ABI version is exported on its own (`plantrack_plugin_abi`), the descriptor function's
///   name carries it (`plantrack_plugin_v4`), and the manifest states it with the layout
///   fingerprint (layout.hpp); the descriptor only grows by appending fields.
/// - The SDK passes C++ standard-library types (std::string, the plan model) across the boundary,
///   so a plugin must be built with the same C++ standard library as plantrack (libstdc++ with the
///   C++11 ABI, C++20, Linux x86_64): the manifest and descriptor carry that tag and the layout
///   fingerprint, and the host refuses a mismatch.
/// - Exceptions never cross the boundary: derive from NotifierBase, ReporterBase and
///   FundingCheckBase, whose entry points catch on the plugin side and return an Outcome.
/// - Plugins read the plan and its status through View; they never open the database. They log
///   through Context, not spdlog's global registry (it does not work across libraries).
///
/// Example (a notifier that counts events; override on_events() to handle a batch at once):
///   class Counter : public plantrack::sdk::NotifierBase {
///     void on_event(const plantrack::sdk::Event& e, const plantrack::sdk::View&) override { ++n; }
///     int n = 0;
///   };
///   constexpr plantrack::sdk::PluginSpec kPlugins[] = {
///       plantrack::sdk::notifier<Counter>("counter", "counts events")};
///   const plantrack::sdk::Descriptor kDescriptor =
///       plantrack::sdk::describe("counter", "1.0", kPlugins);
///   const plantrack::sdk::Descriptor* describe() { return &kDescriptor; }
///   PLANTRACK_PLUGIN_LIBRARY(describe, kPlugins)
#include <boost/dll/alias.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "plantrack/sdk/boundary.hpp"
#include "plantrack/sdk/layout.hpp"
#include "plantrack/sdk/report.hpp"
#include "plantrack/sdk/severity.hpp"

namespace plantrack::sdk {

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
                    nullptr,     kLayoutFingerprint};
}
/// A descriptor with setting ranges (see SettingRange).
template <std::size_t N, std::size_t R>
constexpr Descriptor describe(const char* library, const char* version,
                              const PluginSpec (&plugins)[N], const SettingRange (&ranges)[R]) {
  return Descriptor{kAbiVersion, sizeof(Descriptor), kToolchain, library, version, N, plugins, R,
                    ranges,      kLayoutFingerprint};
}

/// The ABI version a library was built for, exported on its own (and checked once loaded).
inline constexpr std::uint32_t kLibraryAbi = kAbiVersion;

/// The manifest: NUL-terminated "key=value" strings the host reads from the file before loading
/// it: "plantrack-plugin", "abi=<ABI>", "layout=<16 hex digits>", "toolchain=<kToolchain>", then
/// "plugin=<kinds>:<name>" per plugin (kinds as the decimal Kind flags).
namespace manifest {

constexpr std::size_t length(const char* text) {
  std::size_t n = 0;
  while (text && text[n] != '\0') ++n;
  return n;
}
constexpr std::size_t digits(std::uint32_t v) {
  std::size_t n = 1;
  while (v >= 10) v /= 10, ++n;
  return n;
}
inline constexpr std::size_t kFixedSize = sizeof("plantrack-plugin") + sizeof("abi=") +
                                          digits(kAbiVersion) + 1 + sizeof("layout=") + 16 +
                                          sizeof("toolchain=") + length(kToolchain);

/// The manifest's size in bytes for `plugins`.
template <std::size_t N>
constexpr std::size_t size(const PluginSpec (&plugins)[N]) {
  std::size_t n = kFixedSize;
  for (const PluginSpec& p : plugins) n += sizeof("plugin=") + digits(p.kinds) + 1 + length(p.name);
  return n;
}

template <std::size_t Size>
struct Writer {
  std::array<char, Size> bytes{};
  std::size_t at = 0;
  constexpr void put(const char* text) {
    for (std::size_t i = 0; text && text[i] != '\0'; ++i) bytes[at++] = text[i];
  }
  constexpr void put(std::uint32_t v) {
    std::size_t n = digits(v);
    for (std::size_t i = n; i-- > 0; v /= 10) bytes[at + i] = static_cast<char>('0' + v % 10);
    at += n;
  }
  constexpr void hex(std::uint64_t v) {
    for (int shift = 60; shift >= 0; shift -= 4)
      bytes[at++] = "0123456789abcdef"[(v >> shift) & 15];
  }
  constexpr void end() { bytes[at++] = '\0'; }
};

/// The manifest of a library providing `plugins` (see PLANTRACK_PLUGIN_LIBRARY).
template <std::size_t Size, std::size_t N>
constexpr std::array<char, Size> of(const PluginSpec (&plugins)[N]) {
  Writer<Size> w;
  w.put("plantrack-plugin"), w.end();
  w.put("abi="), w.put(kAbiVersion), w.end();
  w.put("layout="), w.hex(kLayoutFingerprint), w.end();
  w.put("toolchain="), w.put(kToolchain), w.end();
  for (const PluginSpec& p : plugins) {
    w.put("plugin="), w.put(p.kinds), w.put(":"), w.put(p.name), w.end();
  }
  return w.bytes;
}

}  // namespace manifest
}  // namespace plantrack::sdk

#define PLANTRACK_PLUGIN_CONCAT2(a, b) a##b
#define PLANTRACK_PLUGIN_CONCAT(a, b) PLANTRACK_PLUGIN_CONCAT2(a, b)

/// Exports a library's entry points: the ABI version, its descriptor function
/// (`const plantrack::sdk::Descriptor* fn()`) under a name carrying the ABI version, and the
/// manifest of `plugins` (a constexpr PluginSpec array, the one the descriptor lists) in the
/// section `.plantrack`, which the host reads without loading the library.
#define PLANTRACK_PLUGIN_LIBRARY(describe_function, plugins)                           \
  BOOST_DLL_ALIAS(plantrack::sdk::kLibraryAbi, plantrack_plugin_abi)                   \
  BOOST_DLL_ALIAS(describe_function,                                                   \
                  PLANTRACK_PLUGIN_CONCAT(plantrack_plugin_v, PLANTRACK_PLUGIN_ABI))   \
  [[gnu::section(".plantrack"), gnu::used]] constexpr auto plantrack_plugin_manifest = \
      plantrack::sdk::manifest::of<plantrack::sdk::manifest::size(plugins)>(plugins);
