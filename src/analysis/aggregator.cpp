#include "analysis/aggregator.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "analysis/field_binding.h"
#include "analysis/row_sort.h"
#include "analysis/value_format.h"
#include "event/arg_format.h"
#include "event/event_table.h"
#include "filter/output_format.h"
#include "filter/thread_fields.h"

namespace tracetop::analysis {
namespace {

// issue 16 (uilook): table text keeps UTF-8 (names in any script); the UI
// fits it by cell width. Rows differ where the names differ.
constexpr bool kUtf8 = true;

bool numeric(const filter::FieldValue& v, double& out) {
    using K = filter::FieldValue::Kind;
    switch (v.kind) {
        case K::Int: out = static_cast<double>(v.i); return true;
        case K::Uint:
        case K::Bool: out = static_cast<double>(v.u); return true;
        case K::Double: out = v.d; return true;
        default: return false;
    }
}

// Appends an identity for one key value: numbers as raw bytes (no
// formatting per event), strings as their bytes; a tag byte keeps kinds apart.
void append_key_part(const filter::FieldValues& values, std::string& key) {
    if (values.empty()) {
        key.push_back('\0');
        return;
    }
    const filter::FieldValue& v = values[0];
    key.push_back(static_cast<char>(1 + static_cast<int>(v.kind)));
    using K = filter::FieldValue::Kind;
    switch (v.kind) {
        case K::Int: key.append(reinterpret_cast<const char*>(&v.i), sizeof v.i); break;
        case K::Uint:
        case K::Bool: key.append(reinterpret_cast<const char*>(&v.u), sizeof v.u); break;
        case K::Double: key.append(reinterpret_cast<const char*>(&v.d), sizeof v.d); break;
        case K::String: key.append(v.s); key.push_back('\0'); break;
        case K::Ip: key.append(reinterpret_cast<const char*>(v.ip.bytes.data()), v.ip.bytes.size()); break;
    }
}

// CompiledFilter::matches, with the verdict by type (where most events of
// a column's `when` are decided) read inline, without the call.
bool passes(const filter::CompiledFilter& f, const filter::FieldContext& ctx) {
    const int8_t v = f.type_verdict(ctx.ev.type);
    return v == filter::kTypeDynamic ? f.matches(ctx) : v != 0;
}

std::string scope_text(const ViewDef& view, const std::string& scope) {
    if (view.filter.empty()) return scope;
    if (scope.empty()) return view.filter;
    return "(" + view.filter + ") and (" + scope + ")";
}

}  // namespace

std::string key_term(std::string_view field, std::string_view value, bool missing) {
    if (missing) return fmt::format("not {} exists", field);
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\') quoted.push_back('\\');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return fmt::format("{} = {}", field, quoted);
}

Result<std::unique_ptr<Aggregator>> Aggregator::create(const ViewDef& view, const std::string& scope) {
    std::unique_ptr<Aggregator> a(new Aggregator(view));
    const std::string text = scope_text(view, scope);
    if (!text.empty()) {
        auto compiled = filter::CompiledFilter::compile(text);
        if (!compiled) return compiled.error();
        a->scope_ = std::move(*compiled);
        a->scope_memo_ = a->scope_->dependency() == filter::FieldDep::Context;
        a->scope_thread_only_ = a->scope_->reads_only(filter::reads_only_thread);
        a->scope_reads_memory_ =
            !a->scope_->reads_only([](const filter::FieldDef& d) { return !filter::reads_thread_memory(d); });
    }
    if (!view.rows_when.empty()) {
        auto compiled = filter::CompiledFilter::compile(view.rows_when);
        if (!compiled) return compiled.error();
        a->rows_when_ = std::move(*compiled);
    }
    for (const std::string& k : view.keys) {
        auto b = bind_field(k);
        if (!b) return b.error();
        a->keys_.push_back(*b);
    }
    a->keys_thread_only_ = !a->keys_.empty() && std::all_of(a->keys_.begin(), a->keys_.end(), [](const auto& k) {
        return filter::reads_only_thread(*k.def);
    });
    a->keys_read_memory_ = std::any_of(a->keys_.begin(), a->keys_.end(), [](const auto& k) {
        return filter::reads_thread_memory(*k.def);
    });
    a->keys_type_only_ = !a->keys_.empty() && std::all_of(a->keys_.begin(), a->keys_.end(), [](const auto& k) {
        return filter::reads_only_type(*k.def);
    });
    if (a->keys_type_only_) a->type_rows_.assign(event::event_table_size(), UINT32_MAX);
    a->keys_tid_only_ = !a->keys_.empty() && std::all_of(a->keys_.begin(), a->keys_.end(), [](const auto& k) {
        return filter::reads_only_tid(*k.def);
    });
    if (!view.label.empty()) {
        auto b = bind_field(view.label);
        if (!b) return b.error();
        a->label_ = *b;
        a->label_thread_only_ = filter::reads_only_thread(*b->def);
        a->label_reads_memory_ = filter::reads_thread_memory(*b->def);
    }
    for (const ColumnDef& c : view.columns) {
        BoundColumn bc;
        if (!c.field.empty()) {
            auto b = bind_field(c.field);
            if (!b) return b.error();
            bc.field = *b;
        }
        if (!c.when.empty()) {
            auto w = filter::CompiledFilter::compile(c.when);
            if (!w) return w.error();
            bc.when = std::move(*w);
            bc.when_context = bc.when->dependency() == filter::FieldDep::Context;
        }
        if (!c.per.empty()) {
            auto b = bind_field(c.per);
            if (!b) return b.error();
            bc.per = *b;
        }
        bc.thread_only = bc.field.def && !bc.when && !bc.per.def && filter::reads_only_thread(*bc.field.def);
        bc.reads_memory = bc.thread_only && filter::reads_thread_memory(*bc.field.def);
        bc.steady = bc.thread_only && (c.aggregation == Aggregation::Last || c.aggregation == Aggregation::Min ||
                                       c.aggregation == Aggregation::Max || c.aggregation == Aggregation::Distinct);
        bc.type_only = bc.field.def && !bc.when && !bc.per.def && filter::reads_only_type(*bc.field.def);
        (bc.steady ? a->steady_columns_ : a->unsteady_columns_).push_back(static_cast<uint32_t>(a->columns_.size()));
        a->columns_.push_back(std::move(bc));
    }
    a->group_shared_fields();
    a->unsteady_by_type_.resize(event::event_table_size());
    a->counted_by_type_.resize(event::event_table_size());
    for (size_t t = 0; t < a->unsteady_by_type_.size(); ++t) {
        for (const uint32_t i : a->unsteady_columns_) {
            const BoundColumn& col = a->columns_[i];
            const int8_t verdict = col.when ? col.when->type_verdict(static_cast<event::EventType>(t)) : 1;
            if (verdict == 0) continue;
            // A field with no value for the type changes nothing but First's claim.
            const int32_t only = col.field.def ? filter::only_type(*col.field.def) : -1;
            if (only >= 0 && static_cast<size_t>(only) != t && view.columns[i].aggregation != Aggregation::First) {
                continue;
            }
            const bool counts_only = !col.field.def && !col.per.def && verdict == 1;
            (counts_only ? a->counted_by_type_ : a->unsteady_by_type_)[t].push_back(i);
        }
    }
    a->needs_thread_memo_ =
        a->scope_thread_only_ || a->keys_thread_only_ || (a->label_.def && a->label_thread_only_) ||
        std::any_of(a->columns_.begin(), a->columns_.end(), [](const BoundColumn& c) { return c.thread_only; });
    a->prepare_when_plans();
    a->prepare_type_classes();
    return a;
}

void Aggregator::reset() {
    before_sample_end_.reset();
    index_.clear();
    rows_.clear();
    last_row_ = UINT32_MAX;
    forget_row_caches();
    memo_.clear();
    memo_slots_.clear();
    memo_labels_.clear();
    thread_index_.clear();
    thread_memo_.clear();
    last_shared_ = UINT32_MAX;
    list_rows_.clear();
    kept_.clear();
    kept_bytes_ = 0;
    list_dropped_ = 0;
}

size_t Aggregator::row_count() const { return view_.kind == ViewKind::List ? list_rows_.size() : rows_.size(); }

void Aggregator::begin_sample_end() {
    end_sample_end();
    if (view_.kind != ViewKind::Table) return;
    before_sample_end_ = SetAside{index_, rows_};
}

void Aggregator::end_sample_end() {
    if (!before_sample_end_) return;
    index_ = std::move(before_sample_end_->index);
    rows_ = std::move(before_sample_end_->rows);
    before_sample_end_.reset();
    last_row_ = UINT32_MAX;
    forget_row_caches();  // their rows may be gone with the set-aside ones
}

void Aggregator::forget_row_caches() {
    memo_rows_.fill(MemoRow{});
    tid_rows_.fill(TidRow{});
    scope_verdicts_.fill(ScopeVerdict{});
    std::fill(type_rows_.begin(), type_rows_.end(), UINT32_MAX);
}

void Aggregator::on_sample_end_event(const filter::FieldContext& ctx) {
    if (view_.kind != ViewKind::Table) return;
    feed(ctx);
}

void Aggregator::on_event(const filter::FieldContext& ctx, bool internal) {
    if (before_sample_end_) [[unlikely]] end_sample_end();
    if (internal && !view_.internal_events) return;
    feed(ctx);
}

Aggregator::ThreadMemo Aggregator::thread_memo_of(const filter::FieldContext& ctx) {
    return ThreadMemo{&ctx.model,
                      ctx.state.thread,
                      ctx.model.thread_epoch(),
                      ctx.state.main_thread,
                      ctx.state.thread != nullptr ? ctx.state.thread->memory_version : 0,
                      ctx.state.main_thread != nullptr ? ctx.state.main_thread->memory_version : 0,
                      ctx.state.thread_known};
}

bool Aggregator::scope_passes(const filter::FieldContext& ctx, const ThreadMemo& memo) {
    if (!scope_thread_only_) return passes(*scope_, ctx);
    // What thread-only fields read stays while the memo does (thread_fields.h).
    ScopeVerdict& v =
        scope_verdicts_[(reinterpret_cast<uintptr_t>(memo.thread) / alignof(state::ThreadInfo)) % kMemoRows];
    if (scope_reads_memory_ ? v.memo == memo : v.memo.same_identity(memo)) return v.pass;
    v.memo = memo;
    v.pass = passes(*scope_, ctx);
    return v.pass;
}

void Aggregator::feed(const filter::FieldContext& ctx) {
    if (view_.kind == ViewKind::List) {
        if (scope_ && !scope_passes(ctx, scope_thread_only_ ? thread_memo_of(ctx) : ThreadMemo{})) return;
        on_list_event(ctx);
        return;
    }
    // Once per event: the scope's verdict and the table's row memos both read it.
    const ThreadMemo memo = needs_thread_memo_ ? thread_memo_of(ctx) : ThreadMemo{};
    if (scope_ && !scope_passes(ctx, memo)) return;
    on_table_event(ctx, memo);
}

void Aggregator::render_first(const filter::BoundField& f, const filter::FieldContext& ctx, std::string& out) {
    values_.clear();
    f.def->extract(ctx, f.arg, values_);
    if (values_.empty()) {
        out.assign("<NA>");
        return;
    }
    render_buf_.clear();
    filter::render_value(*f.def, values_[0], render_buf_, kUtf8);
    out.assign(render_buf_.data(), render_buf_.size());
}

Aggregator::TableRow& Aggregator::new_row(const filter::FieldContext& ctx) {
    TableRow row;
    for (size_t i = 0; i < keys_.size(); ++i) {
        std::string text;
        render_first(keys_[i], ctx, text);
        const bool missing = values_.empty();
        if (missing && view_.keyless_row) text.clear();
        row.key_terms.push_back(key_term(view_.keys[i], text, missing));
        if (i) row.key.push_back(' ');
        row.key += text;
    }
    row.acc.resize(columns_.size());
    for (size_t i = 0; i < columns_.size(); ++i) {
        const Aggregation agg = view_.columns[i].aggregation;
        row.acc[i].min = std::numeric_limits<double>::infinity();
        row.acc[i].max = -std::numeric_limits<double>::infinity();
        row.acc[i].is_text = (agg == Aggregation::Last || agg == Aggregation::First) && columns_[i].field.def != nullptr &&
                             view_.columns[i].format == CellFormat::Text;
    }
    index_.emplace(key_buf_, static_cast<uint32_t>(rows_.size()));
    rows_.push_back(std::move(row));
    return rows_.back();
}

// Rendered, not copied: render_value sanitizes what the traced system wrote.
// A string equal to the one rendered last time renders the same: skip it.
void Aggregator::render_cached(const filter::FieldDef& def, const filter::FieldValue& v, std::string& out,
                               std::string& source) {
    const bool is_string = v.kind == filter::FieldValue::Kind::String;
    if (is_string && v.s == source && !out.empty()) return;
    render_buf_.clear();
    filter::render_value(def, v, render_buf_, kUtf8);
    out.assign(render_buf_.data(), render_buf_.size());
    if (is_string) {
        source.assign(v.s);
    } else {
        source.clear();
    }
}

// A number into a column's aggregate (its `per` table aside).
void Aggregator::add_number(Accumulator& acc, Aggregation aggregation, double v) {
    switch (aggregation) {
        case Aggregation::Last:
        case Aggregation::First: acc.sum = v; break;
        case Aggregation::Count: acc.sum += 1; break;
        case Aggregation::Distinct:
            // Bounded by the rows' threads: a thread table's worth at most.
            acc.per.try_emplace(v);
            acc.sum = static_cast<double>(acc.per.size());
            break;
        default: acc.sum += v; break;
    }
    acc.min = std::min(acc.min, v);
    acc.max = std::max(acc.max, v);
    ++acc.n;
}

uint32_t Aggregator::row_of(const filter::FieldContext& ctx, bool& refused) {
    refused = false;
    key_buf_.clear();
    bool any_key = false;
    for (const filter::BoundField& k : keys_) {
        values_.clear();
        k.def->extract(ctx, k.arg, values_);
        any_key = any_key || !values_.empty();
        append_key_part(values_, key_buf_);
    }
    // An event with no value for any key belongs to no row (sysdig's tables
    // skip it too): process info about a kernel thread the capture never
    // listed must not make a "<NA>" process.
    if (!any_key && !view_.keyless_row) return UINT32_MAX;
    uint32_t row_index = last_row_;
    if (row_index == UINT32_MAX || key_buf_ != last_key_) {
        auto it = index_.find(std::string_view(key_buf_));
        if (it == index_.end() && rows_when_ && !rows_when_->matches(ctx)) {
            refused = true;
            return UINT32_MAX;
        }
        if (it == index_.end()) new_row(ctx);
        row_index = it != index_.end() ? it->second : static_cast<uint32_t>(rows_.size() - 1);
        last_key_ = key_buf_;
        last_row_ = row_index;
    }
    return row_index;
}

template <class Per>
void Aggregator::accumulate(TableRow& row, size_t i, const filter::FieldValue* value, Per per) {
    const BoundColumn& col = columns_[i];
    Accumulator& acc = row.acc[i];
    const bool first = view_.columns[i].aggregation == Aggregation::First;
    if (!value) {
        // csysdig's default for a text column is empty, and it stays.
        if (first && acc.is_text) ++acc.n;
        return;
    }
    if (acc.is_text) {
        render_cached(*col.field.def, *value, acc.text, acc.text_source);
        ++acc.n;
        return;
    }
    double v = 0;
    if (!numeric(*value, v)) {
        // A text field in a numeric column: keep the text, count it.
        render_buf_.clear();
        filter::render_value(*col.field.def, *value, render_buf_, kUtf8);
        acc.text.assign(render_buf_.data(), render_buf_.size());
        acc.is_text = view_.columns[i].aggregation == Aggregation::Last || first;
        ++acc.n;
        return;
    }
    add_number(acc, view_.columns[i].aggregation, v);
    if (col.per.def) {
        const filter::FieldValue* per_value = per();
        double key = 0;
        if (per_value && numeric(*per_value, key)) {
            auto [it, fresh] = acc.per.try_emplace(key);
            Accumulator::PerValue& pv = it->second;
            pv.max = fresh ? v : std::max(pv.max, v);
            pv.sum += v;
            ++pv.n;
        }
    }
}

void Aggregator::on_table_event(const filter::FieldContext& ctx, const ThreadMemo& memo) {
    // Thread-only fields (keys, label, columns) give what they gave for the
    // last event of the same thread while the model's thread epoch holds.
    // Type-only fields of generic events read the system call they carry.
    ++event_serial_;
    const event::EventType type = ctx.ev.type;
    const bool fixed_type = !event::has_dynamic_type_name(type);
    const uint32_t memo_type = fixed_type && type < type_class_.size() ? type_class_[type] : 0;
    const bool by_type = keys_type_only_ && fixed_type && type < type_rows_.size();
    uint32_t row_index = last_row_;
    MemoRow* memo_row = keys_thread_only_ ? &memo_rows_[(reinterpret_cast<uintptr_t>(memo.thread) /
                                                          alignof(state::ThreadInfo)) % kMemoRows]
                                          : nullptr;
    if (by_type && type_rows_[type] != UINT32_MAX) {
        row_index = type_rows_[type];
    } else if (memo_row != nullptr && memo_row->row != UINT32_MAX &&
               (keys_read_memory_ ? memo_row->memo == memo : memo_row->memo.same_identity(memo))) {
        row_index = memo_row->row;
        if (row_index == kNoKeyRow) return;
    } else if (keys_tid_only_ && tid_rows_[ctx.ev.tid % kMemoRows].row != UINT32_MAX &&
               tid_rows_[ctx.ev.tid % kMemoRows].tid == ctx.ev.tid) {
        row_index = tid_rows_[ctx.ev.tid % kMemoRows].row;
    } else {
        bool refused = false;
        row_index = row_of(ctx, refused);
        if (row_index == UINT32_MAX) {
            // No key value (a thread the capture never listed): none for its memo either.
            if (!refused && memo_row != nullptr) *memo_row = MemoRow{memo, kNoKeyRow};
            return;
        }
        if (by_type) type_rows_[type] = row_index;
        if (memo_row != nullptr) *memo_row = MemoRow{memo, row_index};
        if (keys_tid_only_) tid_rows_[ctx.ev.tid % kMemoRows] = TidRow{ctx.ev.tid, row_index};
    }
    TableRow& row = rows_[row_index];
    // Only the memory moved (an mmap exit): the memory columns read again, the
    // other steady ones count the event as their memo says, as on a hit.
    const bool memory_only = row.memo_complete && !(row.memo == memo) && row.memo.same_identity(memo);
    if (row.memo_complete && (memory_only || row.memo == memo)) {
        const bool same_type = memo_type != 0 && row.memo_type == memo_type;
        if (memory_only) {
            flush_memo_hits(row);
            row.memo = memo;
            for (const uint32_t i : steady_columns_) {
                update_column(row, i, ctx, false, true, same_type);
                if (row.acc[i].memo == Accumulator::Memo::None) row.memo_complete = false;
            }
        } else {
            ++row.memo_hits;
        }
        if (label_.def && (!label_thread_only_ || (memory_only && label_reads_memory_))) {
            values_.clear();
            label_.def->extract(ctx, label_.arg, values_);
            if (!values_.empty()) render_cached(*label_.def, values_[0], row.label, row.label_source);
        }
        row.memo_type = memo_type;
        update_unsteady(row, ctx, !memory_only, true, same_type);
        return;
    }
    const bool same_thread = row.memo == memo;
    // A memory change alone (mmap exits) leaves the other thread-only values as they were.
    const bool same_identity = same_thread || row.memo.same_identity(memo);
    const bool same_type = memo_type != 0 && row.memo_type == memo_type;
    row.memo_type = memo_type;
    flush_memo_hits(row);
    TableRow::AltMemo* alt = nullptr;
    if (alt_memo_on_ && row.memo_complete && !same_identity) {
        for (TableRow::AltMemo& a : row.alts) {
            if (a.complete && a.memo.same_identity(memo)) {
                alt = &a;
                break;
            }
        }
    }
    if (alt != nullptr) {
        // issue 15 (json): a thread the row saw before, again (threads of a process taking turns).
        swap_alt_memo(row, *alt, ctx, memo);
        ++alt_swaps_;
        if (label_.def) {
            values_.clear();
            label_.def->extract(ctx, label_.arg, values_);
            if (!values_.empty()) render_cached(*label_.def, values_[0], row.label, row.label_source);
        }
        // What the loop below does for the other columns: the by-type lists
        // leave out only the columns whose `when` or field the type never passes.
        update_unsteady(row, ctx, false, false, same_type);
        return;
    }
    // Another thread of the same process in the same epoch: keep this one's memos for its next turn.
    if (alt_memo_on_ && row.memo_complete && !same_identity && !steady_columns_.empty() &&
        memo.model == row.memo.model && memo.epoch == row.memo.epoch && memo.main_thread == row.memo.main_thread) {
        save_alt_memo(row);
    }
    row.memo = memo;

    if (label_.def && !(label_thread_only_ && (same_thread || (same_identity && !label_reads_memory_)))) {
        values_.clear();
        label_.def->extract(ctx, label_.arg, values_);
        if (!values_.empty()) render_cached(*label_.def, values_[0], row.label, row.label_source);
    }
    row.memo_complete = true;
    const WhenPlan* plan = event_plan(ctx);
    for (size_t i = 0; i < columns_.size(); ++i) {
        update_column(row, i, ctx, same_thread, same_identity, same_type, plan);
        if (columns_[i].steady && row.acc[i].memo == Accumulator::Memo::None) row.memo_complete = false;
    }
}

// The count of the events a steady column skipped, now that its memo is
// about to be taken again.
void Aggregator::flush_memo_hits(TableRow& row) {
    if (row.memo_hits == 0) return;
    for (const uint32_t i : steady_columns_) {
        Accumulator& acc = row.acc[i];
        if (acc.memo == Accumulator::Memo::Text || acc.memo == Accumulator::Memo::Number) {
            acc.n += row.memo_hits;
        }
    }
    row.memo_hits = 0;
}

// The per-event side of aggregator_field_groups.cpp, here beside its one
// caller so that both inline into it.
inline const filter::FieldValues& Aggregator::group_values(int16_t group, const filter::FieldContext& ctx) {
    FieldGroup& g = field_groups_[static_cast<size_t>(group)];
    if (g.serial != event_serial_) {
        g.values.clear();
        g.field.def->extract(ctx, g.field.arg, g.values);
        g.serial = event_serial_;
    }
    return g.values;
}

inline bool Aggregator::when_passes(const BoundColumn& col, const filter::FieldContext& ctx) {
    if (col.when_group < 0) [[likely]] return passes(*col.when, ctx);
    // passes(), with the field's values shared with the columns that read it.
    const int8_t by_type = col.when->type_verdict(ctx.ev.type);
    if (by_type != filter::kTypeDynamic) return by_type != 0;
    return col.when->check_values(group_values(col.when_group, ctx));
}

void Aggregator::update_column(TableRow& row, size_t i, const filter::FieldContext& ctx, bool same_thread,
                               bool same_identity, bool same_type, const WhenPlan* plan) {
    const BoundColumn& col = columns_[i];
    Accumulator& acc = row.acc[i];
    const Aggregation aggregation = view_.columns[i].aggregation;
    // First: only the row's first event with the column's field counts
    // (never steady: a skipped event must not count).
    const bool first = aggregation == Aggregation::First;
    if (first && acc.claimed && col.field.def) return;
    if ((col.thread_only && (same_thread || (same_identity && !col.reads_memory))) || (col.type_only && same_type)) {
        // What the slow path below would do again with the same value.
        switch (acc.memo) {
            case Accumulator::Memo::None: break;
            case Accumulator::Memo::Absent: return;
            case Accumulator::Memo::Text: ++acc.n; return;
            case Accumulator::Memo::Number: add_number(acc, aggregation, acc.memo_value); return;
        }
    }
    if (col.when && !(plan != nullptr && plan->verdict[i] != kPlanAsk ? plan->verdict[i] == kPlanYes
                                                                     : when_passes(col, ctx))) {
        return;
    }
    if (!col.field.def) {
        acc.sum += 1;
        ++acc.n;
        return;
    }
    acc.claimed = true;
    if (col.field_group < 0) [[likely]] {
        values_.clear();
        col.field.def->extract(ctx, col.field.arg, values_);
    }
    const filter::FieldValues& values = col.field_group < 0 ? values_ : group_values(col.field_group, ctx);
    if (values.empty()) {
        // csysdig's default for a text column is empty, and it stays.
        if (first && acc.is_text) ++acc.n;
        acc.memo = Accumulator::Memo::Absent;
        return;
    }
    if (acc.is_text) {
        render_cached(*col.field.def, values[0], acc.text, acc.text_source);
        ++acc.n;
        acc.memo = Accumulator::Memo::Text;
        return;
    }
    double v = 0;
    if (!numeric(values[0], v)) {
        // A text field in a numeric column: keep the text, count it.
        render_buf_.clear();
        filter::render_value(*col.field.def, values[0], render_buf_, kUtf8);
        acc.text.assign(render_buf_.data(), render_buf_.size());
        acc.is_text = aggregation == Aggregation::Last || first;
        ++acc.n;
        acc.memo = Accumulator::Memo::None;
        return;
    }
    add_number(acc, aggregation, v);
    acc.memo = Accumulator::Memo::Number;
    acc.memo_value = v;
    if (col.per.def) {
        values_.clear();
        col.per.def->extract(ctx, col.per.arg, values_);
        double key = 0;
        if (!values_.empty() && numeric(values_[0], key)) {
            auto [it, fresh] = acc.per.try_emplace(key);
            Accumulator::PerValue& pv = it->second;
            pv.max = fresh ? v : std::max(pv.max, v);
            pv.sum += v;
            ++pv.n;
        }
    }
}

// issue 15 (fastkeys) ---------------------------------------------------------

namespace {

bool context_only(const filter::BoundField& f) { return f.def && f.def->dep == filter::FieldDep::Context; }
bool not_model(const filter::BoundField& f) { return !f.def || f.def->dep != filter::FieldDep::Model; }
bool not_model(const std::optional<filter::CompiledFilter>& f) {
    return !f || f->dependency() != filter::FieldDep::Model;
}

}  // namespace

bool Aggregator::memoisable() const {
    // Sample-end events are fed from the model at the end of the pass. Idle
    // rows come from the threads the first pass froze at its end (issue 15,
    // procsfast: ViewPipeline::uses_contexts says when that is the answer).
    if (view_.kind != ViewKind::Table || view_.sample_end_events) return false;
    if (!not_model(scope_) || !not_model(rows_when_) || !not_model(label_)) return false;
    for (const filter::BoundField& k : keys_) {
        if (!context_only(k)) return false;
    }
    for (const BoundColumn& c : columns_) {
        if (!not_model(c.when) || !not_model(c.field) || !not_model(c.per)) return false;
    }
    return true;
}

filter::EnterUse Aggregator::enter_use() const {
    using filter::EnterUse;
    if (view_.kind != ViewKind::Table) return EnterUse::Always;
    EnterUse use = EnterUse::Never;
    const auto field = [&](const filter::BoundField& f) {
        if (f.def) use = filter::wider(use, filter::enter_use(*f.def));
    };
    const auto check = [&](const std::optional<filter::CompiledFilter>& f) {
        if (f) use = filter::wider(use, f->enter_use());
    };
    check(scope_);
    check(rows_when_);
    field(label_);
    for (const filter::BoundField& k : keys_) field(k);
    for (const BoundColumn& c : columns_) {
        field(c.field);
        field(c.per);
        check(c.when);
    }
    return use;
}

void Aggregator::memoise(const filter::BoundField& f, const filter::FieldContext& ctx, MemoSlot& out) {
    values_.clear();
    f.def->extract(ctx, f.arg, values_);
    out.several = values_.size() > 1;
    out.present = !values_.empty();
    if (!out.present) return;
    out.value = values_[0];
    if (out.value.kind == filter::FieldValue::Kind::String) out.text.assign(out.value.s);
    out.value.s = {};
}

void Aggregator::drop_memo() {
    std::vector<ContextMemo>().swap(memo_);
    memo_slots_.clear();
    std::vector<std::string>().swap(memo_labels_);
    std::unordered_map<ThreadKey, uint32_t, ThreadKeyHash>().swap(thread_index_);
    std::vector<ThreadShared>().swap(thread_memo_);
    last_shared_ = UINT32_MAX;
    for (TableRow& row : rows_) {
        row.label_context = UINT32_MAX;
        for (Accumulator& acc : row.acc) acc.text_slot = acc.number_slot = UINT32_MAX;
    }
}

const filter::FieldValue* Aggregator::slot_value(const MemoSlot& slot, filter::FieldValue& tmp) {
    if (!slot.present) return nullptr;
    if (slot.value.kind != filter::FieldValue::Kind::String) return &slot.value;
    tmp = slot.value;
    tmp.s = slot.text;
    return &tmp;
}

size_t Aggregator::ThreadKeyHash::operator()(const ThreadKey& k) const {
    const auto ptr = [](const void* p) { return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(p)); };
    uint64_t h = ptr(k.thread) * 0x9e3779b97f4a7c15ull;
    h ^= std::rotl(ptr(k.main_thread), 17) * 0xc2b2ae3d27d4eb4full;
    h ^= std::rotl(ptr(k.model), 31) ^ std::rotl(ptr(k.host), 47) ^ uint64_t{k.known};
    return static_cast<size_t>(h ^ (h >> 29));
}

