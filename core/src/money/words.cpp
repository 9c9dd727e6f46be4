// Numbers in words: Vietnamese (standard written form, with the regional options) and English.
#include <array>
#include <cctype>

#include "plantrack/money.hpp"

namespace plantrack {
namespace {

constexpr std::array<std::string_view, 10> kDigitsVi = {"không", "một", "hai", "ba",  "bốn",
                                                        "năm",   "sáu", "bảy", "tám", "chín"};

void append(std::string& out, std::string_view word) {
  if (!out.empty()) out += ' ';
  out += word;
}

// One group of three digits. `hundreds` says whether the hundreds are read even when zero ("không
// trăm"): inside a number, after a group already read.
void group_vi(std::string& out, int value, bool inside, const VietnameseWords& o) {
  int h = value / 100, t = value / 10 % 10, u = value % 10;
  bool hundreds = inside || h > 0;
  if (hundreds) {
    append(out, kDigitsVi[static_cast<std::size_t>(h)]);
    append(out, "trăm");
  }
  if (t == 0) {
    if (u == 0) return;
    if (hundreds) append(out, o.linh_le ? "lẻ" : "linh");
    append(out, kDigitsVi[static_cast<std::size_t>(u)]);
    return;
  }
  append(out, t == 1 ? "mười" : kDigitsVi[static_cast<std::size_t>(t)]);
  if (t > 1) append(out, "mươi");
  if (u == 0) return;
  if (u == 5) {
    append(out, "lăm");
  } else if (u == 1 && t > 1) {
    append(out, "mốt");
  } else if (u == 4 && t > 1 && o.tu_after_muoi) {
    append(out, "tư");
  } else {
    append(out, kDigitsVi[static_cast<std::size_t>(u)]);
  }
}

// Digits (no leading zeros unless "0") -> words; `inside`: something was read before it.
void words_vi(std::string& out, std::string_view digits, bool inside, const VietnameseWords& o) {
  // Blocks of nine digits: the part above the last nine is read, then "tỷ" (repeated for larger
  // numbers: 10^18 is "một tỷ tỷ").
  if (digits.size() > 9) {
    std::string_view high = digits.substr(0, digits.size() - 9);
    std::string_view low = digits.substr(digits.size() - 9);
    words_vi(out, high, inside, o);
    append(out, o.ti ? "tỉ" : "tỷ");
    if (low.find_first_not_of('0') != std::string_view::npos) words_vi(out, low, true, o);
    return;
  }
  static constexpr std::array<std::string_view, 3> kScales = {"triệu", "nghìn", ""};
  std::string padded = std::string(9 - digits.size(), '0') + std::string(digits);
  for (std::size_t g = 0; g < 3; ++g) {
    int value =
        (padded[g * 3] - '0') * 100 + (padded[g * 3 + 1] - '0') * 10 + (padded[g * 3 + 2] - '0');
    if (value == 0) continue;  // an all-zero group is skipped
    group_vi(out, value, inside, o);
    std::string_view scale = g == 1 && o.ngan ? "ngàn" : kScales[g];
    if (!scale.empty()) append(out, scale);
    inside = true;
  }
}

constexpr std::array<std::string_view, 20> kSmallEn = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kTensEn = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 13> kScalesEn = {
    "",           "thousand",   "million",   "billion",   "trillion",  "quadrillion", "quintillion",
    "sextillion", "septillion", "octillion", "nonillion", "decillion", "undecillion"};

void group_en(std::string& out, int value) {
  int h = value / 100, rest = value % 100;
  if (h > 0) {
    append(out, kSmallEn[static_cast<std::size_t>(h)]);
    append(out, "hundred");
  }
  if (rest == 0) return;
  if (rest < 20) {
    append(out, kSmallEn[static_cast<std::size_t>(rest)]);
  } else if (rest % 10 == 0) {
    append(out, kTensEn[static_cast<std::size_t>(rest / 10)]);
  } else {
    append(out, std::string(kTensEn[static_cast<std::size_t>(rest / 10)]) + "-" +
                    std::string(kSmallEn[static_cast<std::size_t>(rest % 10)]));
  }
}

// "-123" or "123" -> sign and digits without leading zeros; nullopt if not an integer.
std::optional<std::pair<bool, std::string_view>> split(std::string_view text) {
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  std::size_t first = text.find_first_not_of('0');
  text = first == std::string_view::npos ? text.substr(text.size() - 1) : text.substr(first);
  return std::make_pair(negative && text != "0", text);
}

}  // namespace

std::optional<std::string> vietnamese_words(std::string_view number, const VietnameseWords& o) {
  auto parts = split(number);
  if (!parts) return std::nullopt;
  auto [negative, digits] = *parts;
  std::string out;
  if (negative) append(out, "âm");
  if (digits == "0") {
    append(out, "không");
  } else {
    words_vi(out, digits, false, o);
  }
  return out;
}

std::string vietnamese_words(std::int64_t value, const VietnameseWords& options) {
  return *vietnamese_words(std::to_string(value), options);
}

std::optional<std::string> english_words(std::string_view number) {
  auto parts = split(number);
  if (!parts) return std::nullopt;
  auto [negative, digits] = *parts;
  std::size_t groups = (digits.size() + 2) / 3;
  if (groups > kScalesEn.size()) return std::nullopt;
  std::string out;
  if (negative) append(out, "minus");
  if (digits == "0") return out.empty() ? "zero" : out + " zero";
  std::string padded = std::string(groups * 3 - digits.size(), '0') + std::string(digits);
  for (std::size_t g = 0; g < groups; ++g) {
    int value =
        (padded[g * 3] - '0') * 100 + (padded[g * 3 + 1] - '0') * 10 + (padded[g * 3 + 2] - '0');
    if (value == 0) continue;
    group_en(out, value);
    std::string_view scale = kScalesEn[groups - 1 - g];
    if (!scale.empty()) append(out, scale);
  }
  return out;
}

std::string english_words(std::int64_t value) {
  return *english_words(std::to_string(value));
}

std::string money_in_words(std::int64_t amount, std::string_view lang,
                           const VietnameseWords& options) {
  std::string words =
      lang == "vi" ? vietnamese_words(amount, options) + " đồng" : english_words(amount) + " dong";
  if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') {
    words[0] = static_cast<char>(words[0] - 'a' + 'A');
  }
  return words;
}

}  // namespace plantrack
