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
// 201 is its second thread, which the kernel reports with the same memory.
event::CaptureHeader header() {
    event::CaptureHeader h;
    event::ThreadRecord main = thread_record(200, 200, "curl");
    main.vmsize_kb = 93240;
    main.vmrss_kb = 5144;
    main.vmswap_kb = 12;
    event::ThreadRecord second = thread_record(201, 200, "curl", "/home/ubuntu", kThreadFlags);
    second.vmsize_kb = main.vmsize_kb;
    second.vmrss_kb = main.vmrss_kb;
    second.vmswap_kb = main.vmswap_kb;
    h.threads = {main, second};
    return h;
}

// Feeds a close by thread `tid` as event `num`, then asks `filter` of it.
bool after_close(FieldHarness& h, int64_t tid, uint64_t num, std::string_view filter) {
    const BuiltEvent ev(num * 10, tid, kCloseE, {i64(3)});
    h.feed(ev, num);
    return h.matches(filter);
}

}  // namespace

TEST_CASE("memory of the main thread: the process's, in kB and bytes") {
    FieldHarness h(header());
    CHECK(after_close(h, 200, 1,
                      "proc.vmsize=93240 and proc.vmrss=5144 and proc.vmswap=12 and thread.vmsize=93240 and "
                      "thread.vmrss=5144 and thread.vmsize.b=95477760 and thread.vmrss.b=5267456"));
}

TEST_CASE("memory on a secondary thread: proc.* is the process's, thread.* is 0") {
    FieldHarness h(header());
    CHECK(after_close(h, 201, 1,
                      "proc.vmsize=93240 and proc.vmrss=5144 and proc.vmswap=12 and thread.vmsize=0 and "
                      "thread.vmrss=0 and thread.vmsize.b=0 and thread.vmrss.b=0"));
}

TEST_CASE("an mmap exit updates the calling thread's memory, as sinsp does") {
    FieldHarness h(header());
    constexpr uint16_t kMmapX = 161, kBrkOldX = 11;
    // res, vm_size, vm_rss, vm_swap
    const BuiltEvent mmap(10, 201, kMmapX, {u64(0x7f0000000000), u32(224312), u32(6000), u32(0)});
    h.feed(mmap, 1);
    CHECK(h.matches("proc.vmsize=224312 and proc.vmrss=6000 and proc.vmswap=0 and thread.vmsize=0"));
    CHECK(after_close(h, 200, 2, "proc.vmsize=93240 and thread.vmsize=93240"));
    // The old brk exit carries no memory: nothing changes.
    const BuiltEvent old_brk(30, 200, kBrkOldX, {u64(0x1000)});
    h.feed(old_brk, 3);
    CHECK(h.matches("proc.vmsize=93240 and proc.vmrss=5144"));
}

TEST_CASE("thread.mempct: resident memory as a share of the machine's (MEM%)") {
    event::CaptureHeader with_machine = header();
    with_machine.machine = event::MachineInfo{};
    with_machine.machine->memory_bytes = uint64_t{5144} * 1024 * 8;  // RES is an eighth of it
    FieldHarness h(with_machine);
    CHECK(after_close(h, 200, 1, "thread.mempct=12.5"));
    CHECK(after_close(h, 201, 2, "thread.mempct=0"));
    // Without a machine record there is nothing to divide by: missing.
    FieldHarness unknown(header());
    CHECK_FALSE(after_close(unknown, 200, 1, "thread.mempct exists"));
}

// tidy (session 6): events carry 32-bit kB (4 TiB), /proc live can say more.
TEST_CASE("memory read live from /proc above 4 TiB keeps its size") {
    FieldHarness h(header());
    h.feed(BuiltEvent(10, 200, kCloseE, {i64(3)}), 1);
    constexpr uint64_t k20TiB = uint64_t{20} << 30;  // in kB
    h.model().set_process_memory(200, k20TiB, 5144, 12);
    CHECK(h.matches("proc.vmsize=21474836480 and thread.vmsize=21474836480 and thread.vmsize.b=21990232555520"));
    CHECK(h.matches("proc.vmrss=5144"));
}
