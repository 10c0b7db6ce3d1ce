#include "views_menu.h"

#include <curses.h>
#include <fmt/format.h>

#include "colours.h"
#include "text_fit.h"

namespace tracetop::ui {

void ViewsMenu::open(const analysis::ViewSet& views, const std::string& current) {
    views_ = &views;
    selected_ = 0;
    for (size_t i = 0; i < views.views.size(); ++i) {
        if (views.views[i].id == current) selected_ = i;
    }
}

ViewsMenu::Result ViewsMenu::key(int ch) {
    const size_t n = views_ ? views_->views.size() : 0;
    switch (ch) {
        case 27: case 'q': case KEY_F(2): case 'v': return Result::Cancelled;
        case KEY_UP: case 'k': if (selected_ > 0) --selected_; return Result::Open;
        case KEY_DOWN: case 'j': if (selected_ + 1 < n) ++selected_; return Result::Open;
        case KEY_HOME: selected_ = 0; return Result::Open;
        case KEY_END: selected_ = n ? n - 1 : 0; return Result::Open;
        case '\n': case '\r': case KEY_ENTER:
            if (n == 0) return Result::Cancelled;
            chosen_ = views_->views[selected_].id;
            return Result::Chosen;
        default: return Result::Open;
    }
}

void ViewsMenu::draw(int height, int width) const {
    erase();
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit("Views: Enter opens, Esc cancels", static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
    if (!views_) return;
    for (size_t i = 0; i < views_->views.size() && static_cast<int>(i) + 1 < height - 1; ++i) {
        const auto& v = views_->views[i];
        attrset(attr(i == selected_ ? Role::Selection : Role::Normal));
        const std::string line = fmt::format(" {:<18} {}", v.name, v.description);
        mvaddstr(static_cast<int>(i) + 1, 0, fit(line, static_cast<size_t>(width)).c_str());
    }
    attrset(attr(Role::Normal));
}

}  // namespace tracetop::ui