Aggregator::ThreadKey Aggregator::thread_key(const filter::FieldContext& ctx) {
    return ThreadKey{ctx.state.thread, ctx.state.main_thread, &ctx.model, ctx.host, ctx.state.thread_known};
}

int32_t Aggregator::memo_label(const filter::FieldContext& ctx) {
    MemoSlot label;
    memoise(label_, ctx, label);
    if (!label.present) return -1;
    filter::FieldValue tmp;
    render_buf_.clear();
    filter::render_value(*label_.def, *slot_value(label, tmp), render_buf_, kUtf8);
    memo_labels_.emplace_back(render_buf_.data(), render_buf_.size());
    return static_cast<int32_t>(memo_labels_.size() - 1);
}

// The thread-only values of the context's key, worked out by its first context.
uint32_t Aggregator::shared_of(const filter::FieldContext& ctx) {
    // Contexts are met in the order the first pass made them: a thread's
    // new contexts (another fd, another call) mostly come in a row.
    const ThreadKey key = thread_key(ctx);
    if (last_shared_ != UINT32_MAX && key == last_thread_key_) return last_shared_;
    const auto [it, fresh] = thread_index_.try_emplace(key, static_cast<uint32_t>(thread_memo_.size()));
    last_thread_key_ = key;
    last_shared_ = it->second;
    if (!fresh) return it->second;
    ThreadShared& t = thread_memo_.emplace_back();
    if (label_thread_only_ && context_only(label_)) t.label = memo_label(ctx);
    t.first_slot = static_cast<uint32_t>(memo_slots_.size());
    memo_slots_.resize(memo_slots_.size() + slots_per_thread_);
    for (size_t i = 0; i < columns_.size(); ++i) {
        if (thread_slot_[i]) memoise(columns_[i].field, ctx, memo_slots_[t.first_slot + field_slot_[i]]);
    }
    return it->second;
}

