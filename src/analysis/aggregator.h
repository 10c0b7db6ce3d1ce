// The aggregation engine: feeds events through one view and keeps its table.
// The drain thread calls on_event() for every event and fill() once per
// refresh; on_event() allocates only when a new row appears (or a text value
// outgrows its buffer).
//
//   auto agg = Aggregator::create(view, "proc.pid = 17497");
//   for each event: agg->on_event(fields, is_internal);
//   agg->fill(snapshot, seconds);   // rows sorted by the view's default sort
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "analysis/snapshot.h"
#include "analysis/view_def.h"
#include "event/result.h"
#include "filter/compiled_filter.h"
#include "filter/field_context.h"

namespace tracetop::analysis {

class Aggregator {
public:
    // `scope` is a sysdig filter (user filter and drill-down terms) applied on
    // top of the view's own filter; empty for none.
    static Result<std::unique_ptr<Aggregator>> create(const ViewDef& view, const std::string& scope);

    // `internal`: the event is an internal one (process info) that only views
    // asking for internal events see.
    void on_event(const filter::FieldContext& ctx, bool internal);

    // Forgets all rows (a new live interval).
    void reset();

    // Writes columns, rows (default sort), totals; `seconds` is the sample's length.
    void fill(Snapshot& out, double seconds) const;

    const ViewDef& view() const { return view_; }
    size_t row_count() const;

    // List views keep at most this many newest events.
    static constexpr size_t kMaxListRows = 20000;

private:
    struct Accumulator {
        double sum = 0;
        double min = 0;
        double max = 0;
        uint64_t n = 0;
        bool is_text = false;
        std::string text;
    };
    struct TableRow {
        std::string key;
        std::vector<std::string> key_terms;
        std::string label;
        std::vector<Accumulator> acc;
    };
    struct BoundColumn {
        filter::BoundField field;  // def null: counts events
        std::optional<filter::CompiledFilter> when;
    };
    // Lets the row index be probed with a string_view, so a hit allocates nothing.
    struct KeyHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    explicit Aggregator(const ViewDef& view) : view_(view) {}
    void on_table_event(const filter::FieldContext& ctx);
    void on_list_event(const filter::FieldContext& ctx);
    TableRow& new_row(const filter::FieldContext& ctx);
    void render_first(const filter::BoundField& f, const filter::FieldContext& ctx, std::string& out);

    ViewDef view_;
    std::optional<filter::CompiledFilter> scope_;
    std::vector<filter::BoundField> keys_;
    filter::BoundField label_;
    std::vector<BoundColumn> columns_;

    std::unordered_map<std::string, uint32_t, KeyHash, std::equal_to<>> index_;
    std::vector<TableRow> rows_;
    std::deque<Row> list_rows_;
    uint64_t list_dropped_ = 0;

    // Reused per event.
    std::string key_buf_;
    filter::FieldValues values_;
    fmt::memory_buffer render_buf_;
};

// The filter term that selects `value` of `field`: `proc.pid = 17497`,
// `proc.name = "my app"`; a missing value selects events without the field.
std::string key_term(std::string_view field, std::string_view value, bool missing);

}  // namespace tracetop::analysis
