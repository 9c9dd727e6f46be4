#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "plantrack/i18n.hpp"

using namespace plantrack;

namespace {

// Compiles a .po text with the real msgfmt and reads the .mo back.
std::string compile(const std::string& po) {
  // A folder of its own: ctest runs the test cases of this file in parallel.
  std::string pattern = (std::filesystem::temp_directory_path() / "plantrack-i18n-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()));
  std::string dir = pattern;
  { std::ofstream(dir + "/t.po") << po; }
  std::string command = "msgfmt -o '" + dir + "/t.mo' '" + dir + "/t.po'";
  REQUIRE(std::system(command.c_str()) == 0);
  std::stringstream bytes;
  {
    std::ifstream in(dir + "/t.mo", std::ios::binary);
    bytes << in.rdbuf();
  }
  std::filesystem::remove_all(dir);
  return bytes.str();
}

const char* kHeader =
    "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
    "n%100>=20) ? 1 : 2);\\n\"\n\n";

}  // namespace

TEST_CASE("a catalog compiled by msgfmt is read back, with its plural rule") {
  std::string po = std::string(kHeader) +
                   "msgid \"task\"\nmsgstr \"công việc\"\n\n"
                   "msgid \"{n} file\"\nmsgid_plural \"{n} files\"\n"
                   "msgstr[0] \"{n} plik\"\nmsgstr[1] \"{n} pliki\"\nmsgstr[2] \"{n} plików\"\n\n"
                   "msgid \"untranslated\"\nmsgstr \"\"\n";
  std::string error;
  std::optional<Catalog> c = Catalog::parse(compile(po), &error);
  REQUIRE(c);
  CHECK(error.empty());
  CHECK(c->find("task") == std::optional<std::string_view>("công việc"));
  CHECK_FALSE(c->find("untranslated"));
  CHECK_FALSE(c->find("absent"));
  CHECK(c->plural_index(1) == 0);
  CHECK(c->plural_index(3) == 1);
  CHECK(c->plural_index(5) == 2);
  CHECK(c->plural_index(22) == 1);
  CHECK(c->plural_index(12) == 2);
  CHECK(c->find_plural("{n} file", 24) == std::optional<std::string_view>("{n} pliki"));
  CHECK(c->find_plural("{n} file", 25) == std::optional<std::string_view>("{n} plików"));
}

TEST_CASE("a plural rule with every operator a Plural-Forms header may use") {
  auto rule = [](const std::string& expression) {
    std::string po =
        "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
        "\"Plural-Forms: nplurals=4; plural=" +
        expression + ";\\n\"\n";
    std::optional<Catalog> c = Catalog::parse(compile(po));
    REQUIRE(c);
    return c;
  };
  std::optional<Catalog> c = rule("!(n != 1) ? 0 : (n * 2 - 2) / 2 >= 10 ? 3 : n + 1 < 4 ? 1 : 2");
  CHECK(c->plural_index(1) == 0);
  CHECK(c->plural_index(2) == 1);   // 2 + 1 < 4
  CHECK(c->plural_index(3) == 2);   // 3 + 1 == 4
  CHECK(c->plural_index(11) == 3);  // (22 - 2) / 2 == 10
  // A rule that divides by zero, or does not parse, gives the first form.
  CHECK(rule("5 % (n - n)")->plural_index(7) == 0);
  CHECK(rule("n >")->plural_index(7) == 0);
  // A form past nplurals is the first form.
  CHECK(rule("n")->plural_index(9) == 0);
}

TEST_CASE("bytes that are not a catalog are refused with a reason") {
  std::string error;
  CHECK_FALSE(Catalog::parse("not a catalog", &error));
  CHECK_FALSE(error.empty());
  std::string mo = compile(std::string(kHeader) + "msgid \"a\"\nmsgstr \"b\"\n");
  for (std::size_t cut : {std::size_t{4}, std::size_t{20}, mo.size() - 1}) {
    // A truncated image must not be read past its end (the sanitizer build checks this).
    std::optional<Catalog> c = Catalog::parse(mo.substr(0, cut), &error);
    if (c) CHECK(c->size() <= 2);
  }
}

TEST_CASE("tr() fills named placeholders in the thread's language") {
  LanguageScope en("en");
  CHECK(tr("unknown task \"{task}\"", {{"task", "t1"}}) == "unknown task \"t1\"");
  CHECK(tr("{a} and {b}, {a} again, {c} unknown", {{"a", "x"}, {"b", 2}}) ==
        "x and 2, x again, {c} unknown");
  CHECK(trn("{n} task", "{n} tasks", 1) == "1 task");
  CHECK(trn("{n} task", "{n} tasks", 3) == "3 tasks");
}

TEST_CASE("the built-in Vietnamese catalog translates, and restores the language after a scope") {
  REQUIRE(builtin_catalog("vi"));
  CHECK(builtin_catalog("vi")->size() > 1);
  CHECK_FALSE(builtin_catalog("en"));
  {
    LanguageScope vi("vi");
    CHECK(language() == "vi");
    CHECK(tr("fix: {fix}", {{"fix", "x"}}) == "cách sửa: x");
  }
  CHECK(language() == "en");
  CHECK(tr("fix: {fix}", {{"fix", "x"}}) == "fix: x");
  CHECK_FALSE(set_language("fr"));
  CHECK(language() == "en");
}

TEST_CASE("every translation in po/vi.po names only the placeholders of its English") {
  const Catalog* vi = builtin_catalog("vi");
  REQUIRE(vi);
  auto names = [](std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) {
      std::size_t end = text.find('}', i);
      if (end == std::string_view::npos) break;
      std::string name(text.substr(i + 1, end - i - 1));
      if (!name.empty() &&
          name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789") == std::string::npos) {
        out.push_back(name);
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  for (const Catalog::Entry& e : vi->entries()) {
    std::vector<std::string> english = names(e.msgid_plural.empty() ? e.msgid : e.msgid_plural);
    if (!e.msgid_plural.empty()) english.push_back("n");
    std::sort(english.begin(), english.end());
    english.erase(std::unique(english.begin(), english.end()), english.end());
    for (std::string_view form : e.forms) {
      for (const std::string& name : names(form)) {
        INFO(std::string(e.msgid) + " -> " + std::string(form));
        CHECK(std::binary_search(english.begin(), english.end(), name));
      }
    }
  }
}

TEST_CASE("the language is chosen by --lang, then PLANTRACK_LANG, then the locale") {
  std::string error;
  auto pick = [&](std::string_view flag, std::string_view env, std::string_view all,
                  std::string_view messages, std::string_view lang) {
    std::optional<LanguageChoice> c = choose_language(flag, env, all, messages, lang, &error);
    return c ? c->code + "/" + c->source : std::string("refused");
  };
  CHECK(pick("vi", "en", "", "", "en_US.UTF-8") == "vi/--lang");
  CHECK(pick("", "vi", "en_US.UTF-8", "", "") == "vi/PLANTRACK_LANG");
  CHECK(pick("", "", "", "vi_VN.UTF-8", "en_US.UTF-8") == "vi/LC_MESSAGES");
  CHECK(pick("", "", "C.UTF-8", "vi_VN", "") == "en/LC_ALL");
  CHECK(pick("", "", "", "", "vi_VN.UTF-8") == "vi/LANG");
  CHECK(pick("", "", "", "", "") == "en/default");
  CHECK(pick("fr", "", "", "", "") == "refused");
  CHECK(error.find("\"fr\"") != std::string::npos);
  CHECK(error.find("en, vi") != std::string::npos);
  // A plan's locale wins over the environment, not over what the user named.
  LanguageChoice from_env{"en", "LANG", false};
  CHECK(prefer_plan_locale(from_env, "vi").code == "vi");
  LanguageChoice named{"en", "--lang", true};
  CHECK(prefer_plan_locale(named, "vi").code == "en");
  CHECK(prefer_plan_locale(from_env, "xx").code == "en");
}