void Aggregator::fill_memo(const filter::FieldContext& ctx, ContextMemo& m) {
    m.known = true;
    if (scope_memo_) {
        m.in_scope = scope_->matches(ctx);
        if (!m.in_scope) return;
    }
    if (field_slot_.empty()) {
        // The slots, once: Context fields of the columns, thread-only ones
        // (no `when`, no `per`) in the shared block.
        for (const BoundColumn& col : columns_) {
            const bool shared = context_only(col.field) && col.thread_only;
            thread_slot_.push_back(shared);
            field_slot_.push_back(shared                    ? static_cast<int32_t>(slots_per_thread_++)
                                  : context_only(col.field) ? static_cast<int32_t>(slots_per_context_++)
                                                            : -1);
            per_slot_.push_back(context_only(col.per) ? static_cast<int32_t>(slots_per_context_++) : -1);
        }
        thread_memo_used_ = slots_per_thread_ > 0 || keys_thread_only_ || (label_thread_only_ && context_only(label_));
    }
    if (thread_memo_used_) m.shared = shared_of(ctx);
    if (context_only(label_)) {
        if (label_thread_only_) {
            m.label = thread_memo_[m.shared].label;
        } else {
            m.label = memo_label(ctx);
        }
    }
    m.first_slot = static_cast<uint32_t>(memo_slots_.size());
    memo_slots_.resize(memo_slots_.size() + slots_per_context_);
    for (size_t i = 0; i < columns_.size(); ++i) {
        const BoundColumn& col = columns_[i];
        if (col.when_context && i < 64) {
            m.when_known |= uint64_t{1} << i;
            if (col.when->matches(ctx)) m.when_true |= uint64_t{1} << i;
        }
        if (field_slot_[i] >= 0 && !thread_slot_[i]) memoise(col.field, ctx, memo_slots_[m.first_slot + field_slot_[i]]);
        if (per_slot_[i] >= 0) memoise(col.per, ctx, memo_slots_[m.first_slot + per_slot_[i]]);
    }
}

