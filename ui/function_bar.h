// The bottom line: each function key with its letter twin and label, from keymap's table.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tracetop::ui {

void draw_function_bar(int y, int width);

// A pane's own bar of keys and labels ("F2", "Hex"), cut where the width ends.
void draw_key_bar(int y, int width, const std::vector<std::pair<std::string, std::string>>& keys);

}  // namespace tracetop::ui
