// sysdig's -p output formats: text with %field tokens ("%proc.name %fd.name").
// Without a leading '*', an event for which any field is unavailable is not
// printed at all; with it, unavailable fields print as <NA>.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "event/result.h"
#include "filter/field_registry.h"

namespace tracetop::filter {

class OutputFormat {
public:
    static Result<OutputFormat> compile(std::string_view format);

    // Renders a field's value in place of render_value when it returns true:
    // how a caller prints byte buffers in its own format (syscalltype,
    // issue 14: a chisel's formatter under -A/-x/-X/-b or set_output_format).
    using ValueOverride = std::function<bool(const BoundField&, const FieldContext&, fmt::memory_buffer&)>;

    // Appends the rendered line (without a newline) and returns true, or
    // returns false (leaving `out` as it was) when the event must be skipped.
    bool render(const FieldContext& ctx, fmt::memory_buffer& out, const ValueOverride* override_value = nullptr) const;

private:
    struct Piece {
        std::string literal;  // text before the field
        BoundField field;     // def == nullptr for trailing text
    };
    std::vector<Piece> pieces_;
    bool print_all_ = false;
};

// Appends one field value the way sysdig prints it (text sanitized).
// issue 16 (uilook): `utf8` keeps well-formed UTF-8 text (the explorer's
// tables, drawn by cell width) where sysdig prints '.' for every such byte.
void render_value(const FieldDef& def, const FieldValue& value, fmt::memory_buffer& out, bool utf8 = false);

}  // namespace tracetop::filter
