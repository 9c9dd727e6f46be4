// Reading a plugin library's file without loading it: symbol names through Boost.DLL's
// library_info, the manifest section by reading the ELF section headers.
#include "library_scan.hpp"

#include <elf.h>

#include <vector>  // before boost/dll (see docs: BOOST_DLL_USE_STD_FS)

#include <boost/dll/library_info.hpp>

#include <charconv>
#include <cstring>
#include <fstream>

#include "plantrack/i18n.hpp"

namespace plantrack::host {
namespace {

constexpr const char* kSection = ".plantrack";
constexpr std::size_t kMaxManifest = 1 << 20;

bool read_at(std::ifstream& in, std::uint64_t offset, void* out, std::size_t size) {
  in.seekg(static_cast<std::streamoff>(offset));
  in.read(static_cast<char*>(out), static_cast<std::streamsize>(size));
  return static_cast<std::size_t>(in.gcount()) == size;
}

// The bytes of the ELF64 section `name`: nullopt when the file has none (or is not ELF64, then
// library_info has said so already).
std::optional<std::string> elf_section(const std::string& path, const char* name) {
  std::ifstream in(path, std::ios::binary);
  Elf64_Ehdr eh{};
  if (!read_at(in, 0, &eh, sizeof eh) || std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
      eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_shentsize != sizeof(Elf64_Shdr) ||
      eh.e_shstrndx >= eh.e_shnum) {
    return std::nullopt;
  }
  std::vector<Elf64_Shdr> sections(eh.e_shnum);
  if (!read_at(in, eh.e_shoff, sections.data(), sections.size() * sizeof(Elf64_Shdr))) {
    return std::nullopt;
  }
  const Elf64_Shdr& names = sections[eh.e_shstrndx];
  if (names.sh_size > kMaxManifest) return std::nullopt;
  std::string table(names.sh_size, '\0');
  if (!read_at(in, names.sh_offset, table.data(), table.size())) return std::nullopt;
  for (const Elf64_Shdr& s : sections) {
    if (s.sh_name >= table.size() || std::strcmp(table.c_str() + s.sh_name, name) != 0) continue;
    if (s.sh_type == SHT_NOBITS || s.sh_size > kMaxManifest) return std::nullopt;
    std::string bytes(s.sh_size, '\0');
    if (!read_at(in, s.sh_offset, bytes.data(), bytes.size())) return std::nullopt;
    return bytes;
  }
  return std::nullopt;
}

template <typename T>
bool number(std::string_view text, T& out, int base = 10) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out, base);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

std::optional<LibraryScan> parse_manifest(const std::string& bytes, std::string& problem) {
  LibraryScan scan;
  scan.has_manifest = true;
  std::vector<std::string_view> fields;
  for (std::size_t at = 0; at < bytes.size();) {
    std::size_t end = bytes.find('\0', at);
    if (end == std::string::npos) end = bytes.size();
    if (end > at) fields.emplace_back(bytes.data() + at, end - at);
    at = end + 1;
  }
  if (fields.empty() || fields[0] != "plantrack-plugin") {
    problem = tr("its manifest (section .plantrack) does not start with \"plantrack-plugin\"");
    return std::nullopt;
  }
  for (std::size_t i = 1; i < fields.size(); ++i) {
    std::string_view f = fields[i];
    std::size_t eq = f.find('=');
    std::string_view key = f.substr(0, eq), value = eq == f.npos ? "" : f.substr(eq + 1);
    bool ok = eq != f.npos;
    if (key == "abi") ok = ok && number(value, scan.abi);
    if (key == "layout") ok = ok && value.size() == 16 && number(value, scan.layout, 16);
    if (key == "toolchain") scan.toolchain = value;
    if (key == "plugin") {
      std::size_t colon = value.find(':');
      LibraryScan::Named named;
      ok = ok && colon != value.npos && number(value.substr(0, colon), named.kinds);
      if (ok) named.name = value.substr(colon + 1);
      if (ok) scan.plugins.push_back(std::move(named));
    }
    if (!ok) {
      problem =
          tr("its manifest (section .plantrack) has a malformed entry \"{entry}\"", {{"entry", f}});
      return std::nullopt;
    }
  }
  return scan;
}

LibraryScan scan_library(const std::string& path) {
  LibraryScan scan;
  char magic[SELFMAG] = {};
  std::ifstream in(path, std::ios::binary);
  if (!in.read(magic, SELFMAG) || std::memcmp(magic, ELFMAG, SELFMAG) != 0) {
    scan.problem = in ? tr("it is not a shared library (it has no ELF header)")
                      : tr("it is not a shared library (the file is too short)");
    return scan;
  }
  std::vector<std::string> symbols;
  try {
    boost::dll::library_info info(path);
    symbols = info.symbols();
  } catch (const std::exception& e) {
    scan.problem =
        tr("it is not a shared library this system can load ({reason})", {{"reason", e.what()}});
    return scan;
  }
  for (const std::string& s : symbols) {
    std::uint32_t v = 0;
    if (s == "plantrack_plugin_abi") scan.exports_abi = true;
    if (s.starts_with("plantrack_plugin_v") && number(std::string_view(s).substr(18), v)) {
      scan.descriptor_abis.push_back(v);
    }
  }
  std::optional<std::string> bytes = elf_section(path, kSection);
  if (!bytes) return scan;
  std::string problem;
  std::optional<LibraryScan> parsed = parse_manifest(*bytes, problem);
  if (!parsed) {
    scan.has_manifest = true;
    scan.problem = problem;
    return scan;
  }
  parsed->exports_abi = scan.exports_abi;
  parsed->descriptor_abis = std::move(scan.descriptor_abis);
  return *parsed;
}

}  // namespace plantrack::host
