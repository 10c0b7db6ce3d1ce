// syscall.type (issue 14, syscalltype): evt.type's name for system calls,
// unset for the events sysdig 0.29.3 does not count as one. csysdig's
// v_syscalls.lua and v_syscall_procs.lua filter on `syscall.type exists`.
#include <doctest/doctest.h>

#include "../common/field_harness.h"
#include "state/event_codes.h"

using namespace tracetop;
using namespace tracetop::state::test;
using namespace tracetop::state::test::event_codes;
using tracetop::test::FieldHarness;
namespace codes = tracetop::state::codes;

namespace {

event::CaptureHeader header() {
    event::CaptureHeader h;
    h.threads = {thread_record(200, 200, "curl")};
    return h;
}

}  // namespace

TEST_CASE("syscall.type names system calls, generic ones by their own name") {
    FieldHarness h(header());
    // Named: the harness reads the event's bytes until the next one.
    const BuiltEvent e1(10, 200, kOpenE, {str("/etc/passwd"), u32(1), u32(0)});
    h.feed(e1);
    CHECK(h.matches("syscall.type=open and syscall.type exists"));
    const BuiltEvent e2(20, 200, kOpenX, {i64(3), str("/etc/passwd"), u32(1), u32(0)});
    h.feed(e2);
    CHECK(h.matches("syscall.type=open"));
    // rseq (x86_64 334) without a PPM_SC code: the native name, as evt.type.
    const BuiltEvent e3(30, 200, 0, {u16(0), u16(334)});
    h.feed(e3);
    CHECK(h.matches("syscall.type=rseq"));
    // Tracepoints sysdig 0.29.3 does not mark keep their name.
    const BuiltEvent e4(40, 200, PPME_SIGNALDELIVER_E, {u64(100), u64(200), u8(9)});
    h.feed(e4);
    CHECK(h.matches("syscall.type=signaldeliver"));
}

TEST_CASE("syscall.type is unset for switch, page_fault and internal events; csysdig's sysdigevent exit has it") {
    FieldHarness h(header());
    const BuiltEvent e5(10, 200, codes::kSwitchE, {i64(0), u64(0), u64(0), u32(0), u32(0), u32(0)});
    h.feed(e5);
    CHECK(h.matches("evt.type=switch"));
    CHECK_FALSE(h.matches("syscall.type exists"));
    const BuiltEvent e6(20, 200, codes::kProcInfoE, {u64(1), u64(2)});
    h.feed(e6);
    CHECK(h.matches("evt.type=procinfo"));
    CHECK_FALSE(h.matches("syscall.type exists"));
    const BuiltEvent e7(30, 200, codes::kPageFaultE, {u64(0x1000), u64(0x2000), u32(0)});
    h.feed(e7);
    CHECK_FALSE(h.matches("syscall.type exists"));
    const BuiltEvent e8(40, 200, codes::kSysdigEventE, {u32(0), u64(0)});
    h.feed(e8);
    CHECK_FALSE(h.matches("syscall.type exists"));
    // The exit is csysdig's sample-end event (one per thread): it passes.
    const BuiltEvent e9(50, 200, codes::kSysdigEventX, {});
    h.feed(e9);
    CHECK(h.matches("syscall.type=sysdigevent"));
}
