#include "column_chooser.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "menu_list.h"

namespace tracetop::ui {

std::vector<size_t> shown_columns(const std::vector<analysis::ColumnInfo>& columns,
                                  const std::vector<std::string>* ids) {
    std::vector<size_t> order;
    if (ids) {
        for (const std::string& id : *ids) {
            for (size_t i = 0; i < columns.size(); ++i) {
                if (columns[i].id == id && std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
            }
        }
    }
    // A view rewritten since the choice was saved: better all its columns than none.
    if (order.empty()) {
        for (size_t i = 0; i < columns.size(); ++i) order.push_back(i);
    }
    return order;
}

void ColumnChooser::open(const std::string& view_name, const std::vector<analysis::ColumnInfo>& columns,
                         const std::vector<std::string>* ids, Hooks hooks) {
    view_name_ = view_name;
    hooks_ = std::move(hooks);
    entries_.clear();
    const std::vector<size_t> shown = shown_columns(columns, ids);
    for (size_t i : shown) entries_.push_back({columns[i].id, columns[i].title, true});
    for (size_t i = 0; i < columns.size(); ++i) {
        if (std::find(shown.begin(), shown.end(), i) == shown.end()) entries_.push_back({columns[i].id, columns[i].title, false});
    }
    selected_ = 0;
}

void ColumnChooser::changed() {
    std::vector<std::string> ids;
    for (const Entry& e : entries_) {
        if (e.shown) ids.push_back(e.id);
    }
    if (hooks_.changed) hooks_.changed(std::move(ids));
}

Reply ColumnChooser::handle(const Input& in) {
    if (move_in_list(in.action, entries_.size(), selected_)) return {};
    if (selected_ >= entries_.size()) return in.action == Action::Close ? Reply::close() : Reply::ignored();
    switch (in.action) {
        case Action::Close:
        case Action::Enter:
            if (hooks_.closed) hooks_.closed();
            return Reply::close();
        case Action::Mouse:
            // A click on a column's line shows or hides it.
            if (!click_selects(in, entries_.size(), height_, selected_)) return {};
            [[fallthrough]];
        case Action::Toggle: {
            // The last column shown stays: a table of nothing shows nothing to choose.
            const auto shown = std::count_if(entries_.begin(), entries_.end(), [](const Entry& e) { return e.shown; });
            if (entries_[selected_].shown && shown == 1) return {};
            entries_[selected_].shown = !entries_[selected_].shown;
            break;
        }
        case Action::MoveUp:
            if (selected_ == 0) return {};
            std::swap(entries_[selected_], entries_[selected_ - 1]);
            --selected_;
            break;
        case Action::MoveDown:
            if (selected_ + 1 >= entries_.size()) return {};
            std::swap(entries_[selected_], entries_[selected_ + 1]);
            ++selected_;
            break;
        default: return Reply::ignored();
    }
    changed();
    return {};
}

void ColumnChooser::draw(int height, int width) {
    height_ = height;
    std::vector<std::string> lines;
    for (const Entry& e : entries_) {
        lines.push_back(fmt::format(" [{}] {:<16} {}", e.shown ? 'x' : ' ', e.title, e.id));
    }
    const std::string title =
        fmt::format("Columns of {}: {} shows/hides, {} {} move, {} done", view_name_, menu_key(Action::Toggle),
                    menu_key(Action::MoveUp), menu_key(Action::MoveDown), menu_key(Action::Close));
    draw_menu_list(title, lines, selected_, height, width,
                   {{Action::Toggle, "Show/Hide"},
                    {Action::MoveUp, "Left"},
                    {Action::MoveDown, "Right"},
                    {Action::Close, "Done"}});
}

}  // namespace tracetop::ui
