#pragma once
/// Symbol visibility for the plantrack core shared library. The core is built with hidden
/// visibility; only declarations marked PLANTRACK_API are exported to the CLI, tests and plugins.
#if defined(PLANTRACK_CORE_BUILDING)
#define PLANTRACK_API __attribute__((visibility("default")))
#else
#define PLANTRACK_API
#endif
