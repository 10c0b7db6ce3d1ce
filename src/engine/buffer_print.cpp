#include "engine/buffer_print.h"

#include <fmt/format.h>

#include "event/event_table.h"

namespace tracetop::engine {
namespace {

constexpr size_t kRowBytes = 16;  // one -x row: eight 2-byte groups

bool printable(uint8_t c) { return c >= 0x20 && c < 0x7f; }

bool is_buffer(event::ParamType type) {
    return type == event::ParamType::ByteBuf || type == event::ParamType::CharBufArray ||
           type == event::ParamType::CharBufPairArray;
}

// -A keeps what a terminal shows as text: printable bytes, and line ends
// with CR and CRLF made LF. sysdig drops a LF at the very start too, and
// everything else (tabs, NULs, escapes) goes.
void append_dots(std::span<const uint8_t> raw, event::OutBuffer& out) {
    for (const uint8_t c : raw) out.push_back(printable(c) ? static_cast<char>(c) : '.');
}

void append_base64(std::span<const uint8_t> raw, event::OutBuffer& out) {
    static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t j = 0; j < raw.size(); j += 3) {
        const size_t left = raw.size() - j;
        const uint32_t triple = (uint32_t{raw[j]} << 16) | (left > 1 ? uint32_t{raw[j + 1]} << 8 : 0) |
                                (left > 2 ? uint32_t{raw[j + 2]} : 0);
        out.push_back(kDigits[(triple >> 18) & 63]);
        out.push_back(kDigits[(triple >> 12) & 63]);
        out.push_back(left > 1 ? kDigits[(triple >> 6) & 63] : '=');
        out.push_back(left > 2 ? kDigits[triple & 63] : '=');
    }
}

void append_ascii(std::span<const uint8_t> raw, event::OutBuffer& out) {
    out.push_back('\n');
    for (size_t j = 0; j < raw.size(); ++j) {
        const uint8_t c = raw[j];
        if (printable(c)) {
            out.push_back(static_cast<char>(c));
        } else if (c == '\r') {
            out.push_back('\n');
        } else if (c == '\n' && j > 0 && raw[j - 1] != '\r') {
            out.push_back('\n');
        }
    }
}

// -x/-X: "\n\t0xOFFS:" rows of big-endian 2-byte groups; an odd last byte
// is a group of two digits. -X pads the groups of a short last row to the
// full width (5 columns per missing group) and adds the row's bytes as text.
void append_hex(std::span<const uint8_t> raw, bool with_text, event::OutBuffer& out) {
    auto it = std::back_inserter(out);
    for (size_t row = 0; row < raw.size(); row += kRowBytes) {
        fmt::format_to(it, "\n\t0x{:04x}:", row);
        const size_t end = std::min(raw.size(), row + kRowBytes);
        size_t groups = 0;
        for (size_t k = row; k < end; k += 2, ++groups) {
            if (k + 1 == end) {
                fmt::format_to(it, " {:02x}", raw[k]);
            } else {
                fmt::format_to(it, " {:02x}{:02x}", raw[k], raw[k + 1]);
            }
        }
        if (!with_text) continue;
        for (; groups < kRowBytes / 2; ++groups) out.append(std::string_view("     "));
        out.append(std::string_view("  "));
        for (size_t k = row; k < end; ++k) out.push_back(printable(raw[k]) ? static_cast<char>(raw[k]) : '.');
    }
    out.push_back('\n');
}

}  // namespace

void append_buffer(std::span<const uint8_t> raw, BufferFormat format, event::OutBuffer& out) {
    switch (format) {
        case BufferFormat::Ascii: return append_ascii(raw, out);
        case BufferFormat::Hex: return append_hex(raw, false, out);
        case BufferFormat::HexAscii: return append_hex(raw, true, out);
        case BufferFormat::WholeDots: return append_dots(raw, out);
        case BufferFormat::Base64: return append_base64(raw, out);
        case BufferFormat::Dots: break;
    }
}

void append_args(const event::EventView& ev, const event::ArgContext* ctx, BufferFormat format,
                 event::OutBuffer& out) {
    if (format == BufferFormat::Dots || event::has_dynamic_type_name(ev.type)) {
        return event::format_args(ev, ctx, out);
    }
    const event::EventInfo* info = ev.info();
    if (info == nullptr) return;
    const uint32_t n = std::min<uint32_t>(ev.nparams(), static_cast<uint32_t>(info->params.size()));
    for (uint32_t i = 0; i < n; ++i) {
        out.append(info->params[i].name);
        out.push_back('=');
        const std::span<const uint8_t> raw = ev.param(i);
        if (is_buffer(info->params[i].type) && !raw.empty()) {
            append_buffer(raw, format, out);
        } else {
            event::format_arg(ev, i, ctx, out);
        }
        out.push_back(' ');
    }
}

}  // namespace tracetop::engine
