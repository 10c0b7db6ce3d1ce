// Screen colours by role, htop-like; plain attributes (reverse, bold) when
// the terminal has no colours or NO_COLOR is set.
#pragma once

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

// Call once after initscr().
void init_colours();

// The curses attribute for a role.
int attr(Role role);

}  // namespace tracetop::ui
