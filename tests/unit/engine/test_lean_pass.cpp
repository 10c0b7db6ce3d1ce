// issue 15 (json2): a pass that feeds one table and nothing else takes
// ViewPipeline's lean loop; the same pass with an observer that looks at
// nothing takes the full one. Every shipped table view, on both shared
// captures, gives the same table, event count and span both ways.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "../common/shared_captures.h"
#include "analysis/aggregator.h"
#include "analysis/view_loader.h"
#include "engine/source_factory.h"
#include "engine/view_pipeline.h"

using namespace tracetop;

namespace {

std::string table_of(const analysis::Aggregator& agg) {
    analysis::Snapshot snap;
    agg.fill(snap, 1.0);
    std::string out;
    for (const analysis::Row& r : snap.rows) {
        out += r.key + " " + r.label + ":";
        for (const analysis::Cell& c : r.cells) out += " " + std::to_string(c.present) + "/" + c.text;
        out += "\n";
    }
    return out;
}

// The table of `view` over `file`, fed through the lean loop or (`full`) the whole one.
std::string pass(const analysis::ViewDef& view, const std::string& file, bool full) {
    engine::Options o;
    o.read_file = file;
    auto opened = engine::open_source(o);
    REQUIRE(opened.ok());
    engine::ViewPipeline pipe(std::move(opened->source), file, false);
    auto agg = analysis::Aggregator::create(view, "");
    REQUIRE(agg);
    pipe.set_aggregator(std::move(*agg));
    if (full) pipe.set_observer([](const filter::FieldContext&, bool) {});
    CHECK(pipe.lean() == !full);
    engine::ViewPipeline::Step step;
    while ((step = pipe.run(engine::ViewPipeline::kBatch)) == engine::ViewPipeline::Step::More) {
    }
    REQUIRE(step == engine::ViewPipeline::Step::End);
    // The sample's span and count as well: the rates and the JSON's header read them.
    return fmt::format("{} events, {} to {}\n", pipe.events(), pipe.first_ts(), pipe.last_ts()) +
           table_of(*pipe.aggregator());
}

}  // namespace

TEST_CASE("the lean loop gives every table view the table the full loop gives") {
    auto set = analysis::builtin_views();
    REQUIRE(set);
    size_t compared = 0;
    for (const char* name : {"curl_google.scap", "single_ipv6_conn.scap"}) {
        const std::string file = test::shared_capture(name);
        for (const analysis::ViewDef& v : set->views) {
            if (v.kind != analysis::ViewKind::Table) continue;
            const std::string lean = pass(v, file, false);
            CHECK_MESSAGE(lean == pass(v, file, true), name << " view " << v.id);
            if (lean.find('\n') + 1 < lean.size()) ++compared;  // some row
        }
    }
    CHECK(compared > 20);
}