void Aggregator::on_event_memo(const filter::FieldContext& ctx, uint32_t context_id, bool internal) {
    if (before_sample_end_) [[unlikely]] end_sample_end();
    if (internal && !view_.internal_events) return;
    if (context_id >= memo_.size()) memo_.resize(std::max<size_t>(context_id + 1, memo_.size() * 2));
    ContextMemo& m = memo_[context_id];
    if (!m.known) fill_memo(ctx, m);
    if (scope_) {
        if (scope_memo_ ? !m.in_scope : !scope_->matches(ctx)) return;
    }
    if (m.row == UINT32_MAX) {
        // Not decided yet, or refused by rows_when (a later event of the key may make the row).
        if (m.row_pending || !m.row_decided) {
            // Thread-only keys: the key, so the row, of every context sharing them.
            uint32_t* shared_row = keys_thread_only_ ? &thread_memo_[m.shared].row : nullptr;
            bool refused = false;
            m.row = shared_row && *shared_row != UINT32_MAX ? *shared_row : row_of(ctx, refused);
            if (shared_row && m.row != UINT32_MAX) *shared_row = m.row;
            m.row_pending = refused;
            m.row_decided = true;
        }
        if (m.row == UINT32_MAX) return;
    }
    TableRow& row = rows_[m.row];
    if (label_.def) {
        if (context_only(label_)) {
            if (m.label >= 0 && row.label_context != static_cast<uint32_t>(m.label)) {
                row.label = memo_labels_[static_cast<size_t>(m.label)];
                row.label_context = static_cast<uint32_t>(m.label);
            }
        } else {
            values_.clear();
            label_.def->extract(ctx, label_.arg, values_);
            if (!values_.empty()) render_cached(*label_.def, values_[0], row.label, row.label_source);
        }
    }
    filter::FieldValue field_tmp, per_tmp;
    for (size_t i = 0; i < columns_.size(); ++i) {
        const BoundColumn& col = columns_[i];
        if (col.when) {
            const uint64_t bit = i < 64 ? uint64_t{1} << i : 0;
            if (m.when_known & bit) {
                if (!(m.when_true & bit)) continue;
            } else if (!passes(*col.when, ctx)) {
                continue;
            }
        }
        if (!col.field.def) {
            row.acc[i].sum += 1;
            ++row.acc[i].n;
            continue;
        }
        if (view_.columns[i].aggregation == Aggregation::First && row.acc[i].claimed) continue;
        row.acc[i].claimed = true;
        const filter::FieldValue* value = nullptr;
        Accumulator& acc = row.acc[i];
        const uint32_t slot_at = field_slot_[i] >= 0 ? slot_index(m, i) : UINT32_MAX;
        // The slot that fed the column last time gives the same again (a
        // text renders the same): the row's own copy of it, not the slot,
        // whose cache line is one of millions (threadmemo).
        if (slot_at != UINT32_MAX && acc.is_text && acc.text_slot == slot_at) {
            ++acc.n;
            continue;
        }
        if (slot_at != UINT32_MAX && !acc.is_text && acc.number_slot == slot_at) {
            add_number(acc, view_.columns[i].aggregation, acc.slot_number);
            continue;
        }
        const MemoSlot* slot = slot_at != UINT32_MAX ? &memo_slots_[slot_at] : nullptr;
        if (slot && !slot->several) {
            value = slot_value(*slot, field_tmp);
            acc.text_slot = acc.is_text && slot->present ? slot_at : UINT32_MAX;
        } else {
            acc.text_slot = UINT32_MAX;
            values_.clear();
            col.field.def->extract(ctx, col.field.arg, values_);
            value = values_.empty() ? nullptr : &values_[0];
        }
        acc.number_slot = UINT32_MAX;
        accumulate(row, i, value, [&]() -> const filter::FieldValue* {
            const MemoSlot* ps = per_slot_[i] >= 0 ? &memo_slots_[m.first_slot + per_slot_[i]] : nullptr;
            if (ps && !ps->several) return slot_value(*ps, per_tmp);
            values_.clear();
            col.per.def->extract(ctx, col.per.arg, values_);
            return values_.empty() ? nullptr : &values_[0];
        });
        if (slot && !slot->several && value && !col.per.def && !acc.is_text && numeric(*value, acc.slot_number)) {
            acc.number_slot = slot_at;
        }
    }
}

