// Native x86_64 system-call names by number (the live probe's numbering, and
// the native number a generic enter event carries).
#pragma once

#include <cstdint>
#include <string_view>

namespace tracetop::event {

// "" for numbers without a system call.
std::string_view x86_64_syscall_name(uint32_t nr);

}  // namespace tracetop::event
