// issue 15 (json): the alternate memos of a table row. Threads of one
// process taking turns (a round of process-info events over its threads,
// two threads alternating) each left the row's memo at every turn, and the
// next event read every column again; a row now keeps the steady columns'
// memos of a few other threads of its process and swaps one back.
//
// A swap must leave the row as reading the columns would: the premise is
// the memo's own (equal ThreadMemos give equal thread-only values), and
// each column counts the event exactly as update_column does for that value.
// Allocates only when a row first keeps a thread (at most kAltMemos) or a
// kept text outgrows its buffer.
#include "analysis/aggregator.h"

namespace tracetop::analysis {

void Aggregator::save_alt_memo(TableRow& row) {
    TableRow::AltMemo* alt = nullptr;
    if (row.alts.size() < kAltMemos) {
        alt = &row.alts.emplace_back();
    } else {
        alt = &row.alts[row.alt_next];
        row.alt_next = static_cast<uint32_t>((row.alt_next + 1) % kAltMemos);
    }
    alt->cells.resize(steady_columns_.size());
    bool complete = true;
    for (size_t k = 0; k < steady_columns_.size(); ++k) {
        const Accumulator& acc = row.acc[steady_columns_[k]];
        TableRow::AltCell& cell = alt->cells[k];
        cell.memo = acc.memo;
        cell.value = acc.memo_value;
        // While a Text memo holds, acc.text is what its value rendered to.
        if (acc.memo == Accumulator::Memo::Text) {
            cell.text = acc.text;
            cell.text_source = acc.text_source;
        }
        complete = complete && acc.memo != Accumulator::Memo::None;
    }
    alt->memo = row.memo;
    alt->complete = complete;
}

void Aggregator::swap_alt_memo(TableRow& row, TableRow::AltMemo& alt, const filter::FieldContext& ctx,
                               const ThreadMemo& memo) {
    // Each steady column does what update_column does when it reads the
    // value its alternate memo holds: a text is the text rendered then (a
    // missing value leaves the text as it is), a number is added once.
    // Columns reading memory read it again if the memory moved since.
    const bool same_memory = alt.memo == memo;
    for (size_t k = 0; k < steady_columns_.size(); ++k) {
        const uint32_t i = steady_columns_[k];
        Accumulator& acc = row.acc[i];
        TableRow::AltCell& cell = alt.cells[k];
        const Accumulator::Memo out = acc.memo;
        const double out_value = acc.memo_value;
        if (!same_memory && columns_[i].reads_memory) {
            if (out == Accumulator::Memo::Text) {
                cell.text = acc.text;
                cell.text_source = acc.text_source;
            }
            cell.memo = out;
            cell.value = out_value;
            update_column(row, i, ctx, false, false, false);
            if (acc.memo == Accumulator::Memo::None) row.memo_complete = false;
            continue;
        }
        if (cell.memo == Accumulator::Memo::Text) {
            acc.text.swap(cell.text);
            acc.text_source.swap(cell.text_source);
            ++acc.n;
        } else {
            if (out == Accumulator::Memo::Text) {
                cell.text = acc.text;
                cell.text_source = acc.text_source;
            }
            if (cell.memo == Accumulator::Memo::Number) add_number(acc, view_.columns[i].aggregation, cell.value);
        }
        acc.memo = cell.memo;
        acc.memo_value = cell.value;
        cell.memo = out;
        cell.value = out_value;
    }
    alt.memo = row.memo;
    row.memo = memo;
    // row.memo_complete held (the swap's condition): the cells are complete.
}

}  // namespace tracetop::analysis
