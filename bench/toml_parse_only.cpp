// The benchmark's peer: toml++ parsing a plan file and nothing else (what any TOML tool must do).
#include <toml++/toml.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: toml_parse_only FILE.toml\n";
    return 2;
  }
  try {
    toml::table table = toml::parse_file(argv[1]);
    std::cout << table.size() << " top-level keys\n";
  } catch (const toml::parse_error& e) {
    std::cerr << e.description() << "\n";
    return 1;
  }
  return 0;
}
