// A compiled POSIX extended regular expression (glibc's matcher). Chosen over
// std::regex because libstdc++ backtracks: patterns like "(a||b)+" or "x**"
// take exponential time and deep recursion, and a filter is user input.
#pragma once

#include <regex.h>

#include <memory>
#include <string>
#include <string_view>

#include "event/result.h"

namespace tracetop::filter {

class PosixRegex {
public:
    static Result<std::shared_ptr<const PosixRegex>> compile(const std::string& pattern);
    ~PosixRegex() { regfree(&re_); }

    // Searches anywhere in `text` (no NUL terminator needed, nothing allocated).
    bool search(std::string_view text) const;

    PosixRegex(const PosixRegex&) = delete;
    PosixRegex& operator=(const PosixRegex&) = delete;

private:
    PosixRegex() = default;
    regex_t re_{};
};

}  // namespace tracetop::filter
