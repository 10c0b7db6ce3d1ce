#include "engine/field_list.h"

#include <fmt/format.h>

#include "filter/field_registry.h"

namespace tracetop::engine {

void print_field_list() {
    std::string_view last_class;
    for (const filter::FieldDef& f : filter::all_fields()) {
        const std::string_view cls = f.name.substr(0, f.name.find('.'));
        if (cls != last_class) {
            fmt::print("{}{} fields\n", last_class.empty() ? "" : "\n", cls);
            last_class = cls;
        }
        std::string name;
        switch (f.arg) {
            case filter::ArgKind::None: name = std::string(f.name); break;
            case filter::ArgKind::NameOrIndex: name = fmt::format("{}.NAME, {}[N]", f.name, f.name); break;
            case filter::ArgKind::Name: name = fmt::format("{}.NAME", f.name); break;
            case filter::ArgKind::Index: name = fmt::format("{}[N]", f.name); break;
        }
        fmt::print("  {:<28} {}\n", name, f.description);
    }
    fmt::print("\nAliases: file.name = fd.name, file.directory = fd.directory\n");
}

}  // namespace tracetop::engine
