#include "engine/openmetrics_text.h"

#include <cmath>

#include <fmt/format.h>

namespace tracetop::engine {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are
// not one (overlong forms, surrogates and values past U+10FFFF included).
size_t utf8_sequence(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) return 1;
    size_t len = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
    else return 0;
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
        return 0;
    }
    // C1 controls (U+0080..U+009F) would reach terminals as escape sequences.
    if (len == 2 && cp < 0xA0) return 0;
    return len;
}

}  // namespace

void append_label_value(std::string& out, std::string_view value, size_t max_bytes) {
    if (value.size() > max_bytes) value = value.substr(0, max_bytes);
    for (size_t i = 0; i < value.size();) {
        const char c = value[i];
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += kReplacement;
        else {
            const size_t len = utf8_sequence(value, i);
            if (len == 0) {
                out += kReplacement;
                ++i;
                continue;
            }
            out.append(value.substr(i, len));
            i += len;
            continue;
        }
        ++i;
    }
}

void append_number(std::string& out, double value) {
    if (std::isnan(value)) out += "NaN";
    else if (std::isinf(value)) out += value > 0 ? "+Inf" : "-Inf";
    else if (value == std::floor(value) && std::fabs(value) < 9.0e15) fmt::format_to(std::back_inserter(out), "{}", static_cast<int64_t>(value));
    else fmt::format_to(std::back_inserter(out), "{}", value);
}

void OpenMetricsText::family(std::string_view name, MetricType type, std::string_view help) {
    const char* type_word = type == MetricType::Counter ? "counter" : type == MetricType::Gauge ? "gauge" : "histogram";
    fmt::format_to(std::back_inserter(out_), "# TYPE {} {}\n# HELP {} {}\n", name, type_word, name, help);
}

void OpenMetricsText::sample_with(std::string_view name, std::span<const Label> labels, const Label* extra,
                                  double value) {
    out_ += name;
    if (!labels.empty() || extra) {
        out_ += '{';
        bool first = true;
        auto put = [&](const Label& l) {
            if (!first) out_ += ',';
            first = false;
            out_ += l.name;
            out_ += "=\"";
            append_label_value(out_, l.value);
            out_ += '"';
        };
        for (const Label& l : labels) put(l);
        if (extra) put(*extra);
        out_ += '}';
    }
    out_ += ' ';
    append_number(out_, value);
    out_ += '\n';
}

void OpenMetricsText::sample(std::string_view name, std::span<const Label> labels, double value) {
    sample_with(name, labels, nullptr, value);
}

void OpenMetricsText::histogram(std::string_view name, std::span<const Label> labels,
                                std::span<const double> bounds, std::span<const uint64_t> counts, double sum) {
    const std::string bucket = fmt::format("{}_bucket", name);
    uint64_t cumulative = 0;
    std::string le;
    for (size_t i = 0; i <= bounds.size(); ++i) {
        cumulative += i < counts.size() ? counts[i] : 0;
        le.clear();
        append_number(le, i < bounds.size() ? bounds[i] : INFINITY);
        // OpenMetrics wants bucket bounds as floats ("1.0", not "1").
        if (le.find_first_of(".eIN") == std::string::npos) le += ".0";
        const Label bound{"le", le};
        sample_with(bucket, labels, &bound, static_cast<double>(cumulative));
    }
    sample_with(fmt::format("{}_count", name), labels, nullptr, static_cast<double>(cumulative));
    sample_with(fmt::format("{}_sum", name), labels, nullptr, sum);
}

std::string prometheus_text_from_openmetrics(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 16);
    std::string_view counter;  // the counter family whose lines come now
    constexpr std::string_view kType = "# TYPE ", kHelp = "# HELP ", kCounter = " counter";
    while (!in.empty()) {
        const size_t nl = in.find('\n');
        const std::string_view line = in.substr(0, nl == std::string_view::npos ? in.size() : nl + 1);
        in.remove_prefix(line.size());
        const std::string_view body = line.substr(0, line.size() - (line.back() == '\n' ? 1 : 0));
        if (body == "# EOF") continue;
        if (body.starts_with(kType)) {
            const std::string_view rest = body.substr(kType.size());
            counter = rest.ends_with(kCounter) ? rest.substr(0, rest.size() - kCounter.size()) : std::string_view{};
            if (!counter.empty()) {
                fmt::format_to(std::back_inserter(out), "# TYPE {}_total counter\n", counter);
                continue;
            }
        } else if (!counter.empty() && body.starts_with(kHelp) && body.substr(kHelp.size()).starts_with(counter) &&
                   body.size() > kHelp.size() + counter.size() && body[kHelp.size() + counter.size()] == ' ') {
            fmt::format_to(std::back_inserter(out), "# HELP {}_total{}", counter, line.substr(kHelp.size() + counter.size()));
            continue;
        }
        out.append(line);
    }
    return out;
}

std::string OpenMetricsText::finish(bool openmetrics) {
    if (openmetrics) out_ += "# EOF\n";
    return std::move(out_);
}

}  // namespace tracetop::engine
