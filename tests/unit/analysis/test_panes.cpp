// The src/ logic behind the Echo pane, the spectrogram and the process tree:
// byte extraction and its text, latency bucket math, slices, tree ordering.
#include <doctest/doctest.h>

#include <cmath>

#include "../event/event_builder.h"
#include "analysis/echo_collector.h"
#include "analysis/echo_text.h"
#include "analysis/latency_buckets.h"
#include "analysis/latency_spectrogram.h"
#include "analysis/process_tree.h"
#include "state/model.h"

using namespace tracetop;
using namespace tracetop::analysis;
using event::test::EventBuilder;

namespace {

constexpr uint16_t kReadE = 6, kReadX = 7, kWriteE = 8, kWriteX = 9;

struct Built {
    std::vector<uint8_t> bytes;
    event::EventView ev;
};

Built build(const EventBuilder& b) {
    Built out{b.v2(), {}};
    auto parsed = event::EventView::parse_v2(out.bytes.data(), out.bytes.size());
    REQUIRE(parsed.ok());
    out.ev = *parsed;
    return out;
}

}  // namespace

TEST_CASE("io_bytes: read and write exits give their data, bounded by what the call moved") {
    auto w = build(EventBuilder(kWriteX).i64(78).bytes(std::string_view("GET / HTTP/1.1\r\n")));
    auto io = io_bytes(w.ev);
    REQUIRE(io);
    CHECK(io->write);
    CHECK(io->moved == 78);
    CHECK(io->bytes == "GET / HTTP/1.1\r\n");

    auto r = build(EventBuilder(kReadX).i64(3).bytes(std::string_view("abcdef")));
    io = io_bytes(r.ev);
    REQUIRE(io);
    CHECK_FALSE(io->write);
    CHECK(io->bytes == "abc");  // a buffer claiming more than the call moved is cut

    CHECK_FALSE(io_bytes(build(EventBuilder(kReadX).i64(-11).bytes(std::string_view(""))).ev));  // EAGAIN
    CHECK_FALSE(io_bytes(build(EventBuilder(kReadX).i64(0).bytes(std::string_view(""))).ev));    // end of file
    CHECK_FALSE(io_bytes(build(EventBuilder(kWriteE).i64(3).u32(78)).ev));  // enter: no data
    CHECK_FALSE(io_bytes(build(EventBuilder(kReadE).i64(3).u32(78)).ev));
}

TEST_CASE("EchoCollector keeps the selection's chunks in order and infers the snap length offline") {
    state::Model model;
    fmt::memory_buffer scratch;
    auto feed = EchoCollector::create("", false, 0);
    REQUIRE(feed.ok());
    const std::string cut(80, 'x');
    auto e1 = build(EventBuilder(kWriteX, 17497, 100).i64(6040).bytes(std::string_view(cut)));
    auto e2 = build(EventBuilder(kReadX, 17497, 200).i64(5).bytes(std::string_view("0\r\n\r\n")));
    auto e3 = build(EventBuilder(kReadE, 17497, 300).i64(4).u32(10));
    for (auto* b : {&e1, &e2, &e3}) {
        const auto& ctx = model.on_event(b->ev);
        (*feed)->on_event(filter::FieldContext{b->ev, ctx, model, nullptr, &scratch, 100}, false);
    }
    PaneData out;
    (*feed)->fill(out, 300);
    CHECK(out.kind == PaneKind::Echo);
    REQUIRE(out.echo);
    REQUIRE(out.echo->chunks.size() == 2);
    CHECK(out.echo->chunks[0]->write);
    CHECK(out.echo->chunks[0]->moved == 6040);
    CHECK_FALSE(out.echo->chunks[1]->write);
    CHECK(out.echo->chunks[1]->bytes == "0\r\n\r\n");
    CHECK(out.echo->snaplen == 80);  // the cut buffer's length
    CHECK(out.echo->snaplen_inferred);
    CHECK(out.echo->bytes_moved == 6045);

    // A scope that excludes the thread keeps nothing.
    auto none = EchoCollector::create("proc.pid = 1", true, 80);
    REQUIRE(none.ok());
    const auto& ctx = model.on_event(e1.ev);
    (*none)->on_event(filter::FieldContext{e1.ev, ctx, model, nullptr, &scratch, 100}, false);
    PaneData live;
    (*none)->fill(live, 300);
    CHECK(live.echo->chunks.empty());
    CHECK(live.echo->snaplen == 80);  // live: the -s in force
    CHECK_FALSE(EchoCollector::create("proc.pid = = 1", true, 80).ok());
}

