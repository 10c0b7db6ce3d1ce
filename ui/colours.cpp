#include "colours.h"

#include <curses.h>

namespace tracetop::ui {
namespace {

bool g_colour = false;

}  // namespace

void init_colours(const std::string& scheme) {
    g_colour = has_colors() && scheme != "monochrome";
    if (!g_colour) return;
    start_color();
    use_default_colors();
    if (scheme == "256" && COLORS >= 256) {
        // Softer tones of the same roles, from the xterm 256-colour cube.
        init_pair(1, 44, -1);     // header: turquoise
        init_pair(2, 16, 114);    // titles: black on pale green
        init_pair(3, 16, 117);    // selection: black on sky blue
        init_pair(4, 231, 25);
        init_pair(5, 203, -1);    // errors, bytes read: coral
        init_pair(6, 221, -1);    // prompt, paused: gold
        init_pair(7, 78, -1);     // breadcrumb: sea green
        init_pair(8, 69, -1);     // bytes written: cornflower
        init_pair(10, 231, 24);
        init_pair(11, 16, 37);
        init_pair(12, 16, 71);
        init_pair(13, 16, 178);
        init_pair(14, 231, 160);
        return;
    }
    init_pair(1, COLOR_CYAN, -1);
    init_pair(2, COLOR_BLACK, COLOR_GREEN);
    init_pair(3, COLOR_BLACK, COLOR_CYAN);
    init_pair(4, COLOR_WHITE, COLOR_BLUE);
    init_pair(5, COLOR_RED, -1);
    init_pair(6, COLOR_YELLOW, -1);
    init_pair(7, COLOR_GREEN, -1);
    init_pair(8, COLOR_BLUE, -1);
    // Spectrogram heat: cold to hot backgrounds, the character still readable.
    init_pair(10, COLOR_WHITE, COLOR_BLUE);
    init_pair(11, COLOR_BLACK, COLOR_CYAN);
    init_pair(12, COLOR_BLACK, COLOR_GREEN);
    init_pair(13, COLOR_BLACK, COLOR_YELLOW);
    init_pair(14, COLOR_WHITE, COLOR_RED);
}

int attr(Role role) {
    if (!g_colour) {
        switch (role) {
            case Role::Titles: case Role::Selection: case Role::FLabel: return A_REVERSE;
            case Role::SortTitle: return A_REVERSE | A_BOLD;
            case Role::Header: case Role::Breadcrumb: case Role::Error: case Role::Paused: return A_BOLD;
            case Role::EchoWrite: case Role::Heat4: case Role::Heat5: return A_BOLD;
            default: return A_NORMAL;
        }
    }
    switch (role) {
        case Role::Normal: return A_NORMAL;
        case Role::Header: return COLOR_PAIR(1);
        case Role::HeaderValue: return A_BOLD;
        case Role::Breadcrumb: return COLOR_PAIR(7) | A_BOLD;
        case Role::Titles: return COLOR_PAIR(2);
        case Role::SortTitle: return COLOR_PAIR(3) | A_BOLD;
        case Role::Selection: return COLOR_PAIR(3);
        case Role::FKey: return A_NORMAL;
        case Role::FLabel: return COLOR_PAIR(3);
        case Role::Prompt: return COLOR_PAIR(6) | A_BOLD;
        case Role::Error: return COLOR_PAIR(5) | A_BOLD;
        case Role::Paused: return COLOR_PAIR(6) | A_BOLD | A_REVERSE;
        case Role::EchoRead: return COLOR_PAIR(5);
        case Role::EchoWrite: return COLOR_PAIR(8) | A_BOLD;
        case Role::Heat1: return COLOR_PAIR(10);
        case Role::Heat2: return COLOR_PAIR(11);
        case Role::Heat3: return COLOR_PAIR(12);
        case Role::Heat4: return COLOR_PAIR(13);
        case Role::Heat5: return COLOR_PAIR(14) | A_BOLD;
    }
    return A_NORMAL;
}

}  // namespace tracetop::ui
