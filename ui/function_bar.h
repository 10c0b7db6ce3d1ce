// The bottom line: keys and their labels ("F1 h Help"), made from the
// binding table (key_docs) and cut to the width.
#pragma once

#include <vector>

#include "key_docs.h"

namespace tracetop::ui {

// A scope's bar as the table gives it.
void draw_function_bar(int y, int width, Scope scope);

// Items as a panel adjusted them (a label saying the state, a note in
// front); when they do not all fit, the lowest `keep` go first.
void draw_function_bar(int y, int width, std::vector<BarItem> items);

}  // namespace tracetop::ui