TEST_CASE("echo text: non-printables become '.', newlines break ASCII lines, hex has 16 bytes a line") {
    CHECK(printable(std::string_view("a\x1b[2Jb\x7f\xff\n", 9)) == "a.[2Jb...");
    EchoData data;
    // Built whole (GCC 12 warns falsely about assigning short strings through the pointer).
    auto c = std::make_shared<EchoChunk>(EchoChunk{1312, 0, true, 40, "GET / HTTP/1.1\r\nHost: www.google.com\r\n\r\n",
                                                   std::string(1, '4'), "10.0.0.1:1->10.0.0.2:80\x1b", "curl (17497)"});
    data.chunks.push_back(c);

    auto lines = echo_lines(data, EchoMode::Ascii, 80);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].header);
    CHECK(lines[0].text == ">>> curl (17497) write 40 B (event 1312) to fd 4 10.0.0.1:1->10.0.0.2:80.");
    CHECK(lines[1].text == "> GET / HTTP/1.1.");
    CHECK(lines[2].text == "> Host: www.google.com.");
    CHECK(lines[3].text == "> .");
    for (const auto& l : lines) {
        for (char ch : l.text) CHECK((ch >= 0x20 && ch < 0x7f));
    }

    // Wrapping: a 30-column pane cuts a long line into pieces of 28 plus the mark.
    c->bytes = std::string(60, 'a');
    lines = echo_lines(data, EchoMode::Ascii, 30);
    REQUIRE(lines.size() == 4);
    CHECK(lines[1].text.size() == 30);
    CHECK(lines[3].text == "> aaaa");

    c->bytes = "GET / HTTP/1.1\r\nHost";
    c->write = false;
    c->moved = 6040;
    lines = echo_lines(data, EchoMode::Hex, 80);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].text.rfind("<<< curl (17497) read 6040 B (first 20 kept)", 0) == 0);
    CHECK(lines[1].text == "< 0000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  GET / HTTP/1.1..");
    CHECK(lines[2].text.rfind("< 0010  48 6f 73 74", 0) == 0);
    CHECK(lines[2].text.substr(lines[2].text.size() - 4) == "Host");
}

TEST_CASE("latency buckets: log10 from 1ns to 10s, whole-nanosecond bounds, contiguous") {
    CHECK_FALSE(latency_bucket(0));
    CHECK(latency_bucket(1) == 0u);
    CHECK(bucket_lower(0) == 1);
    CHECK(latency_bucket(10) == kBucketsPerDecade);
    CHECK(latency_bucket(9) == kBucketsPerDecade - 1);
    CHECK(bucket_lower(kBucketsPerDecade * 3) == 1000);      // 1us
    CHECK(bucket_lower(kBucketsPerDecade * 9) == 1000000000); // 1s
    CHECK(latency_bucket(999) == kBucketsPerDecade * 3 - 1);
    CHECK(latency_bucket(1000) == kBucketsPerDecade * 3);
    CHECK(latency_bucket(UINT64_MAX) == kLatencyBuckets - 1);  // 10 s and more: the last bucket
    CHECK_FALSE(bucket_upper(kLatencyBuckets - 1));
    for (size_t i = 0; i + 1 < kLatencyBuckets; ++i) {
        const uint64_t lo = bucket_lower(i), hi = *bucket_upper(i);
        CHECK(lo < hi);
        CHECK(hi == bucket_lower(i + 1));
        CHECK(latency_bucket(lo) == i);
        CHECK(latency_bucket(hi - 1) == i);
        // Within a rounding of the ideal log10 bound.
        CHECK(std::fabs(std::log10(static_cast<double>(lo)) - static_cast<double>(i) / kBucketsPerDecade) < 0.31);
    }
    CHECK(bucket_filter(kBucketsPerDecade * 3) == "evt.dir = '<' and evt.latency >= 1000 and evt.latency < 1468");
    CHECK(latency_label(1000) == "1us");
    CHECK(latency_label(1468) == "1.5us");
    CHECK(latency_label(21544347) == "22ms");
    CHECK(latency_label(7) == "7ns");
}

