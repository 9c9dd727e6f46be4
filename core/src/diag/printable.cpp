#include "plantrack/printable.hpp"

#include "plantrack/utf8.hpp"

namespace plantrack {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// Length of the UTF-8 sequence at `at` (utf8_sequence_at) and its code point; 0 when the bytes
// are not UTF-8.
std::size_t decode(std::string_view text, std::size_t at, char32_t& point) {
  std::size_t length = utf8_sequence_at(text, at);
  if (length == 0) return 0;
  auto lead = static_cast<unsigned char>(text[at]);
  point = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    point = (point << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  }
  return length;
}

bool is_bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

void append_byte_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
  }
}

void append_point_escape(std::string& out, char32_t c) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
}

// Advances over the character at `at`; true when it is shown as it is.
bool step(std::string_view text, std::size_t& at, std::string* out, LineBreaks breaks) {
  auto c = static_cast<unsigned char>(text[at]);
  bool kept_break = breaks == LineBreaks::kAllowed && (c == '\n' || c == '\t');
  if ((c >= 0x20 && c < 0x7F) || kept_break) {
    if (out) *out += static_cast<char>(c);
    ++at;
    return true;
  }
  if (c < 0x80) {  // C0 or DEL
    if (out) append_byte_escape(*out, c);
    ++at;
    return false;
  }
  char32_t point = 0;
  std::size_t length = decode(text, at, point);
  if (length == 0) {
    if (out) append_byte_escape(*out, c);
    ++at;
    return false;
  }
  bool shown = point > 0x9F && !is_bidi_control(point);
  if (out) {
    if (shown) {
      out->append(text.substr(at, length));
    } else {
      append_point_escape(*out, point);
    }
  }
  at += length;
  return shown;
}

}  // namespace

void append_printable(std::string& out, std::string_view text, LineBreaks breaks) {
  for (std::size_t at = 0; at < text.size();) step(text, at, &out, breaks);
}

std::string printable(std::string_view text, LineBreaks breaks) {
  if (is_printable(text, breaks)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  append_printable(out, text, breaks);
  return out;
}

bool is_printable(std::string_view text, LineBreaks breaks) {
  for (std::size_t at = 0; at < text.size();) {
    if (!step(text, at, nullptr, breaks)) return false;
  }
  return true;
}

std::size_t find_control(std::string_view text, LineBreaks breaks) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    auto c = static_cast<unsigned char>(text[at]);
    bool line_break = c == '\n' || c == '\r';
    if ((c < 0x20 && c != '\t' && !(line_break && breaks == LineBreaks::kAllowed)) || c == 0x7F)
      return at;
    // C1 controls are U+0080..U+009F, encoded C2 80..C2 9F.
    if (c == 0xC2 && at + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[at + 1]);
      if (next >= 0x80 && next <= 0x9F) return at;
    }
  }
  return std::string_view::npos;
}

}  // namespace plantrack
