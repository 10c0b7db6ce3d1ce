// The first pass's frozen contexts (issue 15, firstpass): after every event,
// the context ContextRows gives back for it must be what the model said at
// that event — the thread, main thread and fd entry as they were then, the
// event's own facts, its latency. Checked on every event of the shared
// captures and of a capture repeating one of them (threads made anew and
// exited, fds closed and their addresses reused), so a copy kept past a
// change of its object (a staleness rule too lax) fails here, as does a
// latency that does not come back whole.
#include <doctest/doctest.h>

#include <malloc.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <unistd.h>

#include "../common/shared_captures.h"
#include "capture/scap_reader.h"
#include "../state/event_builder.h"
#include "engine/context_rows.h"
#include "engine/kept_sample.h"
#include "state/model.h"

using namespace tracetop;

namespace {

// What a Context field may read of a thread (context_rows.cpp says what is left out, and why).
auto thread_facts(const state::ThreadInfo& t) {
    return std::make_tuple(t.tid, t.pid, t.ptid, t.sid, t.vpgid, t.vtid, t.vpid, std::string(t.comm.view()),
                           std::string(t.exe.view()), std::string(t.exepath.view()), std::string(t.args.view()),
                           std::string(t.env.view()), std::string(t.cgroups.view()), std::string(t.root.view()),
                           std::string(t.container_id.view()), t.container_runtime, std::string(t.cwd.view()),
                           t.fdlimit, t.flags, t.uid, t.gid, t.loginuid, t.vmsize_kb, t.vmrss_kb, t.vmswap_kb,
                           t.clone_ts, t.nchilds, t.exited);
}

auto fd_facts(const state::FdEntry& e) {
    return std::make_tuple(e.type, std::string(e.name.view()), e.open_flags, e.ino, e.dev, e.socket.sip, e.socket.dip,
                           e.socket.sport, e.socket.dport, e.socket.l4proto, e.socket.unix_source, e.socket.unix_dest,
                           e.role, e.bound_port_unknown);
}

// The same event: header fields and every parameter's bytes.
bool same_event(const event::EventView& a, const event::EventView& b) {
    if (a.ts != b.ts || a.tid != b.tid || a.type != b.type || a.cpu != b.cpu || a.block_flags != b.block_flags ||
        a.num != b.num || a.nparams() != b.nparams() || a.large_lengths() != b.large_lengths() ||
        a.body().size() != b.body().size()) {
        return false;
    }
    for (uint32_t p = 0; p < a.nparams(); ++p) {
        const auto x = a.param(p), y = b.param(p);
        if (!std::equal(x.begin(), x.end(), y.begin(), y.end())) return false;
    }
    return true;
}

// Latencies from 2^32 ns up are kept aside: every 7th event gets one.
constexpr uint64_t kLong = 5'000'000'000ULL;

// Reads `file` through a model into ContextRows, checking each event's
// frozen context right after it is added; returns the number of contexts.
size_t check_file(const std::string& file) {
    auto reader = capture::ScapReader::open(file);
    REQUIRE_MESSAGE(reader.ok(), file);
    state::Model model;
    model.load_header((*reader)->header());
    engine::ContextRows rows;
    rows.begin_section((*reader)->header());
    event::EventView ev;
    state::EventContext frozen;
    size_t i = 0, wrong = 0;
    struct Kept {
        std::vector<uint8_t> v2;
        uint64_t num;
        uint16_t cpu;
        uint32_t flags;
    };
    std::vector<Kept> firsts;  // by context id: its first event
    engine::SampleCache samples;
    for (;;) {
        const capture::ReadStatus rs = (*reader)->next(ev);
        if (rs == capture::ReadStatus::End) break;
        REQUIRE(rs != capture::ReadStatus::Failed);
        if (rs == capture::ReadStatus::NewSection) {
            model.load_header((*reader)->header());
            rows.begin_section((*reader)->header());
            continue;
        }
        if (rs != capture::ReadStatus::Event) continue;
        state::EventContext ctx = model.on_event(ev);
        if (i % 7 == 3) ctx.latency = kLong + i;
        rows.add(ev, ctx, model);
        uint32_t id = UINT32_MAX;
        const state::EventContext& got = rows.context(i, frozen, id);
        std::string what;
        if ((got.thread == nullptr) != (ctx.thread == nullptr) ||
            (got.thread && thread_facts(*got.thread) != thread_facts(*ctx.thread))) {
            what += " thread";
        }
        if ((got.main_thread == nullptr) != (ctx.main_thread == nullptr) ||
            (got.main_thread && thread_facts(*got.main_thread) != thread_facts(*ctx.main_thread))) {
            what += " main thread";
        }
        if ((got.fd_entry == nullptr) != (ctx.fd_entry == nullptr) ||
            (got.fd_entry && fd_facts(*got.fd_entry) != fd_facts(*ctx.fd_entry))) {
            what += " fd entry";
        }
        if (got.fd != ctx.fd || got.thread_known != ctx.thread_known || got.fd_related != ctx.fd_related ||
            got.has_fallback_name != ctx.has_fallback_name ||
            got.fallback_overrides_entry != ctx.fallback_overrides_entry ||
            (ctx.has_fallback_name && got.fallback_name != ctx.fallback_name) ||
            got.fallback_typechar != ctx.fallback_typechar || got.procinfo_cpu_delta != ctx.procinfo_cpu_delta) {
            what += " event facts";
        }
        if (got.latency != ctx.latency || rows.latency(i) != ctx.latency) what += " latency";
        // issue 15 (budget): a new context's sample, kept in a few fields, is
        // made whole again as this very event: every header field, every parameter.
        const uint32_t cid = rows.context_id(i);
        if (cid == firsts.size()) {
            std::vector<uint8_t> v2(ev.v2_length());
            ev.copy_v2(v2.data());
            firsts.push_back({std::move(v2), ev.num, ev.cpu, ev.block_flags});
            if (!same_event(samples.view(cid, rows.sample(cid)), ev)) what += " sample";
        }
        if (!what.empty() && ++wrong <= 5) {
            FAIL_CHECK(std::filesystem::path(file).filename().string() << ", event " << i << " (num " << ev.num
                                                                       << "):" << what);
        }
        ++i;
    }
    CHECK(wrong == 0);
    CHECK(rows.events() == i);
    // Every event's context comes back the same when read again later, in order.
    uint32_t id = UINT32_MAX;
    size_t long_seen = 0;
    for (size_t j = 0; j < rows.events(); ++j) {
        rows.context(j, frozen, id);
        if (frozen.latency >= kLong) ++long_seen;
    }
    CHECK(long_seen == (i + 3) / 7);
    // And every sample again at the end, in an order that misses the cache.
    REQUIRE(firsts.size() <= rows.contexts());
    size_t wrong_samples = 0;
    for (size_t k = 0; k < firsts.size(); ++k) {
        const uint32_t cid = static_cast<uint32_t>((k * 7919) % firsts.size());
        const Kept& kept = firsts[cid];
        auto parsed = event::EventView::parse_v2(kept.v2.data(), kept.v2.size());
        REQUIRE(parsed.ok());
        parsed->num = kept.num;
        parsed->cpu = kept.cpu;
        parsed->block_flags = kept.flags;
        if (!same_event(samples.view(cid, rows.sample(cid)), *parsed)) ++wrong_samples;
    }
    CHECK(wrong_samples == 0);
    return rows.contexts();
}

}  // namespace

