#include "views_menu.h"

#include <curses.h>
#include <fmt/format.h>

#include "colours.h"
#include "key_names.h"
#include "text_fit.h"

namespace tracetop::ui {

void ViewsMenu::open(const analysis::ViewSet& views, const std::string& current) {
    views_ = &views;
    selected_ = 0;
    for (size_t i = 0; i < views.views.size(); ++i) {
        if (views.views[i].id == current) selected_ = i;
    }
}

Reply ViewsMenu::handle(const Input& in) {
    const size_t n = views_ ? views_->views.size() : 0;
    switch (in.action) {
        case Action::Close: return Reply::close();
        case Action::Up: if (selected_ > 0) --selected_; break;
        case Action::Down: if (selected_ + 1 < n) ++selected_; break;
        case Action::Home: selected_ = 0; break;
        case Action::End: selected_ = n ? n - 1 : 0; break;
        case Action::Enter:
            if (n == 0) return Reply::close();
            return Reply::close({Request::Kind::ChooseView, {}, views_->views[selected_].id});
        default: return Reply::ignored();
    }
    return {};
}

void ViewsMenu::draw(int height, int width) {
    erase();
    curs_set(0);
    // The title names the menu's own keys.
    const Binding* open = keymap().find(Scope::Menu, Action::Enter);
    const Binding* cancel = keymap().find(Scope::Menu, Action::Close);
    const std::string title = fmt::format("Views: {} opens, {} cancels", open ? key_names(open->keys).front() : "",
                                          cancel ? key_names(cancel->keys).front() : "");
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit(title, static_cast<size_t>(width)).c_str());
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
