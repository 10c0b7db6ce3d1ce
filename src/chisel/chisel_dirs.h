// Where chisels live. sysdig 0.29.3 looks, in this order: each folder of
// SYSDIG_CHISEL_DIR (';'-separated, the last one first), the name as given,
// ./chisels, ~/.chisels, and the folder its package installs. A chisel's
// `require "common"` searches the same folders.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracetop::chisel {

inline constexpr const char* kSystemChiselDir = "/usr/share/sysdig/chisels/";

// The folders, each ending in '/'; "" stands for the name as given.
std::vector<std::string> chisel_dirs();

// The file of chisel `name`: NAME.lua, then NAME, in each folder in order.
std::optional<std::string> find_chisel_file(std::string_view name, const std::vector<std::string>& dirs);

}  // namespace tracetop::chisel
