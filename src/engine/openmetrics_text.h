// The OpenMetrics 1.0 text exposition (which Prometheus also reads as its
// own text format): metric families with # HELP / # TYPE lines, labelled
// samples, cumulative histograms, and the closing "# EOF".
//
//   OpenMetricsText out;
//   out.family("tracetop_syscalls", MetricType::Counter, "System calls made.");
//   out.sample("tracetop_syscalls_total", {{"syscall", "read"}}, 12);
//   out.histogram("tracetop_syscall_latency_seconds", labels, bounds, counts, sum);
//   std::string body = out.finish(true);
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tracetop::engine {

enum class MetricType { Counter, Gauge, Histogram };

struct Label {
    std::string_view name;   // a fixed identifier of ours
    std::string_view value;  // may come from the traced system: escaped here
};

// A label value as the format allows it: backslash, double quote and line
// feed escaped; other control characters and bytes that are not valid UTF-8
// replaced by U+FFFD, so a hostile process name can neither break the line
// nor make the whole scrape invalid. `max_bytes` bounds the result's source.
void append_label_value(std::string& out, std::string_view value, size_t max_bytes = 256);

// A number as the format writes it: integers without a fraction, +Inf, NaN.
void append_number(std::string& out, double value);

class OpenMetricsText {
public:
    // Starts a family. Counter families are named without "_total"; their
    // samples carry it.
    void family(std::string_view name, MetricType type, std::string_view help);
    void sample(std::string_view name, std::span<const Label> labels, double value);
    void sample(std::string_view name, std::initializer_list<Label> labels, double value) {
        sample(name, std::span<const Label>(labels.begin(), labels.size()), value);
    }
    // One histogram's samples: `counts[i]` observations fell at or below
    // `bounds[i]` seconds and above the previous bound (not cumulative);
    // counts has one more entry than bounds, for what lies above the last.
    void histogram(std::string_view name, std::span<const Label> labels, std::span<const double> bounds,
                   std::span<const uint64_t> counts, double sum);
    // The text; `openmetrics` adds the closing "# EOF" line.
    std::string finish(bool openmetrics);
    size_t size() const { return out_.size(); }

private:
    void sample_with(std::string_view name, std::span<const Label> labels, const Label* extra, double value);
    std::string out_;
};

// The same text in Prometheus's own format (version 0.0.4): counter families
// are named with their "_total" there, and there is no "# EOF". Reads what
// OpenMetricsText writes (# TYPE before # HELP).
std::string prometheus_text_from_openmetrics(std::string_view openmetrics);

// Content types of the two dialects.
inline constexpr const char* kOpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";
inline constexpr const char* kPrometheusTextContentType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace tracetop::engine
