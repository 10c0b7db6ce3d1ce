// The views menu (F2/v): pick the view to show; Esc leaves things as they were.
#pragma once

#include <string>

#include "analysis/view_loader.h"
#include "panel.h"

namespace tracetop::ui {

class ViewsMenu : public Panel {
public:
    void open(const analysis::ViewSet& views, const std::string& current);

    Scope scope() const override { return Scope::Menu; }
    // Enter closes the menu with Request::ChooseView.
    Reply handle(const Input& in) override;
    void draw(int height, int width) override;

private:
    const analysis::ViewSet* views_ = nullptr;
    size_t selected_ = 0;
};

}  // namespace tracetop::ui
