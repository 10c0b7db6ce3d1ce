// The bottom line while the user types: a search (/), a text filter of the
// rows (\) or a sysdig filter (F4), and above it what went wrong with the
// last sysdig filter given (the prompt stays open until it is fixed).
#pragma once

#include <string>
#include <utility>

#include "line_editor.h"

namespace tracetop::ui {

class PromptLine {
public:
    enum class Kind { Search, TextFilter, SysdigFilter };

    void open(Kind kind, std::string initial);
    Kind kind() const { return kind_; }
    LineEditor::Result key(int ch) { return editor_.key(ch); }
    const std::string& text() const { return editor_.text(); }

    // A refused filter's message (with its caret line); "" once it is fixed or given up.
    void set_error(std::string message) { error_ = std::move(message); }
    // Screen lines the message takes above the prompt.
    int error_height() const;
    // The message above `bottom`, the prompt on it; `not_found`: a search
    // that matched nothing says so at the right.
    void draw(int bottom, int width, bool not_found) const;

private:
    Kind kind_ = Kind::Search;
    LineEditor editor_;
    std::string error_;
};

}  // namespace tracetop::ui
