// A compiled filter `regex` pattern, matched by PCRE2 with bounds.
//
// glibc's regcomp could not be bounded: some patterns ("x***...+") made its
// compiler build an automaton exponential in size, so the filter had to
// guess which patterns were safe and refused valid ones ("[*+]"). PCRE2
// compiles what its syntax allows and takes a match limit (steps of the
// backtracking engine) and a depth limit, so a pathological pattern against a
// hostile subject stops after a fixed amount of work instead of hanging.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "event/result.h"

namespace tracetop::filter {

class PcreRegex {
public:
    // Bounds on one search; a search that reaches them counts as no match.
    static constexpr uint32_t kMatchLimit = 100000;
    static constexpr uint32_t kDepthLimit = 1000;

    static Result<std::shared_ptr<const PcreRegex>> compile(const std::string& pattern);
    ~PcreRegex();

    // Whether the pattern matches anywhere in `text` (no NUL terminator
    // needed). A search stopped by the limits is a non-match and counted.
    bool search(std::string_view text) const;

    // Searches the limits stopped (for tests and reports).
    uint64_t limit_hits() const { return limit_hits_; }

    PcreRegex(const PcreRegex&) = delete;
    PcreRegex& operator=(const PcreRegex&) = delete;

private:
    PcreRegex() = default;
    struct Parts;
    std::unique_ptr<Parts> parts_;
    mutable uint64_t limit_hits_ = 0;
};

}  // namespace tracetop::filter
