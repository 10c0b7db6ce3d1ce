// tracetop --remote (issue 17): the ssh command line, the host's one-line
// failure, and the process source over a program that plays the remote side.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "capture/process_source.h"
#include "capture/scap_reader.h"
#include "engine/remote_command.h"
#include "../common/shared_captures.h"

using namespace tracetop;

TEST_CASE("[user@]host[:port] and [ipv6]:port split as ssh needs them") {
    auto t = engine::parse_remote_target("root@db1:2222");
    REQUIRE(t);
    CHECK(t->destination == "root@db1");
    CHECK(t->port == "2222");
    t = engine::parse_remote_target("[::1]:22");
    REQUIRE(t);
    CHECK(t->destination == "::1");
    CHECK(t->port == "22");
    t = engine::parse_remote_target("me@::1");
    REQUIRE(t);
    CHECK(t->destination == "me@::1");
    CHECK(!t->port);
    CHECK(!engine::parse_remote_target("host:0"));
    CHECK(!engine::parse_remote_target("host:x"));
    CHECK(!engine::parse_remote_target("-oProxyCommand=x"));
    CHECK(!engine::parse_remote_target("[::1"));
}

TEST_CASE("the remote command is one shell-quoted word list; the local filter stays here") {
    engine::Options o;
    o.remote = "h";
    o.remote_tracetop = "/opt/it's/tracetop";
    o.filter = "proc.name=x";
    o.ssh_options = {"IdentityFile=/k"};
    const auto argv = engine::remote_ssh_argv(o, {"root@h", std::string("2200")});
    REQUIRE(argv.size() > 4);
    CHECK(argv[argv.size() - 2] == "root@h");
    CHECK(argv.back().rfind("'/opt/it'\\''s/tracetop' '-w' '-'", 0) == 0);
    CHECK(argv.back().find("proc.name") == std::string::npos);
    o.remote_filter = "evt.type=open";
    CHECK(engine::remote_ssh_argv(o, {"h", std::nullopt}).back().find("'--' 'evt.type=open'") != std::string::npos);
}

TEST_CASE("the reason a remote side failed is its last telling line, sanitized") {
    CHECK(capture::summarise_stderr("Warning: Permanently added 'x'\ntracetop: capturing (2 CPUs)\n"
                                    "tracetop: live capture needs root\nbye\n") == "tracetop: live capture needs root");
    CHECK(capture::summarise_stderr("ssh: connect to host h port 1: Connection refused\r\n") ==
          "ssh: connect to host h port 1: Connection refused");
    CHECK(capture::summarise_stderr("evil\x1b]0;pwned\x07\n") == "evil?]0;pwned?");
    CHECK(capture::summarise_stderr("csi\x9b" "2J\n") == "csi?2J");
    CHECK(capture::summarise_stderr("") == "");
}

TEST_CASE("a program's scap output is read to the end, as the file itself") {
    const std::string file = test::shared_capture("curl_google.scap");
    auto direct = capture::ScapReader::open(file);
    REQUIRE(direct);
    uint64_t want = 0;
    event::EventView ev;
    while ((*direct)->next(ev) == capture::ReadStatus::Event) ++want;

    auto source = capture::open_process_source({"sh", "-c", "exec zcat -f \"$0\"", file}, "host");
    REQUIRE_MESSAGE(source, (source ? std::string() : source.error().message));
    uint64_t got = 0;
    capture::ReadStatus rs;
    while ((rs = (*source)->next(ev)) == capture::ReadStatus::Event || rs == capture::ReadStatus::Idle) {
        if (rs == capture::ReadStatus::Event) ++got;
    }
    CHECK(rs == capture::ReadStatus::End);
    CHECK(got == want);
}

TEST_CASE("a program that writes no capture fails with its own line") {
    auto source = capture::open_process_source(
        {"sh", "-c", "echo 'tracetop: live capture: not root' >&2; exit 3"}, "db1");
    REQUIRE(!source);
    CHECK(source.error().message == "db1: tracetop: live capture: not root");
    source = capture::open_process_source({"sh", "-c", "exit 255"}, "db2");
    REQUIRE(!source);
    CHECK(source.error().message == "db2: no capture came (sh exited with status 255)");
}
