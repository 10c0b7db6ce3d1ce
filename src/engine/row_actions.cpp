#include "engine/row_actions.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "event/errno_names.h"

extern char** environ;

namespace tracetop::engine {
namespace {

struct KindName {
    RowAction::Kind kind;
    std::string_view name;
};
constexpr KindName kKinds[] = {{RowAction::Kind::Signal, "signal"}, {RowAction::Kind::Renice, "renice"},
                               {RowAction::Kind::View, "view"},     {RowAction::Kind::Copy, "copy"},
                               {RowAction::Kind::Command, "command"}};

constexpr std::string_view kSettings[] = {"id", "name", "key", "kind", "field", "views", "confirm", "view", "copy",
                                          "command", "follow"};

// "EPERM (Operation not permitted)"
std::string errno_text(int err) { return fmt::format("{} ({})", event::errno_name(err), event::errno_meaning(err)); }

// One [[action]] entry; an empty string when it is good.
std::string read_action(const toml::table& entry, RowAction& a) {
    for (const auto& [setting, value] : entry) {
        if (std::find(std::begin(kSettings), std::end(kSettings), setting.str()) == std::end(kSettings)) {
            return fmt::format("unknown setting \"{}\"", setting.str());
        }
        const bool flag = setting.str() == "confirm" || setting.str() == "follow";
        const bool ok = setting.str() == "views" ? value.is_array() : flag ? value.is_boolean() : value.is_string();
        if (!ok) return fmt::format("\"{}\" has the wrong type", setting.str());
    }
    a.id = entry["id"].value_or(std::string());
    a.name = entry["name"].value_or(std::string());
    a.key = entry["key"].value_or(std::string());
    if (a.id.empty() || a.name.empty()) return "needs an id and a name";
    if (a.key.size() != 1 || a.key[0] <= ' ' || a.key[0] > '~') return "key must be one printable character";
    const std::string_view kind = entry["kind"].value_or(std::string_view());
    bool known = false;
    for (const KindName& k : kKinds) {
        if (k.name == kind) {
            a.kind = k.kind;
            known = true;
        }
    }
    if (!known) return fmt::format("unknown kind \"{}\" (signal, renice, view, copy, command)", kind);
    a.field = entry["field"].value_or(std::string("proc.pid"));
    a.confirm = entry["confirm"].value_or(a.changes_system());
    a.view = entry["view"].value_or(std::string());
    a.follow = entry["follow"].value_or(false);
    a.copy = entry["copy"].value_or(std::string());
    a.command = entry["command"].value_or(std::string());
    if (const toml::array* views = entry["views"].as_array()) {
        for (const toml::node& v : *views) {
            if (!v.is_string()) return "\"views\" must list view ids";
            a.views.push_back(*v.value<std::string>());
        }
    }
    if (a.kind == RowAction::Kind::View && a.view.empty()) return "kind \"view\" needs view = \"<view id>\"";
    if (a.kind == RowAction::Kind::Copy && a.copy != "row" && a.copy != "cmdline") {
        return "kind \"copy\" needs copy = \"row\" or \"cmdline\"";
    }
    if (a.kind == RowAction::Kind::Command && a.command.empty()) return "kind \"command\" needs a command";
    // A signal or a nice value goes to a process or thread id, nothing else.
    if ((a.kind == RowAction::Kind::Signal || a.kind == RowAction::Kind::Renice) && a.field != "proc.pid" &&
        a.field != "thread.tid") {
        return "signal and renice act on field proc.pid or thread.tid";
    }
    return {};
}

std::string config_dir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::string(xdg) + "/tracetop";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.config/tracetop";
    return {};
}

}  // namespace

Result<std::vector<RowAction>> parse_actions(std::string_view text, std::string_view origin) {
    toml::table root;
    try {
        root = toml::parse(text);
    } catch (const toml::parse_error& e) {
        return Error(fmt::format("{}:{}: {}", origin, e.source().begin.line, e.description()));
    }
    for (const auto& [key, value] : root) {
        if (key.str() != "action") {
            return Error(fmt::format("{}: unknown table \"{}\" (only [[action]])", origin, key.str()));
        }
    }
    std::vector<RowAction> out;
    const toml::array* entries = root["action"].as_array();
    if (!entries) return out;
    size_t n = 0;
    for (const toml::node& node : *entries) {
        ++n;
        const toml::table* entry = node.as_table();
        RowAction a;
        const std::string problem = entry ? read_action(*entry, a) : "is not a table";
        if (!problem.empty()) {
            const std::string id = entry ? (*entry)["id"].value_or(std::string()) : std::string();
            return Error(fmt::format("{}: action {}{}: {}", origin, n, id.empty() ? "" : " (\"" + id + "\")", problem));
        }
        out.push_back(std::move(a));
    }
    return out;
}

