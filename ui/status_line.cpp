#include "status_line.h"

#include <curses.h>

#include "colours.h"
#include "text_fit.h"

namespace tracetop::ui {

void StatusLine::show(std::string text) {
    text_ = sanitize(text);
    until_ = std::chrono::steady_clock::now() + kShown;
}

bool StatusLine::draw(int y, int width) const {
    if (text_.empty()) return false;
    attrset(attr(Role::Prompt));
    mvaddstr(y, 0, fit(text_, static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
    return true;
}

bool StatusLine::expired() {
    if (text_.empty() || std::chrono::steady_clock::now() < until_) return false;
    text_.clear();
    return true;
}

}  // namespace tracetop::ui
