#include "filter/output_format.h"

#include <arpa/inet.h>
#include <cctype>
#include <optional>

#include "event/arg_format.h"
#include "filter/field_context.h"

namespace tracetop::filter {
namespace {

bool is_field_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

}  // namespace

Result<OutputFormat> OutputFormat::compile(std::string_view format) {
    OutputFormat f;
    if (!format.empty() && format.front() == '*') {
        f.print_all_ = true;
        format.remove_prefix(1);
    }
    std::string literal;
    size_t i = 0;
    while (i < format.size()) {
        const char c = format[i];
        if (c == '\\' && i + 1 < format.size()) {
            // Escapes people type in shell-quoted formats.
            const char e = format[i + 1];
            literal.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            i += 2;
            continue;
        }
        if (c != '%') {
            literal.push_back(c);
            ++i;
            continue;
        }
        if (i + 1 < format.size() && format[i + 1] == '%') {
            literal.push_back('%');
            i += 2;
            continue;
        }
        const size_t start = ++i;
        while (i < format.size() && is_field_char(format[i])) ++i;
        size_t end = i;
        // A sentence may end a field name with '.', which is not part of it.
        while (end > start && format[end - 1] == '.') --end;
        i = end;
        std::optional<std::string> bracket;
        if (i < format.size() && format[i] == '[') {
            const size_t close = format.find(']', i);
            if (close == std::string_view::npos) return Error::at("field argument '[' is never closed", i);
            bracket = std::string(format.substr(i + 1, close - i - 1));
            i = close + 1;
        }
        if (end == start) return Error::at("'%' must be followed by a field name (write %% for a percent sign)", start - 1);
        auto field = resolve_field(format.substr(start, end - start), bracket);
        if (!field) return Error::at(field.error().message, start);
        f.pieces_.push_back(Piece{std::move(literal), std::move(*field)});
        literal.clear();
    }
    if (!literal.empty()) f.pieces_.push_back(Piece{std::move(literal), {}});
    return f;
}

bool OutputFormat::render(const FieldContext& ctx, fmt::memory_buffer& out, const ValueOverride* override_value) const {
    const size_t mark = out.size();
    FieldValues values;
    for (const Piece& piece : pieces_) {
        out.append(piece.literal);
        if (!piece.field.def) continue;
        values.clear();
        piece.field.def->extract(ctx, piece.field.arg, values);
        // An address no filter named has no host name: missing, as in sysdig.
        if (piece.field.def->type == FieldType::HostName && !values.empty() && values[0].s.empty()) values.clear();
        if (values.empty()) {
            if (!print_all_) {
                out.resize(mark);
                return false;
            }
            out.append(std::string_view("<NA>"));
            continue;
        }
        if (override_value && (*override_value)(piece.field, ctx, out)) continue;
        render_value(*piece.field.def, values[0], out);
    }
    return true;
}

void render_value(const FieldDef& def, const FieldValue& value, fmt::memory_buffer& out, bool utf8) {
    auto it = std::back_inserter(out);
    switch (value.kind) {
        case FieldValue::Kind::Int: fmt::format_to(it, "{}", value.i); break;
        case FieldValue::Kind::Uint:
            if (def.type == FieldType::RelTimePadded) {
                fmt::format_to(it, "{:09}", value.u);
            } else if (def.type == FieldType::Hex) {
                fmt::format_to(it, "{:X}", value.u);
            } else {
                fmt::format_to(it, "{}", value.u);
            }
            break;
        // sysdig prints doubles with one decimal (thread.cpu "1.0").
        case FieldValue::Kind::Double: fmt::format_to(it, "{:.1f}", value.d); break;
        case FieldValue::Kind::Bool: out.append(std::string_view(value.u ? "true" : "false")); break;
        case FieldValue::Kind::String:
            if (utf8) {
                event::append_sanitized_utf8(value.s, out);
            } else {
                event::append_sanitized(value.s, out);
            }
            break;
        case FieldValue::Kind::Ip: {
            if (def.type == FieldType::HostName) {
                event::append_sanitized(value.s, out);
                break;
            }
            char text[INET6_ADDRSTRLEN] = {};
            inet_ntop(value.ip.v6 ? AF_INET6 : AF_INET, value.ip.bytes.data(), text, sizeof text);
            out.append(std::string_view(text));
            break;
        }
    }
}

}  // namespace tracetop::filter
