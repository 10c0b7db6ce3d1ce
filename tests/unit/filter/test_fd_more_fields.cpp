// fields_fd_more.cpp's and fields_fd.cpp's later fields on built events
// (tests/unit/common/field_harness.h): fd.uid, the ports as text
// (fd.cproto ...), and the networks of one end (fd.cnet ...).
#include <doctest/doctest.h>

#include "../common/field_harness.h"
#include "filter/field_registry.h"

using namespace tracetop;
using namespace tracetop::state::test;
using namespace tracetop::state::test::event_codes;
using tracetop::test::FieldHarness;

namespace {

// Process 7 with a TCP connection 10.0.0.5:51000 -> 93.184.216.34:80 on
// fd 4 (as /proc listed it), a listener on port 8080 as fd 5 and a file as fd 3.
event::CaptureHeader client_header() {
    event::CaptureHeader h;
    h.threads.push_back(thread_record(7, 7, "curl"));
    h.fd_lists.push_back({7, {file_fd(3, "/etc/hosts"), tcp4_fd(4, {10, 0, 0, 5}, 51000, {93, 184, 216, 34}, 80),
                              tcp4_server_fd(5, 8080)}});
    return h;
}

// A read by thread 7 on `fd` (its enter and exit), the exit being current.
void read_on(FieldHarness& h, int64_t fd, uint64_t num) {
    static thread_local std::vector<BuiltEvent> kept;  // the harness keeps a view of the latest
    kept.clear();
    kept.reserve(2);
    kept.emplace_back(num * 10, 7, kReadE, std::vector<Bytes>{i64(fd), u32(16)});
    h.feed(kept.back(), num);
    kept.emplace_back(num * 10 + 1, 7, kReadX, std::vector<Bytes>{i64(3), Bytes{'a', 'b', 'c'}});
    h.feed(kept.back(), num + 1);
}

}  // namespace

TEST_CASE("fd.uid is the thread id and the fd number, on fd events only") {
    FieldHarness h(client_header());
    read_on(h, 3, 1);
    CHECK(h.matches("fd.uid=73"));
    read_on(h, 4, 3);
    CHECK(h.matches("fd.uid=74"));
    const BuiltEvent no_fd(100, 7, kGenericE, {u16(39)});
    h.feed(no_fd, 5);
    CHECK_FALSE(h.matches("fd.uid exists"));
}

TEST_CASE("the ports as text: client, server, local and remote of a connection") {
    FieldHarness h(client_header());
    read_on(h, 4, 1);
    CHECK(h.matches("fd.cproto=51000"));
    CHECK(h.matches("fd.sproto=80"));
    CHECK(h.matches("fd.lproto=51000"));  // the client's own socket: local is the client's end
    CHECK(h.matches("fd.rproto=80"));
    CHECK(h.matches("fd.sproto contains 8"));
}

TEST_CASE("the ports as text where sysdig has none, or an empty one") {
    FieldHarness h(client_header());
    read_on(h, 3, 1);  // a file
    for (const char* f : {"fd.cproto", "fd.sproto", "fd.lproto", "fd.rproto"}) {
        CAPTURE(f);
        CHECK_FALSE(h.matches(std::string(f) + " exists"));
    }
    read_on(h, 5, 3);  // a listening socket: sysdig leaves its server port's text empty
    CHECK(h.matches("fd.sproto exists and fd.sproto=''"));
    CHECK_FALSE(h.matches("fd.lproto exists"));
}

TEST_CASE("fd.cnet and its kin match one end's address against a network") {
    FieldHarness h(client_header());
    read_on(h, 4, 1);
    CHECK(h.matches("fd.cnet=10.0.0.0/8"));
    CHECK_FALSE(h.matches("fd.snet=10.0.0.0/8"));
    CHECK(h.matches("fd.snet=93.184.216.0/24"));
    CHECK(h.matches("fd.lnet=10.0.0.0/24"));
    CHECK(h.matches("fd.rnet=93.184.0.0/16"));
    CHECK_FALSE(h.matches("fd.rnet=10.0.0.0/8"));
    read_on(h, 3, 3);  // a file has no address
    CHECK_FALSE(h.matches("fd.cnet=0.0.0.0/0"));
}

// fd.sip.name and its kin (host_names.h): a filter's name is resolved when it
// compiles (localhost: /etc/hosts, no network), and the address then shows
// as that name; a name that resolves to nothing matches nothing.
TEST_CASE("host names: a filter's name matches its addresses and names them afterwards") {
    event::CaptureHeader header;
    header.threads.push_back(thread_record(7, 7, "curl"));
    header.fd_lists.push_back({7, {tcp4_fd(4, {127, 0, 0, 1}, 51000, {10, 1, 2, 3}, 80)}});
    FieldHarness h(header);
    read_on(h, 4, 1);
    const std::string_view name = "fd.cip.name";
    const auto shown = [&h](std::string_view field) {
        filter::FieldValues values;
        auto bound = filter::resolve_field(field, std::nullopt);
        REQUIRE(bound.ok());
        bound->def->extract(h.fields(), bound->arg, values);
        return values.empty() ? std::string("<none>") : std::string(values[0].s);
    };
    CHECK(shown(name) == "");  // no filter named the address yet
    CHECK(h.matches("fd.cip.name=localhost"));
    CHECK(h.matches("fd.lip.name=localhost"));
    CHECK_FALSE(h.matches("fd.sip.name=localhost"));
    CHECK(h.matches("fd.sip.name!=localhost"));
    CHECK(h.matches("fd.cip.name in (nothing.invalid, localhost)"));
    CHECK_FALSE(h.matches("fd.cip.name=nothing.invalid"));
    CHECK(shown(name) == "localhost");
    CHECK(shown("fd.sip.name") == "");
    CHECK_FALSE(filter::CompiledFilter::compile("fd.cip.name contains local").ok());
    CHECK_FALSE(filter::CompiledFilter::compile("fd.cip.name > localhost").ok());
}
