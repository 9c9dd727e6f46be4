# Every dependency comes from a Debian 12 package (see scripts/deps); nothing is downloaded.
find_package(Boost 1.74 REQUIRED CONFIG COMPONENTS headers)
find_package(fmt REQUIRED CONFIG)
find_package(spdlog REQUIRED CONFIG)
find_package(tomlplusplus REQUIRED CONFIG)
find_package(nlohmann_json 3 REQUIRED CONFIG)
find_package(CLI11 REQUIRED CONFIG)
find_package(SQLite3 REQUIRED)
find_package(CURL REQUIRED)  # the webhook and email notifiers
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)  # Unicode case (diag/utf8.cpp)
if(PLANTRACK_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED CONFIG)
endif()
