// The process tree's drawing: the guide lines and branch before each
// command, htop style ("│  ├─ "), in ASCII where the terminal has no UTF-8.
#pragma once

#include <string>

#include "analysis/process_tree.h"

namespace tracetop::ui {

std::string tree_prefix(const analysis::TreeRow& row, bool utf8);

}  // namespace tracetop::ui
