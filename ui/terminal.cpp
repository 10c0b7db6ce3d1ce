#include "terminal.h"

#include <atomic>
#include <clocale>
#include <csignal>
#include <poll.h>
#include <termios.h>
#include <unistd.h>
#include <cstring>
#include <initializer_list>

#include <curses.h>
#include <langinfo.h>

#include "capture/file_mapping.h"

namespace tracetop::ui {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
volatile std::sig_atomic_t g_active = 0;
bool g_utf8 = false;

// A stop asks the explorer to finish (a -w recording gets its end). If it
// has not exited 15 s later something is stuck: SIGALRM's default action
// then ends it, so a stop never turns into a hang. A net only: the spin that
// made it (session 6, CI) was the sanitizer's leak check at exit
// (leak_check_guard.h). alarm() is async-signal-safe.
constexpr unsigned kStopGraceSeconds = 15;
void on_stop(int) {
    if (!g_interrupted) alarm(kStopGraceSeconds);
    g_interrupted = 1;
}

// A crash must not leave the user's terminal raw and invisible: give it back,
// then die of the same signal so the exit status and core dump stay truthful.
void on_crash(int sig) {
    if (g_active) endwin();
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

// issue 15 (pass2): the explorer reads a capture file through a mapping; if
// another program truncates the file meanwhile, reading the lost pages
// raises SIGBUS. That is not a crash of ours: give the terminal back, say
// what happened, and end with a plain failure status, no core dump. Any
// other SIGBUS is a crash as above.
void write_err(const char* s) {
    size_t n = 0;
    while (s[n] != '\0') ++n;
    while (n > 0) {
        const ssize_t w = ::write(STDERR_FILENO, s, n);
        if (w <= 0) return;
        s += w;
        n -= static_cast<size_t>(w);
    }
}

// The terminal's settings before curses changed them. The handler sets them
// again after endwin() and right before _exit: the signal comes on whichever
// thread read the lost page, and the UI thread may refresh in between, which
// puts curses back into raw mode (CI saw a shell left without echo).
termios g_shell_termios{};
bool g_have_shell_termios = false;
std::atomic_flag g_bus_taken = ATOMIC_FLAG_INIT;

void on_bus(int sig, siginfo_t* info, void*) {
    const char* path = info ? capture::mapped_capture_at(info->si_addr) : nullptr;
    if (path == nullptr) on_crash(sig);
    // Two threads can read lost pages at once (a replay split over both
    // cores): the first one ends the process, the other waits for that.
    if (g_bus_taken.test_and_set()) {
        for (;;) pause();
    }
    if (g_have_shell_termios) tcsetattr(STDIN_FILENO, TCSANOW, &g_shell_termios);
    if (g_active) endwin();
    if (g_have_shell_termios) tcsetattr(STDIN_FILENO, TCSANOW, &g_shell_termios);
    write_err("tracetop: ");
    write_err(path);
    write_err(": the file shrank while tracetop was reading it (truncated by another program?)\n");
    if (g_have_shell_termios) tcsetattr(STDIN_FILENO, TCSANOW, &g_shell_termios);
    _exit(1);
}

}  // namespace

Terminal::Terminal() {
    std::setlocale(LC_ALL, "");
    g_utf8 = std::strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    // Esc must answer at once; curses waits a full second by default to see
    // whether an escape sequence follows.
    set_escdelay(25);
    g_have_shell_termios = tcgetattr(STDIN_FILENO, &g_shell_termios) == 0;
    initscr();
    g_active = 1;
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    // Home and End as tmux, screen and the Linux console send them: a
    // terminfo entry that lacks them (xterm's, used inside tmux) would hand
    // us a bare Esc, which closes panes.
    define_key("\033[1~", KEY_HOME);
    define_key("\033[4~", KEY_END);
    curs_set(0);
    // Our own double-click detection: curses' waits for the click interval
    // before reporting a single click.
    mouseinterval(0);
    mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, nullptr);
    struct sigaction sa {};
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr);
    for (int sig : {SIGSEGV, SIGABRT, SIGFPE, SIGILL}) std::signal(sig, on_crash);
    struct sigaction bus {};
    bus.sa_sigaction = on_bus;
    bus.sa_flags = SA_SIGINFO;
    sigemptyset(&bus.sa_mask);
    sigaction(SIGBUS, &bus, nullptr);
}

Terminal::~Terminal() {
    g_active = 0;
    endwin();
}

bool Terminal::interrupted() { return g_interrupted != 0; }
bool Terminal::utf8() { return g_utf8; }

bool Terminal::hung_up() {
    pollfd in{STDIN_FILENO, POLLIN, 0};
    return poll(&in, 1, 0) == 1 && (in.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

MouseEvent Terminal::mouse() {
    MEVENT ev;
    if (getmouse(&ev) != OK) return {};
    MouseEvent out{MouseEvent::Kind::None, ev.x, ev.y};
    if (ev.bstate & BUTTON4_PRESSED) {
        out.kind = MouseEvent::Kind::WheelUp;
    } else if (ev.bstate & BUTTON5_PRESSED) {
        out.kind = MouseEvent::Kind::WheelDown;
    } else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
        out.kind = MouseEvent::Kind::Press;
    } else if (ev.bstate & BUTTON1_RELEASED) {
        out.kind = MouseEvent::Kind::Release;  // the end of a drag on the timeline strip
    }
    return out;
}

}  // namespace tracetop::ui
