#include "engine/pass_parts.h"

#include <algorithm>

namespace tracetop::engine {

uint64_t PassParts::batch(const ViewPipeline& pipe, uint64_t most) const {
    if (!cutting()) return most;
    const uint64_t next = (pipe.events() / every_ + 1) * every_;
    return std::min(most, next - pipe.events());
}

void PassParts::after_batch(ViewPipeline& pipe) {
    if (!cutting() || pipe.events() == 0 || pipe.events() % every_ != 0 || pipe.events() == begin_) return;
    analysis::Aggregator* live = pipe.aggregator();
    if (!live) return;
    if (rows_ + live->row_count() > max_rows_) {
        every_ = 0;  // first: fold_into then lets the parts go
        fold_into(pipe);
        return;
    }
    Part part;
    part.begin = begin_;
    part.end = pipe.events();
    std::tie(part.fed_first_ts, part.fed_last_ts) = pipe.take_fed_span();
    live->drop_memo();  // kept answers hold no memos of the model, which goes on changing
    rows_ += live->row_count();
    part.table = pipe.take_aggregator();
    auto fresh = make_table_();
    if (!fresh) {  // cannot be (the view made one already): give the part back
        pipe.set_aggregator(std::move(part.table));
        every_ = 0;
        fold_into(pipe);
        return;
    }
    pipe.set_aggregator(std::move(fresh));
    parts_.push_back(std::move(part));
    begin_ = pipe.events();
}

std::unique_ptr<analysis::Aggregator> PassParts::merged(ViewPipeline& pipe) const {
    if (parts_.empty() || !pipe.aggregator()) return nullptr;
    auto all = make_table_();
    if (!all || !all->merge_earlier(*pipe.aggregator())) return nullptr;
    for (size_t i = parts_.size(); i-- > 0;) {
        if (!all->merge_earlier(*parts_[i].table)) return nullptr;
    }
    return all;
}

bool PassParts::fold_into(ViewPipeline& pipe) {
    for (size_t i = parts_.size(); i-- > 0;) {
        const Part& p = parts_[i];
        if (!pipe.merge_earlier(*p.table, p.fed_first_ts, p.fed_last_ts)) return false;
    }
    if (!cutting()) parts_.clear();  // folded for good: nothing kept
    return true;
}

std::vector<std::pair<std::pair<uint64_t, uint64_t>, std::shared_ptr<const ChunkAnswer>>> PassParts::answers(
    const std::vector<uint64_t>& copies) {
    std::vector<std::pair<std::pair<uint64_t, uint64_t>, std::shared_ptr<const ChunkAnswer>>> out;
    size_t next = 0;  // the first part not used yet
    for (size_t c = 0; c + 1 < copies.size(); ++c) {
        const uint64_t from = copies[c], to = copies[c + 1];
        while (next < parts_.size() && parts_[next].begin < from) ++next;
        // The parts that tile [from, to) exactly, if they do.
        size_t last = next;
        while (last < parts_.size() && parts_[last].end < to) ++last;
        if (next >= parts_.size() || parts_[next].begin != from || last >= parts_.size() || parts_[last].end != to) {
            continue;
        }
        auto answer = std::make_shared<ChunkAnswer>();
        Part& tail = parts_[last];
        bool ok = true;
        for (size_t i = last; i-- > next && ok;) ok = tail.table->merge_earlier(*parts_[i].table);
        if (!ok) break;  // the tail is half merged: keep nothing more
        for (size_t i = next; i <= last; ++i) {
            if (answer->fed_first_ts == 0) answer->fed_first_ts = parts_[i].fed_first_ts;
            if (parts_[i].fed_last_ts != 0) answer->fed_last_ts = parts_[i].fed_last_ts;
        }
        answer->table = std::move(tail.table);
        out.emplace_back(std::make_pair(from, to), std::move(answer));
        next = last + 1;
    }
    parts_.clear();
    return out;
}

}  // namespace tracetop::engine
