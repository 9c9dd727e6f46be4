// Fixture: a shared library that is not a plantrack plugin.
extern "C" __attribute__((visibility("default"))) int fixture_answer() {
  return 42;
}
