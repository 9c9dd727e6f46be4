# Shared by scripts/demo and scripts/test: Debian packages plantrack builds with, and how to get them.
# Sourced, not run.

# Everything the build needs (see docs/building.md and ../TOOLCHAIN notes in the README).
PLANTRACK_BUILD_PACKAGES=(g++ cmake ninja-build pkg-config ccache libboost-dev libspdlog-dev libfmt-dev
  libtomlplusplus-dev catch2 libsqlite3-dev libcli11-dev nlohmann-json3-dev libssl-dev
  libcurl4-openssl-dev libutf8proc-dev gettext)

# Installs the missing packages among "$@" when root; otherwise prints the exact command and exits 1.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "plantrack: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      -o DPkg::Lock::Timeout=600 "${missing[@]}"
  else
    echo "plantrack: missing Debian packages: ${missing[*]}" >&2
    echo "Install them, then run this script again:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
}

# Configure and build one CMake preset (see CMakePresets.json).
build_preset() {  # build_preset PRESET [TARGET...]: configure, then build all or only TARGETs
  cmake --preset "$1" >/dev/null
  if [ $# -gt 1 ]; then
    cmake --build --preset "$1" --target "${@:2}"
  else
    cmake --build --preset "$1"
  fi
}
