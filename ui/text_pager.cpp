#include "text_pager.h"

#include <curses.h>
#include <fmt/format.h>

#include "colours.h"
#include "keymap.h"
#include "text_fit.h"

namespace tracetop::ui {

void TextPager::open(std::string title, std::vector<std::string> lines) {
    title_ = std::move(title);
    lines_ = std::move(lines);
    top_ = 0;
}

bool TextPager::key(int ch) {
    const int page = std::max(LINES - 3, 1);
    switch (ch) {
        case 'q': case 27: case KEY_F(10): return false;
        case KEY_UP: case 'k': if (top_ > 0) --top_; break;
        case KEY_DOWN: case 'j': if (top_ + 1 < lines_.size()) ++top_; break;
        case KEY_PPAGE: top_ = top_ > static_cast<size_t>(page) ? top_ - page : 0; break;
        case KEY_NPAGE: case ' ':
            top_ = std::min(top_ + page, lines_.empty() ? 0 : lines_.size() - 1);
            break;
        case KEY_HOME: top_ = 0; break;
        case KEY_END: top_ = lines_.empty() ? 0 : lines_.size() - 1; break;
        default: break;
    }
    return true;
}

void TextPager::draw(int height, int width) const {
    erase();
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit(title_, static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
    for (int y = 1; y < height - 1; ++y) {
        const size_t i = top_ + static_cast<size_t>(y - 1);
        if (i >= lines_.size()) break;
        mvaddstr(y, 0, fit(sanitize(lines_[i]), static_cast<size_t>(width)).c_str());
    }
    attrset(attr(Role::FLabel));
    mvaddstr(height - 1, 0, fit("q/Esc close   Up/Down/PgUp/PgDn scroll", static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
}

std::vector<std::string> help_text() {
    std::vector<std::string> out;
    out.push_back("tracetop: an htop-style explorer of system calls. Keys:");
    out.push_back("");
    for (const HelpLine& h : help_lines()) out.push_back(fmt::format("  {:<28} {}", h.keys, h.what));
    out.push_back("");
    out.push_back("Views are TOML files; ~/.config/tracetop/views/*.toml adds or replaces them.");
    out.push_back("See tracetop(8).");
    return out;
}

}  // namespace tracetop::ui
