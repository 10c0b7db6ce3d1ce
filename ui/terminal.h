// Owning the terminal: curses set-up and, whatever happens (q, Ctrl-C,
// SIGTERM, a crash), the terminal given back as it was.
#pragma once

namespace tracetop::ui {

// A mouse report as the panels use it: a press of the first button, or the wheel.
struct MouseEvent {
    enum class Kind { None, Press, WheelUp, WheelDown, Release };
    Kind kind = Kind::None;
    int x = 0;
    int y = 0;
};

class Terminal {
public:
    Terminal();   // initscr, keypad, mouse, colours, signal handlers
    ~Terminal();  // endwin
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;

    // True once Ctrl-C or SIGTERM arrived: the loop should end.
    static bool interrupted();

    // True once the terminal is gone (its pty hung up). A hang-up does not
    // always come with SIGHUP (a session leader that ignores it passes none
    // on), and curses then returns ERR at once on every read, without waiting.
    static bool hung_up();

    // Whether text may use UTF-8 symbols (the locale says so).
    static bool utf8();

    // The report that came with the mouse key just read.
    static MouseEvent mouse();
};

}  // namespace tracetop::ui
