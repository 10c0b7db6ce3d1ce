#include "analysis/value_format.h"

#include <cmath>

#include <fmt/format.h>

namespace tracetop::analysis {
namespace {

std::string scaled(double v, const char* const* units, int n, double step) {
    int u = 0;
    while (std::fabs(v) >= step && u + 1 < n) {
        v /= step;
        ++u;
    }
    if (u == 0) return fmt::format("{:.0f}{}", v, units[0]);
    const int decimals = std::fabs(v) < 10 ? 2 : std::fabs(v) < 100 ? 1 : 0;
    return fmt::format("{:.{}f}{}", v, decimals, units[u]);
}

}  // namespace

std::string format_number(CellFormat format, double value) {
    switch (format) {
        case CellFormat::Bytes: {
            static const char* const kUnits[] = {"B", "K", "M", "G", "T", "P"};
            return scaled(value, kUnits, 6, 1024);
        }
        case CellFormat::Time: {
            static const char* const kUnits[] = {"ns", "us", "ms", "s"};
            return scaled(value, kUnits, 4, 1000);
        }
        case CellFormat::Percent: return fmt::format("{:.1f}", value);
        case CellFormat::Rate: return fmt::format("{:.{}f}", value, value != 0 && std::fabs(value) < 0.1 ? 2 : 1);
        case CellFormat::Number:
        case CellFormat::Text:
            if (value == std::floor(value) && std::fabs(value) < 9e15) return fmt::format("{}", static_cast<int64_t>(value));
            return fmt::format("{:.2f}", value);
    }
    return {};
}

}  // namespace tracetop::analysis
