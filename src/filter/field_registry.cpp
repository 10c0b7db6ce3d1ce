#include "filter/field_registry.h"

#include <charconv>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "event/errno_names.h"

namespace tracetop::filter {
namespace {

// Names sysdig users reach for that sysdig itself lacks (the seed's examples).
struct Alias {
    std::string_view alias;
    std::string_view field;
};
constexpr Alias kAliases[] = {
    {"file.name", "fd.name"},
    {"file.directory", "fd.directory"},
};

const std::vector<FieldDef>& table() {
    static const std::vector<FieldDef> all = [] {
        std::vector<FieldDef> v;
        for (auto part : {evt_fields(), evt_more_fields(), proc_fields(), proc_more_fields(), fd_fields(),
                          fd_more_fields(), signal_fields(), error_fields(),
                          summary_fields(), memory_fields(), container_fields(), host_fields(), syslog_fields()}) v.insert(v.end(), part.begin(), part.end());
        return v;
    }();
    return all;
}

const FieldDef* find_exact(std::string_view name) {
    for (const FieldDef& f : table()) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

// Digits only (no sign), up to what an int64 holds: evt.around's time in
// nanoseconds since the epoch is 19 digits.
std::optional<int64_t> parse_index(std::string_view text) {
    if (text.empty()) return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

}  // namespace

std::span<const FieldDef> all_fields() { return table(); }

Result<BoundField> resolve_field(std::string_view name, const std::optional<std::string>& bracket_arg) {
    for (const Alias& a : kAliases) {
        if (name == a.alias) name = a.field;
    }
    BoundField bound;
    std::string_view arg_text;
    bool has_arg = false;
    if (const FieldDef* f = find_exact(name)) {
        bound.def = f;
    } else {
        // evt.arg.NAME: the longest registered prefix that takes an argument.
        for (size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0; dot = name.rfind('.', dot - 1)) {
            const FieldDef* f = find_exact(name.substr(0, dot));
            if (f && f->arg != ArgKind::None) {
                bound.def = f;
                arg_text = name.substr(dot + 1);
                has_arg = true;
                break;
            }
            if (dot == 0) break;
        }
    }
    if (!bound.def) return Error(fmt::format("unknown field '{}' (tracetop -l lists the fields)", name));
    if (bracket_arg) {
        if (has_arg) return Error(fmt::format("field '{}' has two arguments", name));
        arg_text = *bracket_arg;
        has_arg = true;
    }
    if (bound.def->arg == ArgKind::None) {
        if (has_arg) return Error(fmt::format("field '{}' takes no argument", bound.def->name));
        return bound;
    }
    if (bound.def->arg == ArgKind::Index) {
        // Only a number in brackets: proc.aname.foo or proc.aname[x] would otherwise name nothing, silently.
        const std::optional<int64_t> idx = bracket_arg ? parse_index(arg_text) : std::nullopt;
        if (!idx) return Error(fmt::format("field '{}' needs a number in brackets: {}[N]", bound.def->name, bound.def->name));
        bound.arg.index = *idx;
        return bound;
    }
    if (!has_arg || arg_text.empty()) {
        if (bound.def->arg == ArgKind::Name) {
            return Error(fmt::format("field '{}' needs an argument: {}.NAME", bound.def->name, bound.def->name));
        }
        return Error(fmt::format("field '{}' needs an argument: {}.NAME or {}[N]", bound.def->name, bound.def->name,
                                 bound.def->name));
    }
    if (bracket_arg) {
        if (auto idx = parse_index(arg_text)) {
            bound.arg.index = *idx;
        } else {
            bound.arg.name = std::string(arg_text);
        }
    } else {
        bound.arg.name = std::string(arg_text);
    }
    return bound;
}

void push_errno_name(FieldValues& out, int64_t err) {
    const std::string_view name = event::errno_name(err);
    out.push(FieldValue::of_string(name.empty() ? std::string_view("UNKNOWN") : name));
}

}  // namespace tracetop::filter