TEST_CASE("heat levels: log scale, the hottest at the top, any count at least 1") {
    CHECK(heat_level(0, 100, 5) == 0);
    CHECK(heat_level(1, 100000, 5) == 1);
    CHECK(heat_level(100, 100, 5) == 5);
    CHECK(heat_level(1, 1, 5) == 5);
    CHECK(heat_level(10, 100, 5) > heat_level(2, 100, 5));
}

TEST_CASE("spectrogram offline: slices double to stay bounded, and grouped rows are exact time ranges") {
    auto s = LatencySpectrogram::create("", false);
    REQUIRE(s.ok());
    auto& spec = **s;
    const uint64_t t0 = 1000000000000ULL;
    spec.add(t0, 1500);                    // first slice, 1us bucket
    spec.add(t0 + 500000, 3000);           // same slice (1 ms long)
    spec.add(t0 + 3 * 1000000 + 1, 50);    // slice 3
    CHECK(spec.slice_ns() == LatencySpectrogram::kFirstSliceNs);
    PaneData out;
    spec.fill(out, t0 + 3 * 1000000 + 1);
    REQUIRE(out.spectro);
    REQUIRE(out.spectro->slices.size() == 4);
    CHECK(out.spectro->events == 3);
    CHECK(out.spectro->slices[0].start == t0);
    CHECK(out.spectro->slices[0].end == t0 + 1000000);
    CHECK(out.spectro->slices[0].counts[*latency_bucket(1500)] == 1);
    CHECK(out.spectro->slices[0].counts[*latency_bucket(3000)] == 1);
    CHECK(out.spectro->slices[3].counts[*latency_bucket(50)] == 1);

    // An event far later: slices double until it fits in kMaxSlices; nothing is lost.
    spec.add(t0 + 10ULL * 1000000000ULL, 5000000);  // 10 s later
    CHECK(spec.slice_ns() > LatencySpectrogram::kFirstSliceNs);
    CHECK(10ULL * 1000000000ULL / spec.slice_ns() < LatencySpectrogram::kMaxSlices);
    out = PaneData{};
    spec.fill(out, t0 + 10ULL * 1000000000ULL);
    uint64_t total = 0;
    for (const auto& sl : out.spectro->slices) {
        for (uint32_t c : sl.counts) total += c;
    }
    CHECK(total == 4);
    CHECK(out.spectro->slices[0].counts[*latency_bucket(1500)] == 1);
    CHECK(out.spectro->slices[0].counts[*latency_bucket(50)] == 1);  // merged into the first, longer slice

    // Grouping into 7 rows: whole groups, contiguous, covering the same span.
    const auto rows = group_slices(out.spectro->slices, 7);
    CHECK(rows.size() <= 7);
    CHECK(rows.front().start == out.spectro->slices.front().start);
    CHECK(rows.back().end == out.spectro->slices.back().end);
    uint64_t grouped = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (i) CHECK(rows[i].start == rows[i - 1].end);
        for (uint32_t c : rows[i].counts) grouped += c;
    }
    CHECK(grouped == 4);
}

TEST_CASE("spectrogram live: one slice per refresh, newest last") {
    auto s = LatencySpectrogram::create("", true);
    REQUIRE(s.ok());
    auto& spec = **s;
    spec.add(100, 1000);
    spec.end_interval(200);
    spec.end_interval(300);  // an interval without calls is an empty row
    spec.add(350, 10);
    spec.add(360, 10);
    spec.end_interval(400);
    PaneData out;
    spec.fill(out, 400);
    REQUIRE(out.spectro->slices.size() == 3);
    CHECK(out.spectro->live);
    CHECK(out.spectro->slices[0].counts[*latency_bucket(1000)] == 1);
    CHECK(out.spectro->slices[1].start == 200);
    CHECK(out.spectro->slices[1].end == 300);
    CHECK(out.spectro->slices[2].counts[*latency_bucket(10)] == 2);
    CHECK(group_slices(out.spectro->slices, 2).size() == 2);
}

