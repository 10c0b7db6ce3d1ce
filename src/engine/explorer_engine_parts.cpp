// The explorer's work on its second core (issue 15, chunks and drill):
// replays in parts whose parts are kept for other ranges, the first pass's
// table in parts, the idle fill of the shown level's parts, and the first
// view's drill-downs made beside the first pass. The loop that runs them is
// ExplorerEngine::run (explorer_engine.cpp).
#include <algorithm>

#include <fmt/format.h>

#include "analysis/aggregator.h"
#include "engine/chunked_replay.h"
#include "engine/drill_prefetch.h"
#include "engine/explorer_engine.h"
#include "engine/pass_parts.h"
#include "engine/view_pipeline.h"

namespace tracetop::engine {

// issue 15 (split, chunks)
std::unique_ptr<ChunkedReplay> ExplorerEngine::start_chunks(const analysis::ViewDef& view,
                                                            const analysis::Aggregator* agg, const TimeRange& range,
                                                            bool with_later) {
    if (split_min_events_ == 0 || !checkpoints_ || !range_resolved_ || !agg || !store_ || !store_->usable()) {
        return nullptr;
    }
    if (pane_kind_ != analysis::PaneKind::None || !analysis::Aggregator::mergeable(view)) return nullptr;
    // Each part replayed loads its model copy: at most about kChunkModelBytes of them at once.
    const uint64_t copy_bytes = checkpoints_->bytes() / std::max<size_t>(checkpoints_->models(), 1);
    const size_t parts_at_once = std::max<uint64_t>(2, kChunkModelBytes / std::max<uint64_t>(copy_bytes, 1));
    const size_t stride = (checkpoints_->models() + parts_at_once - 1) / parts_at_once;
    const auto plan = plan_chunks(*store_, *checkpoints_, range, split_min_events_, stride);
    if (!plan) return nullptr;
    const std::string prefix = chunk_prefix();
    std::vector<std::shared_ptr<const ChunkAnswer>> known(plan->earlier.size());
    bool missing = false;
    for (size_t i = 0; i < plan->earlier.size(); ++i) {
        const ChunkPart& part = plan->earlier[i];
        if (part.inside) {
            const auto it = chunk_answers_.find(fmt::format("{}{}-{}", prefix, part.begin, part.end));
            if (it != chunk_answers_.end()) known[i] = it->second;
        }
        missing = missing || !known[i];
    }
    if (!with_later && !missing) return nullptr;
    const std::string scope = shown_.scope();
    auto make_table = [&view, scope]() -> std::unique_ptr<analysis::Aggregator> {
        auto made = analysis::Aggregator::create(view, scope);
        return made ? std::move(*made) : nullptr;
    };
    return std::make_unique<ChunkedReplay>(*store_, *plan, range, std::move(known), make_table,
                                           options_.read_file.value_or(""), with_later, [this] { wake(); });
}

// issue 15 (chunks): a pass that makes the copy, over the whole capture, of
// a view the frozen contexts cannot answer over every range (the range
// keys would replay it through the model).
std::unique_ptr<PassParts> ExplorerEngine::start_pass_parts(ViewPipeline& pipe) {
    if (pipe.live() || pipe.events() != 0 || pipe.range().active() || split_min_events_ == 0) return nullptr;
    if (!store_ || store_->usable() || !checkpoints_ || pane_kind_ != analysis::PaneKind::None) return nullptr;
    const analysis::Aggregator* agg = pipe.aggregator();
    if (!agg || agg->view().kind != analysis::ViewKind::Table || !analysis::Aggregator::mergeable(agg->view())) {
        return nullptr;
    }
    if (agg->memoisable() && !agg->view().idle_rows) return nullptr;  // the contexts answer every range
    const analysis::ViewDef* view = views_.find(shown_.stack.view_id());
    if (!view) return nullptr;
    const std::string scope = shown_.scope();
    return std::make_unique<PassParts>(checkpoints_->model_every(),
                                       [view, scope]() -> std::unique_ptr<analysis::Aggregator> {
                                           auto made = analysis::Aggregator::create(*view, scope);
                                           return made ? std::move(*made) : nullptr;
                                       });
}

void ExplorerEngine::keep_pass_parts(
    std::vector<std::pair<std::pair<uint64_t, uint64_t>, std::shared_ptr<const ChunkAnswer>>> parts,
    const std::string& prefix) {
    for (auto& [events, answer] : parts) keep_chunk(prefix, events, std::move(answer));
    trim_chunks();
}

// issue 15 (chunks): the shown table is complete and the user reads it.
std::unique_ptr<ChunkedReplay> ExplorerEngine::start_fill() {
    if (!store_ || !store_->usable() || pane_kind_ != analysis::PaneKind::None) return nullptr;
    const analysis::ViewDef* view = views_.find(shown_.stack.view_id());
    if (!view || view->kind != analysis::ViewKind::Table) return nullptr;
    auto agg = analysis::Aggregator::create(*view, shown_.scope());
    if (!agg) return nullptr;
    // A view the frozen contexts answer over any range needs no parts (a
    // range ending before the capture does is the hardest for them).
    const TimeRange early{0, 1};
    if (rows_ && (*agg)->memoisable() && ViewPipeline::contexts_answer(*rows_, **agg, RangeGate(early))) {
        return nullptr;
    }
    return start_chunks(*view, agg->get(), TimeRange{}, false);
}

std::string ExplorerEngine::chunk_prefix() const {
    return fmt::format("{}\n{}\n", shown_.stack.view_id(), shown_.scope());
}

void ExplorerEngine::keep_chunks(ChunkedReplay& replay, const std::string& prefix) {
    for (auto& [part, answer] : replay.kept_answers()) keep_chunk(prefix, replay.part_events(part), std::move(answer));
    trim_chunks();
}

void ExplorerEngine::keep_chunk(const std::string& prefix, std::pair<uint64_t, uint64_t> events,
                                std::shared_ptr<const ChunkAnswer> answer) {
    if (!answer || !answer->table) return;
    const uint64_t rows = answer->table->row_count();
    if (rows > kChunkRowsMax) return;
    const std::string key = fmt::format("{}{}-{}", prefix, events.first, events.second);
    if (!chunk_answers_.emplace(key, std::move(answer)).second) return;
    chunk_order_.push_back(key);
    chunk_rows_ += rows;
}

void ExplorerEngine::trim_chunks() {
    while (!chunk_order_.empty() && (chunk_order_.size() > kKeptChunks || chunk_rows_ > kKeptChunkRows)) {
        const auto it = chunk_answers_.find(chunk_order_.front());
        if (it != chunk_answers_.end()) {
            chunk_rows_ -= it->second->table->row_count();
            chunk_answers_.erase(it);
        }
        chunk_order_.pop_front();
    }
}

// issue 15 (drill): only beside a first pass over the whole of a file (not
// standard input: it cannot be read twice), whose view has a drill target.
std::unique_ptr<DrillPrefetch> ExplorerEngine::start_drill_prefetch(const ViewPipeline& pipe) {
    if (pipe.live() || pipe.events() != 0 || pipe.range().active() || split_min_events_ == 0) return nullptr;
    if (!store_ || store_->usable() || pane_kind_ != analysis::PaneKind::None) return nullptr;
    if (options_.read_file.value_or("-") == "-" && options_.read_files.empty()) return nullptr;
    const analysis::ViewDef* view = views_.find(shown_.stack.view_id());
    const analysis::ViewDef* target = view ? shown_.stack.target_of(views_, *view) : nullptr;
    if (!target || !DrillPrefetch::applies(*view, *target)) return nullptr;
    // Enter's level, as navigate() makes it (the crumb names it only).
    Navigation at = shown_;
    const std::vector<std::string> keys = view->keys;
    const std::string target_id = target->id;
    auto drill_scope = [at, keys, target_id](const std::string& term) {
        Navigation level = at;
        level.stack.push(target_id, analysis::DrillFrame{{}, 0, {term}, keys, {}});
        return level.scope();
    };
    return std::make_unique<DrillPrefetch>(options_, *view, *target, std::move(drill_scope), [this] { wake(); });
}

void ExplorerEngine::keep_drill_levels(DrillPrefetch& prefetch) {
    if (!store_ || prefetch.events() != store_->events() || prefetch.last_ts() != capture_last_ts_) return;
    for (DrillPrefetch::Level& level : prefetch.take_levels()) {
        describe_capture(level.snapshot->source);
        drill_answers_[answer_key_of(prefetch.target_id(), level.scope)] = std::move(level.snapshot);
    }
}

}  // namespace tracetop::engine
