#pragma once
// What the host learns of a plugin library from its file alone, without loading it (so none of
// its code runs): its exported symbol names (boost::dll::library_info) and its manifest, the
// section `.plantrack` (plantrack/sdk/plugin.hpp) read from the ELF file.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plantrack::host {

struct LibraryScan {
  bool exports_abi = false;                    // plantrack_plugin_abi
  std::vector<std::uint32_t> descriptor_abis;  // N of each plantrack_plugin_vN exported
  bool has_manifest = false;
  std::uint32_t abi = 0;  // from the manifest
  std::uint64_t layout = 0;
  std::string toolchain;
  struct Named {
    std::string name;
    std::uint32_t kinds = 0;
  };
  std::vector<Named> plugins;  // in descriptor order
  std::string problem;         // the file could not be read as a shared library: why
};

/// Reads `path` (a regular file the caller checked). Never throws.
LibraryScan scan_library(const std::string& path);

/// The manifest's strings ("key=value"), or nullopt with `problem` set when it is malformed.
std::optional<LibraryScan> parse_manifest(const std::string& bytes, std::string& problem);

}  // namespace plantrack::host
