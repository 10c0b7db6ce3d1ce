// issue 15 (split): two tables of one view over consecutive parts of a
// replay, made on two cores, folded into the table one pass makes.
#include <algorithm>

#include "analysis/aggregator.h"

namespace tracetop::analysis {

bool Aggregator::mergeable(const ViewDef& view) {
    // rows_when: a key the later part refused a row (no row of its own yet)
    // would, in one pass, have found the earlier part's row and counted.
    return view.kind == ViewKind::Table && view.rows_when.empty();
}

void Aggregator::merge_column(Accumulator& later, const Accumulator& earlier, size_t i) const {
    const Aggregation aggregation = view_.columns[i].aggregation;
    const bool has_field = columns_[i].field.def != nullptr;
    if (aggregation == Aggregation::First && has_field) {
        // Only the first event with the field counts: the earlier part's, if it had one.
        if (!earlier.claimed) return;
        later = earlier;  // its memos go with the row's (forget_memos)
        return;
    }
    const bool later_last = aggregation == Aggregation::Last && has_field && later.n > 0;
    if (aggregation == Aggregation::Last && has_field && !later_last) {
        // The later part never gave the column a value: the earlier's stands.
        later.sum = earlier.sum;
        later.is_text = earlier.is_text;
        later.text = earlier.text;
        later.text_source = earlier.text_source;
    } else if (!later_last) {
        later.sum += earlier.sum;  // counts, sums and their parts (Avg: sum / n); Distinct: below
        // A text met in a numeric column is the last one's (fill does not show it).
        if (later.text.empty()) {
            later.text = earlier.text;
            later.text_source = earlier.text_source;
        }
    }
    later.min = std::min(later.min, earlier.min);
    later.max = std::max(later.max, earlier.max);
    later.n += earlier.n;
    later.claimed = later.claimed || earlier.claimed;
    for (const auto& [key, pv] : earlier.per) {
        const auto [it, fresh] = later.per.try_emplace(key, pv);
        if (fresh) continue;
        it->second.max = std::max(it->second.max, pv.max);
        it->second.sum += pv.sum;
        it->second.n += pv.n;
    }
    if (aggregation == Aggregation::Distinct && has_field) later.sum = static_cast<double>(later.per.size());
}

void Aggregator::forget_memos(TableRow& row) {
    row.memo = ThreadMemo{};
    row.memo_complete = false;
    row.memo_type = 0;
    row.label_context = UINT32_MAX;
    row.alts.clear();
    row.alt_next = 0;
    for (Accumulator& acc : row.acc) {
        acc.memo = Accumulator::Memo::None;
        acc.text_slot = acc.number_slot = UINT32_MAX;
    }
}

bool Aggregator::merge_earlier(const Aggregator& earlier) {
    if (!mergeable(view_) || earlier.view_.id != view_.id || earlier.columns_.size() != columns_.size()) return false;
    // Tables from the frozen contexts keep row numbers in their memos; sample-end tables are set aside.
    if (!memo_.empty() || !earlier.memo_.empty() || before_sample_end_ || earlier.before_sample_end_) return false;

    // Every row is in its table's index under its key's identity (append_key_part).
    std::vector<const std::string*> later_keys(rows_.size(), nullptr), earlier_keys(earlier.rows_.size(), nullptr);
    for (const auto& [key, row] : index_) later_keys[row] = &key;
    for (const auto& [key, row] : earlier.index_) earlier_keys[row] = &key;

    // The counts memo hits owe first: the columns add up from there.
    for (TableRow& row : rows_) flush_memo_hits(row);
    std::vector<TableRow> merged;
    merged.reserve(rows_.size() + earlier.rows_.size());
    std::unordered_map<std::string, uint32_t, KeyHash, std::equal_to<>> index;
    index.reserve(rows_.size() + earlier.rows_.size());
    std::vector<uint8_t> taken(rows_.size(), 0);
    // One pass would have made the earlier part's rows first, in its order,
    // then the later part's new ones: rows that sort equal stay in that order.
    for (size_t e = 0; e < earlier.rows_.size(); ++e) {
        TableRow before = earlier.rows_[e];
        flush_memo_hits(before);
        const std::string& key = *earlier_keys[e];
        const auto it = index_.find(std::string_view(key));
        if (it == index_.end()) {
            forget_memos(before);  // they name the earlier part's model, gone with it
            index.emplace(key, static_cast<uint32_t>(merged.size()));
            merged.push_back(std::move(before));
            continue;
        }
        TableRow& later = rows_[it->second];
        for (size_t i = 0; i < columns_.size(); ++i) merge_column(later.acc[i], before.acc[i], i);
        // The label is the last event's that had one.
        if (later.label.empty()) {
            later.label = before.label;
            later.label_source = before.label_source;
        }
        // Its memos (issue 15 json: the alternates too) hold the later
        // part's values, which the merge changed: read again at its next event.
        forget_memos(later);
        taken[it->second] = 1;
        index.emplace(key, static_cast<uint32_t>(merged.size()));
        merged.push_back(std::move(later));
    }
    for (size_t l = 0; l < rows_.size(); ++l) {
        if (taken[l]) continue;
        index.emplace(*later_keys[l], static_cast<uint32_t>(merged.size()));
        merged.push_back(std::move(rows_[l]));
    }
    rows_ = std::move(merged);
    index_ = std::move(index);
    // Row numbers moved.
    last_row_ = UINT32_MAX;
    forget_row_caches();
    return true;
}

}  // namespace tracetop::analysis
