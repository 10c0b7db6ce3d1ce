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

LineEditor::Result LineEditor::key(const Input& in) {
    switch (in.action) {
        case Action::Cancel: return Result::Cancelled;
        case Action::Enter: return Result::Accepted;
        case Action::Left:
            while (cursor_ > 0 && continuation(text_[--cursor_])) {}
            return Result::Editing;
        case Action::Right:
            if (cursor_ < text_.size()) ++cursor_;
            while (cursor_ < text_.size() && continuation(text_[cursor_])) ++cursor_;
            return Result::Editing;
        case Action::Home: cursor_ = 0; return Result::Editing;
        case Action::End: cursor_ = text_.size(); return Result::Editing;
        case Action::ClearLine: text_.clear(); cursor_ = 0; return Result::Changed;
        case Action::Erase: {
            if (cursor_ == 0) return Result::Editing;
            size_t start = cursor_ - 1;
            while (start > 0 && continuation(text_[start])) --start;
            text_.erase(start, cursor_ - start);
            cursor_ = start;
            return Result::Changed;
        }
        case Action::EraseForward:
            if (cursor_ < text_.size()) {
                size_t end = cursor_ + 1;
                while (end < text_.size() && continuation(text_[end])) ++end;
                text_.erase(cursor_, end - cursor_);
                return Result::Changed;
            }
            return Result::Editing;
        case Action::Insert:
            // Printable bytes, including those of UTF-8 sequences.
            if (in.text >= 0x20 && in.text <= 0xff && in.text != 0x7f) {
                text_.insert(cursor_, 1, static_cast<char>(in.text));
                ++cursor_;
                return Result::Changed;
            }
            return Result::Editing;
        default: return Result::Editing;
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
