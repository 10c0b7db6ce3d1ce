#include <doctest/doctest.h>

#include <string>

#include "event_builder.h"
#include "state/socket_names.h"

using namespace tracetop::state;
using namespace tracetop::state::test;

namespace {
std::string tuple_text(const Bytes& raw) {
    OutBuffer out;
    append_tuple_param(raw, out);
    return {out.data(), out.size()};
}
}  // namespace

TEST_CASE("IPv4 tuples read source->destination with ports") {
    CHECK(tuple_text(ipv4_tuple({10, 0, 0, 79}, 22, {50, 207, 137, 246}, 63740)) == "10.0.0.79:22->50.207.137.246:63740");
}

TEST_CASE("IPv6 tuples are compressed and unbracketed; mapped ones read as IPv4") {
    CHECK(tuple_text(ipv6_tuple(ipv6_doc(4), 54405, ipv6_doc(3), 1234)) == "2001:db8::4:54405->2001:db8::3:1234");
    Bytes mapped_s(16, 0), mapped_d(16, 0);
    mapped_s[10] = mapped_s[11] = mapped_d[10] = mapped_d[11] = 0xFF;
    mapped_s[12] = 127, mapped_s[15] = 1;
    mapped_d[12] = 10, mapped_d[15] = 2;
    CHECK(tuple_text(ipv6_tuple(mapped_s, 1000, mapped_d, 80)) == "127.0.0.1:1000->10.0.0.2:80");
}

TEST_CASE("unix tuples show lower-case hex pointers, 0 for none, then the path") {
    CHECK(tuple_text(unix_tuple(0, 0xffff88003c420800ull, "/var/run/nscd/socket")) ==
          "0->ffff88003c420800 /var/run/nscd/socket");
}

TEST_CASE("an empty tuple is NULL") { CHECK(tuple_text({}) == "NULL"); }

TEST_CASE("the all-zero IPv6 address counts as IPv4, as in sinsp") {
    Bytes zero(16, 0);
    CHECK(is_ipv4_mapped(zero.data()));
    CHECK_FALSE(is_ipv4_mapped(ipv6_doc(1).data()));
}
