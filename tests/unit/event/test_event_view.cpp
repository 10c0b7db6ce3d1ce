// EventView::parse on hand-built v1 and v2 events (scap-format.md §9.1).
#include <doctest/doctest.h>

#include <cstring>

#include "event/event_view.h"
#include "event_builder.h"

using namespace tracetop::event;
using tracetop::event::test::EventBuilder;

namespace {

void set_len(std::vector<uint8_t>& b, uint32_t len) { std::memcpy(b.data() + 16, &len, 4); }

}  // namespace

TEST_CASE("v2: header fields and parameters") {
    const auto b = EventBuilder(3, 17497, 1234567890123ull).i64(3).str("/etc/ld.so.cache").u32(4097).u32(0).v2();
    auto r = EventView::parse(b.data(), b.size(), true);
    REQUIRE(r.ok());
    const EventView& ev = r.value();
    CHECK(ev.ts == 1234567890123ull);
    CHECK(ev.tid == 17497);
    CHECK(ev.type == 3);
    CHECK(ev.nparams() == 4);
    CHECK(!ev.large_lengths());
    CHECK(ev.param_len(0) == 8);
    CHECK(param_as_int(ev.param(0), ParamType::Fd) == 3);
    CHECK(param_as_string(ev.param(1)) == "/etc/ld.so.cache");
    CHECK(param_as_uint(ev.param(2), ParamType::Flags32) == 4097);
    CHECK(ev.param(4).empty());  // beyond nparams
    CHECK(ev.v2_length() == b.size());
    CHECK(ev.body().size() == b.size() - kEventHeaderV2Size);
}

TEST_CASE("v1: the parameter count is inferred from the lengths") {
    // open exit with 4 of its 6 table parameters, as in the real files.
    const auto b = EventBuilder(3).i64(3).str("/lib/x86_64-linux-gnu/libz.so.1").u32(4097).u32(0).v1();
    auto r = EventView::parse(b.data(), b.size(), false);
    REQUIRE(r.ok());
    CHECK(r.value().nparams() == 4);
    CHECK(param_as_string(r.value().param(1)) == "/lib/x86_64-linux-gnu/libz.so.1");
    // The same event re-laid as v2 has the same body.
    const auto b2 = EventBuilder(3).i64(3).str("/lib/x86_64-linux-gnu/libz.so.1").u32(4097).u32(0).v2();
    CHECK(r.value().v2_length() == b2.size());

    // connect enter with 1 of 2.
    const auto c = EventBuilder(22).i64(4).v1();
    auto rc = EventView::parse(c.data(), c.size(), false);
    REQUIRE(rc.ok());
    CHECK(rc.value().nparams() == 1);

    // No parameters at all.
    const auto e = EventBuilder(2).v1();
    auto re = EventView::parse(e.data(), e.size(), false);
    REQUIRE(re.ok());
    CHECK(re.value().nparams() == 0);
}

TEST_CASE("v1: a length a few bytes too large still parses (old meta-events)") {
    const EventInfo* info = event_info(286);
    REQUIRE(info != nullptr);
    EventBuilder eb(286);
    for (size_t k = 0; k < info->params.size(); ++k) eb.str("x");
    auto b = eb.v1();
    const auto real = static_cast<uint32_t>(b.size());
    b.resize(b.size() + 3);
    set_len(b, real + 3);
    auto r = EventView::parse(b.data(), b.size(), false);
    REQUIRE(r.ok());
    CHECK(r.value().nparams() == info->params.size());
}

TEST_CASE("large-payload types read u32 lengths") {
    const std::string json(70000, 'j');
    const auto b = EventBuilder(324).bytes(json).large_lengths().v2();
    auto r = EventView::parse(b.data(), b.size(), true);
    REQUIRE(r.ok());
    CHECK(r.value().large_lengths());
    CHECK(r.value().param_len(0) == 70000);
}

TEST_CASE("bad lengths are rejected") {
    auto b = EventBuilder(3).i64(3).str("/x").v2();

    SUBCASE("buffer shorter than a header") {
        CHECK(!EventView::parse(b.data(), 10, true).ok());
        CHECK(!EventView::parse(b.data(), 21, false).ok());
    }
    SUBCASE("event length beyond the bytes available") {
        CHECK(!EventView::parse(b.data(), b.size() - 1, true).ok());
    }
    SUBCASE("event length smaller than its header") {
        set_len(b, 20);
        CHECK(!EventView::parse(b.data(), b.size(), true).ok());
    }
    SUBCASE("more parameters claimed than fit") {
        const uint32_t n = 1000;
        std::memcpy(b.data() + 22, &n, 4);
        CHECK(!EventView::parse(b.data(), b.size(), true).ok());
    }
    SUBCASE("parameter lengths run past the event") {
        const uint16_t big = 500;
        std::memcpy(b.data() + kEventHeaderV2Size + 2, &big, 2);
        CHECK(!EventView::parse(b.data(), b.size(), true).ok());
    }
    SUBCASE("v1: lengths that overrun keep only the prefix that fits") {
        auto v1 = EventBuilder(3).i64(3).str("/x").v1();
        const uint16_t big = 200;  // the name claims more bytes than the event has
        std::memcpy(v1.data() + kEventHeaderV1Size + 2, &big, 2);
        const auto r = EventView::parse(v1.data(), v1.size(), false);
        REQUIRE(r.ok());
        CHECK(r.value().nparams() == 1);
    }
    SUBCASE("v1: unknown type") {
        auto v1 = EventBuilder(17).u64(1).v1();
        CHECK(!EventView::parse(v1.data(), v1.size(), false).ok());
    }
}
