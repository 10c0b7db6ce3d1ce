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

namespace {
// sendto, recvfrom, sendmmsg and accept4 layouts (scap-format.md §11.4).
constexpr uint16_t kSendtoE = 30, kSendtoX = 31, kRecvfromE = 34, kRecvfromX = 35, kSendmmsgE = 50,
                   kSendmmsgX = 51, kAccept4E = 248, kAccept4X = 249;
Bytes loopback_addr(uint16_t port) { return cat({u8(2), Bytes{127, 0, 0, 1}, u16(port)}); }
constexpr uint32_t kStream = 1, kDgram = 2;

// An IPv4 socket of `type` as fd `fd` of process `pid`, bound to 127.0.0.1
// port 0; bind's exit.
const EventContext& bound_to_port0(Model& model, int64_t pid, int64_t fd, uint32_t type) {
    feed(model, 1, pid, kSocketE, {u32(2), u32(type), u32(0)});
    feed(model, 2, pid, kSocketX, {i64(fd)});
    feed(model, 3, pid, kBindE, {i64(fd)});
    return feed(model, 4, pid, kBindX, {i64(0), loopback_addr(0)});
}

// accept4 returning `fd`, connected from 127.0.0.1:50001 to 127.0.0.1:`port`.
void accept_on(Model& model, int64_t pid, int64_t fd, uint16_t port) {
    feed(model, 8, pid, kAccept4E, {u32(0)});
    feed(model, 9, pid, kAccept4X,
         {i64(fd), ipv4_tuple({127, 0, 0, 1}, 50001, {127, 0, 0, 1}, port), u8(0), u32(0), u32(4)});
}
}  // namespace

TEST_CASE("a UDP socket bound to port 0 learns the kernel's port from its first outbound tuple") {
    Model model;
    model.load_header(one_process(30));
    CHECK(name_of(bound_to_port0(model, 30, 3, kDgram)) == "127.0.0.1:0");  // bind's argument, as given
    // The enter's tuple was read from the kernel socket: its local end has the port.
    const EventContext& sent = feed(model, 5, 30, kSendtoE,
                                    {i64(3), u32(33), ipv4_tuple({127, 0, 0, 1}, 40001, {127, 0, 0, 1}, 40002)});
    CHECK(name_of(sent) == "127.0.0.1:40001");
    feed(model, 6, 30, kSendtoX, {i64(33), Bytes{'x'}});
    CHECK(model.find_fd(30, 3)->name.view() == "127.0.0.1:40001->127.0.0.1:40002");
}

TEST_CASE("a receive names a UDP socket bound to port 0 from its tuple, as any other") {
    Model model;
    model.load_header(one_process(31));
    bound_to_port0(model, 31, 4, kDgram);
    feed(model, 5, 31, kRecvfromE, {i64(4), u32(64)});
    feed(model, 6, 31, kRecvfromX, {i64(33), Bytes{'x'}, ipv4_tuple({127, 0, 0, 1}, 40001, {127, 0, 0, 1}, 40002)});
    CHECK(model.find_fd(31, 4)->name.view().find("127.0.0.1:40002") != std::string_view::npos);
    CHECK_FALSE(model.find_fd(31, 4)->bound_port_unknown);
}

TEST_CASE("a TCP listener bound to port 0 learns its port from the connection it accepts") {
    Model model;
    model.load_header(one_process(32));
    feed(model, 1, 32, kSocketE, {u32(2), u32(1), u32(0)});
    feed(model, 2, 32, kSocketX, {i64(5)});
    bound_to_port0(model, 32, 3, kStream);
    CHECK(model.find_fd(32, 3)->name.view() == "127.0.0.1:0");
    accept_on(model, 32, 4, 40003);
    CHECK(model.find_fd(32, 3)->name.view() == "127.0.0.1:40003");
    CHECK(describe(model, 32, 3) == "<4t>127.0.0.1:40003");
    // The socket that was never bound is left alone.
    CHECK(model.find_fd(32, 5)->name.view() == "");
}

TEST_CASE("a client bound to port 0 and connected keeps its connection's name") {
    Model model;
    model.load_header(one_process(35));
    bound_to_port0(model, 35, 3, kStream);
    feed(model, 5, 35, kConnectE, {i64(3), loopback_addr(80)});
    feed(model, 6, 35, kConnectX, {i64(0), ipv4_tuple({127, 0, 0, 1}, 50000, {127, 0, 0, 1}, 80)});
    feed(model, 7, 35, kSendtoE, {i64(3), u32(1), ipv4_tuple({127, 0, 0, 1}, 50000, {127, 0, 0, 1}, 80)});
    accept_on(model, 35, 4, 40003);
    CHECK(model.find_fd(35, 3)->name.view() == "127.0.0.1:50000->127.0.0.1:80");
}

