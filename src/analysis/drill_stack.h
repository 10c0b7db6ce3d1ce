// The drill-down stack (DESIGN.md §5), the one record of where the user is:
// the view of every level from the first down to the current one, the
// `key = value` terms each Enter pushed, and an identity per level. Enter
// pushes the row's terms and opens the target view; Backspace pops. The scope
// filter of the current view is the user's filter and every pushed term. The
// engine owns the only instance; snapshots carry its identities to the screen.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/snapshot.h"
#include "analysis/view_loader.h"

namespace tracetop::analysis {

struct DrillFrame {
    std::string view_id;               // the view that was left
    uint64_t level_id = 0;             // the identity of the level that was left
    std::vector<std::string> terms;    // "proc.pid = \"17497\""
    std::vector<std::string> fields;   // the key fields the terms pin
    std::string crumb;                 // "curl (17497)"
};

class DrillStack {
public:
    explicit DrillStack(std::string view_id = {}) : view_id_(std::move(view_id)) {}

    // The view of the current level, and the level's identity: a number no
    // other level of this stack had or will have, kept while the level is on
    // the stack (a Backspace returns to the same identity).
    const std::string& view_id() const { return view_id_; }
    uint64_t level_id() const { return level_id_; }

    // Where Enter on a row of `view` leads: its drill target, skipping views
    // whose keys the stack (plus this drill) already pins — a list of one
    // process's callers is no news — and ending at the last target.
    const ViewDef* target_of(const ViewSet& views, const ViewDef& view) const;

    // Leaves the current level for a new one showing `target`; the frame's
    // view_id and level_id are filled in here.
    void push(const std::string& target, DrillFrame frame);
    // Back to the level the last push left; false (nothing changes) at the first level.
    bool pop();
    // Another view at the same place: the same terms, a new level.
    void switch_view(const std::string& view_id);

    bool empty() const { return frames_.empty(); }
    size_t depth() const { return frames_.size(); }
    const std::vector<DrillFrame>& frames() const { return frames_; }

    // The drill terms joined with "and" (no user filter); "" when empty.
    std::string terms_filter() const;

    // "Processes", "curl (17497)", "Threads", ...: view names and crumbs,
    // ending with the current view; a term equal to one before it is left out.
    std::vector<std::string> breadcrumb(const ViewSet& views) const;
    // The identities of the levels from the first down to the current one.
    std::vector<uint64_t> level_path() const;

private:
    bool pinned(const std::string& field, const ViewDef& leaving) const;
    std::vector<DrillFrame> frames_;
    std::string view_id_;
    uint64_t level_id_ = 1;
    uint64_t last_id_ = 1;
};

// A row's breadcrumb name: "curl (17497)", or just the key.
std::string crumb_for(const Row& row);

// Joins filters with "and", parenthesized; empty ones are skipped.
std::string join_filters(const std::string& a, const std::string& b);

}  // namespace tracetop::analysis
