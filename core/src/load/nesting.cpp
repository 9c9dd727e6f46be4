#include "nesting.hpp"

#include <cstdint>

namespace plantrack::load {
namespace {

// A single pass over the text, tracking only what nesting needs.
class Scanner {
 public:
  Scanner(std::string_view text, std::size_t limit) : text_(text), limit_(limit) {}

  std::optional<SourcePos> run() {
    while (at_ < text_.size() && !found_) {
      if (containers_ == 0 && !in_value_) {
        line_start();
      } else {
        value_char();
      }
    }
    return found_;
  }

 private:
  char peek(std::size_t ahead = 0) const {
    return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0';
  }
  void advance() {
    if (text_[at_] == '\n') {
      ++line_;
      line_at_ = at_ + 1;
    }
    ++at_;
  }
  void check(std::size_t depth) {
    if (depth > limit_ && !found_) {
      found_ = SourcePos{static_cast<std::uint32_t>(line_),
                         static_cast<std::uint32_t>(at_ - line_at_ + 1)};
    }
  }
  void skip_blank() {
    while (peek() == ' ' || peek() == '\t') advance();
  }
  void skip_comment() {
    while (at_ < text_.size() && peek() != '\n') advance();
  }
  // A string starting at the quote; multi-line ones may span lines.
  void skip_string() {
    char quote = peek();
    bool triple = peek(1) == quote && peek(2) == quote;
    std::size_t quotes = triple ? 3 : 1;
    for (std::size_t i = 0; i < quotes; ++i) advance();
    while (at_ < text_.size()) {
      char c = peek();
      if (c == '\\' && quote == '"') {
        advance();
        if (at_ < text_.size()) advance();
        continue;
      }
      if (c == '\n' && !triple) return;  // unterminated: the parser says so
      if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
        for (std::size_t i = 0; i < quotes; ++i) advance();
        return;
      }
      advance();
    }
  }
  // A (dotted) key up to `end`; returns its number of segments.
  std::size_t key(std::size_t base, char end) {
    std::size_t segments = 1;
    while (at_ < text_.size() && peek() != end && peek() != '\n') {
      char c = peek();
      if (c == '"' || c == '\'') {
        skip_string();
        continue;
      }
      if (c == '.') check(base + ++segments);
      if (found_) return segments;
      advance();
    }
    return segments;
  }
  void line_start() {
    skip_blank();
    char c = peek();
    if (c == '\n' || c == '\r') {
      advance();
    } else if (c == '#') {
      skip_comment();
    } else if (c == '[') {
      advance();
      if (peek() == '[') advance();
      header_ = key(0, ']');
      check(header_);
      skip_comment();  // the rest of the header line
    } else if (c != '\0') {
      base_ = header_ + key(header_, '=');
      check(base_);
      if (peek() == '=') advance();
      in_value_ = true;
    } else {
      advance();
    }
  }
  // One step through a value: strings, comments, and the arrays and inline tables it opens.
  void value_char() {
    char c = peek();
    if (c == '"' || c == '\'') {
      skip_string();
    } else if (c == '#') {
      skip_comment();
    } else if (c == '[' || c == '{') {
      ++containers_;
      check(base_ + containers_);
      advance();
      if (c == '{') inline_key();
    } else if (c == ']' || c == '}') {
      if (containers_ > 0) --containers_;
      advance();
    } else if (c == ',' && containers_ > 0) {
      advance();
      inline_key();
    } else if (c == '\n' && containers_ == 0) {
      in_value_ = false;
      advance();
    } else {
      advance();
    }
  }
  // After '{' or ',': a key of an inline table (or an array element, which has no '=').
  void inline_key() {
    while (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r') advance();
    std::size_t start = at_;
    std::size_t start_line = line_, start_line_at = line_at_;
    std::size_t dots = 0;
    while (at_ < text_.size()) {
      char c = peek();
      if (c == '"' || c == '\'') {
        skip_string();
      } else if (c == '.') {
        ++dots;
        advance();
      } else if (c == '=' || c == ',' || c == '[' || c == '{' || c == '}' || c == ']' ||
                 c == '\n' || c == '#') {
        break;
      } else {
        advance();
      }
    }
    if (peek() == '=') {
      check(base_ + containers_ + dots);
      advance();
    } else {  // not a key (an array element): read it again as a value
      at_ = start;
      line_ = start_line;
      line_at_ = start_line_at;
    }
  }

  std::string_view text_;
  std::size_t limit_;
  std::size_t at_ = 0, line_ = 1, line_at_ = 0;
  std::size_t header_ = 0, base_ = 0, containers_ = 0;
  bool in_value_ = false;  ///< after a key's '=', until the value's line ends
  std::optional<SourcePos> found_;
};

}  // namespace

std::optional<SourcePos> too_deep(std::string_view text, std::size_t limit) {
  return Scanner(text, limit).run();
}

}  // namespace plantrack::load
