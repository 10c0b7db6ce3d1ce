// Bounded reads of small text files and links under /proc and /etc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracetop::capture {

// At most `max_bytes` of the file; nullopt when it cannot be opened.
std::optional<std::string> read_bounded(const std::string& path, size_t max_bytes);

// The link's target, at most 4 KiB; empty when unreadable.
std::string read_link(const std::string& path);

// Splits on `sep`, keeping empty fields.
std::vector<std::string_view> split(std::string_view text, char sep);

// Numeric directory entries of `dir` (pids, tids, fds), at most `max`.
std::vector<long> numeric_entries(const std::string& dir, size_t max);

}  // namespace tracetop::capture
