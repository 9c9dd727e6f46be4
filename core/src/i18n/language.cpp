// This thread's language, the catalogs built in, and tr()/trn().
#include <algorithm>

#include "plantrack/i18n.hpp"

namespace plantrack {
namespace {

// po/vi.po as msgfmt compiled it (the build embeds it: core/CMakeLists.txt).
constexpr unsigned char kVietnamese[] = {
#include "catalog_vi.inc"
};

thread_local std::string current_language = "en";

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9');
}

// The placeholders of a template, in order of first appearance.
std::vector<std::string_view> placeholders(std::string_view text) {
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    std::size_t end = i + 1;
    while (end < text.size() && is_name_char(text[end])) ++end;
    if (end == i + 1 || end >= text.size() || text[end] != '}') continue;
    std::string_view name = text.substr(i + 1, end - i - 1);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    i = end;
  }
  return names;
}

// A translation is used only when every placeholder it names is one the English names: a typo in
// a .po file shows English, never "{tsak}".
bool same_placeholders(std::string_view english, std::string_view translated) {
  std::vector<std::string_view> known = placeholders(english);
  for (std::string_view name : placeholders(translated)) {
    if (std::find(known.begin(), known.end(), name) == known.end()) return false;
  }
  return true;
}

std::string_view language_of_locale(std::string_view locale) {
  // "vi", "vi_VN", "vi_VN.UTF-8", "vi_VN@euro": the part before '_', '.' or '@'.
  std::string_view code = locale.substr(0, locale.find_first_of("_.@"));
  return code;
}

std::string substitute_all(std::string_view text, const Arg* first, const Arg* last) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      std::size_t end = i + 1;
      while (end < text.size() && is_name_char(text[end])) ++end;
      if (end > i + 1 && end < text.size() && text[end] == '}') {
        std::string_view name = text.substr(i + 1, end - i - 1);
        const Arg* arg = std::find_if(first, last, [&](const Arg& a) { return a.name == name; });
        if (arg != last) {
          out += arg->value;
          i = end;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

const std::vector<std::string>& languages() {
  static const std::vector<std::string> codes = {"en", "vi"};
  return codes;
}

std::string languages_text() {
  std::string list;
  for (const std::string& code : languages()) list += (list.empty() ? "" : ", ") + code;
  return list;
}

bool known_language(std::string_view code) {
  const std::vector<std::string>& all = languages();
  return std::find(all.begin(), all.end(), code) != all.end();
}

const Catalog* builtin_catalog(std::string_view code) {
  if (code != "vi") return nullptr;
  static const std::optional<Catalog> vi =
      Catalog::parse(std::string(reinterpret_cast<const char*>(kVietnamese), sizeof(kVietnamese)));
  return vi ? &*vi : nullptr;
}

const std::string& language() {
  return current_language;
}

bool set_language(std::string_view code) {
  if (!known_language(code)) return false;
  current_language = std::string(code);
  return true;
}

LanguageScope::LanguageScope(std::string_view code) : previous_(current_language) {
  set_language(code);
}

LanguageScope::~LanguageScope() {
  current_language = previous_;
}

std::string substitute(std::string_view text, std::initializer_list<Arg> args) {
  return substitute_all(text, args.begin(), args.end());
}

std::string tr(std::string_view msgid, std::initializer_list<Arg> args) {
  std::string_view text = msgid;
  if (const Catalog* catalog = builtin_catalog(current_language)) {
    std::optional<std::string_view> found = catalog->find(msgid);
    if (found && same_placeholders(msgid, *found)) text = *found;
  }
  return substitute(text, args);
}

std::string trn(std::string_view singular, std::string_view plural, std::uint64_t n,
                std::initializer_list<Arg> args) {
  std::string_view text = n == 1 ? singular : plural;
  if (const Catalog* catalog = builtin_catalog(current_language)) {
    std::optional<std::string_view> found = catalog->find_plural(singular, n);
    if (found && same_placeholders(plural, *found)) text = *found;
  }
  std::vector<Arg> all(args);
  all.emplace_back("n", static_cast<std::uint64_t>(n));
  return substitute_all(text, all.data(), all.data() + all.size());
}

std::optional<LanguageChoice> choose_language(std::string_view flag,
                                              std::string_view plantrack_lang,
                                              std::string_view lc_all, std::string_view lc_messages,
                                              std::string_view lang, std::string* error) {
  auto named = [&](std::string_view value, const char* source) -> std::optional<LanguageChoice> {
    if (known_language(value)) return LanguageChoice{std::string(value), source, true};
    if (error) {
      *error =
          tr("{source} names the language \"{value}\", which plantrack does not speak; the "
             "languages there are: {languages}",
             {{"source", source}, {"value", value}, {"languages", languages_text()}});
    }
    return std::nullopt;
  };
  if (!flag.empty()) return named(flag, "--lang");
  if (!plantrack_lang.empty()) return named(plantrack_lang, "PLANTRACK_LANG");
  // POSIX: LC_ALL overrides LC_MESSAGES, which overrides LANG; the first one set decides.
  for (auto [value, source] : {std::pair{lc_all, "LC_ALL"}, std::pair{lc_messages, "LC_MESSAGES"},
                               std::pair{lang, "LANG"}}) {
    if (value.empty()) continue;
    std::string_view code = language_of_locale(value);
    return LanguageChoice{known_language(code) ? std::string(code) : "en", source, false};
  }
  return LanguageChoice{"en", "default", false};
}

LanguageChoice prefer_plan_locale(LanguageChoice choice, std::string_view plan_locale) {
  if (choice.explicit_ || !known_language(plan_locale)) return choice;
  return LanguageChoice{std::string(plan_locale), "plan", false};
}

}  // namespace plantrack
