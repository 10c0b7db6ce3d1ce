// sysdig's -p output formats: text with %field tokens ("%proc.name %fd.name").
// Without a leading '*', an event for which any field is unavailable is not
// printed at all; with it, unavailable fields print as <NA>.
#pragma once

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

    // Appends the rendered line (without a newline) and returns true, or
    // returns false (leaving `out` as it was) when the event must be skipped.
    bool render(const FieldContext& ctx, fmt::memory_buffer& out) const;

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
