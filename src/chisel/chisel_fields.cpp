#include "chisel/chisel_fields.h"

#include <iterator>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "filter/field_context.h"

namespace tracetop::chisel {
namespace {

using filter::ArgKind;
using filter::BoundArg;
using filter::FieldContext;
using filter::FieldType;
using filter::FieldValue;
using filter::FieldValues;
using state::ThreadInfo;

const ThreadInfo* main_of(const FieldContext& c) {
    if (!c.state.thread_known) return nullptr;
    return c.state.main_thread ? c.state.main_thread : c.state.thread;
}

// The Nth ancestor of the event's process (0: the process itself), walking
// parent threads as sysdig does (proc.apid, proc.aname).
const ThreadInfo* ancestor(const FieldContext& c, int64_t n) {
    const ThreadInfo* t = main_of(c);
    for (int64_t i = 0; t != nullptr && i < n; ++i) t = c.model.thread(t->ptid);
    return t;
}

void x_apid(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    if (const ThreadInfo* t = ancestor(c, arg.index < 0 ? 0 : arg.index)) out.push(FieldValue::of_int(t->pid));
}

void x_aname(const FieldContext& c, const BoundArg& arg, FieldValues& out) {
    if (const ThreadInfo* t = ancestor(c, arg.index < 0 ? 0 : arg.index)) out.push(FieldValue::of_string(t->comm.view()));
}

// evt.buffer's raw bytes; lua_api renders them (render_buffer).
void x_buffer_raw(const FieldContext& c, const BoundArg&, FieldValues& out) {
    out.push(FieldValue::of_string(raw_buffer(c)));
}

// Fields whose value a chisel sees differently from a filter.
constexpr filter::FieldDef kChiselOverrides[] = {
    {"evt.buffer", FieldType::String, ArgKind::None, "the I/O buffer, rendered in the buffer format", x_buffer_raw},
};

// What the registry does not answer: the field registry comes first
// (resolve_chisel_field), so only what it lacks or refuses is here. The
// registry takes proc.aname and proc.apid only with [N] (sysdig's filters);
// a chisel asking for them bare gets the process itself.
constexpr filter::FieldDef kChiselFields[] = {
    {"proc.apid", FieldType::Int64, ArgKind::NameOrIndex, "pid of the Nth ancestor (proc.apid[1]: the parent)", x_apid},
    {"proc.aname", FieldType::String, ArgKind::NameOrIndex, "name of the Nth ancestor", x_aname},
};

}  // namespace

bool is_buffer_field(const filter::BoundField& field) {
    if (field.def == &kChiselOverrides[0]) return true;
    return field.def != nullptr && field.def->name == "evt.arg" && field.arg.name == "data";
}

std::string_view raw_buffer(const filter::FieldContext& ctx) {
    static auto buffer = filter::resolve_field("evt.buffer", std::nullopt);
    if (!buffer) return {};
    FieldValues values;
    buffer->def->extract(ctx, buffer->arg, values);
    return values.empty() ? std::string_view() : values[0].s;
}

bool print_buffer_field(const filter::BoundField& field, const filter::FieldContext& ctx, const BufferPrinter& print,
                        fmt::memory_buffer& out) {
    if (!is_buffer_field(field) && field.def->name != "evt.buffer") return false;
    const std::string_view raw = raw_buffer(ctx);
    if (raw.data() == nullptr) return false;
    print(raw, out);
    return true;
}

void render_buffer(std::string_view raw, std::string_view format, fmt::memory_buffer& out) {
    const auto printable = [](char c) { return c >= 0x20 && c < 0x7f; };
    if (raw.empty()) return;  // an empty buffer is "" in every format
    if (format != "ascii") {
        for (const char c : raw) out.push_back(printable(c) ? c : '.');
        return;
    }
    out.push_back('\n');
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (printable(c)) {
            out.push_back(c);
        } else if (c == '\r') {
            out.push_back('\n');
        } else if (c == '\n' && i > 0 && raw[i - 1] != '\r') {
            out.push_back(c);
        }
    }
}

std::span<const filter::FieldDef> chisel_only_fields() { return kChiselFields; }

Result<filter::BoundField> resolve_chisel_field(std::string_view name) {
    std::optional<std::string> bracket;
    std::string_view base = name;
    if (!name.empty() && name.back() == ']') {
        const size_t open = name.find('[');
        if (open == std::string_view::npos) return Error(fmt::format("bad field name '{}'", name));
        bracket = std::string(name.substr(open + 1, name.size() - open - 2));
        base = name.substr(0, open);
    }
    for (const filter::FieldDef& def : kChiselOverrides) {
        if (def.name == base && !bracket) return filter::BoundField{&def, {}};
    }
    auto found = filter::resolve_field(base, bracket);
    if (found) return found;
    for (const filter::FieldDef& def : kChiselFields) {
        if (def.name != base) continue;
        filter::BoundField bound{&def, {}};
        if (def.arg == ArgKind::None) {
            if (bracket) return Error(fmt::format("field '{}' takes no argument", base));
            return bound;
        }
        // proc.apid and proc.aname take a number; without one, the process.
        if (bracket) {
            try {
                bound.arg.index = std::stoll(*bracket);
            } catch (...) {
                return Error(fmt::format("field '{}' takes a number in brackets", base));
            }
            if (bound.arg.index < 0) return Error(fmt::format("field '{}' takes a number in brackets", base));
        }
        return bound;
    }
    return found;
}

}  // namespace tracetop::chisel
