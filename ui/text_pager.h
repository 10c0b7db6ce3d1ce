// A full-screen page of text over the table: help, or one event's fields.
// q and Esc close it (and nothing else); arrows and PgUp/PgDn scroll.
#pragma once

#include <string>
#include <vector>

namespace tracetop::ui {

class TextPager {
public:
    void open(std::string title, std::vector<std::string> lines);
    // False when the key closed the pager.
    bool key(int ch);
    void draw(int height, int width) const;

private:
    std::string title_;
    std::vector<std::string> lines_;
    size_t top_ = 0;
};

// The help screen's lines, from the key table.
std::vector<std::string> help_text();

}  // namespace tracetop::ui
