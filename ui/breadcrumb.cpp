#include "breadcrumb.h"

#include <curses.h>

#include "colours.h"
#include "terminal.h"
#include "text_fit.h"

namespace tracetop::ui {

void draw_breadcrumb(int y, const std::vector<std::string>& crumbs, int width) {
    std::string line;
    const char* sep = Terminal::utf8() ? " \u25b8 " : " > ";
    for (size_t i = 0; i < crumbs.size(); ++i) {
        if (i) line += sep;
        line += sanitize(crumbs[i]);
    }
    // Too long: keep the end, where the user is.
    line = keep_end(line, static_cast<size_t>(width), "...");
    move(y, 0);
    clrtoeol();
    attrset(attr(Role::Breadcrumb));
    addstr(fit(line, static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
}

}  // namespace tracetop::ui
