// The chisels menu (C): pick one of sysdig's chisels to run on the current
// scope; its output opens in the pager. Esc leaves things as they were.
#pragma once

#include <string>
#include <vector>

#include "engine/chisel_run.h"
#include "panel.h"

namespace tracetop::ui {

class ChiselsMenu : public Panel {
public:
    // Reads the chisel folders (once per opening: a user's new chisel shows).
    void open();

    Scope scope() const override { return Scope::Menu; }
    // Enter closes the menu with Request::RunChisel naming the chisel.
    Reply handle(const Input& in) override;
    void draw(int height, int width) override;

private:
    std::vector<engine::ChiselEntry> chisels_;
    size_t selected_ = 0;
    size_t top_ = 0;
};

}  // namespace tracetop::ui
