// The drill-down filter stack (DESIGN.md §5): each Enter pushes the row's
// `key = value` terms and opens the target view; Backspace pops. The scope
// filter of the active view is the user's filter and every pushed term.
#pragma once

#include <string>
#include <vector>

#include "analysis/snapshot.h"
#include "analysis/view_loader.h"

namespace tracetop::analysis {

struct DrillFrame {
    std::string view_id;               // the view that was left
    std::vector<std::string> terms;    // "proc.pid = \"17497\""
    std::vector<std::string> fields;   // the key fields the terms pin
    std::string crumb;                 // "curl (17497)"
};

class DrillStack {
public:
    // Where Enter on a row of `view` leads: its drill target, skipping views
    // whose keys the stack (plus this drill) already pins — a list of one
    // process's callers is no news — and ending at the last target.
    const ViewDef* target_of(const ViewSet& views, const ViewDef& view) const;

    void push(DrillFrame frame) { frames_.push_back(std::move(frame)); }
    // Returns the frame removed; the stack must not be empty.
    DrillFrame pop();
    bool empty() const { return frames_.empty(); }
    size_t depth() const { return frames_.size(); }
    const std::vector<DrillFrame>& frames() const { return frames_; }
    void clear() { frames_.clear(); }

    // The drill terms joined with "and" (no user filter); "" when empty.
    std::string terms_filter() const;

    // "Processes", "curl (17497)", "Threads", ...: view names and crumbs,
    // ending with `current`; a term equal to the one before it is left out.
    std::vector<std::string> breadcrumb(const ViewSet& views, const std::string& current_view_name) const;

private:
    bool pinned(const std::string& field, const ViewDef& leaving) const;
    std::vector<DrillFrame> frames_;
};

// A row's breadcrumb name: "curl (17497)", or just the key.
std::string crumb_for(const Row& row);

// Joins filters with "and", parenthesized; empty ones are skipped.
std::string join_filters(const std::string& a, const std::string& b);

}  // namespace tracetop::analysis
