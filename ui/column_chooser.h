// The column chooser (C): each of the view's columns shown or hidden, in the
// order the table draws them; every change reaches the table at once, and
// closing the chooser keeps the choice (the explorer saves it).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analysis/snapshot.h"
#include "panel.h"

namespace tracetop::ui {

// The columns a table draws, left to right (the snapshot's indices): those
// of `ids` the view has, in that order; all of them without `ids` or when
// none of `ids` is left in the view.
std::vector<size_t> shown_columns(const std::vector<analysis::ColumnInfo>& columns,
                                  const std::vector<std::string>* ids);

class ColumnChooser : public Panel {
public:
    struct Hooks {
        std::function<void(std::vector<std::string> ids)> changed;  // the shown columns' ids, in order
        std::function<void()> closed;
    };
    void open(const std::string& view_name, const std::vector<analysis::ColumnInfo>& columns,
              const std::vector<std::string>* ids, Hooks hooks);

    Scope scope() const override { return Scope::Menu; }
    Reply handle(const Input& in) override;
    void draw(int height, int width) override;

private:
    struct Entry {
        std::string id;
        std::string title;
        bool shown;
    };
    void changed();

    std::string view_name_;
    std::vector<Entry> entries_;
    size_t selected_ = 0;
    int height_ = 0;  // of the last draw, for clicks
    Hooks hooks_;
};

}  // namespace tracetop::ui
