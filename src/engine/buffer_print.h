// Byte buffers (I/O data, argv, env) in the default event line as sysdig's
// -A, -x, -X and -b print them: whole (not cut at 80 characters), on lines of
// their own after the parameter name.
#pragma once

#include <cstdint>
#include <span>

#include "event/arg_format.h"
#include "event/event_view.h"

namespace tracetop::engine {

enum class BufferFormat {
    Dots,      // the default: non-printable bytes as '.', cut at 80 (event::format_args)
    Ascii,     // -A: printable bytes and line ends only
    Hex,       // -x: rows of 16 bytes in 2-byte groups
    HexAscii,  // -X: the rows of -x with the printable bytes beside them
    WholeDots, // -j: as Dots, but not cut
    Base64,    // -b: standard base64 with '=' padding
};

// Appends `raw` in `format` (not Dots: that is event::format_arg's).
void append_buffer(std::span<const uint8_t> raw, BufferFormat format, event::OutBuffer& out);

// evt.args ("name=value " per parameter) with buffers in `format`.
void append_args(const event::EventView& ev, const event::ArgContext* ctx, BufferFormat format,
                 event::OutBuffer& out);

}  // namespace tracetop::engine
