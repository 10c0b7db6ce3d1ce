// issue 15 (budget): what the explorer's first pass builds for later keys
// stays within --memory-budget. That is the copy's own memory (a compressed
// or piped capture's events; a plain file's pages are the kernel's page
// cache, mapped, and not counted), the frozen contexts (ContextRows) and the
// model copies (ModelCheckpoints). Past the budget the contexts go first
// (views then replay the kept events through the model, still without
// reading the file), then the model copies (replays start at the first
// event); the copy itself gives up on its own when it alone is over, and
// each view then reads the file again (end_file_pass says so).
#include <malloc.h>

#include <algorithm>

#include <fmt/format.h>

#include "engine/context_rows.h"
#include "engine/explorer_engine.h"
#include "engine/model_checkpoints.h"
#include "engine/view_pipeline.h"

namespace tracetop::engine {

void ExplorerEngine::keep_pass_within_budget(ViewPipeline& pipe) {
    // Only while a first pass builds the copy.
    if (!store_ || store_->usable() || store_->over_budget() || (!rows_ && !checkpoints_)) return;
    const auto used = [this] {
        return store_->bytes() + (rows_ ? rows_->bytes() : 0) + (checkpoints_ ? checkpoints_->bytes() : 0);
    };
    const uint64_t now = used();
    if (now <= store_->budget()) return;
    // What the whole pass would need, from the share of the file read so
    // far (a mapped copy knows it to the byte; a reader says it every few MiB).
    const double share = store_->mapped() ? store_->mapped_share() : pipe.progress();
    // Only the part that grows with the events is scaled up.
    const uint64_t growing = rows_ ? std::min(now, rows_->growing_bytes()) : 0;
    const uint64_t needed_mib =
        share > 0
            ? static_cast<uint64_t>(static_cast<double>(now - growing) + static_cast<double>(growing) / share) / (1 << 20) + 1
            : 0;
    if (rows_) {
        pipe.keep_contexts(nullptr);
        rows_.reset();
    }
    if (used() > store_->budget() && checkpoints_) {
        pipe.keep_checkpoints(nullptr);
        checkpoints_.reset();
    }
    // Freed now, not when the allocator next needs it: the budget is about the machine's memory.
    malloc_trim(0);
    // The header shows 60 characters of it: the figure that fits first.
    const uint64_t budget_mib = store_->budget() >> 20;
    memory_note_ = needed_mib > 0
                       ? fmt::format("index needs ~{} MiB > --memory-budget {}: views replay", needed_mib, budget_mib)
                       : fmt::format("index over --memory-budget {} MiB: views replay", budget_mib);
}

}  // namespace tracetop::engine
