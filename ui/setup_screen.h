// The setup screen (S; htop's F2 idea, F2 being the views menu here): the
// settings the settings file keeps, changed with Left and Right; the colour
// scheme shows at once, and closing the screen has the explorer save them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/settings_file.h"
#include "panel.h"

namespace tracetop::ui {

class SetupScreen : public Panel {
public:
    // What is in force now, where the settings leave something unset.
    struct Current {
        uint32_t refresh_ms;
        std::string scheme;
        std::string view;
    };
    struct Hooks {
        std::function<void(const std::string& scheme)> scheme_changed;
        std::function<void(uint32_t refresh_ms)> refresh_changed;  // ui16: applied at once
        std::function<void()> closed;
    };
    void open(engine::Settings& settings, const Current& current, std::vector<std::string> view_ids,
              std::string path, Hooks hooks);

    Scope scope() const override { return Scope::Menu; }
    // Enter on "Columns" closes with Request::Columns.
    Reply handle(const Input& in) override;
    void draw(int height, int width) override;

private:
    enum Row { Refresh, Scheme, DefaultView, Columns, kRows };
    void step(int by);

    engine::Settings* settings_ = nullptr;
    Current current_{};
    std::vector<std::string> views_;
    std::string path_;
    size_t selected_ = 0;
    Hooks hooks_;
};

}  // namespace tracetop::ui