TEST_CASE("two listeners bound to port 0 on the same address: an accept names neither") {
    Model model;
    model.load_header(one_process(33));
    bound_to_port0(model, 33, 3, kStream);
    bound_to_port0(model, 33, 4, kStream);
    accept_on(model, 33, 5, 40003);
    CHECK(model.find_fd(33, 3)->name.view() == "127.0.0.1:0");
    CHECK(model.find_fd(33, 4)->name.view() == "127.0.0.1:0");
}

TEST_CASE("sendmmsg's exit finds its fd itself (its enter has no parameters)") {
    Model model;
    model.load_header(one_process(34));
    feed(model, 1, 34, kSocketE, {u32(2), u32(kDgram), u32(0)});
    feed(model, 2, 34, kSocketX, {i64(3)});
    feed(model, 3, 34, kSendmmsgE, {});
    const EventContext& ctx = feed(model, 4, 34, kSendmmsgX,
                                   {i64(2), i64(3), u32(70), Bytes{'x'},
                                    ipv4_tuple({127, 0, 0, 1}, 40001, {127, 0, 0, 1}, 40002)});
    CHECK(ctx.fd == 3);
    REQUIRE(ctx.fd_entry != nullptr);
    // sysdig 0.29.3 reads no tuple there: the name is left as its events make it.
    CHECK(name_of(ctx) == "");
}

namespace {
// An interface record of the capture's header (sinsp keeps an IPv6 one's address only).
event::InterfaceRecord ipv6_interface(const Bytes& addr) {
    event::InterfaceRecord r;
    r.type = 2;
    std::copy(addr.begin(), addr.end(), r.addr.begin());
    return r;
}
Bytes ipv6_unset() { return Bytes(16, 0); }
Bytes ipv6_loopback() {
    Bytes b(16, 0);
    b[15] = 1;
    return b;
}

// A UDP IPv6 socket (fd 3 of process 40) that sends to `dip`:`dport` before
// it is bound or connected: its tuple's local address is "::".
std::string name_after_unbound_send(const std::vector<event::InterfaceRecord>& interfaces, const Bytes& dip,
                                    uint16_t dport) {
    event::CaptureHeader h = one_process(40);
    h.interfaces = interfaces;
    Model model;
    model.load_header(h);
    feed(model, 1, 40, kSocketE, {u32(10), u32(kDgram), u32(0)});
    feed(model, 2, 40, kSocketX, {i64(3)});
    feed(model, 3, 40, kSendtoE, {i64(3), u32(6), ipv6_tuple(ipv6_unset(), 0, dip, dport)});
    feed(model, 4, 40, kSendtoX, {i64(6), Bytes{'T'}});
    return std::string(model.find_fd(40, 3)->name.view());
}
}  // namespace

// sysdig 0.29.3 fills the unknown end of an IPv6 tuple from the capture's
// interfaces, as it does for IPv4 (falcosecurity/libs test_ipv6_client.scap:
// a UDP client's sendto to ::1, then `connect fd=3(<6u>::1:0->::1:2345)`).
TEST_CASE("an IPv6 tuple's unknown local address is guessed from the interfaces, as sysdig does") {
    const auto lo = ipv6_interface(ipv6_loopback());
    const auto global = ipv6_interface(ipv6_doc(3));
    // The peer's own address is an interface: that one.
    CHECK(name_after_unbound_send({global, lo}, ipv6_loopback(), 2345) == "::1:0->::1:2345");
    // The peer in an interface's /64: that interface.
    CHECK(name_after_unbound_send({lo, global}, ipv6_doc(9), 53) == "2001:db8::3:0->2001:db8::9:53");
    // Elsewhere: the first interface that is not ::1.
    Bytes far(16, 0);
    far[0] = 0x2a;
    far[15] = 7;
    CHECK(name_after_unbound_send({lo, global}, far, 53) == "2001:db8::3:0->2a00::7:53");
    // Only ::1 and a far peer, or no interfaces at all: "::" stays.
    CHECK(name_after_unbound_send({lo}, far, 53) == ":::0->2a00::7:53");
    CHECK(name_after_unbound_send({}, ipv6_loopback(), 2345) == ":::0->::1:2345");
}
