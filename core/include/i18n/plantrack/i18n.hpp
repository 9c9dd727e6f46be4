#pragma once
/// The language of what plantrack says: command output, diagnostics with their why and fix,
/// notifications. Texts are written in English in the source, marked with tr() / trn(), and
/// translated through GNU gettext catalogs: po/vi.po, compiled by msgfmt at build time and built
/// into the library (docs/translating.md). A message is one template with named placeholders,
/// never fragments glued together, so a translation may put the words in any order.
///
/// The language is per thread (a server answers each request in its user's language): the CLI
/// sets it once, from --lang, PLANTRACK_LANG, the plan's `locale` or the environment's locale
/// (choose_language()).
///
/// Example:
///   plantrack::LanguageScope vi("vi");
///   plantrack::tr("unknown task \"{task}\"", {{"task", id}});  // -> "không có công việc \"...\""
///   plantrack::trn("{n} task overdue", "{n} tasks overdue", 3);   // {n} is the count
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "plantrack/export.hpp"

namespace plantrack {

/// One named value for a placeholder `{name}` of a message.
struct Arg {
  Arg(std::string_view n, std::string_view v) : name(n), value(v) {}
  Arg(std::string_view n, const std::string& v) : name(n), value(v) {}
  Arg(std::string_view n, const char* v) : name(n), value(v) {}
  template <typename Integer, typename = std::enable_if_t<std::is_integral_v<Integer> &&
                                                          !std::is_same_v<Integer, bool> &&
                                                          !std::is_same_v<Integer, char>>>
  Arg(std::string_view n, Integer v) : name(n), value(std::to_string(v)) {}
  std::string_view name;
  std::string value;
};

/// A compiled GNU gettext catalog (the .mo format msgfmt writes), with its plural rule.
class PLANTRACK_API Catalog {
 public:
  /// Reads a .mo image; nullopt (and `error` says why) when it is not one.
  static std::optional<Catalog> parse(std::string bytes, std::string* error = nullptr);
  /// The translation of `msgid`, or nullopt when there is none (or it is empty).
  std::optional<std::string_view> find(std::string_view msgid) const;
  /// The plural form for `n` of the entry whose singular is `msgid`.
  std::optional<std::string_view> find_plural(std::string_view msgid, std::uint64_t n) const;
  /// Which plural form `n` takes (the header's Plural-Forms; 0 or 1 by n != 1 without one).
  std::size_t plural_index(std::uint64_t n) const;
  std::size_t size() const { return count_; }
  /// Every entry (for the checks of a catalog): msgid (singular), msgid_plural, forms.
  struct Entry {
    std::string_view msgid;
    std::string_view msgid_plural;
    std::vector<std::string_view> forms;
  };
  std::vector<Entry> entries() const;

 private:
  std::string_view original(std::size_t i) const;
  std::string_view translation(std::size_t i) const;
  std::optional<std::size_t> index_of(std::string_view msgid) const;

  std::string bytes_;
  bool swapped_ = false;
  std::uint32_t count_ = 0, originals_ = 0, translations_ = 0;
  std::string plural_rule_;  // the expression after "plural=", empty: n != 1
  std::size_t plurals_ = 2;
};

/// The languages plantrack speaks ("en", "vi"): English is the source, the others have catalogs.
PLANTRACK_API const std::vector<std::string>& languages();
/// languages() as a message lists them: "en, vi".
PLANTRACK_API std::string languages_text();
/// Whether `code` is one of languages().
PLANTRACK_API bool known_language(std::string_view code);
/// The catalog built in for `code`; nullptr for English or a language without one.
PLANTRACK_API const Catalog* builtin_catalog(std::string_view code);

/// This thread's language ("en" until set).
PLANTRACK_API const std::string& language();
/// Sets this thread's language; false (and nothing changes) for a code not in languages().
PLANTRACK_API bool set_language(std::string_view code);

/// Sets this thread's language for a scope and restores the one before it.
class PLANTRACK_API LanguageScope {
 public:
  explicit LanguageScope(std::string_view code);
  ~LanguageScope();
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;

 private:
  std::string previous_;
};

/// `msgid` in this thread's language, with each `{name}` replaced by its Arg (other braces are
/// kept). A translation that names a placeholder the English does not is not used.
PLANTRACK_API std::string tr(std::string_view msgid, std::initializer_list<Arg> args = {});
/// The plural form for `n` (`{n}` is `n`; other placeholders as tr()).
PLANTRACK_API std::string trn(std::string_view singular, std::string_view plural, std::uint64_t n,
                              std::initializer_list<Arg> args = {});
/// Replaces each `{name}` in `text` by its Arg (the substitution tr() does, for texts that come
/// from elsewhere, e.g. a plugin's own table).
PLANTRACK_API std::string substitute(std::string_view text, std::initializer_list<Arg> args);

/// Where a language choice came from, for messages and tests.
struct LanguageChoice {
  std::string code;    ///< one of languages()
  std::string source;  ///< "--lang", "PLANTRACK_LANG", "plan", "LC_ALL", "LANG"... or "default"
  bool explicit_ =
      false;  ///< chosen by --lang or PLANTRACK_LANG (a plan's locale does not override)
};

/// The language from what the user set, in order: `flag` (--lang), `plantrack_lang`
/// (PLANTRACK_LANG), then the environment's locale (`lc_all`, `lc_messages`, `lang`, POSIX order:
/// "vi_VN.UTF-8" -> vi, anything else -> en). The plan's `locale` comes between PLANTRACK_LANG and
/// the environment: see prefer_plan_locale(). nullopt, and `error` names the value and the
/// languages there are, when --lang or PLANTRACK_LANG names a language plantrack does not speak.
PLANTRACK_API std::optional<LanguageChoice> choose_language(
    std::string_view flag, std::string_view plantrack_lang, std::string_view lc_all,
    std::string_view lc_messages, std::string_view lang, std::string* error);
/// `choice`, or the plan's stated `locale` when the choice was not explicit.
PLANTRACK_API LanguageChoice prefer_plan_locale(LanguageChoice choice,
                                                std::string_view plan_locale);

}  // namespace plantrack
