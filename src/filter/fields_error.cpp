// error.* fields: what a failed system call's error is, what it means, and
// which kind of resource failed (the Errors and Processes Errors views).
// They read the result exactly as evt.res/evt.failed do, so their counts are
// sysdig's counts of failed exits.
#include <string_view>

#include "event/errno_names.h"
#include "event/event_table.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"

namespace tracetop::filter {
namespace {

// The negative result of a failed call, via evt.rawres (one definition of
// "result" for every field).
bool error_of(const FieldContext& c, int64_t& err) {
    static const FieldDef* rawres = [] {
        auto b = resolve_field("evt.rawres", std::nullopt);
        return b ? b->def : nullptr;
    }();
    if (!rawres) return false;
    FieldValues v;
    rawres->extract(c, BoundArg{}, v);
    if (v.empty() || v[0].i >= 0) return false;
    err = -v[0].i;
    return true;
}

void x_name(const FieldContext& c, const BoundArg&, FieldValues& out) {
    int64_t err = 0;
    if (error_of(c, err)) push_errno_name(out, err);
}
void x_code(const FieldContext& c, const BoundArg&, FieldValues& out) {
    int64_t err = 0;
    if (error_of(c, err)) out.push(FieldValue::of_int(err));
}
void x_meaning(const FieldContext& c, const BoundArg&, FieldValues& out) {
    int64_t err = 0;
    if (!error_of(c, err)) return;
    const std::string_view meaning = event::errno_meaning(err);
    out.push(FieldValue::of_string(meaning.empty() ? std::string_view("unknown error") : meaning));
}

// I/O calls belong to whatever their fd is; other calls to their category.
std::string_view class_of(const FieldContext& c) {
    const event::EventInfo* info = c.ev.info();
    const uint32_t cls = info ? (info->category & event::kCategoryClassMask) : 0;
    switch (cls) {
        case event::kCatFile: return "file";
        case event::kCatNet: return "net";
        case event::kCatMemory: return "memory";
        case event::kCatIoRead:
        case event::kCatIoWrite:
        case event::kCatIoOther: break;
        default: return "other";
    }
    char t = c.state.fallback_typechar;
    if (c.state.fd_related && c.state.fd_entry) t = state::fd_type_char(c.state.fd_entry->type);
    switch (t) {
        case 'f':
        case 'd': return "file";
        case '4':
        case '6':
        case 'u': return "net";
        default: return "other";
    }
}

void x_class(const FieldContext& c, const BoundArg&, FieldValues& out) {
    int64_t err = 0;
    if (error_of(c, err)) out.push(FieldValue::of_string(class_of(c)));
}

constexpr FieldDef kErrorFields[] = {
    {"error.name", FieldType::String, ArgKind::None, "for failed calls, the error's name (ENOENT)",
     x_name, FieldDep::Context},
    {"error.code", FieldType::Int64, ArgKind::None, "for failed calls, the error number (2)",
     x_code, FieldDep::Context},
    {"error.meaning", FieldType::String, ArgKind::None,
     "for failed calls, what the error means (No such file or directory)", x_meaning, FieldDep::Context},
    {"error.class", FieldType::String, ArgKind::None,
     "for failed calls, what failed: file, net, memory or other", x_class, FieldDep::Context},
};

}  // namespace

std::span<const FieldDef> error_fields() { return kErrorFields; }

}  // namespace tracetop::filter
