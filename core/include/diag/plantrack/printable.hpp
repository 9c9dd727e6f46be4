#pragma once
/// Text from a plan, a store or the command line made safe to show: on a terminal, nothing in a
/// title, note or id may move the cursor, recolour the screen, set the window title or reorder
/// what follows (bidi overrides, as in "Trojan Source"). Every text renderer passes user text
/// through printable(); the loader refuses control characters where they cannot belong
/// (find_control).
///
/// Example:
///   std::cout << plantrack::printable(task.title) << "\n";  // "a\x1b[31mb" shows as a\x1b[31mb
#include <cstddef>
#include <string>
#include <string_view>

#include "plantrack/export.hpp"

namespace plantrack {

/// Which line breaks a text may hold: none (ids, titles, units, names), or newlines and tabs
/// (free text such as the narrative of a report; pretty-printed JSON).
enum class LineBreaks { kNone, kAllowed };

/// `text` with every character a terminal would act on written as a visible escape: C0 controls
/// and DEL as `\n`, `\r`, `\t` or `\xHH`; C1 controls (U+0080..U+009F) and the bidi embeddings,
/// overrides and isolates (U+202A..U+202E, U+2066..U+2069) as `\uHHHH`; each byte that is not
/// UTF-8 as `\xHH`. Everything else (letters of any script, punctuation, emoji) is kept as is.
/// With LineBreaks::kAllowed, newlines and tabs stay as they are (a carriage return, which lets a
/// line overwrite the one shown, never does). The escapes are JSON's too, so JSON text (whose
/// strings hold no raw C0 controls) stays valid JSON with the same values. Linear; text that
/// needs nothing is returned unchanged.
PLANTRACK_API std::string printable(std::string_view text, LineBreaks breaks = LineBreaks::kNone);
/// The same, appended to `out` (no temporary string per field in a 100k-row listing).
PLANTRACK_API void append_printable(std::string& out, std::string_view text,
                                    LineBreaks breaks = LineBreaks::kNone);
/// True when printable(text, breaks) == text.
PLANTRACK_API bool is_printable(std::string_view text, LineBreaks breaks = LineBreaks::kNone);

/// The byte offset of the first control character in `text` (C0, DEL or C1; a tab is allowed, a
/// newline and a carriage return with LineBreaks::kAllowed), or npos. Bytes that are not UTF-8 are
/// not reported here (the loader checks encoding).
PLANTRACK_API std::size_t find_control(std::string_view text, LineBreaks breaks);

}  // namespace plantrack
