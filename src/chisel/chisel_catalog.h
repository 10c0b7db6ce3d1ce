// The chisels a user can run, as -cl lists them and -i describes one:
// every .lua file in the chisel folders that declares itself a chisel (csysdig
// views and hidden chisels left out), the first of a name winning.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chisel/chisel_desc.h"

namespace tracetop::chisel {

std::vector<ChiselDesc> list_chisels(const std::vector<std::string>& dirs);

// The one chisel `name` (the file run finds), when it is a listed chisel.
std::optional<ChiselDesc> find_chisel(std::string_view name, const std::vector<std::string>& dirs);

// sysdig's -cl text: by category, then name; short descriptions wrapped.
// `verbose` adds the closing hint about -i.
std::string format_chisel_list(std::vector<ChiselDesc> chisels, bool verbose);

// sysdig's -i text: the chisel's list entry, its description and its args.
std::string format_chisel_info(const ChiselDesc& chisel);

}  // namespace tracetop::chisel
