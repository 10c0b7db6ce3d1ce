// A view as its TOML file describes it (DESIGN.md §5): which events it
// considers, what it groups them by, its columns and where Enter leads.
// Plain data; view_loader.cpp fills it and checks it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tracetop::analysis {

enum class Aggregation : uint8_t {
    Sum,    // total of the field's values
    Avg,    // mean of the field's values
    Min,
    Max,
    Count,  // events (field optional: then events where it has a value)
    Rate,   // Sum (or Count without a field) per second of the sample
    Last,   // the latest value seen (text columns: names, command lines)
    None,   // list views: the event's own value
    Distinct,  // how many different values the field took (threads, processes)
    // The value of the row's first event (lua14: csysdig's column without an
    // aggregation); a first event without one leaves a text cell empty.
    First,
};

enum class CellFormat : uint8_t {
    Number,   // integer or decimal as is
    Bytes,    // 1.2K, 3.4M
    Time,     // nanoseconds shown as 12us, 3.4ms, 1.20s
    Percent,  // 12.5
    Rate,     // per-second value, 1 decimal
    Text,
};

enum class ViewKind : uint8_t {
    Table,  // one row per key, aggregated
    List,   // one row per event
};

struct ColumnDef {
    std::string id;
    std::string title;
    std::string field;  // empty: the column counts events
    Aggregation aggregation = Aggregation::Last;
    std::string when;   // optional filter: only events matching it feed the column
    uint32_t width = 8; // 0: takes the rest of the line
    CellFormat format = CellFormat::Number;
    // Containers (issue 13): csysdig's two-level columns. With `per` (a
    // numeric field, thread.tid), the column's max is taken for each value
    // of `per`, then those are added up: a container's memory is the sum of
    // its processes' largest sizes. With aggregation avg, the average for
    // each value is added up instead (csysdig's process CPU: each thread's
    // average, summed).
    std::string per;
    // The column is left out of the table when no row has a value other
    // than this one (Processes shows CONTAINER only when there are some).
    std::string hide_if_all;
};

struct ViewDef {
    std::string id;
    std::string name;
    std::string description;
    std::string filter;            // sysdig filter of the events the view considers
    bool internal_events = false;  // also feed internal events (process info)
    ViewKind kind = ViewKind::Table;
    std::vector<std::string> keys; // group-by fields (tables)
    // Tables: only events matching this filter open a row; the others only
    // update rows already open (a command's exit status joins its exec row
    // without every exiting process getting one). Empty: every event may.
    std::string rows_when;
    // Tables: an event with no value for any key still counts, in a row
    // with an empty key (csysdig's I/O by Type has one for calls on no fd).
    // False: such an event belongs to no row.
    bool keyless_row = false;
    std::string label;             // field naming a row in the breadcrumb ("curl (17497)")
    std::vector<ColumnDef> columns;
    std::string sort;              // column id
    bool sort_descending = true;
    std::string drill_target;      // view id Enter opens; empty: none
    // Live: rows stay from one refresh to the next until the user clears
    // them (`c`), instead of each refresh showing its own interval. List
    // views accumulate unless they say otherwise.
    bool accumulate = false;
    // Tables keyed by process or thread: every thread the model knows gets
    // its row even without an event in the sample, as htop lists idle
    // processes (fed as a zero process-info event at each refresh).
    bool idle_rows = false;
    // csysdig's tables end each sample with one "sysdigevent" exit per
    // thread they know (evt.num 0, CPU 0, no fd, no parameters), through
    // the view's filter like any event: idle threads get their rows, and
    // counts include them. They count in that sample only. Lua views (lua14).
    bool sample_end_events = false;
    std::string origin;            // file it came from ("builtin:procs.toml" or a path)

    // Index of the column `id`, or nullopt.
    std::optional<size_t> column_index(const std::string& id) const;
};

const char* aggregation_name(Aggregation a);
const char* format_name(CellFormat f);

}  // namespace tracetop::analysis
