// The bottom line: each function key with its letter twin and label, from keymap's table.
#pragma once

namespace tracetop::ui {

void draw_function_bar(int y, int width);

}  // namespace tracetop::ui
