// Offline, the sample a view's rates divide by runs from the first to the
// last event that carries a time. sysdig writes container metadata events
// stamped 0 at the start of captures taken on docker hosts; measured from
// them, a capture's span would start in 1970 and every rate would be ~0.
#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

#include "analysis/aggregator.h"
#include "analysis/view_loader.h"
#include "capture/scap_reader.h"
#include "capture/scap_writer.h"
#include "engine/source_factory.h"
#include "engine/view_pipeline.h"
#include "../common/shared_captures.h"
#include "../event/event_builder.h"

using namespace tracetop;

namespace {

// `src` again at `dst`, with `metadata` container events stamped 0 first.
void copy_with_leading_metadata(const std::string& src, const std::string& dst, int metadata) {
    auto reader = capture::ScapReader::open(src);
    REQUIRE(reader);
    auto writer = capture::ScapWriter::create(dst, (*reader)->header(), capture::WriterOptions{});
    REQUIRE(writer);
    const std::vector<uint8_t> container =
        event::test::EventBuilder(324 /* container JSON, 2nd version */, 0, 0)
            .large_lengths()
            .str(R"({"container":{"id":"0123456789ab","name":"web","image":"nginx:1.25","type":0}})")
            .v2();
    auto parsed = event::EventView::parse_v2(container.data(), container.size());
    REQUIRE(parsed);
    for (int i = 0; i < metadata; ++i) (*writer)->write(*parsed);
    event::EventView ev;
    while ((*reader)->next(ev) == capture::ReadStatus::Event) (*writer)->write(ev);
    REQUIRE((*writer)->close());
}

struct Sample {
    uint64_t first_ts = 0;
    uint64_t last_ts = 0;
    double seconds = 0;
    analysis::Snapshot snap;
};

// The System Calls view over the whole file, as --json computes it.
Sample syscalls_view_of(const std::string& path) {
    auto views = analysis::load_views("");
    REQUIRE(views);
    const analysis::ViewDef* view = views->find("syscalls");
    REQUIRE(view != nullptr);
    auto agg = analysis::Aggregator::create(*view, "");
    REQUIRE(agg);
    engine::Options options;
    options.read_file = path;
    auto opened = engine::open_source(options);
    REQUIRE(opened);
    engine::ViewPipeline pipe(std::move(opened->source), opened->name, false);
    pipe.set_aggregator(std::move(*agg));
    while (pipe.run(4096) == engine::ViewPipeline::Step::More) {
    }
    Sample s;
    s.first_ts = pipe.first_ts();
    s.last_ts = pipe.last_ts();
    s.seconds = pipe.span_seconds();
    pipe.aggregator()->fill(s.snap, s.seconds);
    return s;
}

}  // namespace

TEST_CASE("Leading ts-0 metadata events change neither the span nor any rate") {
    const std::string original = test::shared_capture("curl_google.scap");
    const std::string with_metadata =
        (std::filesystem::temp_directory_path() / ("tt_span_" + std::to_string(getpid()) + ".scap")).string();
    copy_with_leading_metadata(original, with_metadata, 3);

    const Sample plain = syscalls_view_of(original);
    const Sample docker = syscalls_view_of(with_metadata);
    std::filesystem::remove(with_metadata);

    REQUIRE(plain.first_ts > 1'000'000'000ull * 1'000'000'000ull);  // a real time, after 2001
    CHECK(docker.first_ts == plain.first_ts);
    CHECK(docker.last_ts == plain.last_ts);
    CHECK(docker.seconds == doctest::Approx(plain.seconds));
    CHECK(docker.seconds < 3600);  // not measured from 1970
    REQUIRE(docker.snap.rows.size() == plain.snap.rows.size());
    REQUIRE(!plain.snap.rows.empty());
    // Every cell, rates included, is the same as without the metadata.
    for (size_t r = 0; r < plain.snap.rows.size(); ++r) {
        CHECK(docker.snap.rows[r].key == plain.snap.rows[r].key);
        REQUIRE(docker.snap.rows[r].cells.size() == plain.snap.rows[r].cells.size());
        for (size_t c = 0; c < plain.snap.rows[r].cells.size(); ++c) {
            CHECK(docker.snap.rows[r].cells[c].number == doctest::Approx(plain.snap.rows[r].cells[c].number));
        }
    }
}
