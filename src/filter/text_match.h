// Text comparisons of the filter language that the standard library lacks,
// on string_views (no NUL terminator, no allocation).
#pragma once

#include <string_view>

namespace tracetop::filter {

// Case-insensitive (ASCII) substring test.
bool icontains(std::string_view haystack, std::string_view needle);

// Shell-style glob: '*' any run, '?' any one character, '[abc]' / '[a-z]' /
// '[!a]' a character class.
bool glob_match(std::string_view pattern, std::string_view text);

// sysdig's pmatch: `text` is `prefix` or lies below it as a path.
bool path_prefix_match(std::string_view prefix, std::string_view text);

}  // namespace tracetop::filter
