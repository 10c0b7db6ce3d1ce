// The views/*.toml files, compiled into the binary by gen_embedded_views.py.
#pragma once

#include <span>
#include <string_view>

namespace tracetop::analysis {

struct EmbeddedFile {
    std::string_view name;  // "procs.toml"
    std::string_view text;
};

std::span<const EmbeddedFile> embedded_view_files();

}  // namespace tracetop::analysis
