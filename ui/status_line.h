// The status line: one message over the function bar for a few seconds
// (an action's result or error, why a key did nothing), then the bar again.
#pragma once

#include <chrono>
#include <string>

namespace tracetop::ui {

class StatusLine {
public:
    void show(std::string text);
    // Draws the message on line `y` while it is fresh; false when there is none.
    bool draw(int y, int width) const;
    // True once, when a message has just gone stale (the screen redraws).
    bool expired();

private:
    static constexpr auto kShown = std::chrono::seconds(6);
    std::string text_;
    std::chrono::steady_clock::time_point until_{};
};

}  // namespace tracetop::ui
