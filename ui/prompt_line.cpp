#include "prompt_line.h"

#include <algorithm>
#include <vector>

#include <curses.h>

#include "colours.h"
#include "text_fit.h"

namespace tracetop::ui {
namespace {

// A long filter error keeps the table in sight.
constexpr size_t kMaxErrorLines = 4;
constexpr int kNotFoundWidth = 12;

std::vector<std::string> error_lines(const std::string& error) {
    std::vector<std::string> lines = split_lines(error);
    if (lines.size() > kMaxErrorLines) lines.resize(kMaxErrorLines);
    return lines;
}

const char* title_of(PromptLine::Kind kind) {
    switch (kind) {
        case PromptLine::Kind::Search: return "Search: ";
        case PromptLine::Kind::TextFilter: return "Filter rows: ";
        case PromptLine::Kind::SysdigFilter: return "Sysdig filter: ";
    }
    return "";
}

}  // namespace

void PromptLine::open(Kind kind, std::string initial, Hooks hooks) {
    kind_ = kind;
    hooks_ = std::move(hooks);
    editor_.open(title_of(kind), std::move(initial));
    error_.clear();
    not_found_ = false;
}

Reply PromptLine::handle(const Input& in) {
    switch (editor_.key(in)) {
        case LineEditor::Result::Editing: break;
        case LineEditor::Result::Changed:
            if (hooks_.changed) not_found_ = !hooks_.changed(editor_.text());
            break;
        case LineEditor::Result::Accepted:
            if (hooks_.accepted) {
                if (auto bad = hooks_.accepted(editor_.text())) {
                    error_ = std::move(*bad);
                    return {};
                }
            }
            error_.clear();
            return Reply::close();
        case LineEditor::Result::Cancelled:
            if (hooks_.cancelled) hooks_.cancelled(editor_.text());
            error_.clear();
            return Reply::close();
    }
    return {};
}

int PromptLine::error_height() const { return static_cast<int>(error_lines(error_).size()); }

void PromptLine::draw(int height, int width) {
    const int bottom = height - 1;
    const std::vector<std::string> lines = error_lines(error_);
    for (size_t i = 0; i < lines.size(); ++i) {
        move(bottom - static_cast<int>(lines.size()) + static_cast<int>(i), 0);
        clrtoeol();
        attrset(attr(Role::Error));
        addstr(fit(sanitize(lines[i]), static_cast<size_t>(width)).c_str());
        attrset(attr(Role::Normal));
    }
    editor_.draw(bottom, width);
    if (kind_ == Kind::Search && not_found_) {
        attrset(attr(Role::Error));
        mvaddstr(bottom, width - kNotFoundWidth, "not found");
        attrset(attr(Role::Normal));
        editor_.draw(bottom, width - kNotFoundWidth);
    }
    curs_set(1);
}

}  // namespace tracetop::ui
