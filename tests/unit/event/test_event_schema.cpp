// The generated names (tracetop_events.h) and the generated table come from
// one schema: a name indexes the entry it names, and the count the probe
// writes never exceeds the entry's parameters.
#include <cstdint>

#include <doctest/doctest.h>

#include "event/event_table.h"
#include "event/tracetop_events.h"

using namespace tracetop::event;

namespace {

void check_named(EventType type, std::string_view name, unsigned probe_params) {
    const EventInfo* info = event_info(type);
    REQUIRE(info != nullptr);
    CHECK(info->name == name);
    CHECK(probe_params <= info->params.size());
}

}  // namespace

TEST_CASE("generated names index the generated table") {
    CHECK(PPME_OPENAT_2_E == 306);
    CHECK(PPME_OPENAT_2_X == 307);
    check_named(PPME_OPENAT_2_X, "openat", PPME_OPENAT_2_X_NPARAMS);
    check_named(PPME_OPEN_X, "open", PPME_OPEN_X_NPARAMS);
    check_named(PPME_EXECVE_8_X, "execve", PPME_EXECVE_8_X_NPARAMS);
    check_named(PPME_CLONE_4_X, "clone", PPME_CLONE_4_X_NPARAMS);
    check_named(PPME_SWITCH_2_E, "switch", PPME_SWITCH_2_E_NPARAMS);
    check_named(PPME_SYSCALL_X, "syscall", PPME_SYSCALL_X_NPARAMS);
    CHECK(event_table_size() == PPME_EVENT_COUNT);
}

TEST_CASE("the probe writes sysdig 0.29.3's layouts, without later additions") {
    // open's exit: fd, name, flags, mode, dev; ino came later.
    CHECK(PPME_OPEN_X_NPARAMS == 5);
    CHECK(event_info(PPME_OPEN_X)->params.size() == 6);
    CHECK(PPME_SYSCALL_X_NPARAMS == 1);
    CHECK(PPME_EXECVE_8_X_NPARAMS == 20);
}

TEST_CASE("the state records sinsp reads before the first event are marked") {
    CHECK(is_initial_state(PPME_CONTAINER_E));
    CHECK(is_initial_state(PPME_CONTAINER_2_E));
    CHECK(is_initial_state(PPME_CONTAINER_3_E));
    CHECK(is_initial_state(PPME_USERADDED_E));
    CHECK(is_initial_state(PPME_GROUPDELETED_E));
    CHECK(!is_initial_state(PPME_OPEN_E));
}

// The probe's generated translations, compiled here as plain C++.
#pragma push_macro("__always_inline")
#undef __always_inline
#define __always_inline inline
using __u32 = uint32_t;
using __u64 = uint64_t;
#include "event/ppm_flag_maps.bpf.h"
#pragma pop_macro("__always_inline")

TEST_CASE("openat2's resolve bits are translated to sysdig's order") {
    // Linux: NO_XDEV 0x01, NO_MAGICLINKS 0x02, NO_SYMLINKS 0x04, BENEATH 0x08,
    // IN_ROOT 0x10, CACHED 0x20; sysdig: BENEATH 0x01, IN_ROOT 0x02,
    // NO_MAGICLINKS 0x04, NO_SYMLINKS 0x08, NO_XDEV 0x10, CACHED 0x20.
    CHECK(ppm_resolve_flags(0x08) == 0x01);
    CHECK(ppm_resolve_flags(0x10) == 0x02);
    CHECK(ppm_resolve_flags(0x02) == 0x04);
    CHECK(ppm_resolve_flags(0x04) == 0x08);
    CHECK(ppm_resolve_flags(0x01) == 0x10);
    CHECK(ppm_resolve_flags(0x20) == 0x20);
    CHECK(ppm_resolve_flags(0x08 | 0x04) == (0x01 | 0x08));
    CHECK(ppm_resolve_flags(0) == 0);
}

TEST_CASE("poll bits are translated to sysdig's order") {
    // Linux POLLERR 0x08, POLLHUP 0x10, POLLRDHUP 0x2000; PPM 0x10, 0x20, 0x08.
    CHECK(ppm_poll_flags(0x1 | 0x4) == (0x1 | 0x4));
    CHECK(ppm_poll_flags(0x08) == 0x10);
    CHECK(ppm_poll_flags(0x10) == 0x20);
    CHECK(ppm_poll_flags(0x2000) == 0x08);
    CHECK(ppm_poll_flags(0x100) == 0x200);
}
