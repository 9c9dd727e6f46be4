# plantrack_add_plugin(NAME SOURCES file...): a plantrack plugin library with the right flags.
#
# A MODULE library (loaded at run time, never linked against) named NAME.so, built with hidden
# visibility so it exports only its PLANTRACK_PLUGIN_LIBRARY entry points, C++20 like the SDK, linked
# to the plantrack core (the SDK's types live there). Installed to <libdir>/plantrack/plugins, where
# plantrack looks by default when installed to the same prefix; else point PLANTRACK_PLUGIN_PATH or
# --plugin-path at that folder.
include_guard(GLOBAL)
include(GNUInstallDirs)

function(plantrack_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "OUTPUT_DIRECTORY" "SOURCES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "plantrack_add_plugin(${name}): give SOURCES")
  endif()
  add_library(${name} MODULE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE plantrack::core)
  target_compile_features(${name} PRIVATE cxx_std_20)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  endif()
  install(TARGETS ${name} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/plantrack/plugins)
endfunction()