TEST_CASE("every frozen context is what the model said at its event, on the shared captures") {
    for (const char* name : {"curl_google.scap", "single_ipv6_conn.scap"}) {
        const size_t contexts = check_file(test::shared_capture(name));
        MESSAGE(std::string(name) << ": " << contexts << " contexts");
        CHECK(contexts > 10);
    }
}

TEST_CASE("and on a capture that repeats one: threads made and gone again, fds reopened") {
    const char* maker = std::getenv("MAKE_BIG_CAPTURE");
    REQUIRE_MESSAGE(maker != nullptr, "MAKE_BIG_CAPTURE is not set: run through meson test");
    const std::string out = std::filesystem::temp_directory_path() / fmt::format("context_rows.{}.scap", getpid());
    REQUIRE(std::system(
                fmt::format("'{}' '{}' '{}' 6000 >/dev/null", maker, test::shared_capture("curl_google.scap"), out)
                    .c_str()) == 0);
    const size_t contexts = check_file(out);
    std::filesystem::remove(out);
    MESSAGE("4 copies of curl_google.scap: " << contexts << " contexts");
}

// issue 15 (session 11): the staleness rules that spare copies, on events
// made for them. A socket's send or receive names it at most, so its copy
// goes stale only when that changed it; an fd event stales the copies of its
// own process only; a context with no fd entry holds no fd copy.
namespace {

struct Fed {
    state::Model model;
    engine::ContextRows rows;
    state::EventContext frozen;
    size_t events = 0;
    std::vector<std::string> wrong;
    explicit Fed(const event::CaptureHeader& h) {
        model.load_header(h);
        rows.begin_section(h);
    }
    // Feeds one event; its frozen fd entry must be what the model said.
    void feed(uint64_t ts, int64_t tid, uint16_t type, const std::vector<state::test::Bytes>& params) {
        const state::test::BuiltEvent built(ts, static_cast<uint64_t>(tid), type, params);
        const event::EventView ev = built.view();
        const state::EventContext ctx = model.on_event(ev);
        rows.add(ev, ctx, model);
        uint32_t id = UINT32_MAX;
        const state::EventContext& got = rows.context(events++, frozen, id);
        const auto name = [](const state::FdEntry* e) { return e ? std::string(e->name.view()) : "(none)"; };
        if ((got.fd_entry == nullptr) != (ctx.fd_entry == nullptr) ||
            (got.fd_entry && fd_facts(*got.fd_entry) != fd_facts(*ctx.fd_entry))) {
            wrong.push_back(fmt::format("event {} (type {}): frozen {} for {}", events - 1, type, name(got.fd_entry),
                                        name(ctx.fd_entry)));
        }
    }
};

event::CaptureHeader two_processes() {
    event::CaptureHeader h;
    h.threads.push_back(state::test::thread_record(31, 31, "nc", "/"));
    h.threads.push_back(state::test::thread_record(32, 32, "cat", "/"));
    h.fd_lists.push_back({31, {}});
    h.fd_lists.push_back({32, {state::test::file_fd(3, "/etc/passwd")}});
    return h;
}

constexpr uint16_t kRecvfromE = 34, kRecvfromX = 35, kSendtoE = 30, kSendtoX = 31;

}  // namespace

