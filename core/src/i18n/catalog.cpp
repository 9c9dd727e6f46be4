// Reading GNU .mo catalogs (the format msgfmt writes) and evaluating their Plural-Forms.
#include <algorithm>
#include <array>
#include <cstring>

#include "plantrack/i18n.hpp"

namespace plantrack {
namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kSwappedMagic = 0xde120495;

std::uint32_t read_u32(const std::string& bytes, std::size_t at, bool swapped) {
  std::uint32_t v = 0;
  std::memcpy(&v, bytes.data() + at, 4);
  if (swapped) {
    v = ((v & 0xffu) << 24) | ((v & 0xff00u) << 8) | ((v >> 8) & 0xff00u) | (v >> 24);
  }
  return v;
}

// The C expression of a Plural-Forms header over `n`: ?:, ||, &&, == !=, < > <= >=, + -, * / %,
// unary !, parentheses, decimal numbers. Evaluated from its text; a malformed rule gives 0.
class PluralRule {
 public:
  PluralRule(std::string_view text, std::uint64_t n) : text_(text), n_(n) {}
  std::uint64_t evaluate() {
    std::uint64_t v = ternary();
    skip();
    return ok_ && at_ == text_.size() ? v : 0;
  }

 private:
  void skip() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t')) ++at_;
  }
  bool take(std::string_view token) {
    skip();
    if (text_.substr(at_, token.size()) != token) return false;
    // "<" must not take the first half of "<=", "!" not of "!=", "=" is never alone.
    if (token.size() == 1 && at_ + 1 < text_.size() && text_[at_ + 1] == '=' &&
        (token == "<" || token == ">" || token == "!")) {
      return false;
    }
    at_ += token.size();
    return true;
  }
  std::uint64_t ternary() {
    std::uint64_t c = binary(0);
    if (!take("?")) return c;
    std::uint64_t a = ternary();
    if (!take(":")) ok_ = false;
    std::uint64_t b = ternary();
    return c ? a : b;
  }
  // Binary operators by precedence, loosest first; all associate to the left.
  static constexpr std::array<std::array<std::string_view, 4>, 6> kLevels = {
      {{"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}}};

  std::uint64_t binary(std::size_t level) {
    if (level == kLevels.size()) return unary();
    std::uint64_t v = binary(level + 1);
    for (;;) {
      std::string_view op;
      for (std::string_view candidate : kLevels[level]) {
        if (!candidate.empty() && take(candidate)) {
          op = candidate;
          break;
        }
      }
      if (op.empty()) return v;
      v = apply(op, v, binary(level + 1));
    }
  }
  std::uint64_t apply(std::string_view op, std::uint64_t a, std::uint64_t b) {
    if ((op == "/" || op == "%") && b == 0) {
      ok_ = false;
      return 0;
    }
    if (op == "||") return (a || b) ? 1 : 0;
    if (op == "&&") return (a && b) ? 1 : 0;
    if (op == "==") return a == b ? 1 : 0;
    if (op == "!=") return a != b ? 1 : 0;
    if (op == "<=") return a <= b ? 1 : 0;
    if (op == ">=") return a >= b ? 1 : 0;
    if (op == "<") return a < b ? 1 : 0;
    if (op == ">") return a > b ? 1 : 0;
    if (op == "+") return a + b;
    if (op == "-") return a - b;
    if (op == "*") return a * b;
    return op == "/" ? a / b : a % b;
  }
  std::uint64_t unary() {
    if (take("!")) return unary() ? 0 : 1;
    return primary();
  }
  std::uint64_t primary() {
    skip();
    if (take("(")) {
      std::uint64_t v = ternary();
      if (!take(")")) ok_ = false;
      return v;
    }
    if (at_ < text_.size() && text_[at_] == 'n') {
      ++at_;
      return n_;
    }
    if (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
      std::uint64_t v = 0;
      while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
        v = v * 10 + static_cast<std::uint64_t>(text_[at_++] - '0');
      }
      return v;
    }
    ok_ = false;
    return 0;
  }

  std::string_view text_;
  std::uint64_t n_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

// The value of `key` ("plural=", "nplurals=") in a Plural-Forms line, up to the next ';'.
std::string_view header_field(std::string_view header, std::string_view key) {
  std::size_t line = header.find("Plural-Forms:");
  if (line == std::string_view::npos) return {};
  std::string_view rest = header.substr(line);
  rest = rest.substr(0, rest.find('\n'));
  std::size_t at = rest.find(key);
  if (at == std::string_view::npos) return {};
  rest = rest.substr(at + key.size());
  return rest.substr(0, rest.find(';'));
}

}  // namespace

std::optional<Catalog> Catalog::parse(std::string bytes, std::string* error) {
  auto fail = [&](const char* why) -> std::optional<Catalog> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (bytes.size() < 28) return fail("too short to be a .mo catalog");
  Catalog c;
  std::uint32_t magic = 0;
  std::memcpy(&magic, bytes.data(), 4);
  if (magic == kSwappedMagic) {
    c.swapped_ = true;
  } else if (magic != kMagic) {
    return fail("not a .mo catalog (wrong magic number)");
  }
  c.count_ = read_u32(bytes, 8, c.swapped_);
  c.originals_ = read_u32(bytes, 12, c.swapped_);
  c.translations_ = read_u32(bytes, 16, c.swapped_);
  auto table_fits = [&](std::uint32_t table) {
    return table <= bytes.size() && (bytes.size() - table) / 8 >= c.count_;
  };
  if (!table_fits(c.originals_) || !table_fits(c.translations_)) {
    return fail("a string table runs past the end of the catalog");
  }
  for (std::uint32_t table : {c.originals_, c.translations_}) {
    for (std::uint32_t i = 0; i < c.count_; ++i) {
      std::uint64_t length = read_u32(bytes, table + 8 * i, c.swapped_);
      std::uint64_t offset = read_u32(bytes, table + 8 * i + 4, c.swapped_);
      if (offset + length >= bytes.size()) return fail("a string runs past the end of the catalog");
    }
  }
  c.bytes_ = std::move(bytes);
  if (std::optional<std::size_t> header = c.index_of("")) {
    std::string_view text = c.translation(*header);
    std::string_view rule = header_field(text, "plural=");
    c.plural_rule_ = std::string(rule);
    std::string_view count = header_field(text, "nplurals=");
    if (!count.empty())
      c.plurals_ = static_cast<std::size_t>(std::max(1, std::atoi(std::string(count).c_str())));
  }
  return c;
}

std::string_view Catalog::original(std::size_t i) const {
  std::uint32_t length = read_u32(bytes_, originals_ + 8 * i, swapped_);
  std::uint32_t offset = read_u32(bytes_, originals_ + 8 * i + 4, swapped_);
  return std::string_view(bytes_).substr(offset, length);
}

std::string_view Catalog::translation(std::size_t i) const {
  std::uint32_t length = read_u32(bytes_, translations_ + 8 * i, swapped_);
  std::uint32_t offset = read_u32(bytes_, translations_ + 8 * i + 4, swapped_);
  return std::string_view(bytes_).substr(offset, length);
}

std::optional<std::size_t> Catalog::index_of(std::string_view msgid) const {
  // msgfmt sorts the originals by their singular (a plural entry is "singular\0plural").
  std::size_t low = 0, high = count_;
  while (low < high) {
    std::size_t mid = low + (high - low) / 2;
    std::string_view key = original(mid);
    key = key.substr(0, key.find('\0'));
    int order = key.compare(msgid);
    if (order == 0) return mid;
    if (order < 0) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> Catalog::find(std::string_view msgid) const {
  std::optional<std::size_t> i = index_of(msgid);
  if (!i) return std::nullopt;
  std::string_view text = translation(*i);
  text = text.substr(0, text.find('\0'));
  if (text.empty()) return std::nullopt;
  return text;
}

std::size_t Catalog::plural_index(std::uint64_t n) const {
  std::uint64_t form =
      plural_rule_.empty() ? (n != 1 ? 1 : 0) : PluralRule(plural_rule_, n).evaluate();
  return form < plurals_ ? static_cast<std::size_t>(form) : 0;
}

std::optional<std::string_view> Catalog::find_plural(std::string_view msgid,
                                                     std::uint64_t n) const {
  std::optional<std::size_t> i = index_of(msgid);
  if (!i) return std::nullopt;
  std::string_view forms = translation(*i);
  std::size_t wanted = plural_index(n);
  for (std::size_t k = 0; k < wanted; ++k) {
    std::size_t end = forms.find('\0');
    if (end == std::string_view::npos) return std::nullopt;
    forms = forms.substr(end + 1);
  }
  forms = forms.substr(0, forms.find('\0'));
  if (forms.empty()) return std::nullopt;
  return forms;
}

std::vector<Catalog::Entry> Catalog::entries() const {
  std::vector<Entry> out;
  for (std::size_t i = 0; i < count_; ++i) {
    Entry e;
    std::string_view key = original(i);
    std::size_t nul = key.find('\0');
    e.msgid = key.substr(0, nul);
    if (nul != std::string_view::npos) e.msgid_plural = key.substr(nul + 1);
    std::string_view forms = translation(i);
    for (;;) {
      std::size_t end = forms.find('\0');
      e.forms.push_back(forms.substr(0, end));
      if (end == std::string_view::npos) break;
      forms = forms.substr(end + 1);
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace plantrack
