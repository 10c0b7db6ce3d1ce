#include "analysis/lua_view_translate.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "analysis/echo_text.h"
#include "analysis/field_binding.h"
#include "filter/compiled_filter.h"

namespace tracetop::analysis {
namespace {

// csysdig fields that are a plain field (or an event count) restricted to
// some events: tracetop writes them as a column `when`.
struct DerivedField {
    std::string_view csysdig;
    std::string_view field;  // empty: counts events
    std::string_view when;
};
constexpr std::string_view kNet = "fd.type in (ipv4, ipv6)";
// csysdig's error classes (below): the calls that make an fd, when they fail.
constexpr std::string_view kErrFile =
    "evt.failed = true and (fd.type in (file, directory) or (not fd.type exists and "
    "evt.type in (open, creat, openat, openat2, open_by_handle_at)))";
constexpr std::string_view kErrNet =
    "evt.failed = true and (fd.type in (ipv4, ipv6, unix) or (not fd.type exists and "
    "evt.type in (accept, accept4, connect)))";
constexpr std::string_view kErrOther =
    "evt.failed = true and ((fd.type exists and not fd.type in (file, directory, ipv4, ipv6, unix)) or "
    "(not fd.type exists and not evt.type in (open, creat, openat, openat2, open_by_handle_at, accept, accept4, "
    "connect) and error.class != memory))";
constexpr DerivedField kDerived[] = {
    {"evt.count", "", ""},
    {"evt.count.exit", "", "evt.dir = '<'"},
    {"evt.count.error", "", "evt.failed = true"},
    // csysdig classes a failed call by the fd it had; a call with no fd by
    // its type (a failed open is a file error, a failed connect a network
    // one, anything else "other"); memory by the call.
    {"evt.count.error.file", "", kErrFile},
    {"evt.count.error.net", "", kErrNet},
    {"evt.count.error.memory", "", "evt.failed = true and error.class = memory"},
    {"evt.count.error.other", "", kErrOther},
    {"evt.count.procinfo", "", "evt.type = procinfo"},
    {"evt.type.is.3", "", "evt.type = open and evt.dir = '<'"},  // event type 3 is open's exit
    {"evt.buflen.in", "evt.buflen", "evt.is_io_read = true"},
    {"evt.buflen.out", "evt.buflen", "evt.is_io_write = true"},
    {"evt.buflen.file", "evt.buflen", "fd.type = file"},
    {"evt.buflen.file.in", "evt.buflen", "fd.type = file and evt.is_io_read = true"},
    {"evt.buflen.file.out", "evt.buflen", "fd.type = file and evt.is_io_write = true"},
    {"evt.buflen.net", "evt.buflen", kNet},
    {"evt.buflen.net.in", "evt.buflen", "fd.type in (ipv4, ipv6) and evt.is_io_read = true"},
    {"evt.buflen.net.out", "evt.buflen", "fd.type in (ipv4, ipv6) and evt.is_io_write = true"},
};

const DerivedField* derived(std::string_view field) {
    for (const DerivedField& d : kDerived) {
        if (d.csysdig == field) return &d;
    }
    return nullptr;
}

// The view's own strings reach the terminal in menus and titles: printable
// ASCII only (a C1 control in UTF-8 would be an escape too), and bounded.
std::string shown(std::string_view s) {
    return printable(s.substr(0, 400));
}

bool is_text(filter::FieldType t) {
    return t == filter::FieldType::String || t == filter::FieldType::CharBuf || t == filter::FieldType::IpAddr ||
           t == filter::FieldType::IpNet;
}

// "BPS IN" -> "bps_in": ids are what --json names the values by.
std::string column_id(const LuaViewColumn& c, const std::vector<ColumnDef>& taken) {
    std::string id;
    for (char ch : c.name.empty() ? c.field : c.name) {
        if (std::isalnum(static_cast<unsigned char>(ch))) {
            id += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        } else if (!id.empty() && id.back() != '_') {
            id += '_';
        }
    }
    while (!id.empty() && id.back() == '_') id.pop_back();
    if (id.empty()) id = "col";
    std::string unique = id;
    for (int n = 2; std::any_of(taken.begin(), taken.end(), [&](const ColumnDef& d) { return d.id == unique; }); ++n) {
        unique = fmt::format("{}_{}", id, n);
    }
    return unique;
}

// csysdig's aggregation names; empty is no aggregation.
std::optional<Aggregation> aggregation_of(const std::string& name, bool count, bool text, ViewKind kind) {
    if (kind == ViewKind::List) return Aggregation::None;
    if (name == "TIME_AVG") return Aggregation::Rate;
    if (count) {
        if (name.empty() || name == "SUM" || name == "MAX" || name == "MIN" || name == "AVG") return Aggregation::Count;
        return std::nullopt;
    }
    // No aggregation: csysdig keeps the value the row was made with.
    if (name.empty()) return Aggregation::First;
    // csysdig aggregates a text column by keeping one of its values.
    if (text && (name == "SUM" || name == "AVG" || name == "MIN" || name == "MAX")) return Aggregation::Last;
    if (name == "SUM") return Aggregation::Sum;
    if (name == "AVG") return Aggregation::Avg;
    if (name == "MIN") return Aggregation::Min;
    if (name == "MAX") return Aggregation::Max;
    return std::nullopt;
}

CellFormat format_of(std::string_view field, filter::FieldType type, Aggregation agg) {
    if (agg == Aggregation::Rate) return CellFormat::Rate;
    if (is_text(type)) return CellFormat::Text;
    if (type == filter::FieldType::RelTime) return CellFormat::Time;
    if (field == "evt.buflen") return CellFormat::Bytes;
    return CellFormat::Number;
}

bool key_is_number(const LuaViewColumn& key) {
    auto bound = bind_field(key.field);
    return bound && !is_text(bound->def->type);
}

Result<std::string> checked_filter(const std::string& text, const std::string& what) {
    if (text.empty()) return text;
    auto compiled = filter::CompiledFilter::compile(text);
    if (!compiled) return Error(fmt::format("{} \"{}\": {}", what, text, compiled.error().message));
    return text;
}

}  // namespace

Result<TranslatedView> translate_lua_view(const LuaViewInfo& info, const std::string& origin) {
    // Filters and Lua's own messages quote the file: shown as printable text.
    auto fail = [&](const std::string& msg) {
        return Error(fmt::format("{}: view \"{}\": {}", origin, info.id, printable(msg)));
    };
    if (info.id.empty() || info.id.size() > 64 ||
        !std::all_of(info.id.begin(), info.id.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
        })) {
        return Error(fmt::format("{}: view_info.id must be letters, digits, '_', '-' or '.' (at most 64)", origin));
    }
    TranslatedView out;
    ViewDef& v = out.view;
    v.id = info.id;
    v.name = shown(info.name.empty() ? info.id : info.name);
    v.description = shown(info.description);
    v.origin = origin;
    if (info.view_type == "list") {
        v.kind = ViewKind::List;
        v.accumulate = true;
    } else if (!info.view_type.empty() && info.view_type != "table") {
        return fail(fmt::format("view_type \"{}\" is not one tracetop shows (table, list)", shown(info.view_type)));
    }

