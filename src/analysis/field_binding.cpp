#include "analysis/field_binding.h"

#include <optional>
#include <string>

#include <fmt/format.h>

namespace tracetop::analysis {

Result<filter::BoundField> bind_field(std::string_view name) {
    std::optional<std::string> bracket;
    std::string_view base = name;
    if (const size_t open = name.find('['); open != std::string_view::npos) {
        if (name.back() != ']') return Error(fmt::format("unknown field \"{}\"", name));
        bracket = std::string(name.substr(open + 1, name.size() - open - 2));
        base = name.substr(0, open);
    }
    auto bound = filter::resolve_field(base, bracket);
    if (!bound) return bound.error();
    return bound;
}

}  // namespace tracetop::analysis
