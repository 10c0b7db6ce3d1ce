#include "analysis/view_loader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "analysis/embedded_views.h"
#include "analysis/field_binding.h"
#include "analysis/view_aliases.h"
#include "filter/compiled_filter.h"

namespace tracetop::analysis {
namespace {

// Carries the position of the node at fault out of the parsing helpers.
struct ViewError {
    std::string message;
    toml::source_region where;
};

Error located(const std::string& origin, const toml::source_region& where, const std::string& message) {
    if (where.begin.line == 0) return Error(fmt::format("{}: {}", origin, message));
    return Error(fmt::format("{}:{}:{}: {}", origin, where.begin.line, where.begin.column, message));
}

std::string get_string(const toml::table& t, std::string_view key, bool required, const toml::source_region& parent) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) throw ViewError{fmt::format("missing \"{}\"", key), parent};
        return {};
    }
    if (!n->is_string()) throw ViewError{fmt::format("\"{}\" must be a string", key), n->source()};
    return std::string(*n->as_string());
}

bool get_bool(const toml::table& t, std::string_view key, bool fallback) {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (!n->is_boolean()) throw ViewError{fmt::format("\"{}\" must be true or false", key), n->source()};
    return n->as_boolean()->get();
}

void reject_unknown_keys(const toml::table& t, std::initializer_list<std::string_view> known) {
    for (const auto& [k, v] : t) {
        if (std::find(known.begin(), known.end(), k.str()) == known.end()) {
            throw ViewError{fmt::format("unknown setting \"{}\"", k.str()), v.source()};
        }
    }
}

// A setting that names one of a few values; the error lists them all.
template <class E, size_t N>
E parse_name(const std::string& s, const std::pair<std::string_view, E> (&names)[N], std::string_view setting,
             const toml::source_region& where) {
    std::string listed;
    for (const auto& [name, value] : names) {
        if (s == name) return value;
        listed += fmt::format("{}{}", listed.empty() ? "" : ", ", name);
    }
    throw ViewError{fmt::format("unknown {} \"{}\" ({})", setting, s, listed), where};
}

constexpr std::pair<std::string_view, Aggregation> kAggregations[] = {
    {"sum", Aggregation::Sum},     {"avg", Aggregation::Avg},   {"min", Aggregation::Min},
    {"max", Aggregation::Max},     {"count", Aggregation::Count}, {"rate", Aggregation::Rate},
    {"last", Aggregation::Last},   {"none", Aggregation::None}, {"distinct", Aggregation::Distinct},
    {"first", Aggregation::First},  // lua14
};
constexpr std::pair<std::string_view, CellFormat> kFormats[] = {
    {"number", CellFormat::Number}, {"bytes", CellFormat::Bytes}, {"time", CellFormat::Time},
    {"percent", CellFormat::Percent}, {"rate", CellFormat::Rate}, {"text", CellFormat::Text},
};

Aggregation parse_aggregation(const std::string& s, const toml::source_region& where) {
    return parse_name(s, kAggregations, "aggregation", where);
}

CellFormat parse_format(const std::string& s, const toml::source_region& where) {
    return parse_name(s, kFormats, "format", where);
}

void check_field(const std::string& field, const toml::source_region& where) {
    auto bound = bind_field(field);
    if (!bound) throw ViewError{bound.error().message, where};
}

void check_filter(const std::string& text, const toml::source_region& where) {
    if (text.empty()) return;
    auto compiled = filter::CompiledFilter::compile(text);
    if (!compiled) throw ViewError{fmt::format("bad filter: {}", compiled.error().message), where};
}

const toml::source_region& region_of(const toml::table& t, std::string_view key, const toml::source_region& fallback) {
    const toml::node* n = t.get(key);
    return n ? n->source() : fallback;
}

