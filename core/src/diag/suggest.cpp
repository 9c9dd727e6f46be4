#include <algorithm>
#include <cstdint>
#include <functional>
#include <numeric>
#include <string>

#include "plantrack/diagnostic.hpp"

namespace plantrack {
namespace {

// Words longer than this get no suggestion: a typo is found in a name, not in a paragraph, and
// the distance costs length x length.
constexpr std::size_t kMaxSuggestedLength = 64;

std::size_t difference(std::size_t a, std::size_t b) {
  return a > b ? a - b : b - a;
}

}  // namespace

// Optimal string alignment distance (Levenshtein plus adjacent transposition), three rows of
// memory. With `max_distance`, gives up as soon as every cell of a row exceeds it (as ninja's
// EditDistance does) and returns max_distance + 1.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance) {
  if (difference(a.size(), b.size()) > max_distance) return max_distance + 1;
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_best = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > max_distance) return max_distance + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], max_distance + 1);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return edit_distance(a, b, std::max(a.size(), b.size()));
}

std::size_t suggestion_limit(std::string_view word) {
  // A typo changes at most about a third of a name; anything further is a different name.
  return std::max<std::size_t>(1, word.size() / 3);
}

std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.size() > kMaxSuggestedLength) return {};
  const std::size_t limit = suggestion_limit(word);
  std::string_view best;
  std::size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    if (candidate == word || difference(candidate.size(), word.size()) >= best_distance) continue;
    std::size_t distance = edit_distance(word, candidate, best_distance - 1);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return std::string(best);
}

namespace {

std::uint64_t hash_of(std::string_view text) {
  return std::hash<std::string_view>{}(text);
}

// Calls visit(hash) for `word` and each string one deletion away from it: two strings are at
// most one edit (or one adjacent swap) apart exactly when these sets meet.
template <typename Visit>
void deletions(std::string_view word, Visit visit) {
  visit(hash_of(word));
  std::string shorter;
  for (std::size_t i = 0; i < word.size(); ++i) {
    shorter.assign(word.substr(0, i));
    shorter.append(word.substr(i + 1));
    visit(hash_of(shorter));
  }
}

}  // namespace

Suggester::Suggester(std::vector<std::string_view> candidates)
    : candidates_(std::move(candidates)) {
  std::sort(candidates_.begin(), candidates_.end());  // ties go to the first in this order
  candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    std::string_view c = candidates_[i];
    if (c.size() > kMaxSuggestedLength + kMaxSuggestedLength / 3) continue;
    if (by_length_.size() <= c.size()) by_length_.resize(c.size() + 1);
    by_length_[c.size()].push_back(static_cast<std::uint32_t>(i));
  }
}

void Suggester::build_index() const {
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    if (candidates_[i].size() > kMaxSuggestedLength + 1) continue;
    deletions(candidates_[i],
              [&](std::uint64_t h) { index_.emplace_back(h, static_cast<std::uint32_t>(i)); });
  }
  std::sort(index_.begin(), index_.end());
  indexed_ = true;
}

std::string Suggester::suggest(std::string_view word) const {
  if (word.size() > kMaxSuggestedLength || candidates_.empty()) return {};
  if (!indexed_) build_index();
  // One edit away: found through the index, no scan.
  std::size_t best = candidates_.size();
  deletions(word, [&](std::uint64_t h) {
    auto it = std::lower_bound(index_.begin(), index_.end(), std::make_pair(h, std::uint32_t{0}));
    for (; it != index_.end() && it->first == h; ++it) {
      if (it->second >= best || candidates_[it->second] == word) continue;
      ++comparisons_;
      if (edit_distance(word, candidates_[it->second], 1) <= 1) best = it->second;
    }
  });
  if (best < candidates_.size()) return std::string(candidates_[best]);
  const std::size_t limit = suggestion_limit(word);
  if (limit < 2) return {};
  // Two or more edits: a scan of the ids of nearby lengths, within a budget shared by every
  // word this suggester is asked about (20,000 unknown references must not cost 20,000 scans).
  std::size_t best_distance = limit + 1;
  for (std::size_t length = word.size() >= limit ? word.size() - limit : 0;
       length <= word.size() + limit && length < by_length_.size(); ++length) {
    for (std::uint32_t i : by_length_[length]) {
      if (difference(length, word.size()) >= best_distance) break;
      if (budget_ == 0) return best < candidates_.size() ? std::string(candidates_[best]) : "";
      --budget_;
      ++comparisons_;
      // Exact up to best_distance, so that of two ids as close the first in order wins.
      std::size_t distance = edit_distance(word, candidates_[i], best_distance);
      bool found = best < candidates_.size();
      if (distance < best_distance || (found && distance == best_distance && i < best)) {
        best_distance = distance;
        best = i;
      }
    }
  }
  return best < candidates_.size() ? std::string(candidates_[best]) : "";
}

}  // namespace plantrack
