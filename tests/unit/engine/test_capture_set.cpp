// Capture sets (issue 15): files in the time order of their first events,
// files that overlap in time merged event by event, event numbers running
// on across them, a directory standing for its files.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "../common/shared_captures.h"
#include "capture/capture_set.h"
#include "capture/scap_writer.h"

using namespace tracetop;

namespace {

struct Walk {
    std::vector<uint64_t> nums;
    std::vector<uint64_t> ts;
    size_t sections = 0;
};

Walk walk(capture::Source& src) {
    Walk w;
    event::EventView ev;
    for (;;) {
        const capture::ReadStatus rs = src.next(ev);
        if (rs == capture::ReadStatus::End) break;
        REQUIRE(rs != capture::ReadStatus::Failed);
        if (rs == capture::ReadStatus::NewSection) ++w.sections;
        if (rs != capture::ReadStatus::Event) continue;
        w.nums.push_back(ev.num);
        if (ev.ts) w.ts.push_back(ev.ts);
    }
    return w;
}

}  // namespace

TEST_CASE("two captures given in the wrong order come in time order, numbered on") {
    const std::string curl = test::shared_capture("curl_google.scap");
    const std::string ipv6 = test::shared_capture("single_ipv6_conn.scap");
    auto a = capture::ScapReader::open(curl);
    auto b = capture::ScapReader::open(ipv6);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    const Walk wa = walk(**a), wb = walk(**b);
    const bool curl_first = wa.ts.front() < wb.ts.front();
    auto set = capture::CaptureSet::open(curl_first ? std::vector<std::string>{ipv6, curl}
                                                    : std::vector<std::string>{curl, ipv6});
    REQUIRE(set.ok());
    CHECK((*set)->files().front() == (curl_first ? curl : ipv6));
    const Walk ws = walk(**set);
    const Walk& first = curl_first ? wa : wb;
    const Walk& second = curl_first ? wb : wa;
    REQUIRE(ws.nums.size() == first.nums.size() + second.nums.size());
    // 1, 2, ... across the boundary, and no header announced there (the state carries on).
    for (size_t i = 0; i < ws.nums.size(); ++i) {
        const size_t n = first.nums.size();
        CHECK(ws.nums[i] == (i < n ? first.nums[i] : first.nums.back() + second.nums[i - n]));
    }
    CHECK(ws.sections == 0);
    CHECK((*set)->stats().bytes_total == (*a)->stats().bytes_total + (*b)->stats().bytes_total);
}

TEST_CASE("two files that overlap in time are merged back into the order of the capture they were cut from") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("tracetop_overlap_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string whole = test::shared_capture("curl_google.scap");
    // Runs of 100 events go to the two files in turn: each file spans the
    // whole capture, so neither follows the other.
    std::vector<uint64_t> whole_ts;
    {
        auto in = capture::ScapReader::open(whole);
        REQUIRE(in.ok());
        auto even = capture::ScapWriter::create((dir / "even.scap").string(), (*in)->header());
        auto odd = capture::ScapWriter::create((dir / "odd.scap").string(), (*in)->header());
        REQUIRE(even.ok());
        REQUIRE(odd.ok());
        event::EventView ev;
        capture::ReadStatus rs;
        while ((rs = (*in)->next(ev)) != capture::ReadStatus::End) {
            REQUIRE(rs != capture::ReadStatus::Failed);
            if (rs != capture::ReadStatus::Event) continue;
            (whole_ts.size() / 100 % 2 ? **odd : **even).write(ev);
            whole_ts.push_back(ev.ts);
        }
        REQUIRE((*even)->close().ok());
        REQUIRE((*odd)->close().ok());
    }
    REQUIRE(whole_ts.size() > 300);
    auto set = capture::CaptureSet::open({(dir / "odd.scap").string(), (dir / "even.scap").string()});
    REQUIRE(set.ok());
    CHECK((*set)->files().front() == (dir / "even.scap").string());
    const Walk ws = walk(**set);
    // The whole capture's times, in its order (it has no two events out of
    // order), numbered 1, 2, ... as one file would be.
    CHECK(ws.ts == whole_ts);
    REQUIRE(ws.nums.size() == whole_ts.size());
    for (size_t i = 0; i < ws.nums.size(); ++i) {
        if (ws.nums[i] != i + 1) {
            CHECK(ws.nums[i] == i + 1);
            break;
        }
    }
    CHECK(ws.sections == 0);
    fs::remove_all(dir);
}

TEST_CASE("a directory stands for the files in it, by name; an empty one is an error") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("tracetop_set_" + std::to_string(::getpid()));
    fs::create_directories(dir / "empty");
    fs::copy_file(test::shared_capture("curl_google.scap"), dir / "b.scap", fs::copy_options::overwrite_existing);
    fs::copy_file(test::shared_capture("single_ipv6_conn.scap"), dir / "a.scap", fs::copy_options::overwrite_existing);
    auto files = capture::expand_capture_set({dir.string()});
    REQUIRE(files.ok());
    CHECK(*files == std::vector<std::string>{(dir / "a.scap").string(), (dir / "b.scap").string()});
    CHECK_FALSE(capture::expand_capture_set({(dir / "empty").string()}).ok());
    auto bad = capture::CaptureSet::open({(dir / "a.scap").string(), (dir / "missing.scap").string()});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("missing.scap") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a member cut inside a block fails the set, named once, after the events before the cut") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("tracetop_cut_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path whole = dir / "a.scap", cut = dir / "b.scap";
    fs::copy_file(test::shared_capture("single_ipv6_conn.scap"), whole, fs::copy_options::overwrite_existing);
    fs::copy_file(test::shared_capture("curl_google.scap"), cut, fs::copy_options::overwrite_existing);
    // Seven bytes short: the cut is inside the last block (or the gzip stream's trailer).
    fs::resize_file(cut, fs::file_size(cut) - 7);
    auto set = capture::CaptureSet::open({whole.string(), cut.string()});
    REQUIRE(set.ok());
    event::EventView ev;
    capture::ReadStatus rs;
    size_t events = 0;
    while ((rs = (*set)->next(ev)) != capture::ReadStatus::End && rs != capture::ReadStatus::Failed) {
        if (rs == capture::ReadStatus::Event) ++events;
    }
    CHECK(rs == capture::ReadStatus::Failed);
    CHECK(events > 0);
    REQUIRE((*set)->error());
    const std::string& message = (*set)->error()->message;
    // The shared capture is gzip'd: the cut shows as the stream's early end.
    CHECK(message.find("offset") != std::string::npos);
    // The file's name once: the reader's message may already carry it.
    const size_t first = message.find(cut.string());
    CHECK(first == 0);
    CHECK(message.find(cut.string(), first + 1) == std::string::npos);
    fs::remove_all(dir);
}
