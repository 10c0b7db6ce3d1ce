// proc.vm* and thread.vm*(.b): the process's memory from its main thread, and
// 0 on secondary threads for thread.* (as sysdig 0.29.3 prints them), so a
// view that sums threads counts each process once.
#include <doctest/doctest.h>

#include "../common/field_harness.h"

using namespace tracetop;
using namespace tracetop::state::test;
using namespace tracetop::state::test::event_codes;
using tracetop::test::FieldHarness;

namespace {

// curl: main thread 200 with 93240 kB virtual, 5144 kB resident, 12 kB swapped;
// 201 is its second thread (which the kernel reports with no memory of its own).
event::CaptureHeader header() {
    event::CaptureHeader h;
    event::ThreadRecord main = thread_record(200, 200, "curl");
    main.vmsize_kb = 93240;
    main.vmrss_kb = 5144;
    main.vmswap_kb = 12;
    event::ThreadRecord second = thread_record(201, 200, "curl", "/home/ubuntu", kThreadFlags);
    h.threads = {main, second};
    return h;
}

}  // namespace

TEST_CASE("memory of the main thread: the process's, in kB and bytes") {
    FieldHarness h(header());
    const BuiltEvent ev(10, 200, kCloseE, {i64(3)});
    h.feed(ev, 1);
    CHECK(h.matches("proc.vmsize=93240 and proc.vmrss=5144 and proc.vmswap=12"));
    CHECK(h.matches("thread.vmsize=93240 and thread.vmrss=5144"));
    CHECK(h.matches("thread.vmsize.b=95477760 and thread.vmrss.b=5267456"));
}

TEST_CASE("memory on a secondary thread: proc.* is the process's, thread.* is 0") {
    FieldHarness h(header());
    const BuiltEvent ev(10, 201, kCloseE, {i64(3)});
    h.feed(ev, 1);
    CHECK(h.matches("proc.vmsize=93240 and proc.vmrss=5144 and proc.vmswap=12"));
    CHECK(h.matches("thread.vmsize=0 and thread.vmrss=0 and thread.vmsize.b=0 and thread.vmrss.b=0"));
}