TEST_CASE("a receive that names its socket stales the socket's copy; one that names nothing keeps it") {
    using namespace state::test;
    using namespace state::test::event_codes;
    Fed f(two_processes());
    for (int round = 0; round < 3; ++round) {
        const uint64_t t = 10 + 20 * round;
        const int64_t fd = 4 + round;
        // A UDP socket bound to port 0: its name is bind's argument.
        f.feed(t, 31, kSocketE, {u32(2), u32(2), u32(0)});
        f.feed(t + 1, 31, kSocketX, {i64(fd)});
        f.feed(t + 2, 31, kBindE, {i64(fd)});
        f.feed(t + 3, 31, kBindX, {i64(0), cat({u8(2), Bytes{127, 0, 0, 1}, u16(0)})});
        // Reads on it, and another process's reads in between.
        f.feed(t + 4, 31, kReadE, {i64(fd), u32(64)});
        f.feed(t + 5, 31, kReadX, {i64(1), Bytes{'x'}});
        f.feed(t + 6, 32, kReadE, {i64(3), u32(64)});
        f.feed(t + 7, 32, kReadX, {i64(1), Bytes{'x'}});
        // A receive whose tuple names it, then a send and a receive from the
        // same peer, which change nothing.
        const uint16_t peer = static_cast<uint16_t>(40002 + round);
        const Bytes tuple = ipv4_tuple({127, 0, 0, 1}, 40001, {127, 0, 0, 1}, peer);
        f.feed(t + 8, 31, kRecvfromE, {i64(fd), u32(64)});
        f.feed(t + 9, 31, kRecvfromX, {i64(1), Bytes{'x'}, tuple});
        f.feed(t + 10, 31, kSendtoE, {i64(fd), u32(1), tuple});
        f.feed(t + 11, 31, kSendtoX, {i64(1), Bytes{'x'}});
        f.feed(t + 12, 31, kRecvfromE, {i64(fd), u32(64)});
        f.feed(t + 13, 31, kRecvfromX, {i64(1), Bytes{'x'}, tuple});
        // The same reads again: the socket's copy must be the named one.
        f.feed(t + 14, 31, kReadE, {i64(fd), u32(64)});
        f.feed(t + 15, 31, kReadX, {i64(1), Bytes{'x'}});
        f.feed(t + 16, 32, kReadE, {i64(3), u32(64)});
        f.feed(t + 17, 32, kReadX, {i64(1), Bytes{'x'}});
        CHECK(f.model.find_fd(31, fd)->name.view().find(std::to_string(peer)) != std::string_view::npos);
    }
    for (const std::string& w : f.wrong) FAIL_CHECK(w);
    CHECK(f.wrong.empty());
}

