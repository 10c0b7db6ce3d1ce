// What the Echo pane and the latency spectrogram show, as the engine
// publishes it in a snapshot: plain, immutable once published.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/latency_buckets.h"

namespace tracetop::analysis {

// The bytes of one read or write, as far as the capture kept them.
struct EchoChunk {
    uint64_t num = 0;     // evt.num
    uint64_t ts = 0;      // ns since the epoch
    bool write = false;   // else a read
    uint64_t moved = 0;   // bytes the call moved (its result)
    std::string bytes;    // the first bytes of them (up to the snap length); raw, untrusted
    std::string fd;       // "5", rendered
    std::string fd_name;  // fd.name, rendered (control characters made harmless)
    std::string proc;     // "curl (17497)", rendered
};

struct EchoData {
    std::vector<std::shared_ptr<const EchoChunk>> chunks;  // oldest first
    uint64_t dropped = 0;        // older chunks forgotten (memory bound)
    uint64_t bytes_moved = 0;    // over every chunk seen, kept or not
    // Live: the -s snap length in force. Offline: inferred from buffers the
    // capture cut (moved more than it kept); 0 when no buffer was cut.
    uint32_t snaplen = 0;
    bool snaplen_inferred = false;
};

// One row of the spectrogram: a time slice and its count per latency bucket.
struct SpectroSlice {
    uint64_t start = 0;  // ns since the epoch; events with start <= ts < end
    uint64_t end = 0;
    std::array<uint32_t, kLatencyBuckets> counts{};
};

struct SpectroData {
    bool live = false;                 // live: one slice per refresh, newest last
    std::vector<SpectroSlice> slices;  // offline: equal slices covering the capture
    uint64_t events = 0;               // events counted in all slices
};

// What the screen asked to see beside the table, and the published data.
enum class PaneKind : uint8_t { None, Echo, Spectro };

struct PaneData {
    uint64_t id = 0;  // the request it answers (engine Command OpenPane)
    PaneKind kind = PaneKind::None;
    std::string scope;  // the filter the pane's events pass
    std::shared_ptr<const EchoData> echo;
    std::shared_ptr<const SpectroData> spectro;
};

// Offline slices merged into at most `rows` rows: whole groups of
// consecutive slices, so each row is still an exact time range. Live data
// is returned as is (the screen shows its newest rows).
std::vector<SpectroSlice> group_slices(const std::vector<SpectroSlice>& slices, size_t rows);

}  // namespace tracetop::analysis
