// The Echo pane's data: the bytes every read and write of a selection moved,
// as far as the capture kept them (the first snaplen bytes of each call), in
// order, with their direction, fd and process. Bounded: beyond kMaxChunks
// calls or kMaxBytes bytes the oldest are forgotten and counted.
#pragma once

#include <deque>
#include <optional>

#include "analysis/field_binding.h"
#include "analysis/pane_feed.h"
#include "filter/compiled_filter.h"

namespace tracetop::analysis {

class EchoCollector final : public PaneFeed {
public:
    static Result<std::unique_ptr<EchoCollector>> create(const std::string& scope, bool live, uint32_t snaplen);

    void on_event(const filter::FieldContext& ctx, bool internal) override;
    void fill(PaneData& out, uint64_t last_ts) const override;

    static constexpr size_t kMaxChunks = 50000;
    static constexpr size_t kMaxBytes = 16u << 20;

private:
    EchoCollector() = default;
    std::string render(const filter::BoundField& f, const filter::FieldContext& ctx);

    std::string scope_text_;
    std::optional<filter::CompiledFilter> scope_;
    bool live_ = false;
    uint32_t snaplen_ = 0;       // live: -s; offline: the longest cut buffer seen
    filter::BoundField fd_num_, fd_name_, proc_name_, proc_pid_;
    std::deque<std::shared_ptr<const EchoChunk>> chunks_;
    size_t bytes_ = 0;
    uint64_t dropped_ = 0;
    uint64_t moved_ = 0;
    filter::FieldValues values_;
    fmt::memory_buffer buf_;
};

// The bytes a read or write event carries and what the call moved; nullopt
// for every other event (enter events, failed calls, calls without data).
struct IoBytes {
    bool write = false;
    uint64_t moved = 0;
    std::string_view bytes;
};
std::optional<IoBytes> io_bytes(const event::EventView& ev);

}  // namespace tracetop::analysis
