// The views menu (F2/v): pick the view to show; Esc leaves things as they were.
#pragma once

#include <optional>
#include <string>

#include "analysis/view_loader.h"

namespace tracetop::ui {

class ViewsMenu {
public:
    void open(const analysis::ViewSet& views, const std::string& current);
    enum class Result { Open, Chosen, Cancelled };
    Result key(int ch);
    void draw(int height, int width) const;
    const std::string& chosen() const { return chosen_; }

private:
    const analysis::ViewSet* views_ = nullptr;
    size_t selected_ = 0;
    std::string chosen_;
};

}  // namespace tracetop::ui
