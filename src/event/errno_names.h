// Linux errno numbers: their symbolic names ("ENOENT") and a short meaning.
// Results in scap events are -errno with these numbers (scap-format.md §10.4).
#pragma once

#include <cstdint>
#include <string_view>

namespace tracetop::event {

// The name of a positive errno number, or "" when unknown.
std::string_view errno_name(int64_t err);

// A short human description ("No such file or directory"), or "".
std::string_view errno_meaning(int64_t err);

// The name as sysdig 0.29.3 prints it after a negative result: its list
// stops at ECANCELED (125) plus the kernel-internal 512-516 and 521-530, so
// e.g. -126 (ENOKEY) is printed bare. "" when sysdig shows no name.
std::string_view sysdig_errno_name(int64_t err);

}  // namespace tracetop::event
