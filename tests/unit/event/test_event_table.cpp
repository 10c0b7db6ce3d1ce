// The event table's facts (scap-format.md §9-§11) and its invariants.
#include <doctest/doctest.h>

#include <string>

#include "event/event_table.h"
#include "event/errno_names.h"

using namespace tracetop::event;

TEST_CASE("the table covers every code up to the current highest") {
    CHECK(event_table_size() == 454);
    CHECK(event_info(453) != nullptr);
    CHECK(event_info(454) == nullptr);
    CHECK(event_info(0xFFFF) == nullptr);
    // Unassigned codes are holes.
    CHECK(event_info(17) == nullptr);
    CHECK(event_info(153) == nullptr);
}

TEST_CASE("well-known entries") {
    const EventInfo* open_x = event_info(3);
    REQUIRE(open_x != nullptr);
    CHECK(open_x->name == "open");
    CHECK(open_x->category == kCatFile);
    CHECK((open_x->flags & kFlagCreatesFd) != 0);
    REQUIRE(open_x->params.size() == 6);
    CHECK(open_x->params[0].name == "fd");
    CHECK(open_x->params[0].type == ParamType::Fd);
    CHECK(open_x->params[2].type == ParamType::Flags32);
    CHECK(!open_x->params[2].flags.empty());
    CHECK(open_x->params[3].format == ParamFormat::Oct);
    CHECK(open_x->params[5].name == "ino");

    CHECK(event_info(7)->category == kCatIoRead);
    CHECK(event_info(9)->category == kCatIoWrite);
    CHECK((event_info(5)->flags & kFlagDestroysFd) != 0);
    CHECK((event_info(6)->flags & kFlagUsesFd) != 0);
    CHECK((event_info(6)->flags & kFlagOld) != 0);   // read enter: no longer produced
    CHECK((event_info(22)->flags & kFlagOld) == 0);  // connect enter still is

    // The clone and execve exit layouts (§11.2).
    CHECK(event_info(223)->params.size() == 21);
    CHECK(event_info(223)->params[15].name == "flags");
    CHECK(event_info(293)->params.size() == 31);
    CHECK(event_info(231)->params.size() == 16);
    // sysdig 0.29.3 still names the 2022 accept4 pair "accept".
    CHECK(event_info(248)->name == "accept");
    CHECK(event_info(389)->name == "accept4");
    // mmap's result renders like 0.29.3 (hex address), not as an errno.
    CHECK(event_info(161)->params[0].type == ParamType::Uint64);
    CHECK(event_info(161)->params[0].format == ParamFormat::Hex);
    // Relative paths know their dirfd parameter.
    CHECK(event_info(307)->params[2].type == ParamType::FsRelPath);
    CHECK(event_info(307)->params[2].dirfd_param == 1);
    // Dynamic parameters carry their alternatives.
    CHECK(event_info(45)->params[4].type == ParamType::Dyn);
    CHECK(event_info(45)->params[4].dyn_count == 5);
}

TEST_CASE("large-payload types use u32 lengths") {
    for (EventType t : {EventType{322}, EventType{324}, EventType{402}}) {
        REQUIRE(event_info(t) != nullptr);
        CHECK((event_info(t)->flags & kFlagLargePayload) != 0);
    }
    CHECK((event_info(3)->flags & kFlagLargePayload) == 0);
}

TEST_CASE("internal and never-shown events") {
    CHECK(is_internal(234));  // procinfo
    CHECK(is_internal(148));  // drop
    CHECK(!is_internal(3));
    CHECK(!is_internal(17));
    CHECK(is_initial_state(272));
    CHECK(is_initial_state(324));
    CHECK(!is_initial_state(234));
}

TEST_CASE("every used entry is well formed") {
    for (EventType t = 0; t < event_table_size(); ++t) {
        const EventInfo* info = event_info(t);
        if (info == nullptr) continue;
        CAPTURE(t);
        CHECK(!info->name.empty());
        CHECK(info->params.size() <= 48);
        for (const ParamInfo& p : info->params) {
            CHECK(!p.name.empty());
            if (p.type == ParamType::FsRelPath && p.dirfd_param >= 0) {
                CHECK(static_cast<size_t>(p.dirfd_param) < info->params.size());
            }
            if (p.type == ParamType::Dyn) CHECK((p.dyn_types != nullptr || p.dyn_count == 0));
        }
    }
}

TEST_CASE("syscall names of the generic events") {
    CHECK(syscall_name(75) == "mprotect");
    CHECK(syscall_name(2) == "exit");
    CHECK(syscall_name(176) == "clock_gettime");
    CHECK(syscall_name(296) == "arch_prctl");
    CHECK(syscall_name(0).empty());
    CHECK(syscall_name(60000).empty());
}

TEST_CASE("errno names") {
    CHECK(errno_name(2) == "ENOENT");
    CHECK(errno_name(11) == "EAGAIN");
    CHECK(errno_name(111) == "ECONNREFUSED");
    CHECK(errno_name(126) == "ENOKEY");
    CHECK(errno_name(512) == "ERESTARTSYS");
    CHECK(errno_name(0).empty());
    CHECK(errno_name(-2).empty());
    CHECK(errno_meaning(2) == "No such file or directory");
    CHECK(sysdig_errno_name(115) == "EINPROGRESS");
    CHECK(sysdig_errno_name(126).empty());
}
