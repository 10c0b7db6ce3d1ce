// The fields a chisel requests (chisel.request_field): tracetop's field
// registry first, then the few sysdig fields the shipped chisels read that
// only chisels use so far (evt.count, evt.time.s, proc.aname[N], ...).
#pragma once

#include <functional>
#include <span>
#include <string_view>

#include "event/result.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"

namespace tracetop::chisel {

// "fd.name", "evt.arg.data", "proc.aname[2]" (a trailing [N] is the argument).
Result<filter::BoundField> resolve_chisel_field(std::string_view name);

// Whether the field is an I/O buffer that chisels see rendered in the run's
// buffer format (evt.buffer, evt.arg.data), and the raw bytes it renders.
bool is_buffer_field(const filter::BoundField& field);
std::string_view raw_buffer(const filter::FieldContext& ctx);

// A formatter's value override (filter::OutputFormat::ValueOverride) for
// the run's buffer format: an I/O buffer field (evt.buffer, evt.arg.data)
// goes through `print` from its raw bytes; false for any other field.
// syscalltype (issue 14): chisel formatters and -p alike.
using BufferPrinter = std::function<void(std::string_view raw, fmt::memory_buffer& out)>;
bool print_buffer_field(const filter::BoundField& field, const filter::FieldContext& ctx, const BufferPrinter& print,
                        fmt::memory_buffer& out);

// Renders a buffer as sysdig does for chisels: "ascii" keeps printable bytes
// and line ends (after a leading newline), every other format shows each
// byte that is not printable as '.'.
void render_buffer(std::string_view raw, std::string_view format, fmt::memory_buffer& out);

// The chisel-only fields (for tests and -l readers).
std::span<const filter::FieldDef> chisel_only_fields();

}  // namespace tracetop::chisel
