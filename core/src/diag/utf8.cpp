#include "plantrack/utf8.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <utility>

namespace plantrack {

std::size_t utf8_sequence_at(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) -> unsigned {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0x100;
  };
  unsigned lead = byte(0);
  if (lead < 0x80) return 1;
  auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  if (in(lead, 0xC2, 0xDF)) return in(byte(1), 0x80, 0xBF) ? 2 : 0;
  if (in(lead, 0xE0, 0xEF)) {
    unsigned lo = lead == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
    unsigned hi = lead == 0xED ? 0x9F : 0xBF;  // no surrogates
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(lead, 0xF0, 0xF4)) {
    unsigned lo = lead == 0xF0 ? 0x90 : 0x80;
    unsigned hi = lead == 0xF4 ? 0x8F : 0xBF;  // nothing past U+10FFFF
    return in(byte(1), lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_sequence_at(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

std::string valid_utf8(std::string_view text) {
  std::optional<std::size_t> bad = first_invalid_utf8(text);
  if (!bad) return std::string(text);
  std::string out(text.substr(0, *bad));
  for (std::size_t i = *bad; i < text.size();) {
    std::size_t n = utf8_sequence_at(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD, one per bad byte
      ++i;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

namespace {

// The code point at the start of `text` and its length in bytes; {-1, 0} when there is none.
// Whether `text` holds a combining mark, which NFC may join with the letter before it. Text
// without one is already in NFC but for a few singletons (U+212B ANGSTROM SIGN) and conjoining
// Hangul jamo, which are kept as written.
bool has_combining_mark(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0xCC) {  // below U+0300, the first combining mark
      i += utf8_sequence_at(text, i) ? utf8_sequence_at(text, i) : 1;
      continue;
    }
    utf8proc_int32_t c = -1;
    utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                         static_cast<utf8proc_ssize_t>(text.size() - i), &c);
    if (n <= 0) return false;  // not UTF-8: left as it is
    utf8proc_category_t category = utf8proc_category(c);
    if (category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC ||
        category == UTF8PROC_CATEGORY_ME) {
      return true;
    }
    i += static_cast<std::size_t>(n);
  }
  return false;
}

std::pair<utf8proc_int32_t, std::size_t> first_code_point(std::string_view text) {
  utf8proc_int32_t c = -1;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                        static_cast<utf8proc_ssize_t>(text.size()), &c);
  if (n <= 0 || c < 0) return {-1, 0};
  return {c, static_cast<std::size_t>(n)};
}

std::string with_first(std::string_view text, std::size_t length, utf8proc_int32_t c) {
  utf8proc_uint8_t buffer[4];
  utf8proc_ssize_t n = utf8proc_encode_char(c, buffer);
  return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n)) +
         std::string(text.substr(length));
}

}  // namespace

std::size_t display_width(std::string_view text) {
  // Fast paths for what tables hold (status pads 100k rows): ASCII, and the Latin letters of
  // Vietnamese (U+00C0..U+02FF, U+1E00..U+1EFF), one column each; utf8proc for the rest.
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (byte(0) < 0x80) {
      width += byte(0) >= 0x20 && byte(0) != 0x7F ? 1 : 0;  // controls take none
      ++i;
      continue;
    }
    std::size_t length = utf8_sequence_at(text, i);
    if (length == 0) {  // not UTF-8: one column, as its replacement shows
      ++width;
      ++i;
      continue;
    }
    if ((length == 2 && byte(0) >= 0xC3 && byte(0) <= 0xCB) ||
        (length == 3 && byte(0) == 0xE1 && byte(1) >= 0xB8 && byte(1) <= 0xBB)) {
      ++width;
      i += length;
      continue;
    }
    utf8proc_int32_t c = -1;
    utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                     static_cast<utf8proc_ssize_t>(length), &c);
    width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(c)));
    i += length;
  }
  return width;
}

std::string to_nfc(std::string_view text) {
  if (!has_combining_mark(text) || first_invalid_utf8(text)) return std::string(text);
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return std::string(text);
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

std::string fold_name(std::string_view text) {
  std::string spaced;
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (spaced.empty() || spaced.back() == ' ')) continue;
    spaced += space ? ' ' : c;
  }
  if (!spaced.empty() && spaced.back() == ' ') spaced.pop_back();
  if (first_invalid_utf8(spaced)) return spaced;
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(spaced.data()),
      static_cast<utf8proc_ssize_t>(spaced.size()), &out,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (n < 0) return spaced;
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

std::string upper_first(std::string_view text) {
  auto [c, length] = first_code_point(text);
  if (c < 0) return std::string(text);
  utf8proc_int32_t upper = utf8proc_toupper(c);
  return upper == c ? std::string(text) : with_first(text, length, upper);
}

std::string lower_first(std::string_view text) {
  auto [c, length] = first_code_point(text);
  if (c < 0) return std::string(text);
  utf8proc_int32_t lower = utf8proc_tolower(c);
  if (lower == c) return std::string(text);
  auto [next, ignored] = first_code_point(text.substr(length));
  if (next >= 0 && utf8proc_tolower(next) != next) return std::string(text);  // "UBND"
  return with_first(text, length, lower);
}

}  // namespace plantrack
