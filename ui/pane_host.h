// The panes that take the table's place (Echo, latency spectrogram): opening
// one on what the view shows, feeding it the snapshots meant for it, its keys,
// and Enter on a spectrogram box, which lists that box's events one drill-down
// level below the view.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "analysis/pane_data.h"
#include "analysis/snapshot.h"
#include "echo_pane.h"
#include "engine/explorer_engine.h"
#include "level_state.h"
#include "panel.h"
#include "spectro_pane.h"

namespace tracetop::ui {

class PaneHost : public Panel {
public:
    explicit PaneHost(engine::ExplorerEngine& engine) : engine_(engine) {}

    // Opens `kind` on a selection and asks the engine for its data.
    void open(analysis::PaneKind kind, PaneSelection selection, bool live);
    // Opens `kind` on the selected row of a table, the selected event of a
    // list, or everything the view shows (no row selected).
    void open_here(analysis::PaneKind kind, const analysis::Snapshot& snap, const analysis::Row* selected);

    // Takes the data of a snapshot that answers the open pane's request;
    // true when the pane has something new to draw.
    bool take(const analysis::Snapshot& snap);

    Scope scope() const override { return active().scope(); }
    // Close: the pane is gone (the engine was told). Enter on a spectrogram
    // box closes it too, the engine opening the box's events, with
    // Request::BoxEvents naming the selection to reopen it on when coming back.
    Reply handle(const Input& in) override;
    void draw(int height, int width) override { active().draw(height, width); }

private:
    Panel& active() { return kind_ == analysis::PaneKind::Echo ? static_cast<Panel&>(echo_) : spectro_; }
    const Panel& active() const { return kind_ == analysis::PaneKind::Echo ? static_cast<const Panel&>(echo_) : spectro_; }
    void close();
    PaneSelection drill_into_box();

    engine::ExplorerEngine& engine_;
    analysis::PaneKind kind_ = analysis::PaneKind::None;
    EchoPane echo_;
    SpectroPane spectro_;
    uint64_t request_ = 0;   // the id the open pane's snapshots carry
    uint64_t seen_seq_ = 0;  // the last snapshot the pane took data from
    PaneSelection selection_;
};

}  // namespace tracetop::ui
