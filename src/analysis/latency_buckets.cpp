#include "analysis/latency_buckets.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

namespace tracetop::analysis {
namespace {

// Lower bounds, plus the 10 s end of the axis: ceil(10^(i / per decade)).
// Rounding up keeps the bounds strictly increasing (1, 2, 3, 4, 5, 7, 10, ...).
std::array<uint64_t, kLatencyBuckets + 1> make_bounds() {
    std::array<uint64_t, kLatencyBuckets + 1> b{};
    for (size_t i = 0; i <= kLatencyBuckets; ++i) {
        const double v = std::pow(10.0, static_cast<double>(i) / static_cast<double>(kBucketsPerDecade));
        b[i] = static_cast<uint64_t>(std::ceil(v - 1e-6));
    }
    return b;
}

const std::array<uint64_t, kLatencyBuckets + 1>& bounds() {
    static const auto b = make_bounds();
    return b;
}

}  // namespace

std::optional<size_t> latency_bucket(uint64_t ns) {
    if (ns == 0) return std::nullopt;
    const auto& b = bounds();
    // The last bound not above ns; the 10 s end belongs to the last bucket.
    const auto it = std::upper_bound(b.begin(), b.end() - 1, ns);
    return static_cast<size_t>(it - b.begin()) - 1;
}

uint64_t bucket_lower(size_t i) { return bounds()[std::min(i, kLatencyBuckets - 1)]; }

std::optional<uint64_t> bucket_upper(size_t i) {
    if (i + 1 >= kLatencyBuckets) return std::nullopt;
    return bounds()[i + 1];
}

std::string latency_label(uint64_t ns) {
    struct Unit {
        uint64_t ns;
        const char* name;
    };
    static constexpr Unit kUnits[] = {{1000000000ULL, "s"}, {1000000ULL, "ms"}, {1000ULL, "us"}, {1ULL, "ns"}};
    for (const Unit& u : kUnits) {
        if (ns < u.ns && u.ns != 1) continue;
        const double v = static_cast<double>(ns) / static_cast<double>(u.ns);
        if (v >= 10 || v == std::floor(v)) return fmt::format("{:.0f}{}", v, u.name);
        return fmt::format("{:.1f}{}", v, u.name);
    }
    return "0ns";
}

std::string bucket_filter(size_t i) {
    const auto upper = bucket_upper(i);
    if (!upper) return fmt::format("evt.dir = '<' and evt.latency >= {}", bucket_lower(i));
    return fmt::format("evt.dir = '<' and evt.latency >= {} and evt.latency < {}", bucket_lower(i), *upper);
}

}  // namespace tracetop::analysis

namespace tracetop::analysis {

size_t heat_level(uint64_t count, uint64_t max, size_t levels) {
    if (count == 0 || levels == 0) return 0;
    if (count >= max) return levels;
    const double ratio = std::log(static_cast<double>(count) + 1) / std::log(static_cast<double>(max) + 1);
    const auto level = static_cast<size_t>(std::ceil(ratio * static_cast<double>(levels)));
    return std::clamp<size_t>(level, 1, levels);
}

}  // namespace tracetop::analysis