    // use_defaults adds no filter of its own: csysdig's top-level table
    // counts context switches unless the view's filter leaves them out
    // (I/O by Type's no-fd row has them).
    auto checked = checked_filter(info.filter, "filter");
    if (!checked) return fail(checked.error().message);
    v.filter = *checked;

    // Rows are keyed by the group-by key when there is one (csysdig's
    // Processes: threads merged per process), else by the key.
    const LuaViewColumn* key = nullptr;
    const LuaViewColumn* groupby = nullptr;
    for (const LuaViewColumn& c : info.columns) {
        if (c.is_key && !key) key = &c;
        if (c.is_groupby_key && !groupby) groupby = &c;
    }
    const LuaViewColumn* row_key = groupby ? groupby : key;
    if (v.kind == ViewKind::Table) {
        if (!row_key) return fail("a table view needs a column with is_key = true");
        auto bound = bind_field(row_key->field);
        if (!bound) return fail(fmt::format("key field {}: tracetop has no such field", shown(row_key->field)));
        v.keys.push_back(row_key->field);
        v.label = row_key->field;
        v.sample_end_events = true;
        // csysdig's tables show every thread it knows, idle or not, by
        // its sample-end events (sample_end_events); its process tables
        // count process-info events too.
        const bool by_process = row_key->field == "proc.pid";
        // csysdig's fd text fields are empty, not missing, on an event
        // without an fd (process info included): such events make a row of
        // their own. A number (fd.sport) is missing, and its event skipped.
        v.keyless_row = row_key->field.rfind("fd.", 0) == 0 && is_text(bound->def->type);
        v.internal_events = by_process || v.keyless_row;
        // A thread the capture never described (process info about a kernel
        // thread) is no row of csysdig's thread tables.
        if (row_key->field == "thread.tid") v.rows_when = "proc.pid exists";
    }

