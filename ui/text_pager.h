// A full-screen page of text over the table: help, or one event's fields.
// Its Close keys (q, Esc) close it and nothing else; the list keys scroll.
#pragma once

#include <string>
#include <vector>

#include "panel.h"

namespace tracetop::ui {

class TextPager : public Panel {
public:
    void open(std::string title, std::vector<std::string> lines);

    Scope scope() const override { return Scope::Pager; }
    Reply handle(const Input& in) override;
    void draw(int height, int width) override;

private:
    std::string title_;
    std::vector<std::string> lines_;
    size_t top_ = 0;
    size_t page_ = 1;  // text lines on screen, as last drawn
};

}  // namespace tracetop::ui
