// Actions on a row of the explorer (csysdig's F8, htop's k/F7/F8): what
// views/actions.toml and the user's ~/.config/tracetop/actions.toml define,
// and the system calls behind the built-in ones. Everything that changes the
// system happens here, away from the screen; each call answers with the line
// the status bar shows (the result, or the error by name: EPERM, ESRCH...).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "event/result.h"

namespace tracetop::engine {

struct RowAction {
    enum class Kind {
        Signal,   // pick a signal (SIGTERM first), send it
        Renice,   // pick a nice value, set it
        View,     // open `view` scoped to the row (a drill-down level)
        Copy,     // copy the row or its command line (`copy` = "row" | "cmdline")
        Command,  // run `command` through /bin/sh with $TRACETOP_VALUE set
    };
    std::string id;
    std::string name;   // in the menu
    std::string key;    // one character that picks it in the menu
    Kind kind = Kind::Command;
    std::string field = "proc.pid";   // what it needs from the row
    std::vector<std::string> views;   // the views it shows in; empty: any with `field`
    bool confirm = false;             // ask before doing it
    std::string view;                 // Kind::View
    bool follow = false;              // Kind::View: stay at its newest row as events come (tail -f)
    std::string copy;                 // Kind::Copy
    std::string command;              // Kind::Command
    // Whether it changes the system (and so runs live only).
    bool changes_system() const { return kind == Kind::Signal || kind == Kind::Renice || kind == Kind::Command; }
};

// Parses an actions file; `origin` names it in errors ("actions.toml: action
// 2 (\"kill\"): unknown kind \"explode\"").
Result<std::vector<RowAction>> parse_actions(std::string_view text, std::string_view origin);

// The built-in actions with the user's file (XDG_CONFIG_HOME or
// ~/.config/tracetop/actions.toml) after them; a user action with the id of a
// built-in one replaces it. A bad user file is an error, not ignored.
Result<std::vector<RowAction>> load_actions(std::string_view builtin_text);

// The user's actions file (it need not exist).
std::string user_actions_path();

struct SignalName {
    int number;
    std::string_view name;  // "SIGTERM"
};
// The signals the menu offers, SIGTERM first, then by number.
std::span<const SignalName> signal_menu();

// kill(pid, sig); "SIGTERM sent to 1234" or "SIGTERM to 1234: EPERM (Operation not permitted)".
std::string send_signal(int64_t pid, int sig);
// setpriority(PRIO_PROCESS) of one thread or process.
std::string set_nice(int64_t pid, int nice);
// /bin/sh -c `command` with TRACETOP_VALUE=`value` in the environment; its
// output goes to /dev/null (the screen is ncurses'); the exit status comes back.
std::string run_command(const std::string& command, const std::string& value);

}  // namespace tracetop::engine
