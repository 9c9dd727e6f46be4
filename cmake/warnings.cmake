# Warning flags for every plantrack target (never for third-party code).
add_library(plantrack_warnings INTERFACE)
target_compile_options(plantrack_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                    -Wno-sign-conversion)