namespace {

size_t row_bytes(const Row& row) {
    size_t n = sizeof(Row) + row.key.size();
    for (const Cell& c : row.cells) n += sizeof(Cell) + c.text.capacity();
    return n;
}

}  // namespace

void Aggregator::drop_oldest_listed() {
    kept_bytes_ -= kept_.front().bytes;
    kept_.pop_front();
    list_rows_.pop_front();
    ++list_dropped_;
}

void Aggregator::on_list_event(const filter::FieldContext& ctx) {
    Row row;
    row.event_num = ctx.ev.num;
    row.cells.resize(columns_.size());
    for (size_t i = 0; i < columns_.size(); ++i) {
        const BoundColumn& col = columns_[i];
        Cell& cell = row.cells[i];
        if (col.when && !col.when->matches(ctx)) continue;
        values_.clear();
        col.field.def->extract(ctx, col.field.arg, values_);
        if (values_.empty()) {
            cell.text = "<NA>";
            continue;
        }
        cell.present = true;
        render_buf_.clear();
        filter::render_value(*col.field.def, values_[0], render_buf_, kUtf8);
        cell.text.assign(render_buf_.data(), render_buf_.size());
        double v = 0;
        cell.is_number = view_.columns[i].format != CellFormat::Text && numeric(values_[0], v);
        cell.number = v;
    }
    row.key = row.cells.empty() ? std::string() : row.cells[0].text;

    // Only the line is rendered now; Enter renders every field of the one
    // event asked for, from this copy (event_details).
    KeptEvent kept;
    kept.num = ctx.ev.num;
    const std::span<const uint8_t> body = ctx.ev.body();
    kept.body.assign(body.begin(), body.end());
    kept.ev = ctx.ev;
    kept.ev.rebase(kept.body.data());
    kept.tid = static_cast<state::Tid>(ctx.ev.tid);
    kept.fd_related = ctx.state.fd_related;
    kept.fd = ctx.state.fd;
    if (ctx.state.fd_entry) kept.fd_entry = *ctx.state.fd_entry;
    kept.has_fallback_name = ctx.state.has_fallback_name;
    kept.fallback_overrides_entry = ctx.state.fallback_overrides_entry;
    kept.fallback_typechar = ctx.state.fallback_typechar;
    if (ctx.state.has_fallback_name) kept.fallback_name.assign(ctx.state.fallback_name);
    kept.latency = ctx.state.latency;
    kept.host = ctx.host;
    kept.bytes = sizeof(KeptEvent) + kept.body.size() + kept.fallback_name.size() + row_bytes(row);

    while (!kept_.empty() && (kept_.size() >= kMaxListRows || kept_bytes_ + kept.bytes > kMaxListBytes)) {
        drop_oldest_listed();
    }
    kept_bytes_ += kept.bytes;
    kept_.push_back(std::move(kept));
    list_rows_.push_back(std::move(row));
}

