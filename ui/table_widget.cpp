#include "table_widget.h"

#include <algorithm>

#include <curses.h>

#include "colours.h"
#include "column_widths.h"
#include "terminal.h"
#include "text_fit.h"
#include "text_width.h"

namespace tracetop::ui {
namespace {

// `text` without its first `cells` cells (a wide character cut in two goes whole).
std::string_view drop_cells(std::string_view text, size_t cells) {
    size_t i = 0, n = 0;
    while (i < text.size() && n < cells) {
        const Glyph g = glyph_at(text, i);
        n += static_cast<size_t>(g.cells);
        i += g.bytes;
    }
    return text.substr(i);
}

}  // namespace

std::vector<int> TableWidget::fixed_widths(int room, int width, const std::vector<analysis::ColumnInfo>& columns,
                                           const std::vector<const analysis::Row*>& rows, size_t sort_column,
                                           const ColumnWindow& window, const std::vector<std::string>* prefixes,
                                           size_t prefix_column) const {
    // Only unscrolled, with the rest-of-line column last and no other.
    if (window.first > 0 || window.skip > 0 || shown_ == 0) return {};
    std::vector<size_t> order;
    for (const size_t i : window.order) {
        if (i < columns.size()) order.push_back(i);
    }
    if (order.empty() || columns[order.back()].width != 0) return {};
    // The view's widths leave the last column its share: nothing to measure.
    int declared = 0;
    for (size_t k = 0; k + 1 < order.size(); ++k) declared += static_cast<int>(columns[order[k]].width) + 1;
    if (room - declared >= std::min(rest_share(width), room)) return {};
    std::vector<FixedColumn> fixed;
    for (size_t k = 0; k + 1 < order.size(); ++k) {
        const analysis::ColumnInfo& c = columns[order[k]];
        if (c.width == 0) return {};
        FixedColumn f;
        f.width = static_cast<int>(c.width);
        f.title = static_cast<int>(display_width(c.title));
        f.keep_title = order[k] == sort_column;
        for (size_t r = scroll_; r < scroll_ + shown_; ++r) {
            if (order[k] >= rows[r]->cells.size() || !rows[r]->cells[order[k]].present) continue;
            size_t cells = display_width(rows[r]->cells[order[k]].text);
            if (prefixes && order[k] == prefix_column && r < prefixes->size()) cells += display_width((*prefixes)[r]);
            f.content = std::max(f.content, static_cast<int>(cells));
        }
        fixed.push_back(f);
    }
    std::vector<int> widths = allot_widths(fixed, room, width);
    // The columns of window.order that are not in the snapshot are skipped by the caller.
    std::vector<int> out;
    size_t next = 0;
    for (const size_t i : window.order) out.push_back(i < columns.size() && next < widths.size() ? widths[next++] : 0);
    return out;
}

void TableWidget::draw(int y, int height, int width, const std::vector<analysis::ColumnInfo>& columns,
                       const std::vector<const analysis::Row*>& rows, size_t selected, size_t& scroll,
                       size_t sort_column, bool descending, const ColumnWindow& window,
                       const std::vector<std::string>* prefixes, size_t prefix_column) {
    y_ = y;
    page_ = static_cast<size_t>(std::max(height - 1, 1));
    if (selected < scroll) scroll = selected;
    if (selected >= scroll + page_) scroll = selected - page_ + 1;
    if (scroll > 0 && scroll + page_ > rows.size()) scroll = rows.size() > page_ ? rows.size() - page_ : 0;
    scroll_ = scroll;
    shown_ = std::min(page_, rows.size() > scroll ? rows.size() - scroll : 0);
    spans_.clear();
    more_right_ = false;
    // Scrolled: the first cell holds the mark that columns are out of sight.
    const bool scrolled = window.first > 0 || window.skip > 0;
    int x = scrolled ? 1 : 0;
    const std::vector<int> widths = fixed_widths(width - x, width, columns, rows, sort_column, window, prefixes,
                                                 prefix_column);
    for (size_t k = window.first; k < window.order.size(); ++k) {
        const size_t i = window.order[k];
        if (i >= columns.size()) continue;
        int fixed = widths.empty() ? static_cast<int>(columns[i].width) : widths[k - window.first];
        // Scrolled to, a column shows its whole text (tuples, paths): the
        // widest on the page, the screen at most.
        if (k == window.first && (window.first > 0 || window.skip > 0) && fixed != 0) {
            for (size_t r = scroll; r < scroll + shown_; ++r) {
                if (i < rows[r]->cells.size()) fixed = std::max(fixed, static_cast<int>(display_width(rows[r]->cells[i].text)));
            }
            fixed = std::min(fixed, width);
        }
        const int room = std::max(width - x, 0);
        if (room == 0 || fixed > room) more_right_ = true;
        if (room == 0) break;
        const int w = fixed == 0 ? room : std::min(fixed, room);
        spans_.push_back({i, x, w});
        x += w + (fixed == 0 ? 0 : 1);
    }
    // Titles.
    const char* arrow = Terminal::utf8() ? (descending ? "\u25bc" : "\u25b2") : (descending ? "v" : "^");
    move(y, 0);
    attrset(attr(Role::Titles));
    addstr(std::string(static_cast<size_t>(width), ' ').c_str());
    for (const Span& s : spans_) {
        const auto& c = columns[s.column];
        const bool right = c.format != analysis::CellFormat::Text && c.width != 0;
        const bool sorted = s.column == sort_column;
        attrset(attr(sorted ? Role::SortTitle : Role::Titles));
        const size_t w = static_cast<size_t>(s.w);
        // The direction mark has a cell of its own and never covers the
        // title: at the end of a title that leaves room (a right-aligned one
        // moves one cell left for it), else in the gap after the column.
        const size_t tw = display_width(c.title);
        const bool room = tw < w;
        mvaddstr(y, s.x, fit(c.title, right && room && sorted ? w - 1 : w, right).c_str());
        if (!sorted) continue;
        const int ax = !room ? s.x + s.w : right ? s.x + s.w - 1 : s.x + static_cast<int>(tw);
        if (ax < width) mvaddstr(y, ax, arrow);
    }
    attrset(attr(Role::Normal));

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
        for (size_t k = 0; k < spans_.size(); ++k) {
            const Span& s = spans_[k];
            if (s.column >= row.cells.size()) continue;
            const auto& cell = row.cells[s.column];
            const bool right = cell.is_number && columns[s.column].width != 0;
            std::string text = cell.present ? sanitize(cell.text) : std::string();
            if (prefixes && s.column == prefix_column && r < prefixes->size()) text = (*prefixes)[r] + text;
            if (k == 0 && window.skip > 0) text = std::string(drop_cells(text, window.skip));
            if (display_width(text) > static_cast<size_t>(s.w)) more_right_ = true;
            mvaddstr(ly, s.x, fit(text, static_cast<size_t>(s.w), right).c_str());
        }
        attrset(attr(Role::Normal));
    }
    // More columns to either side.
    attrset(attr(Role::SortTitle));
    const bool utf8 = Terminal::utf8();
    if (window.first > 0 || window.skip > 0) mvaddstr(y, 0, utf8 ? "\u00ab" : "<");
    if (more_right_ && width > 1) mvaddstr(y, width - 1, utf8 ? "\u00bb" : ">");
    attrset(attr(Role::Normal));
}

std::optional<size_t> TableWidget::column_at(int x) const {
    for (const Span& s : spans_) {
        if (x >= s.x && x < s.x + s.w + 1) return s.column;
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
