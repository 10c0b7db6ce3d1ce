// Replays of the explorer's in-memory copy that start at a model checkpoint
// (issue 15, checkpoints): at the last one before the range, or, for the
// Events list, before the oldest event it can still show. A list view keeps
// only the newest Aggregator::kMaxListRows events of its range, so a replay
// needs to feed it only from the oldest of those on; the events before
// still change the model, from the checkpoint before. Found from the first
// pass's frozen contexts without the model, when the scope reads only
// Context and Event fields (filter::FieldDep).
#pragma once

#include <cstdint>
#include <optional>

#include "engine/context_rows.h"
#include "engine/event_store.h"
#include "engine/model_checkpoints.h"
#include "engine/view_pipeline.h"
#include "engine/time_range.h"
#include "filter/compiled_filter.h"

namespace tracetop::engine {

struct ListStart {
    uint64_t index = 0;           // of the oldest event the list keeps
    uint64_t range_first_ts = 0;  // the range's first shown time (0: no range, or none)
};

// The start of the newest `keep` events of `range` (`active`: a range is
// set, not the whole capture) that a list with `scope` (null: none) and
// `internal_events` takes; nullopt when the range has fewer of them (the
// list then starts with the range), or when the scope reads the model.
std::optional<ListStart> newest_list_start(const EventStore& store, const ContextRows& rows,
                                           const ModelCheckpoints& checkpoints, const TimeRange& range, bool active,
                                           const filter::CompiledFilter* scope, bool internal_events, size_t keep);

// A replay of `store` for a view with aggregator `agg` (null: none) over
// `range` (whole: the capture), from the last checkpoint before the first
// event it needs; `pane`: a pane is open (it sees every event of the
// range). Null when it would start at the first event: the plain replay
// then. The pipeline's range is set; its aggregator is not. `list_rows`:
// what a list keeps (tests compare the newest few rows).
std::unique_ptr<ViewPipeline> checkpoint_replay(const EventStore& store, const ContextRows* rows,
                                                const ModelCheckpoints& checkpoints, const TimeRange& range,
                                                const analysis::Aggregator* agg, bool pane, const std::string& name,
                                                size_t list_rows = analysis::Aggregator::kMaxListRows);

}  // namespace tracetop::engine