std::optional<std::string> Aggregator::event_details(uint64_t num, const state::Model& any_model,
                                                     const event::ArgContext* args, fmt::memory_buffer* scratch,
                                                     uint64_t first_ts) const {
    // Kept in arrival order, so by increasing evt.num.
    auto it = std::lower_bound(kept_.begin(), kept_.end(), num,
                               [](const KeptEvent& k, uint64_t n) { return k.num < n; });
    if (it == kept_.end() || it->num != num) return std::nullopt;
    const KeptEvent& k = *it;
    // issue 17 items 3-4: an event of another host is described by that host's model.
    const state::Model& model = k.host && k.host->model ? *k.host->model : any_model;
    if (k.host && k.host->args) args = k.host->args;
    static const state::ThreadInfo kGone{};  // the thread has exited since: proc.* print <NA>
    state::EventContext ctx;
    const state::ThreadInfo* thread = model.thread(k.tid);
    ctx.thread = thread ? thread : &kGone;
    ctx.thread_known = thread != nullptr;
    const state::ThreadInfo* main = thread ? model.main_thread_of(*thread) : nullptr;
    ctx.main_thread = main ? main : ctx.thread;
    ctx.fd_related = k.fd_related;
    ctx.fd = k.fd;
    ctx.fd_entry = k.fd_entry ? &*k.fd_entry : nullptr;
    ctx.has_fallback_name = k.has_fallback_name;
    ctx.fallback_overrides_entry = k.fallback_overrides_entry;
    ctx.fallback_typechar = k.fallback_typechar;
    ctx.fallback_name = k.fallback_name;
    ctx.latency = k.latency;
    const filter::FieldContext fields{k.ev, ctx, model, args, scratch, first_ts, k.host};

    std::string out;
    filter::FieldValues values;
    fmt::memory_buffer buf;
    for (const filter::FieldDef& def : filter::all_fields()) {
        if (def.arg != filter::ArgKind::None) continue;
        values.clear();
        def.extract(fields, filter::BoundArg{}, values);
        if (values.empty()) continue;
        out.append(def.name);
        out.push_back('=');
        for (size_t i = 0; i < values.size(); ++i) {
            buf.clear();
            filter::render_value(def, values[i], buf, kUtf8);
            if (i) out.push_back(' ');
            out.append(buf.data(), buf.size());
        }
        out.push_back('\n');
    }
    return out;
}

