#include "line_editor.h"

#include <curses.h>

#include "colours.h"
#include "text_fit.h"

namespace tracetop::ui {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

void LineEditor::open(std::string prompt, std::string initial) {
    prompt_ = std::move(prompt);
    text_ = std::move(initial);
    cursor_ = text_.size();
}

LineEditor::Result LineEditor::key(int ch) {
    switch (ch) {
        case 27: return Result::Cancelled;
        case '\n': case '\r': case KEY_ENTER: return Result::Accepted;
        case KEY_LEFT:
            while (cursor_ > 0 && continuation(text_[--cursor_])) {}
            return Result::Editing;
        case KEY_RIGHT:
            if (cursor_ < text_.size()) ++cursor_;
            while (cursor_ < text_.size() && continuation(text_[cursor_])) ++cursor_;
            return Result::Editing;
        case KEY_HOME: case 1: cursor_ = 0; return Result::Editing;
        case KEY_END: case 5: cursor_ = text_.size(); return Result::Editing;
        case 21: text_.clear(); cursor_ = 0; return Result::Changed;  // Ctrl-U
        case KEY_BACKSPACE: case 127: case 8: {
            if (cursor_ == 0) return Result::Editing;
            size_t start = cursor_ - 1;
            while (start > 0 && continuation(text_[start])) --start;
            text_.erase(start, cursor_ - start);
            cursor_ = start;
            return Result::Changed;
        }
        case KEY_DC:
            if (cursor_ < text_.size()) {
                size_t end = cursor_ + 1;
                while (end < text_.size() && continuation(text_[end])) ++end;
                text_.erase(cursor_, end - cursor_);
                return Result::Changed;
            }
            return Result::Editing;
        default:
            // Printable bytes, including those of UTF-8 sequences.
            if (ch >= 0x20 && ch <= 0xff && ch != 0x7f) {
                text_.insert(cursor_, 1, static_cast<char>(ch));
                ++cursor_;
                return Result::Changed;
            }
            return Result::Editing;
    }
}

void LineEditor::draw(int y, int width) const {
    move(y, 0);
    clrtoeol();
    attrset(attr(Role::Prompt));
    addstr(prompt_.c_str());
    attrset(attr(Role::Normal));
    const int room = width - static_cast<int>(columns(prompt_)) - 1;
    const std::string shown = sanitize(text_);
    // Keep the cursor in sight on long input.
    const size_t before = columns(std::string_view(shown).substr(0, cursor_));
    size_t skip = before > static_cast<size_t>(std::max(room, 1)) ? before - static_cast<size_t>(room) : 0;
    size_t i = 0;
    while (skip > 0 && i < shown.size()) {
        ++i;
        while (i < shown.size() && continuation(shown[i])) ++i;
        --skip;
    }
    addstr(fit(std::string_view(shown).substr(i), static_cast<size_t>(std::max(room, 0))).c_str());
    const int cx = static_cast<int>(columns(prompt_) + columns(std::string_view(shown).substr(i, cursor_ - i)));
    move(y, std::min(cx, width - 1));
}

}  // namespace tracetop::ui
