#include "text_pager.h"

#include <algorithm>

#include <curses.h>

#include "colours.h"
#include "function_bar.h"
#include "key_names.h"
#include "text_fit.h"

namespace tracetop::ui {

void TextPager::open(std::string title, std::vector<std::string> lines) {
    title_ = std::move(title);
    lines_ = std::move(lines);
    top_ = 0;
}

Reply TextPager::handle(const Input& in) {
    const size_t last = lines_.empty() ? 0 : lines_.size() - 1;
    switch (in.action) {
        case Action::Close: return Reply::close();
        case Action::Up: if (top_ > 0) --top_; break;
        case Action::Down: top_ = std::min(top_ + 1, last); break;
        case Action::PageUp: top_ = top_ > page_ ? top_ - page_ : 0; break;
        case Action::PageDown: top_ = std::min(top_ + page_, last); break;
        case Action::Home: top_ = 0; break;
        case Action::End: top_ = last; break;
        default: return Reply::ignored();
    }
    return {};
}

void TextPager::draw(int height, int width) {
    page_ = static_cast<size_t>(std::max(height - 3, 1));
    erase();
    curs_set(0);
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit(title_, static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
    for (int y = 1; y < height - 1; ++y) {
        const size_t i = top_ + static_cast<size_t>(y - 1);
        if (i >= lines_.size()) break;
        mvaddstr(y, 0, fit(sanitize(lines_[i]), static_cast<size_t>(width)).c_str());
    }
    // Its own keys, and how to scroll (the list keys' first names).
    std::vector<BarItem> bar = bar_items(keymap(), Scope::Pager);
    std::string scroll;
    for (Action a : {Action::Up, Action::Down, Action::PageUp, Action::PageDown}) {
        if (const Binding* b = keymap().find(Scope::Lists, a)) {
            if (!scroll.empty()) scroll += '/';
            scroll += key_names(b->keys).front();
        }
    }
    bar.push_back({scroll, "Scroll", Action::None, 0});
    draw_function_bar(height - 1, width, std::move(bar));
}

}  // namespace tracetop::ui
