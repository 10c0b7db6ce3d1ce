// Screen colours by role, htop-like, in a scheme (issue 16): "default" (8
// colours), "256" (a 256-colour palette where the terminal has one) or
// "monochrome": plain attributes (reverse, bold) only, also when the terminal
// has no colours. NO_COLOR is weighed with the settings (engine/settings_file).
#pragma once

#include <string>

namespace tracetop::ui {

enum class Role {
    Normal,
    Header,       // header labels
    HeaderValue,  // header numbers
    Breadcrumb,
    Titles,       // column titles
    SortTitle,    // the sorted column's title
    Selection,
    FKey,         // "F1" in the bar
    FLabel,       // its label
    Prompt,
    Error,
    Paused,
    EchoRead,     // Echo pane: bytes read
    EchoWrite,    // and written
    Heat1,        // spectrogram cells, least to most
    Heat2,
    Heat3,
    Heat4,
    Heat5,
};

// After initscr(), and again when the scheme changes.
void init_colours(const std::string& scheme);

// The curses attribute for a role.
int attr(Role role);

}  // namespace tracetop::ui
