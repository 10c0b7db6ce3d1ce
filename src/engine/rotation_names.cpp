#include "engine/rotation_names.h"

#include <ctime>

namespace tracetop::engine {
namespace {

bool has_time_format(const std::string& base, const RotationPolicy& policy) {
    return policy.max_seconds > 0 && base.find('%') != std::string::npos;
}

}  // namespace

std::string rotated_file_name(const std::string& base, const RotationPolicy& policy, uint64_t index, uint64_t ts_ns) {
    if (has_time_format(base, policy)) {
        const std::time_t t = static_cast<std::time_t>(ts_ns / 1000000000ULL);
        std::tm tm{};
        localtime_r(&t, &tm);
        char name[4096];
        const size_t n = std::strftime(name, sizeof name, base.c_str(), &tm);
        if (n > 0) return std::string(name, n);
        return base;
    }
    const uint64_t number = policy.file_limit > 0 ? index % policy.file_limit : index;
    return base + std::to_string(number);
}

bool rotation_exhausted(const std::string& base, const RotationPolicy& policy, uint64_t files_opened) {
    return has_time_format(base, policy) && policy.file_limit > 0 && files_opened >= policy.file_limit;
}

}  // namespace tracetop::engine
