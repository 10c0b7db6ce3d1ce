#include "colours.h"

#include <cstdlib>

#include <curses.h>

namespace tracetop::ui {
namespace {

bool g_colour = false;

}  // namespace

void init_colours() {
    const char* no_color = std::getenv("NO_COLOR");
    // https://no-color.org: any non-empty value turns colour off.
    g_colour = has_colors() && !(no_color && *no_color);
    if (!g_colour) return;
    start_color();
    use_default_colors();
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
