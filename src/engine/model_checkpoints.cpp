#include "engine/model_checkpoints.h"

#include <algorithm>

namespace tracetop::engine {

void ModelCheckpoints::take(const EventStore& store, const state::Model& model, uint64_t first_ts, uint64_t last_ts) {
    PassPoint p;
    p.at = store.next_position();
    p.first_ts = first_ts;
    p.last_ts = last_ts;
    p.shown_max_ts = shown_max_ts_;
    p.shown_untimed = shown_untimed_;
    p.shown_min_ts = shown_min_since_mark_;
    shown_min_since_mark_ = 0;
    marks_.push_back(p);
    if (p.at.index % model_every_ != 0) return;
    auto copy = std::make_unique<state::Model>();
    copy->load_copy(model);
    const uint64_t size = estimate(*copy);
    models_.push_back(Copy{marks_.size() - 1, std::move(copy), size});
    bytes_ += size;
    // Over the cap: every other copy goes (the first stays: replays from the start need none).
    while (bytes_ > max_bytes_ && models_.size() > 1) {
        model_every_ *= 2;
        std::vector<Copy> kept;
        bytes_ = 0;
        for (Copy& c : models_) {
            if (marks_[c.mark].at.index % model_every_ != 0) continue;
            bytes_ += c.bytes;
            kept.push_back(std::move(c));
        }
        models_ = std::move(kept);
    }
}

uint64_t ModelCheckpoints::estimate(const state::Model& model) {
    // A thread with its strings, and an fd entry with its name (shared tables counted for each thread).
    uint64_t n = sizeof(state::Model);
    for (const auto& [tid, t] : model.threads().threads()) n += 512 + (t->fds ? t->fds->size() * 96 : 0);
    return n;
}

size_t ModelCheckpoints::mark_before(const TimeRange& range) const {
    // Before a mark whose shown events are all earlier than the range (and
    // none stamped 0), nothing is in it and nothing ends it. shown_max_ts
    // only grows: the marks that qualify come first.
    size_t lo = 0;
    for (size_t hi = marks_.size(); lo < hi;) {
        const size_t mid = (lo + hi) / 2;
        const PassPoint& p = marks_[mid];
        if (!p.shown_untimed && p.shown_max_ts < range.from) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo == 0 ? 0 : lo - 1;
}

ModelCheckpoints::Start ModelCheckpoints::at_or_before(uint64_t index) const {
    Start s;
    for (auto it = models_.rbegin(); it != models_.rend(); ++it) {
        if (marks_[it->mark].at.index <= index) {
            s.point = &marks_[it->mark];
            s.model = it->model.get();
            break;
        }
    }
    return s;
}

// issue 15 (chunks)
std::vector<ModelCheckpoints::Start> ModelCheckpoints::copies() const {
    std::vector<Start> out;
    out.reserve(models_.size());
    for (const Copy& c : models_) out.push_back(Start{&marks_[c.mark], c.model.get()});
    return out;
}

bool ModelCheckpoints::wholly_inside(uint64_t begin, uint64_t end, const TimeRange& range) const {
    if (range.whole()) return true;
    // The events before mark m were noted at m: those of [begin, end) at the marks after begin up to end.
    const auto at = [&](uint64_t index) {
        return std::partition_point(marks_.begin(), marks_.end(),
                                    [&](const PassPoint& p) { return p.at.index < index; });
    };
    const auto first = at(begin + 1), last = at(end);
    if (last == marks_.end() || last->at.index != end) return false;  // end is not a mark: unknown
    // shown_max_ts only grows: the one at `end` bounds every event before it.
    if (last->shown_max_ts != 0 && range.after(last->shown_max_ts)) return false;
    for (auto it = first; it <= last; ++it) {
        if (it->shown_min_ts != 0 && range.before(it->shown_min_ts)) return false;
    }
    return true;
}

ModelCheckpoints::Start ModelCheckpoints::start_for(const TimeRange& range) const {
    if (marks_.empty()) return {};
    return at_or_before(marks_[mark_before(range)].at.index);
}

}  // namespace tracetop::engine