// issue 15 (budget): --memory-budget counts the rows by bytes(), asked at
// every batch of the first pass. It must be what they really take: checked
// against the allocator's own count of the bytes in use, on a capture that
// makes a new context every few events (make_big_capture's worst case).
namespace {

uint64_t heap_in_use() {
    const struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

// Reads `file` through `model` (and into `rows` when not null).
void feed_file(const std::string& file, state::Model& model, engine::ContextRows* rows) {
    auto reader = capture::ScapReader::open(file);
    REQUIRE(reader.ok());
    model.load_header((*reader)->header());
    if (rows) rows->begin_section((*reader)->header());
    event::EventView ev;
    for (capture::ReadStatus rs; (rs = (*reader)->next(ev)) != capture::ReadStatus::End;) {
        REQUIRE(rs != capture::ReadStatus::Failed);
        if (rs == capture::ReadStatus::NewSection) {
            model.load_header((*reader)->header());
            if (rows) rows->begin_section((*reader)->header());
        }
        if (rs != capture::ReadStatus::Event) continue;
        const state::EventContext ctx = model.on_event(ev);
        if (rows) rows->add(ev, ctx, model);
    }
}

}  // namespace

TEST_CASE("bytes() is what the rows take, as the allocator counts it") {
    const char* maker = std::getenv("MAKE_BIG_CAPTURE");
    REQUIRE_MESSAGE(maker != nullptr, "MAKE_BIG_CAPTURE is not set: run through meson test");
    const std::string out = std::filesystem::temp_directory_path() / fmt::format("rows_bytes.{}.scap", getpid());
    REQUIRE(std::system(
                fmt::format("'{}' '{}' '{}' 300000 >/dev/null", maker, test::shared_capture("curl_google.scap"), out)
                    .c_str()) == 0);
    // The same model twice: what the second run takes more is the rows'.
    const uint64_t before = heap_in_use();
    auto alone = std::make_unique<state::Model>();
    feed_file(out, *alone, nullptr);
    const uint64_t model_bytes = heap_in_use() - before;
    auto with_rows = std::make_unique<state::Model>();
    auto rows = std::make_unique<engine::ContextRows>();
    const uint64_t before_both = heap_in_use();
    feed_file(out, *with_rows, rows.get());
    const uint64_t both = heap_in_use() - before_both;
    std::filesystem::remove(out);
    if (model_bytes == 0 || both == 0) {
        MESSAGE("the allocator counts nothing here (a sanitized build has its own): bytes() is not compared");
        return;
    }
    const double taken = static_cast<double>(both) - static_cast<double>(model_bytes);
    MESSAGE("rows: bytes() " << rows->bytes() << ", growing " << rows->growing_bytes() << ", allocated " << taken
                             << " (model " << model_bytes << ")");
    REQUIRE(taken > 0);
    CHECK(static_cast<double>(rows->bytes()) >= 0.9 * taken);
    CHECK(static_cast<double>(rows->bytes()) <= 1.25 * taken);
    CHECK(rows->growing_bytes() <= rows->bytes());
    CHECK(rows->growing_bytes() > rows->bytes() / 4);
}
