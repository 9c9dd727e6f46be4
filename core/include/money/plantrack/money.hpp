#pragma once
/// Amounts of money: integers in the plan's currency (VND has no minor unit), added with overflow
/// checks, and written the way each language writes figures.
///
/// Example:
///   std::optional<std::int64_t> total = plantrack::add_amounts(123'000'000, 900'600'000);
///   plantrack::format_figure(*total, plantrack::NumberStyle::kVietnamese);  // "1.023.600.000"
///   plantrack::format_figure(*total, plantrack::NumberStyle::kEnglish);     // "1,023,600,000"
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plantrack/export.hpp"

namespace plantrack {

/// a + b, or nullopt when the sum leaves the 64-bit range (an error to report, never a wrap).
PLANTRACK_API std::optional<std::int64_t> add_amounts(std::int64_t a, std::int64_t b);
/// The sum of all, or nullopt on overflow.
PLANTRACK_API std::optional<std::int64_t> sum_amounts(const std::vector<std::int64_t>& amounts);
/// a * b (e.g. a unit cost times a count), or nullopt on overflow.
PLANTRACK_API std::optional<std::int64_t> multiply_amount(std::int64_t a, std::int64_t b);
/// `amount` * percent / 100, rounded down toward zero, computed without intermediate overflow;
/// nullopt when the result does not fit (it always does for percent <= 100).
PLANTRACK_API std::optional<std::int64_t> percent_of(std::int64_t amount, std::int64_t percent);

enum class NumberStyle {
  kVietnamese,  ///< 1.023.600.000 (dots group thousands; a comma is the decimal mark)
  kEnglish,     ///< 1,023,600,000
};

/// The style for a plan locale ("vi" -> Vietnamese; anything else -> English).
PLANTRACK_API NumberStyle number_style(std::string_view locale);

/// An integer with its thousands grouped: -1.234.567 / -1,234,567. INT64_MIN included.
PLANTRACK_API std::string format_figure(std::int64_t value, NumberStyle style);

/// A percent as every front end writes it (status, what-if, reports, the HTML charts), rounded
/// half up (2 of 3 is "67%"), except that only a reached target shows "100%": 99.6% is "99%".
/// A value within 1e-9 below 100 is 100 (a mean of shares that is 100 up to rounding noise).
/// Not a number gives "-".
///   plantrack::format_percent(200.0 / 3);  // "67%"
///   plantrack::format_percent(99.6);       // "99%"
PLANTRACK_API std::string format_percent(double percent);

/// An amount as a person types it: plain digits ("50000000") or digits grouped by threes with one
/// separator throughout ("50.000.000", "50,000,000", "50_000_000", "50 000 000"). Non-negative.
/// nullopt for anything else (a decimal part, mixed separators, a group of two digits, overflow).
PLANTRACK_API std::optional<std::int64_t> parse_amount(std::string_view text);

/// An amount of money: "1.023.600.000 đồng" (Vietnamese) or "VND 1,023,600,000" (English).
PLANTRACK_API std::string format_money(std::int64_t value, NumberStyle style);

/// Regional variants of Vietnamese number words (set in the plan's [report] table).
struct VietnameseWords {
  bool linh_le = false;        ///< "lẻ" instead of "linh" for a zero tens digit (Southern)
  bool ngan = false;           ///< "ngàn" instead of "nghìn"
  bool tu_after_muoi = false;  ///< "tư" instead of "bốn" after "mươi" (hai mươi tư)
  bool ti = false;             ///< "tỉ" instead of "tỷ"
};

/// An integer read in Vietnamese, standard written form: 15 "mười lăm", 21 "hai mươi mốt",
/// 105 "một trăm linh năm", 1.005 "một nghìn không trăm linh năm", 10^12 "một nghìn tỷ",
/// 10^18 "một tỷ tỷ". `number` is decimal digits, optionally with a leading '-', of any length;
/// nullopt if it is not.
PLANTRACK_API std::optional<std::string> vietnamese_words(std::string_view number,
                                                          const VietnameseWords& options = {});
PLANTRACK_API std::string vietnamese_words(std::int64_t value, const VietnameseWords& options = {});

/// An integer in English words (short scale): 1023600000 "one billion twenty-three million six
/// hundred thousand". Up to 39 digits; nullopt beyond, or if `number` is not an integer.
PLANTRACK_API std::optional<std::string> english_words(std::string_view number);
PLANTRACK_API std::string english_words(std::int64_t value);

/// An amount in words as reports write it, capitalised: "Một tỷ không trăm hai mươi ba triệu sáu
/// trăm nghìn đồng" (lang "vi"), "One billion twenty-three million six hundred thousand dong".
PLANTRACK_API std::string money_in_words(std::int64_t amount, std::string_view lang,
                                         const VietnameseWords& options = {});

}  // namespace plantrack