namespace {

Row proc_row(int pid, int ppid, double calls) {
    Row r;
    r.key = std::to_string(pid);
    for (double v : {static_cast<double>(pid), static_cast<double>(ppid), calls}) {
        Cell c;
        c.present = c.is_number = true;
        c.number = v;
        r.cells.push_back(c);
    }
    return r;
}

std::string shape(const std::vector<TreeRow>& tree) {
    std::string out;
    for (const TreeRow& t : tree) {
        out.append(t.depth, ' ');
        out.append(t.row->key);
        if (t.collapsed) out.push_back('+');
        if (!t.last) out.push_back(',');
        out.push_back('\n');
    }
    return out;
}

}  // namespace

TEST_CASE("process tree: children under parents, siblings in the given (sorted) order, folding") {
    // Sorted by calls, busiest first, as the screen hands them over.
    std::vector<Row> rows = {proc_row(17497, 3200, 900), proc_row(3200, 3199, 50), proc_row(2, 1, 40),
                             proc_row(1, 0, 10),         proc_row(3199, 3111, 5), proc_row(3, 1, 45)};
    std::vector<const Row*> ptrs;
    for (const Row& r : rows) ptrs.push_back(&r);
    auto tree = tree_order(ptrs, 0, 1, {});
    // Roots and siblings in the order given: 1 (10 calls) before 3199 (5).
    CHECK(shape(tree) == "1\n 2,\n 3\n3199\n 3200\n  17497\n");
    REQUIRE(tree.size() == 6);
    CHECK(tree[5].guides == std::vector<bool>{false});  // 3200 is the only child: no guide line continues
    CHECK(tree[3].has_children);
    CHECK_FALSE(tree[5].has_children);

    tree = tree_order(ptrs, 0, 1, {"3200", "2"});  // 2 has no children: nothing to fold
    CHECK(shape(tree) == "1\n 2,\n 3\n3199\n 3200+\n");

    // Guides: a child of a non-last sibling continues the line.
    std::vector<Row> more = rows;
    more.push_back(proc_row(20, 2, 1));
    std::vector<const Row*> mp;
    for (const Row& r : more) mp.push_back(&r);
    tree = tree_order(mp, 0, 1, {});
    CHECK(shape(tree) == "1\n 2,\n  20\n 3\n3199\n 3200\n  17497\n");
    CHECK(tree[2].guides == std::vector<bool>{true});
}

TEST_CASE("process tree: loops and self-parents from a traced system do not hang or vanish") {
    std::vector<Row> rows = {proc_row(5, 6, 1), proc_row(6, 5, 1), proc_row(7, 7, 1)};
    std::vector<const Row*> ptrs;
    for (const Row& r : rows) ptrs.push_back(&r);
    const auto tree = tree_order(ptrs, 0, 1, {});
    CHECK(tree.size() == 3);  // every row once
    CHECK(shape(tree) == "7\n5\n 6\n");

    // A long chain: no recursion to overflow.
    std::vector<Row> chain;
    for (int i = 1; i <= 100000; ++i) chain.push_back(proc_row(i, i - 1, 0));
    std::vector<const Row*> cp;
    for (const Row& r : chain) cp.push_back(&r);
    const auto deep = tree_order(cp, 0, 1, {});
    REQUIRE(deep.size() == 100000);
    CHECK(deep.back().depth == 99999);
}

TEST_CASE("echo_line_count agrees with the lines made, in both modes and any width") {
    const std::string samples[] = {"", "a", "\n", "abc\n", "\n\nx", std::string(100, 'z'), std::string(37, 'q') + "\n" + std::string(3, 'r'),
                                   std::string(16, 'h'), std::string(17, 'h')};
    for (const std::string& bytes : samples) {
        EchoChunk c;
        c.bytes = bytes;
        c.proc = "p (1)";
        for (size_t width : {0u, 20u, 21u, 30u, 80u, 200u}) {
            for (EchoMode mode : {EchoMode::Ascii, EchoMode::Hex}) {
                std::vector<EchoLine> lines;
                append_echo_lines(c, mode, width, lines);
                CHECK(echo_line_count(c, mode, width) == lines.size());
            }
        }
    }
}
