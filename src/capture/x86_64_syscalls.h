// Native x86_64 system-call names by number (the live probe's numbering).
#pragma once

#include <cstdint>
#include <string_view>

namespace tracetop::capture {

// "" for numbers without a system call.
std::string_view x86_64_syscall_name(uint32_t nr);

}  // namespace tracetop::capture
