// Socket state of state::Model: names sysdig gives to connections, servers
// and unix sockets, from /proc records and from events.
#include <doctest/doctest.h>

#include <string>

#include "event/header_records.h"
#include "event_builder.h"
#include "model_queries.h"
#include "state/model.h"
#include "state/model_arg_context.h"

using namespace tracetop;
using namespace tracetop::state;
using namespace tracetop::state::test;
using namespace tracetop::state::test::event_codes;

namespace {

event::CaptureHeader one_process(int64_t pid) {
    event::CaptureHeader h;
    h.threads.push_back(thread_record(pid, pid, "nc", "/"));
    h.fd_lists.push_back({pid, {}});
    return h;
}

}  // namespace

TEST_CASE("connections from /proc whose local port listens are turned to read client->server") {
    event::CaptureHeader h = one_process(10);
    h.fd_lists[0].fds = {tcp4_server_fd(3, 22), tcp4_fd(4, {10, 0, 0, 79}, 22, {50, 207, 137, 246}, 63740),
                         tcp4_fd(5, {10, 0, 0, 79}, 40000, {50, 207, 137, 246}, 443)};
    Model model;
    model.load_header(h);
    CHECK(model.find_fd(10, 3)->name.view() == "0.0.0.0:22");
    CHECK(model.find_fd(10, 4)->name.view() == "50.207.137.246:63740->10.0.0.79:22");
    CHECK(model.find_fd(10, 4)->role == SocketRole::Server);
    CHECK(model.find_fd(10, 5)->name.view() == "10.0.0.79:40000->50.207.137.246:443");
    CHECK(describe(model, 10, 4) == "<4t>50.207.137.246:63740->10.0.0.79:22");
}

TEST_CASE("an IPv6 server: socket, bind, accept, as sysdig names them") {
    Model model;
    model.load_header(one_process(25886));
    feed(model, 1, 25886, kSocketE, {u32(10), u32(1), u32(6)});
    const EventContext& sock = feed(model, 2, 25886, kSocketX, {i64(3)});
    CHECK(sock.fd_entry->type == FdType::Ipv6Socket);
    CHECK(name_of(sock) == "");
    CHECK(describe(model, 25886, 3) == "<6>");  // no role yet: no protocol letter

    feed(model, 3, 25886, kBindE, {i64(3)});
    const EventContext& bound = feed(model, 4, 25886, kBindX, {i64(0), ipv6_addr(ipv6_doc(3), 1234)});
    CHECK(name_of(bound) == "2001:db8::3:1234");
    CHECK(describe(model, 25886, 3) == "<6t>2001:db8::3:1234");

    feed(model, 5, 25886, kAcceptE, {});
    const EventContext& acc =
        feed(model, 6, 25886, kAcceptX, {i64(4), ipv6_tuple(ipv6_doc(4), 54405, ipv6_doc(3), 1234), u8(0), u32(0), u32(1)});
    CHECK(acc.fd == 4);
    CHECK(name_of(acc) == "2001:db8::4:54405->2001:db8::3:1234");
    CHECK(describe(model, 25886, 4) == "<6t>2001:db8::4:54405->2001:db8::3:1234");
}

TEST_CASE("connect names the socket from the tuple; a reconnect without an address keeps the destination") {
    Model model;
    model.load_header(one_process(7));
    feed(model, 1, 7, kSocketE, {u32(2), u32(1), u32(6)});
    feed(model, 2, 7, kSocketX, {i64(3)});
    feed(model, 3, 7, kConnectE, {i64(3), cat({u8(2), Bytes{93, 184, 216, 34}, u16(80)})});
    const EventContext& ctx =
        feed(model, 4, 7, kConnectX, {i64(-115), ipv4_tuple({10, 0, 0, 5}, 51000, {93, 184, 216, 34}, 80)});
    CHECK(name_of(ctx) == "10.0.0.5:51000->93.184.216.34:80");
    CHECK(describe(model, 7, 3) == "<4t>10.0.0.5:51000->93.184.216.34:80");

    // Older drivers send connect's enter with the fd only (as in the sample files).
    feed(model, 5, 7, kConnectE, {i64(3)});
    feed(model, 6, 7, kConnectX, {i64(0), ipv4_tuple({10, 0, 0, 5}, 51001, {1, 1, 1, 1}, 443)});
    CHECK(model.find_fd(7, 3)->name.view() == "10.0.0.5:51001->93.184.216.34:80");
}

TEST_CASE("a failed connect is named from its tuple, even when the fd is known") {
    Model model;
    model.load_header(one_process(25888));
    feed(model, 1, 25888, kSocketE, {u32(1), u32(526337), u32(0)});
    feed(model, 2, 25888, kSocketX, {i64(3)});
    feed(model, 3, 25888, kConnectE, {i64(3)});
    const EventContext& ctx =
        feed(model, 4, 25888, kConnectX, {i64(-2), unix_tuple(0, 0xffff94dc817b9400ull, "/var/run/nscd/socket")});
    REQUIRE(ctx.fd_entry != nullptr);
    CHECK(ctx.fd_entry->type == FdType::Unix);
    CHECK(name_of(ctx) == "0->ffff94dc817b9400 /var/run/nscd/socket");
    CHECK(model.find_fd(25888, 3)->name.empty());
}
