// The sort menu (htop's F6 idea; o here): the view's columns, Enter sorts
// by the selected one, I turns the direction at once.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analysis/snapshot.h"
#include "panel.h"

namespace tracetop::ui {

class SortMenu : public Panel {
public:
    struct Hooks {
        std::function<void(size_t column)> pick;  // the snapshot's column index
        std::function<void()> invert;
    };
    void open(const std::vector<analysis::ColumnInfo>& columns, size_t current, bool descending, Hooks hooks);

    Scope scope() const override { return Scope::Menu; }
    Reply handle(const Input& in) override;
    void draw(int height, int width) override;

private:
    std::vector<std::string> titles_;
    size_t current_ = 0;
    bool descending_ = true;
    size_t selected_ = 0;
    int height_ = 0;  // of the last draw, for clicks
    Hooks hooks_;
};

}  // namespace tracetop::ui