ColumnDef parse_column(const toml::table& t, ViewKind kind) {
    reject_unknown_keys(t, {"id", "title", "field", "aggregation", "when", "width", "format", "per", "hide_if_all"});
    const toml::source_region& here = t.source();
    ColumnDef c;
    c.id = get_string(t, "id", true, here);
    c.title = get_string(t, "title", false, here);
    if (c.title.empty()) c.title = c.id;
    c.field = get_string(t, "field", false, here);
    const std::string agg = get_string(t, "aggregation", false, here);
    c.aggregation = agg.empty() ? (kind == ViewKind::List ? Aggregation::None : Aggregation::Last)
                                : parse_aggregation(agg, region_of(t, "aggregation", here));
    c.when = get_string(t, "when", false, here);
    if (const toml::node* w = t.get("width")) {
        if (!w->is_integer() || w->as_integer()->get() < 0 || w->as_integer()->get() > 500) {
            throw ViewError{"\"width\" must be a whole number from 0 to 500", w->source()};
        }
        c.width = static_cast<uint32_t>(w->as_integer()->get());
    }
    const std::string fmt_name = get_string(t, "format", false, here);
    if (!fmt_name.empty()) c.format = parse_format(fmt_name, region_of(t, "format", here));
    if (c.field.empty() && c.aggregation != Aggregation::Count && c.aggregation != Aggregation::Rate) {
        throw ViewError{fmt::format("column \"{}\" needs a \"field\" (only count and rate work without one)", c.id),
                        here};
    }
    if (!c.field.empty()) check_field(c.field, region_of(t, "field", here));
    check_filter(c.when, region_of(t, "when", here));
    c.per = get_string(t, "per", false, here);
    c.hide_if_all = get_string(t, "hide_if_all", false, here);
    if (!c.per.empty()) {
        check_field(c.per, region_of(t, "per", here));
        if ((c.aggregation != Aggregation::Max && c.aggregation != Aggregation::Avg) || c.field.empty()) {
            throw ViewError{fmt::format("column \"{}\": \"per\" works with aggregation \"max\" or \"avg\" of a field",
                                        c.id),
                            region_of(t, "per", here)};
        }
    }
    if (c.aggregation == Aggregation::Distinct && c.field.empty()) {
        throw ViewError{fmt::format("column \"{}\": \"distinct\" counts the values of a field", c.id), here};
    }
    if (kind == ViewKind::List && c.aggregation != Aggregation::None) {
        throw ViewError{"list views show each event as is: their columns take no aggregation", here};
    }
    return c;
}

