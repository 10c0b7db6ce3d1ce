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
    const size_t n = columns(line);
    if (n > static_cast<size_t>(width)) {
        size_t skip = n - static_cast<size_t>(width) + 3, i = 0;
        while (skip > 0 && i < line.size()) {
            ++i;
            while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
            --skip;
        }
        line = "..." + line.substr(i);
    }
    move(y, 0);
    clrtoeol();
    attrset(attr(Role::Breadcrumb));
    addstr(fit(line, static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
}

}  // namespace tracetop::ui