std::string user_actions_path() {
    const std::string dir = config_dir();
    return dir.empty() ? std::string() : dir + "/actions.toml";
}

Result<std::vector<RowAction>> load_actions(std::string_view builtin_text) {
    auto builtin = parse_actions(builtin_text, "actions.toml (built in)");
    if (!builtin) return builtin;
    const std::string path = user_actions_path();
    std::ifstream in(path);
    if (path.empty() || !in) return builtin;
    std::ostringstream text;
    text << in.rdbuf();
    auto mine = parse_actions(text.str(), path);
    if (!mine) return mine;
    std::vector<RowAction> all = std::move(*builtin);
    for (RowAction& a : *mine) {
        auto same = std::find_if(all.begin(), all.end(), [&](const RowAction& b) { return b.id == a.id; });
        if (same != all.end()) {
            *same = std::move(a);
        } else {
            all.push_back(std::move(a));
        }
    }
    return all;
}

std::span<const SignalName> signal_menu() {
    static constexpr SignalName kSignals[] = {
        {SIGTERM, "SIGTERM"}, {SIGHUP, "SIGHUP"},   {SIGINT, "SIGINT"},   {SIGQUIT, "SIGQUIT"}, {SIGILL, "SIGILL"},
        {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"}, {SIGBUS, "SIGBUS"},   {SIGFPE, "SIGFPE"},   {SIGKILL, "SIGKILL"},
        {SIGUSR1, "SIGUSR1"}, {SIGSEGV, "SIGSEGV"}, {SIGUSR2, "SIGUSR2"}, {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"},
        {SIGCHLD, "SIGCHLD"}, {SIGCONT, "SIGCONT"}, {SIGSTOP, "SIGSTOP"}, {SIGTSTP, "SIGTSTP"}, {SIGTTIN, "SIGTTIN"},
        {SIGTTOU, "SIGTTOU"}, {SIGURG, "SIGURG"},   {SIGXCPU, "SIGXCPU"}, {SIGXFSZ, "SIGXFSZ"},
        {SIGVTALRM, "SIGVTALRM"},
        {SIGPROF, "SIGPROF"}, {SIGWINCH, "SIGWINCH"}, {SIGIO, "SIGIO"},   {SIGPWR, "SIGPWR"},   {SIGSYS, "SIGSYS"},
    };
    return kSignals;
}

std::string send_signal(int64_t pid, int sig) {
    std::string_view name = "signal";
    for (const SignalName& s : signal_menu()) {
        if (s.number == sig) name = s.name;
    }
    // Never a process group or every process: only a real id.
    if (pid <= 0) return fmt::format("{} not sent: {} is not a process id", name, pid);
    if (::kill(static_cast<pid_t>(pid), sig) != 0) return fmt::format("{} to {}: {}", name, pid, errno_text(errno));
    return fmt::format("{} sent to {}", name, pid);
}

std::string set_nice(int64_t pid, int nice) {
    if (pid <= 0) return fmt::format("renice: {} is not a process id", pid);
    if (::setpriority(PRIO_PROCESS, static_cast<id_t>(pid), nice) != 0) {
        return fmt::format("renice {} to {}: {}", pid, nice, errno_text(errno));
    }
    return fmt::format("{} reniced to {}", pid, nice);
}

std::string run_command(const std::string& command, const std::string& value) {
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    for (int fd : {0, 1, 2}) {
        posix_spawn_file_actions_addopen(&files, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0);
    }
    std::vector<std::string> env_text;
    for (char** e = environ; e && *e; ++e) {
        if (std::string_view(*e).rfind("TRACETOP_VALUE=", 0) != 0) env_text.emplace_back(*e);
    }
    env_text.push_back("TRACETOP_VALUE=" + value);
    std::vector<char*> envp;
    for (std::string& s : env_text) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::string sh = "/bin/sh", dash_c = "-c", cmd = command;
    char* argv[] = {sh.data(), dash_c.data(), cmd.data(), nullptr};
    pid_t child = 0;
    const int err = posix_spawn(&child, "/bin/sh", &files, nullptr, argv, envp.data());
    posix_spawn_file_actions_destroy(&files);
    if (err != 0) return fmt::format("{}: {}", command, errno_text(err));
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status) == 0 ? fmt::format("done: {}", command)
                                        : fmt::format("{}: exit status {}", command, WEXITSTATUS(status));
    }
    return fmt::format("{}: ended by signal {}", command, WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace tracetop::engine