ViewDef parse_table(const toml::table& root) {
    reject_unknown_keys(root, {"id", "name", "description", "filter", "internal_events", "kind", "keys", "label",
                               "sort", "sort_descending", "drill_target", "columns", "rows_when", "accumulate", "idle_rows"});
    const toml::source_region& here = root.source();
    ViewDef v;
    v.id = get_string(root, "id", true, here);
    v.name = get_string(root, "name", true, here);
    v.description = get_string(root, "description", false, here);
    v.filter = get_string(root, "filter", false, here);
    check_filter(v.filter, region_of(root, "filter", here));
    v.internal_events = get_bool(root, "internal_events", false);
    v.idle_rows = get_bool(root, "idle_rows", false);
    const std::string kind = get_string(root, "kind", false, here);
    if (kind == "list") {
        v.kind = ViewKind::List;
    } else if (!kind.empty() && kind != "table") {
        throw ViewError{"\"kind\" is \"table\" or \"list\"", region_of(root, "kind", here)};
    }
    if (const toml::node* keys = root.get("keys")) {
        const toml::array* arr = keys->as_array();
        if (!arr) throw ViewError{"\"keys\" must be a list of field names", keys->source()};
        for (const toml::node& k : *arr) {
            if (!k.is_string()) throw ViewError{"\"keys\" must be a list of field names", k.source()};
            v.keys.emplace_back(*k.as_string());
            check_field(v.keys.back(), k.source());
        }
    }
    if (v.kind == ViewKind::Table && v.keys.empty()) throw ViewError{"a table view needs \"keys\"", here};
    v.rows_when = get_string(root, "rows_when", false, here);
    check_filter(v.rows_when, region_of(root, "rows_when", here));
    if (v.kind == ViewKind::List && !v.rows_when.empty()) {
        throw ViewError{"\"rows_when\" is for table views (a list view's filter picks its rows)",
                        region_of(root, "rows_when", here)};
    }
    v.label = get_string(root, "label", false, here);
    if (!v.label.empty()) check_field(v.label, region_of(root, "label", here));
    const toml::node* cols = root.get("columns");
    if (!cols || !cols->is_array_of_tables() || cols->as_array()->empty()) {
        throw ViewError{"a view needs [[columns]]", cols ? cols->source() : here};
    }
    for (const toml::node& c : *cols->as_array()) {
        v.columns.push_back(parse_column(*c.as_table(), v.kind));
        for (size_t i = 0; i + 1 < v.columns.size(); ++i) {
            if (v.columns[i].id == v.columns.back().id) {
                throw ViewError{fmt::format("two columns are called \"{}\"", v.columns.back().id), c.source()};
            }
        }
    }
    v.sort = get_string(root, "sort", false, here);
    if (v.sort.empty()) v.sort = v.columns.front().id;
    if (!v.column_index(v.sort)) {
        throw ViewError{fmt::format("\"sort\" names no column: \"{}\"", v.sort), region_of(root, "sort", here)};
    }
    v.sort_descending = get_bool(root, "sort_descending", true);
    v.drill_target = get_string(root, "drill_target", false, here);
    v.accumulate = get_bool(root, "accumulate", v.kind == ViewKind::List);
    return v;
}

std::optional<std::string> read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Result<ViewSet> finish(ViewSet set) {
    for (const ViewDef& v : set.views) {
        if (!v.drill_target.empty() && !set.find(v.drill_target)) {
            return Error(fmt::format("{}: drill_target \"{}\" is not a known view", v.origin, v.drill_target));
        }
    }
    return set;
}

void add_or_replace(ViewSet& set, ViewDef v) {
    for (ViewDef& existing : set.views) {
        if (existing.id == v.id) {
            existing = std::move(v);
            return;
        }
    }
    set.views.push_back(std::move(v));
}

// Built-in views in the order a user meets them (menus list them so).
constexpr std::string_view kBuiltinOrder[] = {
    "procs",       "threads",         "syscalls",     "syscall_callers", "events",     "files",
    "directories", "file_users",      "io_types",     "io_users",        "slow_io",    "connections",
    "server_ports", "errors",         "proc_errors",  "failed_calls",    "signals",    "commands",
    "file_opens",  "new_connections", "signals_sent"};

Result<ViewSet> builtin_unchecked() {
    ViewSet set;
    for (const EmbeddedFile& f : embedded_view_files()) {
        auto v = parse_view(f.text, "builtin:" + std::string(f.name));
        if (!v) return v.error();
        set.views.push_back(std::move(*v));
    }
    auto rank = [](const ViewDef& v) {
        const auto* it = std::find(std::begin(kBuiltinOrder), std::end(kBuiltinOrder), v.id);
        return static_cast<size_t>(it - std::begin(kBuiltinOrder));
    };
    std::stable_sort(set.views.begin(), set.views.end(),
                     [&](const ViewDef& a, const ViewDef& b) { return rank(a) < rank(b); });
    return set;
}

// csysdig's views join after the TOML ones; a TOML view of the same id, or
// the tracetop view an alias names, wins. A Lua view's drill-down target
// that did not load is dropped rather than failing every view.
void add_lua_views(ViewSet& set, LuaViewScan scan) {
    // What a hidden Lua view lacks matters to no one.
    std::erase_if(scan.notes, [&](const LuaViewNote& n) { return set.find(n.id) != nullptr; });
    for (ViewDef& v : scan.views) {
        if (set.find(v.id)) continue;
        set.views.push_back(std::move(v));
    }
    for (ViewDef& v : set.views) {
        if (v.origin.rfind("builtin:", 0) != 0 && v.origin.size() > 4 &&
            v.origin.compare(v.origin.size() - 4, 4, ".lua") == 0 && !v.drill_target.empty() &&
            !set.find(v.drill_target)) {
            v.drill_target.clear();
        }
    }
    set.notes = std::move(scan.notes);
}

}  // namespace

