// What the replay tests of the explorer's in-memory copy share (issue 15:
// checkpoints, split, chunks): the first pass over a file into a copy, the
// shared captures with their docker-host copies, and an answer as the text
// the screen shows of it, for comparing two ways of computing it.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "../unit/common/shared_captures.h"
#include "analysis/aggregator.h"
#include "analysis/timeline_counts.h"
#include "engine/context_rows.h"
#include "engine/event_store.h"
#include "engine/model_checkpoints.h"
#include "engine/source_factory.h"
#include "engine/view_pipeline.h"

namespace tracetop::test {

inline constexpr size_t kListRows = 40;  // the list's newest rows compared (the real list keeps 20,000)

struct Copy {
    explicit Copy(uint64_t model_every = 32, uint64_t mark_every = 8) : checkpoints(model_every, mark_every) {}
    engine::EventStore store{1ULL << 32};
    engine::ContextRows rows;
    engine::ModelCheckpoints checkpoints;
    analysis::TimelineCounts timeline;
    uint64_t first_ts = 0, last_ts = 0;
};

// `run`: runs the pass itself, set up (else it runs to its end with no table).
inline void first_pass(const std::string& file, Copy& copy,
                       const std::function<void(engine::ViewPipeline&)>& run = {}) {
    engine::Options o;
    o.read_file = file;
    // issue 15 (pass2): as the explorer reads it: a plain file through a mapping (gzip: copied).
    auto opened = engine::open_source(o, {}, true);
    REQUIRE_MESSAGE(opened.ok(), file);
    engine::ViewPipeline pipe(std::move(opened->source), file, false);
    pipe.set_first_pass(&copy.store, &copy.timeline);
    pipe.keep_contexts(&copy.rows);
    pipe.keep_checkpoints(&copy.checkpoints);
    if (run) {
        run(pipe);
    } else {
        while (pipe.run(engine::ViewPipeline::kBatch) == engine::ViewPipeline::Step::More) {
        }
    }
    copy.store.seal();
    REQUIRE(copy.store.usable());
    copy.first_ts = pipe.first_ts();
    copy.last_ts = pipe.last_ts();
}

// What the screen shows of one answer, as text: a list's newest rows and
// the fields of its newest event, a table's rows and totals, the header's figures.
// `merge`: `pipe` is a replay's last part, the earlier parts' tables come in at its end (issue 15, split, chunks).
inline std::string shown(engine::ViewPipeline& pipe, std::unique_ptr<analysis::Aggregator> agg,
                         const std::function<bool(engine::ViewPipeline&)>& merge = {}) {
    pipe.set_aggregator(std::move(agg));
    engine::ViewPipeline::Step step;
    while ((step = pipe.run(engine::ViewPipeline::kBatch)) == engine::ViewPipeline::Step::More) {
    }
    REQUIRE(step == engine::ViewPipeline::Step::End);
    if (merge) REQUIRE(merge(pipe));
    pipe.add_idle_rows();
    analysis::Snapshot snap;
    pipe.aggregator()->fill(snap, pipe.span_seconds());
    pipe.describe(snap.source);
    std::string out = fmt::format("events {} first {} last {} read {} seconds {:.9f}\n", snap.source.events,
                                  snap.source.first_ts, snap.source.last_ts, snap.source.bytes_read,
                                  snap.sample_seconds);
    const bool list = snap.kind == analysis::ViewKind::List;
    const size_t from = list && snap.rows.size() > kListRows ? snap.rows.size() - kListRows : 0;
    for (size_t r = from; r < snap.rows.size(); ++r) {
        const analysis::Row& row = snap.rows[r];
        out += fmt::format("{} [{}] {}:", row.key, row.label, row.event_num);
        for (const analysis::Cell& c : row.cells) {
            out += fmt::format(" {}/{}/{:.17g}/{}", c.present, c.is_number, c.number, c.text);
        }
        out += '\n';
    }
    for (const analysis::Cell& c : snap.totals) {
        out += fmt::format("total {}/{:.17g}/{}\n", c.present, c.number, c.text);
    }
    if (list && !snap.rows.empty()) out += pipe.event_details(snap.rows.back().event_num).value_or("(not kept)");
    return out;
}

inline std::vector<std::string> capture_files(std::string& dir) {
    const std::string curl = shared_capture("curl_google.scap");
    const std::string ipv6 = shared_capture("single_ipv6_conn.scap");
    const char* maker = std::getenv("MAKE_DOCKER_CAPTURE");
    REQUIRE_MESSAGE(maker != nullptr, "MAKE_DOCKER_CAPTURE is not set: run through meson test");
    dir = std::filesystem::temp_directory_path() / fmt::format("checkpoints.{}", getpid());
    std::filesystem::create_directories(dir);
    // Containers as in tests/capture/containers_match_csysdig.sh; in curl's,
    // the container events again after event 300 (shown, with sysdig's
    // made-up process), as container_events_sysdig.sh has them.
    const std::string docker_curl = dir + "/curl.scap", docker_ipv6 = dir + "/ipv6.scap";
    REQUIRE(std::system(fmt::format("'{}' '{}' '{}' late=300 17497=0 tid:17498=1 1383=1 3199=2", maker, curl,
                                    docker_curl)
                            .c_str()) == 0);
    REQUIRE(std::system(fmt::format("'{}' '{}' '{}' 1240=0 1465=1 915=1 1=2", maker, ipv6, docker_ipv6).c_str()) ==
            0);
    // issue 15 (pass2): one plain file of two sections, read through a
    // mapping: checkpoints at the second section's start replay from there.
    const std::string sections = dir + "/two-sections.scap";
    {
        std::ofstream out(sections, std::ios::binary);
        for (const std::string& part : {docker_curl, docker_ipv6}) out << std::ifstream(part, std::ios::binary).rdbuf();
        REQUIRE(out.good());
    }
    return {curl, ipv6, docker_curl, docker_ipv6, sections};
}

// A capture of about `events` events in `dir`, curl_google.scap repeated by bench's make_big_capture.
inline std::string big_capture(const std::string& dir, uint64_t events) {
    const char* maker = std::getenv("MAKE_BIG_CAPTURE");
    REQUIRE_MESSAGE(maker != nullptr, "MAKE_BIG_CAPTURE is not set: run through meson test");
    const std::string big = dir + "/big.scap";
    REQUIRE(std::system(fmt::format("'{}' '{}' '{}' {} >/dev/null", maker, shared_capture("curl_google.scap"), big,
                                    events)
                            .c_str()) == 0);
    return big;
}

}  // namespace tracetop::test
