#include "language.hpp"

#include <fstream>
#include <iostream>
#include <optional>
#include <string_view>

#include "plantrack/environment.hpp"
#include "plantrack/i18n.hpp"
#include "plantrack/load.hpp"
#include "plantrack/read_file.hpp"

namespace plantrack::cli {
namespace {

LanguageChoice& chosen() {
  static LanguageChoice choice{"en", "default", false};
  return choice;
}

bool plan_named_language = false;

}  // namespace

bool choose_language(int argc, char** argv) {
  std::optional<std::string> flag;  // --lang's value, when given
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "--lang" && i + 1 < argc) {
      flag = argv[i + 1];
    } else if (arg.substr(0, 7) == "--lang=") {
      flag = std::string(arg.substr(7));
    }
  }
  Environment env = Environment::process();
  auto get = [&](const char* name) { return env.get(name).value_or(""); };
  // The environment's language first: a wrong --lang or PLANTRACK_LANG is refused in it.
  set_language(
      plantrack::choose_language("", "", get("LC_ALL"), get("LC_MESSAGES"), get("LANG"), nullptr)
          ->code);
  std::string error;
  std::optional<LanguageChoice> choice;
  if (flag && flag->empty()) {
    error = tr("--lang names no language; the languages there are: {languages}",
               {{"languages", languages_text()}});
  } else {
    choice = plantrack::choose_language(flag.value_or(""), get("PLANTRACK_LANG"), get("LC_ALL"),
                                        get("LC_MESSAGES"), get("LANG"), &error);
  }
  if (!choice) {
    std::cerr << tr("plantrack: usage error: {what}", {{"what", error}}) << "\n  "
              << tr("fix: {fix}", {{"fix", tr("write --lang en or --lang vi (or set "
                                              "PLANTRACK_LANG to one of them)")}})
              << "\n";
    return false;
  }
  chosen() = *choice;
  set_language(choice->code);
  return true;
}

void speak_plan_language(const std::string& path) {
  if (chosen().explicit_) return;
  if (not_a_regular_file(path)) return;  // a FIFO is never opened: the command refuses it
  std::ifstream in(path, std::ios::binary);
  if (!in) return;
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  LanguageChoice choice = prefer_plan_locale(chosen(), stated_locale(head));
  plan_named_language = choice.source == "plan";
  set_language(choice.code);
}

std::string report_language() {
  return chosen().explicit_ || plan_named_language ? language() : std::string();
}

}  // namespace plantrack::cli
