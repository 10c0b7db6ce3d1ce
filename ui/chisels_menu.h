// The chisels menu (X): pick one of sysdig's chisels to run on the current
// scope; its output opens in the pager. A chisel that takes arguments asks
// for each in turn with the line editor, showing its name and description
// from the chisel's -i (lua14, issue 14). Esc leaves things as they were.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/chisel_run.h"
#include "line_editor.h"
#include "panel.h"

namespace tracetop::ui {

class ChiselsMenu : public Panel {
public:
    // Reads the chisel folders (once per opening: a user's new chisel shows).
    void open();

    // While an argument is typed the keys are the prompt's.
    Scope scope() const override { return asking_ ? Scope::Prompt : Scope::Menu; }
    // Enter closes the menu with Request::RunChisel naming the chisel, once
    // its arguments are in (chosen_args()).
    Reply handle(const Input& in) override;
    void draw(int height, int width) override;

    // The argument string of the chisel last chosen (nullopt: none given).
    const std::optional<std::string>& chosen_args() const { return chosen_args_; }

private:
    Reply list_key(const Input& in);
    Reply argument_key(const Input& in);
    void ask(size_t arg);
    void draw_arguments(int height, int width);

    std::vector<engine::ChiselEntry> chisels_;
    size_t selected_ = 0;
    size_t top_ = 0;
    // Asking for the chosen chisel's arguments, one at a time.
    bool asking_ = false;
    size_t arg_ = 0;
    std::vector<std::string> values_;
    std::string problem_;  // a required argument left empty
    LineEditor editor_;
    std::optional<std::string> chosen_args_;
};

}  // namespace tracetop::ui
