#include "chisels_menu.h"

#include <curses.h>
#include <fmt/format.h>

#include "colours.h"
#include "key_names.h"
#include "text_fit.h"

namespace tracetop::ui {

void ChiselsMenu::open() {
    chisels_ = engine::chisels_without_arguments();
    selected_ = 0;
    top_ = 0;
}

Reply ChiselsMenu::handle(const Input& in) {
    const size_t n = chisels_.size();
    switch (in.action) {
        case Action::Close: return Reply::close();
        case Action::Up: if (selected_ > 0) --selected_; break;
        case Action::Down: if (selected_ + 1 < n) ++selected_; break;
        case Action::PageUp: selected_ = selected_ > 10 ? selected_ - 10 : 0; break;
        case Action::PageDown: selected_ = n == 0 ? 0 : std::min(selected_ + 10, n - 1); break;
        case Action::Home: selected_ = 0; break;
        case Action::End: selected_ = n ? n - 1 : 0; break;
        case Action::Enter:
            if (n == 0) return Reply::close();
            return Reply::close({Request::Kind::RunChisel, {}, chisels_[selected_].name});
        default: return Reply::ignored();
    }
    return {};
}

void ChiselsMenu::draw(int height, int width) {
    erase();
    curs_set(0);
    const Binding* run = keymap().find(Scope::Menu, Action::Enter);
    const Binding* cancel = keymap().find(Scope::Menu, Action::Close);
    const std::string title =
        fmt::format("Chisels (on the current scope): {} runs, {} cancels", run ? key_names(run->keys).front() : "",
                    cancel ? key_names(cancel->keys).front() : "");
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit(title, static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
    if (chisels_.empty()) {
        mvaddstr(1, 0, fit(" No chisel found (SYSDIG_CHISEL_DIR, ~/.chisels, /usr/share/sysdig/chisels).",
                           static_cast<size_t>(width)).c_str());
        return;
    }
    const size_t rows = height > 2 ? static_cast<size_t>(height - 2) : 1;
    if (selected_ < top_) top_ = selected_;
    if (selected_ >= top_ + rows) top_ = selected_ - rows + 1;
    for (size_t i = top_; i < chisels_.size() && i < top_ + rows; ++i) {
        const auto& c = chisels_[i];
        attrset(attr(i == selected_ ? Role::Selection : Role::Normal));
        const std::string line = fmt::format(" {:<20} {:<16} {}", c.name, c.category, c.short_description);
        mvaddstr(static_cast<int>(i - top_) + 1, 0, fit(line, static_cast<size_t>(width)).c_str());
    }
    attrset(attr(Role::Normal));
}

}  // namespace tracetop::ui
