// The actions file (views/actions.toml and the user's): what it accepts, the
// clear error of each mistake, a user action replacing a built-in one, and
// the signal and renice calls' status lines (EPERM/ESRCH by name).
#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/row_actions.h"

using namespace tracetop::engine;

namespace {

std::string error_of(std::string_view text) {
    auto parsed = parse_actions(text, "a.toml");
    return parsed ? std::string() : parsed.error().message;
}

std::string builtin_text() {
    std::ifstream in(std::string(std::getenv("SOURCE_ROOT")) + "/views/actions.toml");
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("the shipped actions parse, SIGTERM first in the signal list") {
    auto parsed = parse_actions(builtin_text(), "views/actions.toml");
    REQUIRE_MESSAGE(parsed, parsed.error().message);
    REQUIRE(parsed->size() >= 6);
    CHECK(parsed->front().kind == RowAction::Kind::Signal);
    CHECK(parsed->front().confirm);
    CHECK(signal_menu().front().number == SIGTERM);
    bool has_view = false;
    for (const RowAction& a : *parsed) has_view |= a.kind == RowAction::Kind::View && !a.confirm;
    CHECK(has_view);
}

TEST_CASE("a bad actions file gives a clear error naming the action") {
    // An action "x" with these settings after its id, name and key, and the error it gives.
    const std::string head = "[[action]]\nid = \"x\"\nname = \"X\"\n";
    const std::pair<std::string, std::string> cases[] = {
        {"key = \"x\"\nkind = \"explode\"\n", "unknown kind \"explode\" (signal, renice, view, copy, command)"},
        {"key = \"xy\"\nkind = \"signal\"\n", "key must be one printable character"},
        {"key = \"x\"\nkind = \"view\"\n", "kind \"view\" needs view = \"<view id>\""},
        {"key = \"x\"\nkind = \"signal\"\nfield = \"fd.num\"\n",
         "signal and renice act on field proc.pid or thread.tid"},
        {"key = \"x\"\nkind = \"copy\"\ncolour = 1\n", "unknown setting \"colour\""},
    };
    for (const auto& [settings, error] : cases) {
        CHECK(error_of(head + settings) == "a.toml: action 1 (\"x\"): " + error);
    }
    CHECK(error_of("[[action]]\nname = \"X\"\nkey = \"x\"\nkind = \"copy\"\ncopy = \"row\"\n") ==
          "a.toml: action 1: needs an id and a name");
    CHECK(error_of("[actions]\n") == "a.toml: unknown table \"actions\" (only [[action]])");
    CHECK(error_of("[[action]\n").rfind("a.toml:1: ", 0) == 0);
}

TEST_CASE("the user's file adds actions and replaces built-in ones by id") {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("tt-actions-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir / "tracetop");
    setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
    {
        std::ofstream out(dir / "tracetop" / "actions.toml");
        out << "[[action]]\nid = \"renice\"\nname = \"Be nice\"\nkey = \"n\"\nkind = \"renice\"\n"
               "[[action]]\nid = \"gdb\"\nname = \"Debug\"\nkey = \"g\"\nkind = \"command\"\ncommand = \"true\"\n";
    }
    auto all = load_actions(builtin_text());
    REQUIRE_MESSAGE(all, all.error().message);
    const auto renice = std::find_if(all->begin(), all->end(), [](const RowAction& a) { return a.id == "renice"; });
    REQUIRE(renice != all->end());
    CHECK(renice->name == "Be nice");
    CHECK(all->back().id == "gdb");
    CHECK(all->back().confirm);  // a command changes the system: asked by default
    {
        std::ofstream out(dir / "tracetop" / "actions.toml");
        out << "[[action]]\nid = 3\n";
    }
    auto bad = load_actions(builtin_text());
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find((dir / "tracetop" / "actions.toml").string()) == 0);
    unsetenv("XDG_CONFIG_HOME");
    std::filesystem::remove_all(dir);
}

TEST_CASE("signals and nice values: the result or the error by name") {
    int ready[2];
    REQUIRE(pipe(ready) == 0);
    const pid_t child = fork();
    if (child == 0) {
        // The test's handler would report the SIGTERM below as a crash of
        // this copy of the tests: the default action, before the parent sends it.
        signal(SIGTERM, SIG_DFL);
        const char one = 1;
        if (write(ready[1], &one, 1) != 1) _exit(1);
        pause();
        _exit(0);
    }
    char got = 0;
    REQUIRE(read(ready[0], &got, 1) == 1);
    close(ready[0]);
    close(ready[1]);
    CHECK(set_nice(child, 7) == std::to_string(child) + " reniced to 7");
    CHECK(getpriority(PRIO_PROCESS, static_cast<id_t>(child)) == 7);
    CHECK(send_signal(child, SIGTERM) == "SIGTERM sent to " + std::to_string(child));
    int status = 0;
    waitpid(child, &status, 0);
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM));
    // Reaped: the id names no process now.
    CHECK(send_signal(child, SIGKILL) == "SIGKILL to " + std::to_string(child) + ": ESRCH (No such process)");
    CHECK(send_signal(0, SIGKILL) == "SIGKILL not sent: 0 is not a process id");
    CHECK(send_signal(-1, SIGKILL) == "SIGKILL not sent: -1 is not a process id");
    CHECK(run_command("exit 3", "1") == "exit 3: exit status 3");
    CHECK(run_command("test \"$TRACETOP_VALUE\" = 42", "42") == "done: test \"$TRACETOP_VALUE\" = 42");
}

// ui16: a view action may follow its newest row (the shipped "follow" does).
TEST_CASE("follow = true: a view that keeps its newest row; a flag, not text") {
    auto parsed = parse_actions(builtin_text(), "views/actions.toml");
    REQUIRE(parsed);
    bool follows = false;
    for (const RowAction& a : *parsed) {
        if (a.id == "follow") follows = a.follow && a.kind == RowAction::Kind::View && a.view == "events";
        if (a.id == "files") CHECK_FALSE(a.follow);
    }
    CHECK(follows);
    const std::string head = "[[action]]\nid = \"x\"\nname = \"X\"\nkey = \"x\"\nkind = \"view\"\nview = \"events\"\n";
    CHECK(error_of(head + "follow = \"yes\"\n") == "a.toml: action 1 (\"x\"): \"follow\" has the wrong type");
    CHECK(error_of(head + "follow = true\n").empty());
}
