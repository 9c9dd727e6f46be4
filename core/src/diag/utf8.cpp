#include "plantrack/utf8.hpp"

#include <utf8proc.h>

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
