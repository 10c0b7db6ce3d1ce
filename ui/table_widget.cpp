#include "table_widget.h"

#include <algorithm>

#include <curses.h>

#include "colours.h"
#include "terminal.h"
#include "text_fit.h"

namespace tracetop::ui {

void TableWidget::draw(int y, int height, int width, const std::vector<analysis::ColumnInfo>& columns,
                       const std::vector<const analysis::Row*>& rows, size_t selected, size_t& scroll,
                       size_t sort_column, bool descending, const std::vector<std::string>* prefixes,
                       size_t prefix_column) {
    y_ = y;
    spans_.clear();
    int x = 0;
    for (const auto& c : columns) {
        const int fixed = static_cast<int>(c.width);
        int w = fixed == 0 ? std::max(width - x, 0) : std::min(fixed, std::max(width - x, 0));
        spans_.push_back({x, w});
        x += w + (fixed == 0 ? 0 : 1);
    }
    // Titles.
    move(y, 0);
    attrset(attr(Role::Titles));
    addstr(std::string(static_cast<size_t>(width), ' ').c_str());
    for (size_t i = 0; i < columns.size(); ++i) {
        const auto& c = columns[i];
        if (spans_[i].w <= 0) continue;
        std::string title = c.title;
        if (i == sort_column) {
            // The direction mark must show even when the title fills the column.
            const size_t room = static_cast<size_t>(spans_[i].w);
            if (ui::columns(title) + 1 > room && room > 1) title = fit(title, room - 1);
            title += Terminal::utf8() ? (descending ? "\u25bc" : "\u25b2") : (descending ? "v" : "^");
        }
        const bool right = c.format != analysis::CellFormat::Text && c.width != 0;
        attrset(attr(i == sort_column ? Role::SortTitle : Role::Titles));
        mvaddstr(y, spans_[i].x, fit(title, static_cast<size_t>(spans_[i].w), right).c_str());
    }
    attrset(attr(Role::Normal));

    page_ = static_cast<size_t>(std::max(height - 1, 1));
    if (selected < scroll) scroll = selected;
    if (selected >= scroll + page_) scroll = selected - page_ + 1;
    if (scroll > 0 && scroll + page_ > rows.size()) scroll = rows.size() > page_ ? rows.size() - page_ : 0;
    scroll_ = scroll;
    shown_ = std::min(page_, rows.size() > scroll ? rows.size() - scroll : 0);
    for (size_t line = 0; line < page_; ++line) {
        const int ly = y + 1 + static_cast<int>(line);
        move(ly, 0);
        clrtoeol();
        const size_t r = scroll + line;
        if (r >= rows.size()) continue;
        const bool sel = r == selected;
        attrset(attr(sel ? Role::Selection : Role::Normal));
        if (sel) addstr(std::string(static_cast<size_t>(width), ' ').c_str());
        const analysis::Row& row = *rows[r];
        for (size_t i = 0; i < columns.size() && i < row.cells.size(); ++i) {
            if (spans_[i].w <= 0) continue;
            const auto& cell = row.cells[i];
            const bool right = cell.is_number && columns[i].width != 0;
            std::string text = cell.present ? sanitize(cell.text) : std::string();
            if (prefixes && i == prefix_column && r < prefixes->size()) text = (*prefixes)[r] + text;
            mvaddstr(ly, spans_[i].x, fit(text, static_cast<size_t>(spans_[i].w), right).c_str());
        }
        attrset(attr(Role::Normal));
    }
}

std::optional<size_t> TableWidget::column_at(int x) const {
    for (size_t i = 0; i < spans_.size(); ++i) {
        if (x >= spans_[i].x && x < spans_[i].x + spans_[i].w + 1) return i;
    }
    return std::nullopt;
}

std::optional<size_t> TableWidget::row_at(int y) const {
    if (y <= y_) return std::nullopt;
    const size_t line = static_cast<size_t>(y - y_ - 1);
    if (line >= shown_) return std::nullopt;
    return scroll_ + line;
}

}  // namespace tracetop::ui
