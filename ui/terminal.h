// Owning the terminal: curses set-up and, whatever happens (q, Ctrl-C,
// SIGTERM, a crash), the terminal given back as it was.
#pragma once

namespace tracetop::ui {

class Terminal {
public:
    Terminal();   // initscr, keypad, mouse, colours, signal handlers
    ~Terminal();  // endwin
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;

    // True once Ctrl-C or SIGTERM arrived: the loop should end.
    static bool interrupted();

    // Whether text may use UTF-8 symbols (the locale says so).
    static bool utf8();
};

}  // namespace tracetop::ui
