// The sysdig field names tracetop knows (evt.*, proc.*, thread.*, user.*,
// fd.*): their types, arguments, descriptions and extractors. Filters, -p
// formats and view columns all resolve names here.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "event/result.h"
#include "filter/field_value.h"

namespace tracetop::filter {

struct FieldContext;  // field_context.h: the event, its state context, scratch space

// How a field takes an argument: evt.arg.NAME / evt.arg[N].
enum class ArgKind : uint8_t {
    None,
    NameOrIndex,  // required: .NAME or [N]
    Name,         // required: .NAME (or [NAME])
    Index,        // required: [N], a number (sysdig's proc.aname[N])
};

// A resolved argument, stored in the compiled filter or format.
struct BoundArg {
    std::string name;   // "fd" in evt.arg.fd
    int64_t index = -1; // 0 in evt.arg[0]
};

// What a field's value depends on, for the explorer's fast keys on a file
// (issue 15: engine/context_rows.h). The first pass freezes each event's
// context (its thread and main thread, its fd entry or fallback name, its
// tid and type, and the call's outcome: success or which error); a field of
// class Context is then one value per frozen context, and one of class
// Event reads that context plus the event's own bytes and latency. Anything else (the model as it is now, the enter event,
// arguments rendered through the model) is Model: views reading such a
// field are replayed through the model. Classing a field too low gives
// wrong numbers: tests/capture/fast_view_exact.cpp compares.
// A Context field may also read the model's lookup tables that change only
// with a new section (users, groups, the machine) or a container event
// (containers): each context keeps them as they were (issue 15, procsfast).
// Other threads than the event's own and main thread are not kept.
enum class FieldDep : uint8_t {
    Model,
    Event,
    Context,
};

using Extractor = void (*)(const FieldContext& ctx, const BoundArg& arg, FieldValues& out);

struct FieldDef {
    std::string_view name;
    FieldType type;
    ArgKind arg;
    std::string_view description;
    Extractor extract;
    FieldDep dep = FieldDep::Model;  // issue 15 (fastkeys)
};

struct BoundField {
    const FieldDef* def = nullptr;
    BoundArg arg;
};

// Resolves "fd.name", "file.name" (an alias), "evt.arg.fd", "evt.arg[1]"...
// `bracket_arg` is the text inside [...] when the name had one.
Result<BoundField> resolve_field(std::string_view name, const std::optional<std::string>& bracket_arg);

// Every field, grouped by class, for -l/--list-fields.
std::span<const FieldDef> all_fields();

// Per-class tables, defined next to their extractors.
std::span<const FieldDef> evt_fields();
std::span<const FieldDef> proc_fields();
std::span<const FieldDef> fd_fields();
std::span<const FieldDef> signal_fields();   // fields_signal.cpp
std::span<const FieldDef> error_fields();    // fields_error.cpp
std::span<const FieldDef> summary_fields();  // fields_summary.cpp
std::span<const FieldDef> memory_fields();   // fields_memory.cpp
// More of sysdig 0.29.3's fields, each class's beside its first table.
std::span<const FieldDef> evt_more_fields();   // fields_evt_more.cpp
std::span<const FieldDef> proc_more_fields();  // fields_proc_more.cpp: proc.*, thread.*, user.*, group.*
std::span<const FieldDef> fd_more_fields();    // fields_fd_more.cpp: fd.*, fdlist.*, syslog.*
std::span<const FieldDef> container_fields();  // fields_container.cpp
std::span<const FieldDef> host_fields();       // fields_host.cpp (issue 17 items 3-4)
std::span<const FieldDef> syslog_fields();     // fields_syslog.cpp

// Shared by the extractors: an error number's name as sysdig prints it
// (ENOENT; UNKNOWN for a number without a name). field_registry.cpp.
void push_errno_name(FieldValues& out, int64_t err);

}  // namespace tracetop::filter
