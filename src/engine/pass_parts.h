// The explorer's first pass keeps its table in parts (issue 15, chunks):
// cut at every model copy, so that the range keys that follow merge the
// parts inside the new range (ChunkedReplay) instead of replaying them.
// The screen meanwhile shows the parts merged; at the end they are folded
// into the pass's own table, which is then the single pass's answer.
// Only a table of few rows is cut: a part is merged again at every
// snapshot while the pass loads.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "analysis/aggregator.h"
#include "engine/chunked_replay.h"
#include "engine/view_pipeline.h"

namespace tracetop::engine {

class PassParts {
public:
    using MakeTable = std::function<std::unique_ptr<analysis::Aggregator>()>;
    // Cuts at every multiple of `every` events (the checkpoints' first
    // period) while the parts and the pipeline's table hold at most `max_rows` rows.
    PassParts(uint64_t every, MakeTable make_table, size_t max_rows = kMaxRows)
        : every_(every), make_table_(std::move(make_table)), max_rows_(max_rows) {}

    bool cutting() const { return every_ != 0; }
    size_t parts() const { return parts_.size(); }  // held now (none once folded for good)
    // How many events `pipe` may read next without passing a cut.
    uint64_t batch(const ViewPipeline& pipe, uint64_t most) const;
    // After a batch: at a cut, the pipeline's table becomes a part and it
    // takes a fresh one. A table grown past max_rows stops the cutting: the
    // parts are folded back into it at once, for good.
    void after_batch(ViewPipeline& pipe);
    // Everything so far as one table (the parts, then the pipeline's), for
    // a snapshot while the pass loads; null when nothing is cut.
    std::unique_ptr<analysis::Aggregator> merged(ViewPipeline& pipe) const;
    // At the pass's end: the parts into the pipeline's table. False: they did not merge.
    bool fold_into(ViewPipeline& pipe);
    // After fold_into: the parts between consecutive model copies at the
    // event indexes `copies` (ascending), merged where the copies thinned
    // out, as ChunkedReplay keeps them: by their events [first, second).
    std::vector<std::pair<std::pair<uint64_t, uint64_t>, std::shared_ptr<const ChunkAnswer>>> answers(
        const std::vector<uint64_t>& copies);

    static constexpr size_t kMaxRows = 4096;

private:
    struct Part {
        std::unique_ptr<analysis::Aggregator> table;
        uint64_t begin = 0, end = 0;
        uint64_t fed_first_ts = 0, fed_last_ts = 0;
    };
    uint64_t every_;
    MakeTable make_table_;
    size_t max_rows_;
    uint64_t begin_ = 0;  // the pipeline's table's first event
    std::vector<Part> parts_;
    size_t rows_ = 0;  // in the parts
};

}  // namespace tracetop::engine
