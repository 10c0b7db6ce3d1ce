// The bottom line while the user types: a search (/), a text filter of the
// rows (\) or a sysdig filter (:), and above it what went wrong with the
// last sysdig filter given (the prompt stays open until it is fixed). What
// the text does is the opener's (Hooks).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "line_editor.h"
#include "panel.h"

namespace tracetop::ui {

class PromptLine : public Panel {
public:
    enum class Kind { Search, TextFilter, SysdigFilter };
    struct Hooks {
        // Each edit; false: the text matches nothing (a search says so).
        std::function<bool(const std::string&)> changed;
        // Enter; a message keeps the prompt open to fix the text.
        std::function<std::optional<std::string>(const std::string&)> accepted;
        // Esc.
        std::function<void(const std::string&)> cancelled;
    };

    void open(Kind kind, std::string initial, Hooks hooks);

    // Screen lines the refused filter's message takes above the prompt.
    int error_height() const;

    Scope scope() const override { return Scope::Prompt; }
    Reply handle(const Input& in) override;
    // The message above the bottom line, the prompt on it.
    void draw(int height, int width) override;

private:
    Kind kind_ = Kind::Search;
    Hooks hooks_;
    LineEditor editor_;
    std::string error_;
    bool not_found_ = false;
};

}  // namespace tracetop::ui
