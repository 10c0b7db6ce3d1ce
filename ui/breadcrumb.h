// The breadcrumb line: where the drill-downs led (Processes ▸ curl (17497) ▸ Threads).
#pragma once

#include <string>
#include <vector>

namespace tracetop::ui {

void draw_breadcrumb(int y, const std::vector<std::string>& crumbs, int width);

}  // namespace tracetop::ui
