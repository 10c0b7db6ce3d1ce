#include "pane_host.h"

#include <utility>

#include <fmt/format.h>

#include "analysis/drill_stack.h"
#include "analysis/latency_buckets.h"

namespace tracetop::ui {

void PaneHost::open(analysis::PaneKind kind, PaneSelection selection, bool live) {
    engine::Command cmd = engine::Command::make(engine::Command::Kind::OpenPane);
    cmd.text = kind == analysis::PaneKind::Echo ? "echo" : "spectro";
    if (selection.row) cmd.row = *selection.row;
    cmd.id = ++request_;
    engine_.send(std::move(cmd));
    kind_ = kind;
    selection_ = std::move(selection);
    if (kind == analysis::PaneKind::Echo) {
        echo_.open(selection_.what, live);
    } else {
        spectro_.open(selection_.what, live);
    }
}

void PaneHost::open_here(analysis::PaneKind kind, const analysis::Snapshot& snap, const analysis::Row* selected) {
    const std::string view = snap.breadcrumb.empty() ? snap.view_name : snap.breadcrumb.back();
    const bool live = snap.source.live;
    if (selected && snap.kind == analysis::ViewKind::List && kind == analysis::PaneKind::Echo) {
        // In a list the row is one event: the Echo of that one call.
        analysis::Row one;
        one.key_terms.push_back(fmt::format("evt.num = {}", selected->event_num));
        open(kind, {std::move(one), fmt::format("{}: event {}", view, selected->event_num)}, live);
        return;
    }
    if (!selected || snap.kind != analysis::ViewKind::Table) {
        open(kind, {std::nullopt, view}, live);
        return;
    }
    open(kind, {*selected, view + ": " + analysis::crumb_for(*selected)}, live);
}

bool PaneHost::take(const analysis::Snapshot& snap) {
    if (kind_ == analysis::PaneKind::None || snap.pane.id != request_ || snap.seq == seen_seq_) return false;
    seen_seq_ = snap.seq;
    if (kind_ == analysis::PaneKind::Echo && snap.pane.echo) echo_.update(snap.pane.echo, snap.loading);
    if (kind_ == analysis::PaneKind::Spectro && snap.pane.spectro) spectro_.update(snap.pane.spectro, snap.loading);
    return true;
}

Reply PaneHost::handle(const Input& in) {
    Reply r = active().handle(in);
    if (r.kind == Reply::Kind::Close) {
        close();
    } else if (r.request.kind == Request::Kind::BoxEvents) {
        // Its events, one drill-down level below the view.
        r = Reply::close({Request::Kind::BoxEvents, drill_into_box()});
    }
    return r;
}

void PaneHost::close() {
    engine_.send(engine::Command::make(engine::Command::Kind::ClosePane));
    kind_ = analysis::PaneKind::None;
}

PaneSelection PaneHost::drill_into_box() {
    const SpectroPane::Box& box = spectro_.chosen();
    const std::optional<analysis::Row>& row = selection_.row;
    engine::Command cmd = engine::Command::make(engine::Command::Kind::DrillFilter);
    if (row) cmd.row.key_terms = row->key_terms;
    cmd.row.key_terms.push_back(fmt::format("evt.rawtime >= {} and evt.rawtime < {}", box.start, box.end));
    cmd.row.key_terms.push_back(analysis::bucket_filter(box.bucket));
    const auto upper = analysis::bucket_upper(box.bucket);
    cmd.row.label = fmt::format("{}latency {}-{}", row ? analysis::crumb_for(*row) + ": " : "",
                                analysis::latency_label(analysis::bucket_lower(box.bucket)),
                                upper ? analysis::latency_label(*upper) : std::string("..."));
    close();
    engine_.send(std::move(cmd));
    return selection_;
}

}  // namespace tracetop::ui
