// The latency axis of the spectrogram: log10 buckets from 1 ns to 10 s,
// kBucketsPerDecade to a decade. Bounds are whole nanoseconds so that a
// bucket is exactly a filter (`evt.latency >= lower and evt.latency < upper`)
// and the Events view of a box lists what the box counted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace tracetop::analysis {

constexpr size_t kLatencyDecades = 10;  // 1ns..10ns .. 1s..10s
constexpr size_t kBucketsPerDecade = 6;
constexpr size_t kLatencyBuckets = kLatencyDecades * kBucketsPerDecade;

// The bucket of a latency; nullopt for 0 (no latency known). Latencies of
// 10 s and more go to the last bucket.
std::optional<size_t> latency_bucket(uint64_t ns);

// Smallest latency in bucket `i` (i < kLatencyBuckets).
uint64_t bucket_lower(size_t i);
// First latency past bucket `i`; nullopt for the last bucket (open above).
std::optional<uint64_t> bucket_upper(size_t i);

// "1us", "2.2ms", "10s": a latency as the spectrogram's labels show it.
std::string latency_label(uint64_t ns);

// The sysdig filter selecting exit events of bucket `i`.
std::string bucket_filter(size_t i);

}  // namespace tracetop::analysis

namespace tracetop::analysis {

// How hot a cell of `count` is, when the hottest has `max`: 0 for none, else
// 1..levels on a log scale (one call among thousands still shows).
size_t heat_level(uint64_t count, uint64_t max, size_t levels);

}  // namespace tracetop::analysis
