#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "capture/x86_64_syscalls.h"
#include "engine/syscall_interest.h"
#include "event/event_table.h"

using namespace tracetop;
using namespace tracetop::engine;

namespace {

// Native x86_64 numbers (asm/unistd_64.h).
constexpr uint32_t kRead = 0, kOpen = 2, kClose = 3, kDup2 = 33, kSocket = 41, kClone = 56, kExecve = 59,
                   kGetppid = 110, kOpenat = 257, kExecveat = 322, kRtSigreturn = 15, kRseq = 334;

std::vector<uint8_t> interest(const std::string& text) {
    auto f = filter::CompiledFilter::compile(text);
    REQUIRE(f);
    return syscall_interest_of(&*f);
}

size_t count(const std::vector<uint8_t>& set) {
    size_t n = 0;
    for (uint8_t v : set) n += v != 0;
    return n;
}

}  // namespace

TEST_CASE("an evt.type filter captures its call and what the model needs, nothing else") {
    const std::vector<uint8_t> set = interest("evt.type=openat");
    REQUIRE(!set.empty());
    CHECK(set[kOpenat]);
    // The model: threads (clone, execve) and fds (open, close, dup, socket).
    CHECK(set[kClone]);
    CHECK(set[kExecve]);
    CHECK(set[kOpen]);
    CHECK(set[kClose]);
    CHECK(set[kDup2]);
    CHECK(set[kSocket]);
    // State-neutral and outside the filter.
    CHECK_FALSE(set[kGetppid]);
    CHECK_FALSE(set[kRead]);
    CHECK(count(set) < 64);
}

TEST_CASE("a generic call named by the filter is captured") {
    const std::vector<uint8_t> set = interest("evt.type=getppid and proc.name=bash");
    REQUIRE(!set.empty());
    CHECK(set[kGetppid]);
    CHECK_FALSE(set[kRead]);
    const std::vector<uint8_t> either = interest("evt.type in (read, getppid)");
    CHECK(either[kRead]);
    CHECK(either[kGetppid]);
}

TEST_CASE("a call without a PPM_SC code is selected by its native name") {
    const std::vector<uint8_t> set = interest("evt.type=rseq");
    REQUIRE(!set.empty());
    CHECK(set[kRseq]);
    CHECK_FALSE(set[kRtSigreturn]);
    CHECK_FALSE(set[kGetppid]);
    CHECK_FALSE(interest("evt.type=openat")[kRseq]);
}

TEST_CASE("a filter whose types cannot be known ahead keeps every call") {
    CHECK(interest("proc.name=bash").empty());
    CHECK(interest("evt.type=openat or proc.name=bash").empty());
    CHECK(interest("evt.type!=openat").size() == 0);
    CHECK(syscall_interest_of(nullptr).empty());
}

TEST_CASE("execveat brings execve's exit, which a successful execveat returns through") {
    const std::vector<uint8_t> set = interest("evt.type=execveat");
    REQUIRE(!set.empty());
    CHECK(set[kExecveat]);
    CHECK(set[kExecve]);
}

TEST_CASE("only --print, --json and batch -w runs narrow the capture") {
    auto f = filter::CompiledFilter::compile("evt.type=openat");
    REQUIRE(f);
    Options print;
    print.print = true;
    CHECK(!syscall_interest_for(print, &*f).empty());
    Options json;
    json.json = true;
    CHECK(!syscall_interest_for(json, &*f).empty());
    Options record;
    record.write_file = "x.scap";  // -w records what the filter accepts
    CHECK(!syscall_interest_for(record, &*f).empty());
    CHECK(syscall_interest_for(record, nullptr).empty());
    Options explorer;  // its filter can change while it runs
    CHECK(syscall_interest_for(explorer, &*f).empty());
    Options explore_record = record;  // the explorer, recording
    explore_record.explore = true;
    CHECK(syscall_interest_for(explore_record, &*f).empty());
}

TEST_CASE("every filler writes events of its own name") {
    // The interest set finds a filler's events by this name.
    for (uint32_t nr = 0; nr < 512; ++nr) {
        const std::string_view name = capture::x86_64_filler_event(nr);
        if (name.empty()) continue;
        bool found = false;
        for (size_t t = 0; t < event::event_table_size() && !found; ++t) {
            const event::EventInfo* info = event::event_info(static_cast<event::EventType>(t));
            found = info != nullptr && info->name == name;
        }
        CAPTURE(name);
        CHECK(found);
    }
}
