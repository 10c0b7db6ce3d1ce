// A one-line prompt for search, text filter and sysdig filter input: the
// one place that reads the characters typed (Action::Insert); its editing
// keys come from the binding table's Prompt scope.
#pragma once

#include <string>

#include "panel.h"

namespace tracetop::ui {

class LineEditor {
public:
    enum class Result { Editing, Changed, Accepted, Cancelled };

    void open(std::string prompt, std::string initial);
    Result key(const Input& in);
    void draw(int y, int width) const;

    const std::string& text() const { return text_; }
    const std::string& prompt() const { return prompt_; }

private:
    std::string prompt_;
    std::string text_;
    size_t cursor_ = 0;  // byte offset
};

}  // namespace tracetop::ui