void Aggregator::fill(Snapshot& out, double seconds) const {
    out.view_id = view_.id;
    out.view_name = view_.name;
    out.kind = view_.kind;
    out.can_drill = !view_.drill_target.empty();
    out.columns.clear();
    for (const ColumnDef& c : view_.columns) {
        out.columns.push_back(ColumnInfo{c.id, c.title, c.field, c.aggregation, c.width, c.format});
    }
    out.sort_column = view_.column_index(view_.sort).value_or(0);
    out.sort_descending = view_.sort_descending;
    out.sample_seconds = seconds;
    out.rows.clear();
    out.totals.assign(columns_.size(), Cell{});
    if (view_.kind == ViewKind::List) {
        out.rows.assign(list_rows_.begin(), list_rows_.end());
        out.rows_dropped = list_dropped_;
        return;
    }
    const double per_second = seconds > 0 ? 1.0 / seconds : 0;
    std::vector<double> total_sum(columns_.size(), 0), total_min(columns_.size(), 0), total_max(columns_.size(), 0);
    std::vector<uint64_t> total_n(columns_.size(), 0);
    out.rows.reserve(rows_.size());
    for (const TableRow& tr : rows_) {
        Row row;
        row.key = tr.key;
        row.key_terms = tr.key_terms;
        row.label = tr.label;
        row.cells.resize(columns_.size());
        for (size_t i = 0; i < columns_.size(); ++i) {
            const Accumulator& acc = tr.acc[i];
            const ColumnDef& def = view_.columns[i];
            Cell& cell = row.cells[i];
            if (acc.n == 0) {
                // Counts and sums of nothing are zero, not missing (a `per`
                // column is a sum too).
                if (def.aggregation == Aggregation::Count || def.aggregation == Aggregation::Rate ||
                    def.aggregation == Aggregation::Sum || def.aggregation == Aggregation::Distinct ||
                    columns_[i].per.def) {
                    cell.present = true;
                    cell.is_number = true;
                    cell.text = format_number(def.format, 0);
                }
                continue;
            }
            cell.present = true;
            if (acc.is_text) {
                cell.text = acc.text;
                continue;
            }
            double v = 0;
            switch (def.aggregation) {
                case Aggregation::Sum:
                case Aggregation::Count:
                case Aggregation::Distinct:
                case Aggregation::Last:
                case Aggregation::First:
                case Aggregation::None: v = acc.sum; break;
                case Aggregation::Avg: v = acc.sum / static_cast<double>(acc.n); break;
                case Aggregation::Min: v = acc.min; break;
                case Aggregation::Max: v = acc.max; break;
                case Aggregation::Rate: v = acc.sum * per_second; break;
            }
            if (columns_[i].per.def) {
                v = 0;
                for (const auto& [key, pv] : acc.per) {
                    v += def.aggregation == Aggregation::Avg ? pv.sum / static_cast<double>(pv.n) : pv.max;
                }
            }
            cell.is_number = true;
            cell.number = v;
            cell.text = format_number(def.format, v);
            if (!total_n[i]++) {
                total_min[i] = acc.min;
                total_max[i] = acc.max;
            }
            total_sum[i] += def.aggregation == Aggregation::Avg && !columns_[i].per.def ? acc.sum : v;
            total_min[i] = std::min(total_min[i], acc.min);
            total_max[i] = std::max(total_max[i], acc.max);
        }
        out.rows.push_back(std::move(row));
    }
    for (size_t i = 0; i < columns_.size(); ++i) {
        const ColumnDef& def = view_.columns[i];
        if (def.aggregation == Aggregation::Last || def.aggregation == Aggregation::First ||
            def.aggregation == Aggregation::None) {
            continue;
        }
        Cell& t = out.totals[i];
        t.present = true;
        t.is_number = true;
        switch (def.aggregation) {
            case Aggregation::Min: t.number = total_n[i] ? total_min[i] : 0; break;
            case Aggregation::Max: t.number = total_n[i] ? total_max[i] : 0; break;
            case Aggregation::Avg: {
                uint64_t n = 0;
                for (const TableRow& tr : rows_) n += tr.acc[i].n;
                t.number = n ? total_sum[i] / static_cast<double>(n) : 0;
                break;
            }
            default: t.number = total_sum[i]; break;
        }
        t.text = format_number(def.format, t.number);
    }
    sort_rows(out.rows, out.sort_column, out.sort_descending);
    hide_uniform_columns(out);
}

void Aggregator::hide_uniform_columns(Snapshot& out) const {
    for (size_t i = view_.columns.size(); i-- > 0;) {
        const std::string& only = view_.columns[i].hide_if_all;
        if (only.empty() || i >= out.columns.size()) continue;
        bool uniform = true;
        for (const Row& r : out.rows) {
            const Cell& c = r.cells[i];
            if (c.present && c.text != only) {
                uniform = false;
                break;
            }
        }
        if (!uniform) continue;
        out.columns.erase(out.columns.begin() + static_cast<std::ptrdiff_t>(i));
        out.totals.erase(out.totals.begin() + static_cast<std::ptrdiff_t>(i));
        for (Row& r : out.rows) r.cells.erase(r.cells.begin() + static_cast<std::ptrdiff_t>(i));
        if (out.sort_column > i) --out.sort_column;
    }
}

}  // namespace tracetop::analysis
