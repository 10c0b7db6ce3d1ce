#include "engine/drill_prefetch.h"

#include <string_view>
#include <sys/resource.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "analysis/aggregator.h"
#include "analysis/field_binding.h"
#include "engine/source_factory.h"
#include "engine/view_pipeline.h"
#include "filter/field_context.h"
#include "filter/output_format.h"

namespace tracetop::engine {

bool DrillPrefetch::applies(const analysis::ViewDef& view, const analysis::ViewDef& target) {
    if (view.kind != analysis::ViewKind::Table || view.keys.size() != 1 || view.keyless_row) return false;
    if (target.kind != analysis::ViewKind::Table || !target.idle_rows) return false;
    auto key = analysis::bind_field(view.keys[0]);
    if (!key) return false;
    const filter::FieldType type = key->def->type;
    return key->def->dep == filter::FieldDep::Context &&
           (type == filter::FieldType::Int64 || type == filter::FieldType::Uint64);
}

DrillPrefetch::DrillPrefetch(const Options& options, const analysis::ViewDef& view, const analysis::ViewDef& target,
                             DrillScope drill_scope, std::function<void()> on_done)
    : options_(options),
      view_(view),
      target_(target),
      drill_scope_(std::move(drill_scope)),
      on_done_(std::move(on_done)),
      thread_([this] { run(); }) {}

DrillPrefetch::~DrillPrefetch() {
    cancel_.store(true, std::memory_order_relaxed);
    if (thread_.joinable()) thread_.join();
}

void DrillPrefetch::run() {
    // Work ahead, on the core the first pass leaves: it must not slow the
    // first pass, the screen or the terminal when they want that core too.
    setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kNice);
    struct Table {
        std::string scope;
        std::unique_ptr<analysis::Aggregator> agg;
    };
    std::vector<Level> made;
    [&] {
        auto key = analysis::bind_field(view_.keys[0]);
        if (!key) return;
        // Read, not mapped: the first pass's mapping of the file is what stays; this pass is gone after.
        auto opened = open_source(options_, {}, false);
        if (!opened) return;
        ViewPipeline pipe(std::move(opened->source), opened->name, false);
        std::unordered_map<std::string, Table> tables;
        std::unordered_set<std::string> left_out;  // rows past kMaxLevels (or whose level has no table)
        // The key is a number (applies()): its table by the number, found
        // without rendering it as text at every event. Null: left out.
        std::unordered_map<uint64_t, Table*> by_number[2];  // Int, Uint
        filter::FieldValues values;
        fmt::memory_buffer text;
        std::string key_text;
        bool mixed = false;
        pipe.set_observer([&](const filter::FieldContext& ctx, bool internal) {
            values.clear();
            key->def->extract(ctx, key->arg, values);
            if (values.empty()) return;  // in no row, so in no row's level
            if (values.size() > 1) {     // which row's term it passes is not the key's to say
                mixed = true;
                return;
            }
            const filter::FieldValue& v = values[0];
            const bool number = v.kind == filter::FieldValue::Kind::Int || v.kind == filter::FieldValue::Kind::Uint;
            const uint64_t bits = v.kind == filter::FieldValue::Kind::Int ? static_cast<uint64_t>(v.i) : v.u;
            auto& cache = by_number[v.kind == filter::FieldValue::Kind::Int ? 0 : 1];
            if (number) {
                if (auto hit = cache.find(bits); hit != cache.end()) {
                    if (hit->second) hit->second->agg->on_event(ctx, internal);
                    return;
                }
            }
            // The row's key as the view's table renders it (Aggregator::render_first).
            text.clear();
            filter::render_value(*key->def, values[0], text, true);
            key_text.assign(text.data(), text.size());
            auto it = tables.find(key_text);
            if (it == tables.end()) {
                if (left_out.count(key_text)) return;
                // A level starts at its row's first event, or never (it would miss events).
                std::string scope = drill_scope_(analysis::key_term(view_.keys[0], key_text, false));
                auto agg = tables.size() < kMaxLevels ? analysis::Aggregator::create(target_, scope)
                                                      : Result<std::unique_ptr<analysis::Aggregator>>(
                                                            Error("more rows than the drill-downs kept"));
                if (!agg) {
                    left_out.insert(key_text);
                    if (number) cache.emplace(bits, nullptr);
                    return;
                }
                it = tables.emplace(key_text, Table{std::move(scope), std::move(*agg)}).first;
            }
            if (number) cache.emplace(bits, &it->second);  // a map's values stay where they are
            it->second.agg->on_event(ctx, internal);
        });
        ViewPipeline::Step step = ViewPipeline::Step::More;
        while (!cancel_.load(std::memory_order_relaxed) && !mixed && step == ViewPipeline::Step::More) {
            step = pipe.run(ViewPipeline::kBatch);
        }
        if (mixed || step != ViewPipeline::Step::End) return;
        events_ = pipe.events();
        last_ts_ = pipe.last_ts();
        pipe.set_observer(nullptr);
        // Each level as its replay ends: the idle threads its scope lets in, then the table.
        for (auto& [row, table] : tables) {
            if (cancel_.load(std::memory_order_relaxed)) return;
            pipe.set_aggregator(std::move(table.agg));
            pipe.add_idle_rows();
            auto snap = std::make_shared<analysis::Snapshot>();
            pipe.aggregator()->fill(*snap, pipe.span_seconds());
            pipe.describe(snap->source);
            snap->progress = 1;
            pipe.take_aggregator();
            made.push_back(Level{std::move(table.scope), std::move(snap)});
        }
    }();
    if (!cancel_.load(std::memory_order_relaxed)) levels_ = std::move(made);
    done_.store(true, std::memory_order_release);
    if (on_done_) on_done_();
}

}  // namespace tracetop::engine