std::optional<size_t> ViewDef::column_index(const std::string& col) const {
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].id == col) return i;
    }
    return std::nullopt;
}

const char* aggregation_name(Aggregation a) {
    switch (a) {
        case Aggregation::Sum: return "sum";
        case Aggregation::Avg: return "avg";
        case Aggregation::Min: return "min";
        case Aggregation::Max: return "max";
        case Aggregation::Count: return "count";
        case Aggregation::Rate: return "rate";
        case Aggregation::Last: return "last";
        case Aggregation::First: return "first";
        case Aggregation::None: return "none";
        case Aggregation::Distinct: return "distinct";
    }
    return "?";
}

const char* format_name(CellFormat f) {
    switch (f) {
        case CellFormat::Number: return "number";
        case CellFormat::Bytes: return "bytes";
        case CellFormat::Time: return "time";
        case CellFormat::Percent: return "percent";
        case CellFormat::Rate: return "rate";
        case CellFormat::Text: return "text";
    }
    return "?";
}

Result<ViewDef> parse_view(std::string_view toml_text, const std::string& origin) {
    try {
        toml::table root = toml::parse(toml_text, origin);
        ViewDef v = parse_table(root);
        v.origin = origin;
        return v;
    } catch (const toml::parse_error& e) {
        return located(origin, e.source(), std::string(e.description()));
    } catch (const ViewError& e) {
        return located(origin, e.where, e.message);
    }
}

const ViewDef* ViewSet::find(std::string_view id) const {
    for (const ViewDef& v : views) {
        if (v.id == id) return &v;
    }
    if (std::string_view ours = view_for_csysdig_id(id); !ours.empty()) {
        for (const ViewDef& v : views) {
            if (v.id == ours) return &v;
        }
    }
    return nullptr;
}

std::string ViewSet::why_missing(std::string_view id) const {
    for (const LuaViewNote& n : notes) {
        if (!n.usable && n.id == id) return fmt::format("no view \"{}\": {}", id, n.message);
    }
    return fmt::format("no view \"{}\"; tracetop --list-views lists them", id);
}

Result<ViewSet> builtin_views() {
    auto set = builtin_unchecked();
    if (!set) return set.error();
    return finish(std::move(*set));
}

Result<ViewSet> load_views(const std::string& user_dir) {
    return load_views(user_dir, default_lua_view_dirs(user_dir));
}

Result<ViewSet> load_views(const std::string& user_dir, const std::vector<std::string>& lua_dirs) {
    auto set = builtin_unchecked();
    if (!set) return set.error();
    std::error_code ec;
    if (!user_dir.empty() && std::filesystem::is_directory(user_dir, ec)) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(user_dir, ec)) {
            if (entry.path().extension() == ".toml") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& p : files) {
            // A directory (or a fifo, which would block) named *.toml is no view file.
            if (!std::filesystem::is_regular_file(p, ec)) {
                return Error(fmt::format("{}: not a regular file", p.string()));
            }
            auto text = read_text(p);
            if (!text) return Error(fmt::format("{}: cannot read the file", p.string()));
            auto v = parse_view(*text, p.string());
            if (!v) return v.error();
            add_or_replace(*set, std::move(*v));
        }
    }
    add_lua_views(*set, scan_lua_views(lua_dirs));
    return finish(std::move(*set));
}

std::string default_user_view_dir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::string(xdg) + "/tracetop/views";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.config/tracetop/views";
    return {};
}

}  // namespace tracetop::analysis
