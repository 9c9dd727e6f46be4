#pragma once
/// UTF-8 checks. Every text plantrack stores is UTF-8: input that is not is refused where it is
/// typed (the option, or the CSV row and column); text read back that is not (an older plantrack
/// stored it, or SQL written by hand) is shown with U+FFFD in place of each bad sequence.
///
/// Example:
///   if (auto bad = plantrack::first_invalid_utf8(note)) ... // refuse, pointing at byte *bad
///   std::string shown = plantrack::valid_utf8(stored);       // never fails
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "plantrack/export.hpp"

namespace plantrack {

/// The length (1-4) of the well-formed UTF-8 sequence starting at `text[at]`, or 0 when the bytes
/// there are not one (Unicode, table 3-7). The one decoder every UTF-8 check and escape uses.
PLANTRACK_API std::size_t utf8_sequence_at(std::string_view text, std::size_t at);

/// The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
/// surrogates and code points past U+10FFFF are not well-formed); nullopt when all of it is.
PLANTRACK_API std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// `text` with each ill-formed sequence replaced by U+FFFD (the text itself when it is valid).
PLANTRACK_API std::string valid_utf8(std::string_view text);

/// The columns UTF-8 text takes on a terminal (utf8proc's character widths: a combining mark
/// none, a wide East Asian character two); a byte that is not UTF-8 one, as its replacement shows.
PLANTRACK_API std::size_t display_width(std::string_view text);

/// `text` in Unicode Normalization Form C (utf8proc): "Công ty" typed with combining accents (NFD,
/// as a Mac writes it) becomes the same bytes as typed precomposed (as Windows writes it), so an
/// enterprise, an id or a title typed on either is one. Text without combining marks is returned
/// as it is without normalising (every text plantrack reads passes here); text that is not valid
/// UTF-8 is returned as it is (it is refused where it is checked).
PLANTRACK_API std::string to_nfc(std::string_view text);

/// `text` for comparing names: NFC, case-folded for every letter (utf8proc), runs of white space
/// as one space, none at the ends. "  Công ty TNHH  GỖ " and "công ty tnhh gỗ" fold the same.
PLANTRACK_API std::string fold_name(std::string_view text);

/// `text` with its first letter in capitals, for every letter Unicode knows (utf8proc): "ấp" ->
/// "Ấp", "đề tài" -> "Đề tài", "ý kiến" -> "Ý kiến". Text that does not start with a lower-case
/// letter, or is not valid UTF-8, is returned as it is.
PLANTRACK_API std::string upper_first(std::string_view text);

/// `text` with its first letter in lower case when it is a capital followed by a letter that is
/// not ("Ngân sách" -> "ngân sách", "Ủy ban" -> "ủy ban"); "UBND" and "Vốn ODA" keep theirs only
/// in the first case ("UBND" stays; "Vốn ODA" -> "vốn ODA").
PLANTRACK_API std::string lower_first(std::string_view text);

}  // namespace plantrack
