#include "sort_menu.h"

#include <fmt/format.h>

#include "menu_list.h"
#include "terminal.h"

namespace tracetop::ui {

void SortMenu::open(const std::vector<analysis::ColumnInfo>& columns, size_t current, bool descending, Hooks hooks) {
    titles_.clear();
    for (const auto& c : columns) titles_.push_back(c.title.empty() ? c.id : c.title);
    current_ = current;
    descending_ = descending;
    selected_ = current < titles_.size() ? current : 0;
    hooks_ = std::move(hooks);
}

Reply SortMenu::handle(const Input& in) {
    if (move_in_list(in.action, titles_.size(), selected_)) return {};
    switch (in.action) {
        case Action::Close: return Reply::close();
        case Action::Invert:
            descending_ = !descending_;
            if (hooks_.invert) hooks_.invert();
            return {};
        case Action::Mouse:
            // A click on a column sorts by it, as Enter on it would.
            if (!click_selects(in, titles_.size(), height_, selected_)) return {};
            [[fallthrough]];
        case Action::Enter:
            if (selected_ < titles_.size() && hooks_.pick) hooks_.pick(selected_);
            return Reply::close();
        default: return Reply::ignored();
    }
}

void SortMenu::draw(int height, int width) {
    height_ = height;
    const bool utf8 = Terminal::utf8();
    const char* arrow = utf8 ? (descending_ ? "\u25bc" : "\u25b2") : (descending_ ? "v" : "^");
    std::vector<std::string> lines;
    for (size_t i = 0; i < titles_.size(); ++i) {
        lines.push_back(fmt::format(" {} {}", i == current_ ? arrow : " ", titles_[i]));
    }
    const std::string title = fmt::format("Sort by: {} sorts, {} inverts ({}), {} cancels", menu_key(Action::Enter),
                                          menu_key(Action::Invert), descending_ ? "descending" : "ascending",
                                          menu_key(Action::Close));
    draw_menu_list(title, lines, selected_, height, width,
                   {{Action::Enter, "Sort"}, {Action::Invert, "Invert"}, {Action::Close, "Cancel"}});
}

}  // namespace tracetop::ui