    std::string sort_id;
    for (const LuaViewColumn& c : info.columns) {
        if (c.is_key || c.is_groupby_key) continue;  // csysdig hides key columns
        const std::string title = shown(c.name.empty() ? c.field : c.name);
        ColumnDef col;
        const DerivedField* d = derived(c.field);
        filter::FieldType type = filter::FieldType::Uint64;
        if (d) {
            col.field = d->field;
            col.when = d->when;
        } else {
            auto bound = bind_field(c.field);
            if (!bound) {
                out.left_out.push_back(fmt::format("{} ({}: tracetop has no such field)", title, shown(c.field)));
                continue;
            }
            col.field = c.field;
            type = bound->def->type;
        }
        if (!col.field.empty() && d) type = bind_field(col.field)->def->type;
        const std::string& agg_name = groupby && !c.groupby_aggregation.empty() ? c.groupby_aggregation : c.aggregation;
        auto agg = aggregation_of(agg_name, col.field.empty(), is_text(type), v.kind);
        // csysdig aggregates each key (thread) first, then merges the keys
        // into the group's row: an average per thread, summed, is a `per`
        // column (the other pairs come out the same in one step). Without a
        // group-by, `per` the key is the plain average, but 0 rather than
        // blank when no event had a value, as csysdig shows it.
        if (agg && key && key_is_number(*key) && c.aggregation == "AVG" &&
            (!groupby || c.groupby_aggregation == "SUM") && !col.field.empty() && !is_text(type) &&
            v.kind == ViewKind::Table) {
            agg = Aggregation::Avg;
            col.per = key->field;
        }
        if (!agg) {
            return fail(fmt::format("column \"{}\": unknown aggregation \"{}\" (SUM, AVG, MIN, MAX, TIME_AVG)", title,
                                    shown(agg_name)));
        }
        if (v.kind == ViewKind::List && col.field.empty()) {
            out.left_out.push_back(fmt::format("{} ({}: an event count, which a list has no use for)", title, c.field));
            continue;
        }
        col.aggregation = *agg;
        col.format = format_of(col.field, type, col.aggregation);
        col.title = title;
        col.id = column_id(c, v.columns);
        col.width = static_cast<uint32_t>(std::clamp<int64_t>(c.colsize.value_or(10), 0, 500));
        if (c.is_sorting && sort_id.empty()) sort_id = col.id;
        // thread.cpu comes from process-info events, which views see only on request.
        if (col.field.rfind("thread.cpu", 0) == 0 || col.field.rfind("proc.cpu", 0) == 0) v.internal_events = true;
        v.columns.push_back(std::move(col));
    }
    if (v.columns.empty()) {
        std::string lacking;
        for (const std::string& l : out.left_out) lacking += (lacking.empty() ? "" : ", ") + l;
        return fail(fmt::format("no column tracetop can show{}{}", lacking.empty() ? "" : ": ", lacking));
    }
    v.sort = sort_id.empty() ? v.columns.front().id : sort_id;
    {
        // csysdig lists no event for which a number column has no value
        // (the client's bind to port 0 has no fd.sport), nor counts one in
        // a table if the number is the fd's (a listening socket has no
        // fd.rport); a text column without one shows empty.
        std::string need;
        for (const ColumnDef& c : v.columns) {
            if (c.format == CellFormat::Text || c.field.empty() || !c.when.empty()) continue;
            if (v.kind == ViewKind::Table && c.field.rfind("fd.", 0) != 0) continue;
            need += fmt::format("{}{} exists", need.empty() ? "" : " and ", c.field);
        }
        if (!need.empty()) v.filter = v.filter.empty() ? need : fmt::format("({}) and {}", v.filter, need);
    }
    v.drill_target = info.drilldown_target;
    return out;
}

}  // namespace tracetop::analysis
