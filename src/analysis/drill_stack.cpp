#include "analysis/drill_stack.h"

#include <algorithm>

namespace tracetop::analysis {

bool DrillStack::pinned(const std::string& field, const ViewDef& leaving) const {
    if (std::find(leaving.keys.begin(), leaving.keys.end(), field) != leaving.keys.end()) return true;
    for (const DrillFrame& f : frames_) {
        if (std::find(f.fields.begin(), f.fields.end(), field) != f.fields.end()) return true;
    }
    return false;
}

const ViewDef* DrillStack::target_of(const ViewSet& views, const ViewDef& view) const {
    const ViewDef* target = views.find(view.drill_target);
    // Bounded walk: a cycle of views whose keys are all pinned must not hang.
    for (size_t hops = 0; target && hops < views.views.size(); ++hops) {
        if (target->drill_target.empty() || target->kind != ViewKind::Table || target->keys.empty()) break;
        const bool all_pinned = std::all_of(target->keys.begin(), target->keys.end(),
                                            [&](const std::string& k) { return pinned(k, view); });
        if (!all_pinned) break;
        const ViewDef* next = views.find(target->drill_target);
        if (!next) break;
        target = next;
    }
    return target;
}

void DrillStack::push(const std::string& target, DrillFrame frame) {
    frame.view_id = std::move(view_id_);
    frame.level_id = level_id_;
    frames_.push_back(std::move(frame));
    view_id_ = target;
    level_id_ = ++last_id_;
}

bool DrillStack::pop() {
    if (frames_.empty()) return false;
    view_id_ = std::move(frames_.back().view_id);
    level_id_ = frames_.back().level_id;
    frames_.pop_back();
    return true;
}

void DrillStack::switch_view(const std::string& view_id) {
    view_id_ = view_id;
    level_id_ = ++last_id_;
}

std::string join_filters(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return "(" + a + ") and (" + b + ")";
}

std::string DrillStack::terms_filter() const {
    std::string out;
    for (const DrillFrame& f : frames_) {
        for (const std::string& t : f.terms) {
            if (!out.empty()) out += " and ";
            out += t;
        }
    }
    return out;
}

std::vector<std::string> DrillStack::breadcrumb(const ViewSet& views) const {
    std::vector<std::string> out;
    auto add = [&](const std::string& term) {
        if (term.empty()) return;
        if (std::find(out.begin(), out.end(), term) != out.end()) return;
        out.push_back(term);
    };
    auto name = [&](const std::string& id) {
        const ViewDef* v = views.find(id);
        return v ? v->name : id;
    };
    for (const DrillFrame& f : frames_) {
        add(name(f.view_id));
        add(f.crumb);
    }
    add(name(view_id_));
    return out;
}

std::vector<uint64_t> DrillStack::level_path() const {
    std::vector<uint64_t> out;
    out.reserve(frames_.size() + 1);
    for (const DrillFrame& f : frames_) out.push_back(f.level_id);
    out.push_back(level_id_);
    return out;
}

std::string crumb_for(const Row& row) {
    if (row.label.empty() || row.label == row.key) return row.key;
    return row.label + " (" + row.key + ")";
}

}  // namespace tracetop::analysis
