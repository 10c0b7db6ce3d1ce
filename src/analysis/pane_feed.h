// A pane's data source beside the view's aggregator: it sees the same events
// (after the same model update) and keeps what the Echo pane or the
// spectrogram of one selection shows. The drain thread owns it.
//
//   auto feed = make_pane_feed(PaneKind::Echo, scope, live, snaplen);
//   for each event: (*feed)->on_event(fields, is_internal);
//   live, at each refresh: (*feed)->end_interval(last_ts);
//   (*feed)->fill(snapshot.pane, last_ts);
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "analysis/pane_data.h"
#include "event/result.h"
#include "filter/field_context.h"

namespace tracetop::analysis {

class PaneFeed {
public:
    virtual ~PaneFeed() = default;
    // `internal`: a process-info or other internal event.
    virtual void on_event(const filter::FieldContext& ctx, bool internal) = 0;
    // Live: a refresh boundary at event time `ts`.
    virtual void end_interval(uint64_t ts) { (void)ts; }
    // Writes the pane's data (kind, scope, echo or spectro); `last_ts` is the
    // newest event's time.
    virtual void fill(PaneData& out, uint64_t last_ts) const = 0;
};

// `scope`: the sysdig filter of the selection (user filter, drill-down terms,
// the selected row's key); `snaplen`: live, the -s in force.
Result<std::unique_ptr<PaneFeed>> make_pane_feed(PaneKind kind, const std::string& scope, bool live,
                                                 uint32_t snaplen);

}  // namespace tracetop::analysis
