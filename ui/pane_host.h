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
#include "spectro_pane.h"

namespace tracetop::ui {

class PaneHost {
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

    enum class Result { Handled, Closed, BoxChosen };
    // Closed: the pane is gone (the engine was told). BoxChosen: Enter on a
    // spectrogram box; drill_into_box() follows.
    Result key(int ch);
    // Closes the spectrogram and has the engine open the chosen box's events;
    // returns the selection to reopen the spectrogram on when coming back.
    PaneSelection drill_into_box();

    void draw(int height, int width);

private:
    void close();

    engine::ExplorerEngine& engine_;
    analysis::PaneKind kind_ = analysis::PaneKind::None;
    EchoPane echo_;
    SpectroPane spectro_;
    uint64_t request_ = 0;   // the id the open pane's snapshots carry
    uint64_t seen_seq_ = 0;  // the last snapshot the pane took data from
    PaneSelection selection_;
};

}  // namespace tracetop::ui
