#include "engine/explorer_engine.h"

#include <chrono>
#include <cstdlib>
#include <thread>

#include <fmt/format.h>

#include "analysis/aggregator.h"
#include "engine/proc_cpu.h"
#include "engine/proc_sampler.h"
#include "engine/event_recorder.h"
#include "engine/checkpoint_replay.h"
#include "engine/source_factory.h"
#include "engine/chunked_replay.h"
#include "engine/pass_parts.h"
#include "engine/drill_prefetch.h"
#include "engine/view_pipeline.h"
#include "engine/host_views.h"
#include "filter/compiled_filter.h"

namespace tracetop::engine {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kLoadingRefresh = std::chrono::milliseconds(200);
// What -d accepts (cli_options), and so SetRefresh too.
constexpr uint64_t kMinRefreshMs = 50;
constexpr uint64_t kMaxRefreshMs = 3600000;

}  // namespace

std::string Navigation::scope() const { return analysis::join_filters(filter, stack.terms_filter()); }

void Navigation::stamp(analysis::Snapshot& snap, const analysis::ViewSet& views) const {
    snap.filter = filter;
    snap.scope = scope();
    snap.breadcrumb = stack.breadcrumb(views);
    snap.depth = stack.depth();
    snap.level_id = stack.level_id();
    snap.level_path = stack.level_path();
    snap.generation = generation;
    snap.source.range_from = range.from;
    snap.source.range_to = range.to;
}

ExplorerEngine::ExplorerEngine(Options options, analysis::ViewSet views)
    : options_(std::move(options)), views_(std::move(views)) {
    if (const char* split = std::getenv("TRACETOP_SPLIT")) {
        split_min_events_ = std::strtoull(split, nullptr, 10);
        split_asked_ = true;
    }
    auto empty = std::make_shared<analysis::Snapshot>();
    empty->loading = true;
    empty->progress = 0;
    snap_ = std::move(empty);
}

ExplorerEngine::~ExplorerEngine() {
    send(Command::make(Command::Kind::Quit));
    if (thread_.joinable()) thread_.join();
}

std::optional<std::string> ExplorerEngine::check_filter(const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto compiled = filter::CompiledFilter::compile(text);
    if (compiled) return std::nullopt;
    return filter::describe_filter_error(text, compiled.error());
}

Result<std::unique_ptr<ExplorerEngine>> ExplorerEngine::start(const Options& options) {
    auto views = analysis::load_views(analysis::default_user_view_dir());
    if (!views) return views.error();
    if (options.remotes.size() > 1) key_views_by_host(*views);  // issue 17 items 3-4
    const std::string asked = options.view.empty() ? "procs" : options.view;
    const analysis::ViewDef* start_view = views->find(asked);
    if (!start_view) return Error(views->why_missing(asked));
    const std::string view_id = start_view->id;  // csysdig's id resolved to tracetop's
    if (auto bad = check_filter(options.filter)) return Error(*bad);
    if (!options.read_file && (options.from || options.to)) {
        // Live, a range is of the history kept while the explorer runs: it is chosen on the strip.
        return Error("--from/--to select a range of a capture file (-r); live, use them with --print, -w or --json, "
                     "or select a past range on the explorer's timeline strip");
    }
    auto opened = open_source(options, {}, true);  // issue 15 (pass2): the copy is views of the mapped file
    if (!opened) {
        const std::string name = options.read_file.value_or("live capture");
        const std::string& m = opened.error().message;
        return Error(m.rfind(name, 0) == 0 ? m : name + ": " + m);
    }
    std::unique_ptr<ExplorerEngine> engine(new ExplorerEngine(options, std::move(*views)));
    engine->nav_.stack = analysis::DrillStack(view_id);
    engine->nav_.filter = options.filter;
    engine->shown_ = engine->nav_;
    auto first = std::make_shared<analysis::Snapshot>(*engine->snap_);
    engine->shown_.stamp(*first, engine->views_);
    engine->snap_ = std::move(first);
    // issue 15 live history (rewind): the state capture begins with, where the history's base model starts.
    // Not for several --remote hosts (issue 17 items 3-4): a replay has one model, and their threads would mix.
    if (opened->live && options.history_s > 0 && options.remotes.size() <= 1) {
        engine->history_ = std::make_unique<LiveHistory>(opened->source->header(),
                                                         uint64_t{options.history_s} * 1000000000ULL,
                                                         history_budget(options.memory_budget_mb));
    }
    engine->first_pipeline_ =
        std::make_unique<ViewPipeline>(std::move(opened->source), opened->name, opened->live);
    if (options.write_file) {
        if (auto refused = engine->first_pipeline_->start_recording(options)) return *refused;
    }
    if (!opened->live) engine->begin_file_pass(*engine->first_pipeline_);
    // issue 15 live history (rewind): every live event kept for the strip and for rewinding.
    if (engine->history_) {
        engine->first_pipeline_->set_first_pass(&engine->history_->store(), &engine->history_->timeline());
    }
    engine->thread_ = std::thread([e = engine.get()] { e->run(); });
    return engine;
}

void ExplorerEngine::send(Command cmd) {
    {
        std::lock_guard<std::mutex> lock(queue_mu_);
        // Numbered under the queue's lock: numbers grow in queue order.
        if (cmd.navigates()) {
            cmd.generation = sent_generation_.load(std::memory_order_relaxed) + 1;
            sent_generation_.store(cmd.generation, std::memory_order_release);
        }
        queue_.push_back(std::move(cmd));
    }
    queue_cv_.notify_one();
}

std::shared_ptr<const analysis::Snapshot> ExplorerEngine::latest() const {
    std::lock_guard<std::mutex> lock(snap_mu_);
    return snap_;
}

void ExplorerEngine::publish(std::shared_ptr<analysis::Snapshot> snap) {
    shown_.stamp(*snap, views_);
    store(std::move(snap));
}

void ExplorerEngine::store(std::shared_ptr<analysis::Snapshot> snap) {
    snap->seq = seq_.load(std::memory_order_relaxed) + 1;
    snap->paused = paused_;
    {
        std::lock_guard<std::mutex> lock(snap_mu_);
        snap_ = std::move(snap);
    }
    seq_.fetch_add(1, std::memory_order_release);
}

bool ExplorerEngine::apply(Command& cmd) {
    if (cmd.navigates()) {
        const bool changed = navigate(cmd);
        // Taken, whether it changed anything or not: its snapshot answers it.
        nav_.generation = cmd.generation;
        return changed;
    }
    switch (cmd.kind) {
        case Command::Kind::Quit: quit_ = true; return false;
        case Command::Kind::Pause: paused_ = cmd.flag; return false;
        case Command::Kind::Clear: clear_ = true; return false;
        case Command::Kind::SetRefresh:
            // Within -d's bounds; the interval running ends by the new length.
            if (cmd.id >= kMinRefreshMs && cmd.id <= kMaxRefreshMs) options_.delay_ms = static_cast<uint32_t>(cmd.id);
            return false;
        default: return false;  // EventDetails, OpenPane, ClosePane: answered by run(), which has the pipeline
    }
}

bool ExplorerEngine::navigate(Command& cmd) {
    analysis::DrillStack& stack = nav_.stack;
    const analysis::ViewDef* current = views_.find(stack.view_id());
    switch (cmd.kind) {
        case Command::Kind::DrillFilter: {
            // The Events view, or the one an action names (its open files, connections).
            const analysis::ViewDef* target = views_.find(cmd.text.empty() ? "events" : cmd.text);
            if (!target || cmd.row.key_terms.empty()) return false;
            stack.push(target->id, analysis::DrillFrame{{}, 0, cmd.row.key_terms, {}, cmd.row.label});
            return true;
        }
        case Command::Kind::SetView:
            if (!views_.find(cmd.text) || cmd.text == stack.view_id()) return false;
            stack.switch_view(cmd.text);
            return true;
        case Command::Kind::SetFilter:
            if (check_filter(cmd.text)) return false;
            nav_.filter = cmd.text;
            return true;
        case Command::Kind::SetRange:
            range_resolved_ = true;
            if (cmd.range == nav_.range) return false;
            nav_.range = cmd.range;
            return true;
        case Command::Kind::Back: return stack.pop();
        case Command::Kind::Drill:
        case Command::Kind::DrillEvents: {
            // The row is of the level the screen showed; another level is current now.
            if (cmd.generation_seen != nav_.generation) return false;
            if (!current || current->kind != analysis::ViewKind::Table || cmd.row.key_terms.empty()) return false;
            const analysis::ViewDef* target = cmd.kind == Command::Kind::DrillEvents
                                                  ? views_.find("events")
                                                  : stack.target_of(views_, *current);
            if (!target) return false;
            stack.push(target->id,
                       analysis::DrillFrame{{}, 0, cmd.row.key_terms, current->keys, analysis::crumb_for(cmd.row)});
            return true;
        }
        default: return false;
    }
}

void ExplorerEngine::run() {
    std::unique_ptr<ViewPipeline> pipe = std::move(first_pipeline_);
    // issue 15 (split, chunks): the earlier parts of the replay `pipe` run,
    // if it was cut at the model copies inside it (`pipe` is the last part);
    // `later_ended`: pipe has ended and waits for them. `chunks_prefix`:
    // the view and scope they are kept under.
    std::unique_ptr<ChunkedReplay> chunks;
    std::string chunks_prefix;
    bool later_ended = false;
    // issue 15 (chunks): while the user reads the screen, the shown level's
    // parts over the whole capture, for the range keys to come.
    std::unique_ptr<ChunkedReplay> fill;
    std::string fill_prefix;
    // issue 15 (chunks): the pass that makes the copy keeps its table in parts (pass_parts.h).
    std::unique_ptr<PassParts> pass_parts;
    // issue 15 (drill): the first view's drill-downs, made beside the first pass.
    std::unique_ptr<DrillPrefetch> drill;
    // Whatever parts completed are kept; the rest stops (within one batch).
    auto stop_chunks = [&](std::unique_ptr<ChunkedReplay>& replay, const std::string& prefix) {
        if (!replay) return;
        replay->cancel();
        keep_chunks(*replay, prefix);
        replay.reset();
    };
    const bool live = pipe->live();
    auto begin_fill = [&] {
        if (live || fill) return;
        fill = start_fill();
        if (fill) fill_prefix = chunk_prefix();
    };
    bool reconfigure = true;
    bool pass_done = false;
    bool first_pass = true;
    Clock::time_point interval_start = Clock::now();
    Clock::time_point last_publish = Clock::now();
    uint64_t interval_events = 0;
    uint64_t interval_drops = 0;
    std::string failure;
    // Live CPU% and memory (like htop): /proc read by the sampler's worker,
    // asked at each interval boundary and taken at the next, so neither this
    // thread nor the screen ever waits on /proc.
    std::optional<ProcSampler> proc;
    // issue 17 (remote): this machine's /proc says nothing of a remote host's processes.
    if (live && !options_.remote) proc.emplace();
    auto apply_proc = [&](double interval_seconds) {
        std::optional<ProcSample> got = proc->take();
        if (!got) return;
        // The reading spans about one interval, not exactly this one.
        got->scale_to(interval_seconds);
        pipe->feed_cpu(got->cpu);
        pipe->apply_memory(got->memory);
    };

    auto make_pane = [&]() -> std::unique_ptr<analysis::PaneFeed> {
        if (pane_kind_ == analysis::PaneKind::None) return nullptr;
        auto feed = analysis::make_pane_feed(pane_kind_, pane_scope_, live, options_.snaplen);
        if (!feed) {
            failure = feed.error().message;
            return nullptr;
        }
        return std::move(*feed);
    };
    auto make_snapshot = [&](double seconds) {
        auto snap = std::make_shared<analysis::Snapshot>();
        // issue 15 (chunks): while the first pass loads in parts, the screen shows them merged
        // (its idle rows go into that table, not into a part).
        std::unique_ptr<analysis::Aggregator> merged = pass_parts ? pass_parts->merged(*pipe) : nullptr;
        std::unique_ptr<analysis::Aggregator> live_part;
        if (merged) {
            live_part = pipe->take_aggregator();
            pipe->set_aggregator(std::move(merged));
        }
        pipe->add_idle_rows();
        if (pipe->aggregator()) pipe->aggregator()->fill(*snap, seconds);
        if (live_part) pipe->set_aggregator(std::move(live_part));
        if (pipe->pane()) pipe->pane()->fill(snap->pane, pipe->last_ts());
        snap->pane.id = pane_id_;
        pipe->describe(snap->source);
        describe_capture(snap->source);
        snap->error = failure.empty() ? pipe->recording_problem().value_or("") : failure;
        return snap;
    };

    while (!quit_) {
        if (drill && drill->done() && store_ && store_->usable()) {
            keep_drill_levels(*drill);
            drill.reset();
        }
        if (fill && pass_done) {
            // issue 15 (chunks): idle, this thread helps the fill a batch at a time between commands.
            bool waiting = false;
            {
                std::lock_guard<std::mutex> lock(queue_mu_);
                waiting = !queue_.empty();
            }
            if (!waiting && fill->help()) continue;
            if (fill->done()) stop_chunks(fill, fill_prefix);
        }
        // Commands: all that are waiting; block only when there is nothing to read.
        {
            std::unique_lock<std::mutex> lock(queue_mu_);
            if (pass_done && queue_.empty() && !live_behind_) queue_cv_.wait_for(lock, std::chrono::milliseconds(500));
            while (!queue_.empty()) {
                Command cmd = std::move(queue_.front());
                queue_.pop_front();
                lock.unlock();
                if (cmd.kind == Command::Kind::EventDetails) {
                    // The same table with one event's fields added, paused or not.
                    auto snap = std::make_shared<analysis::Snapshot>(*latest());
                    snap->details_key = cmd.text;
                    const auto num = std::strtoull(cmd.text.c_str(), nullptr, 10);
                    snap->details = pipe->event_details(num).value_or(
                        "This event is no longer kept: the Events view keeps only the newest ones.\n");
                    store(std::move(snap));
                }
                if (cmd.kind == Command::Kind::OpenPane) {
                    pane_kind_ = cmd.text == "echo" ? analysis::PaneKind::Echo : analysis::PaneKind::Spectro;
                    std::string row_terms;
                    for (const std::string& t : cmd.row.key_terms) row_terms = analysis::join_filters(row_terms, t);
                    pane_scope_ = analysis::join_filters(nav_.scope(), row_terms);
                    pane_id_ = cmd.id;
                    if (live && !live_behind_) {
                        // Live: from now on, beside the view.
                        pipe->set_pane(make_pane());
                        publish(make_snapshot(std::chrono::duration<double>(Clock::now() - interval_start).count()));
                    } else {
                        // Offline, or a past range live: the whole file or range again, the view
                        // with it (it comes back unchanged).
                        reconfigure = true;
                    }
                } else if (cmd.kind == Command::Kind::ClosePane) {
                    pane_kind_ = analysis::PaneKind::None;
                    pipe->set_pane(nullptr);
                }
                if (apply(cmd)) reconfigure = true;
                lock.lock();
            }
        }
        if (quit_) break;
        if (live_behind_) run_live_behind(pass_done);
        if (!reconfigure && nav_.generation != shown_.generation) {
            // Navigation commands that changed nothing: the table stands and
            // answers them at once, if the newest snapshot shows it already
            // (else it is being published for the first time, with this generation).
            auto again = std::make_shared<analysis::Snapshot>(*latest());
            const bool shows_table = again->generation == shown_.generation;
            shown_.generation = nav_.generation;
            if (shows_table) {
                again->generation = shown_.generation;
                store(std::move(again));
            }
        }
        if (clear_) {
            clear_ = false;
            // issue 15 (split): the events before now are dropped, the earlier parts' with them.
            chunks.reset();
            later_ended = false;
            answers_.erase(shown_key_);  // issue 15 (fastkeys): the kept answer is no longer what shows
            if (pipe->aggregator()) pipe->aggregator()->reset();
            // Shown at once, also offline and paused: the user asked for it.
            publish(make_snapshot(std::chrono::duration<double>(Clock::now() - interval_start).count()));
        }

        if (reconfigure) {
            reconfigure = false;
            // Stops a replay's earlier parts (its answer is no longer wanted; the parts done are kept).
            stop_chunks(chunks, chunks_prefix);
            stop_chunks(fill, fill_prefix);
            pass_parts.reset();  // a pass cut short: its parts are of a view no longer shown
            drill.reset();       // not done by the first key after the pass: Enter replays, alone on the cores
            later_ended = false;
            shown_ = nav_;
            if (!live && !first_pass && answer_from_cache(pipe)) {
                failure.clear();
                pass_done = true;
                begin_fill();
                continue;
            }
            const analysis::ViewDef* view = views_.find(shown_.stack.view_id());
            auto agg = analysis::Aggregator::create(*view, shown_.scope());
            if (live && history_) switch_live_past(pipe);
            if (!live && !first_pass) {
                // Offline, every view is computed over the whole file: from
                // the copy the first pass kept, or else read it again.
                if (store_ && store_->usable()) {
                    // issue 15 (fastkeys): a table reading only frozen contexts and the events skips the model.
                    // issue 15 (procsfast): decided before the pipeline is chosen (procs, threads: not every range).
                    const RangeGate gate = !range_resolved_   ? RangeGate(options_.from, options_.to)
                                           : nav_.range.whole() ? RangeGate()
                                                                : RangeGate(nav_.range);
                    const bool fast = rows_ && pane_kind_ == analysis::PaneKind::None && agg && (*agg)->memoisable() &&
                                      ViewPipeline::contexts_answer(*rows_, **agg, gate);
                    // issue 15 (checkpoints): else from the model copy before the first event it needs.
                    // issue 15 (split, chunks): a long replay on both cores, cut at the checkpoints.
                    if (!fast && agg) {
                        chunks = start_chunks(*view, agg->get(), nav_.range, true);
                        chunks_prefix = chunk_prefix();
                    }
                    if (chunks) {
                        pipe = chunks->take_later();
                    } else if (!fast) {
                        pipe = replay_from_checkpoint(agg ? agg->get() : nullptr);
                    }
                    if (fast || !pipe) {
                        pipe = std::make_unique<ViewPipeline>(store_->replay(), options_.read_file.value_or(""), false);
                    }
                    if (fast) pipe->use_contexts(rows_.get(), store_.get());
                    shown_key_ = answer_key();
                } else {
                    auto opened = open_source(options_, {}, true);
                    if (!opened) {
                        failure = opened.error().message;
                        pass_done = true;
                        publish(make_snapshot(0));
                        continue;
                    }
                    pipe = std::make_unique<ViewPipeline>(std::move(opened->source), opened->name, false);
                    begin_file_pass(*pipe);
                }
                if (range_resolved_) {
                    pipe->set_range(nav_.range.whole() ? RangeGate() : RangeGate(nav_.range));
                } else {
                    pipe->set_range(RangeGate(options_.from, options_.to));
                }
            }
            first_pass = false;
            failure.clear();
            pipe->set_pane(make_pane());
            if (agg) {
                pipe->set_aggregator(std::move(*agg));
                pass_parts = start_pass_parts(*pipe);
                // issue 15 (passgroups): a first pass not cut in parts feeds its table by context groups.
                if (!pass_parts) pipe->group_by_contexts();
                if (!drill && drill_answers_.empty()) drill = start_drill_prefetch(*pipe);
            } else {
                failure = agg.error().message;
                pipe->set_aggregator(nullptr);
            }
            pass_done = false;
            interval_start = Clock::now();
            // Offline, the first batch shows at once: the answer to a command
            // comes with rows, and a key typed ahead finds them.
            last_publish = interval_start - kLoadingRefresh;
            interval_events = pipe->events();
            interval_drops = pipe->stats().drops;
            if (proc) proc->request(pipe->memory_pids());  // read for the next boundary
            if (live) {
                // A new view shows at once, empty, rather than the old one for a second.
                auto snap = make_snapshot(0);
                snap->loading = true;
                publish(std::move(snap));
            }
        }
        if (pass_done) continue;

        const ViewPipeline::Step step =
            later_ended ? ViewPipeline::Step::End
                        : pipe->run(pass_parts ? pass_parts->batch(*pipe, ViewPipeline::kBatch) : ViewPipeline::kBatch);
        if (step == ViewPipeline::Step::More) keep_pass_within_budget(*pipe);
        if (pass_parts && step == ViewPipeline::Step::More) pass_parts->after_batch(*pipe);
        if (pass_parts && step == ViewPipeline::Step::End) {
            // issue 15 (chunks): the single pass's answer, and its parts kept for the range keys.
            if (!pass_parts->fold_into(*pipe)) failure = "the first pass's parts did not merge";
            end_file_pass(*pipe);
            if (store_ && store_->usable() && checkpoints_) {
                std::vector<uint64_t> copies;
                for (const ModelCheckpoints::Start& c : checkpoints_->copies()) copies.push_back(c.point->at.index);
                keep_pass_parts(pass_parts->answers(copies), chunk_prefix());
            }
            pass_parts.reset();
        } else if (pass_parts && step == ViewPipeline::Step::Failed) {
            pass_parts.reset();
        }
        const Clock::time_point now = Clock::now();
        if (chunks && step == ViewPipeline::Step::End) {
            // issue 15 (split, chunks): the last part's table waits for the earlier ones', the commands not.
            later_ended = true;
            if (chunks->help()) continue;  // one batch of a part the other thread has not taken
            if (!chunks->done()) {
                std::unique_lock<std::mutex> lock(queue_mu_);
                queue_cv_.wait_for(lock, std::chrono::milliseconds(100),
                                   [&] { return !queue_.empty() || chunks->done(); });
                continue;
            }
            later_ended = false;
            if (chunks->merge_into(*pipe)) {
                ++splits_;
            } else {
                failure = "the replay's earlier part did not complete";
            }
            keep_chunks(*chunks, chunks_prefix);
            chunks.reset();
        } else if (chunks && step == ViewPipeline::Step::Failed) {
            chunks.reset();
        }
        if (step == ViewPipeline::Step::Failed || step == ViewPipeline::Step::End) {
            if (step == ViewPipeline::Step::Failed) failure = pipe->error().value_or(Error("read failed")).message;
            pass_done = true;
            if (!live && step == ViewPipeline::Step::End) {
                end_file_pass(*pipe);
                // issue 15 (fastkeys): the first pass's answer is kept too, once the copy is
                // complete (not with -w: the recording ends with this pipeline).
                if (shown_key_.empty() && store_ && store_->usable() && !options_.write_file) {
                    shown_key_ = answer_key();
                }
            }
            const double seconds = live && !live_behind_ ? std::chrono::duration<double>(now - interval_start).count()
                                                         : pipe->span_seconds();
            auto snap = make_snapshot(seconds);
            snap->progress = 1;
            if (pipe->aggregator()) pipe->aggregator()->drop_memo();  // issue 15 (fastkeys): kept answers hold no memos
            if (!shown_key_.empty() && step == ViewPipeline::Step::End && snap->error.empty()) {
                // issue 15 (fastkeys): kept to answer this level again at once.
                if (!answers_.count(shown_key_)) answer_order_.push_back(shown_key_);
                answers_[shown_key_].snap = snap;
            }
            publish(std::move(snap));
            if (step == ViewPipeline::Step::End) begin_fill();
            continue;
        }
        if (live_behind_) continue;  // a past range being replayed: its table shows when the replay ends
        if (!live) {
            if (now - last_publish >= kLoadingRefresh) {
                last_publish = now;
                auto snap = make_snapshot(pipe->span_seconds());
                snap->loading = true;
                snap->progress = chunks ? chunks->progress(pipe.get()) : pipe->progress();
                // The pace so far says how long the rest takes (issue 15's progress).
                const double spent = std::chrono::duration<double>(now - interval_start).count();
                if (snap->progress > 0.01) snap->source.seconds_left = spent * (1 - snap->progress) / snap->progress;
                publish(std::move(snap));
            }
            continue;
        }
        const double elapsed = std::chrono::duration<double>(now - interval_start).count();
        if (elapsed * 1000.0 >= options_.delay_ms) {
            // Asked at every interval boundary, paused or not, so the
            // readings follow one another an interval apart; the one taken
            // here was asked at the boundary before (a reading still under
            // way is taken at the next).
            if (proc) {
                apply_proc(elapsed);
                proc->request(pipe->memory_pids());
            }
            pipe->sweep_gone_threads(now);
            if (history_) history_->trim();
            if (pipe->pane()) pipe->pane()->end_interval(pipe->last_ts());
            // An open pane keeps going while the table is paused (the screen
            // holds the paused table still on its side).
            if (!paused_ || pipe->pane()) {
                auto snap = make_snapshot(elapsed);
                snap->source.events_per_s = static_cast<double>(pipe->events() - interval_events) / elapsed;
                snap->source.drops_per_s = static_cast<double>(pipe->stats().drops - interval_drops) / elapsed;
                publish(std::move(snap));
            }
            if (pipe->aggregator() && !pipe->aggregator()->view().accumulate) pipe->aggregator()->reset();
            interval_start = now;
            interval_events = pipe->events();
            interval_drops = pipe->stats().drops;
        }
    }
    if (live_behind_) pipe = std::move(live_behind_);  // the live pipeline holds the recording
    recorded_ = pipe->finish_recording();
}

void ExplorerEngine::begin_file_pass(ViewPipeline& pipe) {
    if (!range_resolved_) pipe.set_range(RangeGate(options_.from, options_.to));
    // Only a pass that reads the file builds the copy: the first, or one
    // after a first pass cut short by a view switch; never again once the
    // capture proved larger than the budget.
    if (store_refused_ || (store_ && store_->usable())) return;
    const uint64_t budget = options_.memory_budget_mb
                                ? std::min<uint64_t>(*options_.memory_budget_mb, 1ULL << 40) << 20
                                : default_store_budget(options_.read_files.empty()
                                                           ? std::vector<std::string>{options_.read_file.value_or("")}
                                                           : options_.read_files);
    store_ = std::make_unique<EventStore>(budget);
    timeline_ = analysis::TimelineCounts{};
    timeline_done_ = false;
    pipe.set_first_pass(store_.get(), &timeline_);
    rows_ = std::make_unique<ContextRows>();  // issue 15 (fastkeys)
    pipe.keep_contexts(rows_.get());
    checkpoints_ = std::make_unique<ModelCheckpoints>();  // issue 15 (checkpoints)
    pipe.keep_checkpoints(checkpoints_.get());
}

void ExplorerEngine::end_file_pass(const ViewPipeline& pipe) {
    if (!store_ || store_->usable()) return;  // a replay, or the copy is made already
    store_->seal();
    timeline_done_ = true;
    capture_first_ts_ = pipe.first_ts();
    capture_last_ts_ = pipe.last_ts();
    if (!range_resolved_) {
        range_resolved_ = true;
        nav_.range = shown_.range = pipe.range().range();
    }
    if (store_->over_budget()) {
        memory_note_ = fmt::format("capture larger than --memory-budget {} MiB: each view reads the file again",
                                   store_->budget() >> 20);
        store_.reset();
        rows_.reset();
        checkpoints_.reset();
        store_refused_ = true;
    }
}

// issue 15 (fastkeys): answers kept per level, computed from the in-memory copy.
namespace {
constexpr size_t kKeptAnswers = 12;
}  // namespace

std::string ExplorerEngine::answer_key() const {
    if (pane_kind_ != analysis::PaneKind::None) return {};
    const analysis::ViewDef* view = views_.find(shown_.stack.view_id());
    if (!view || view->kind != analysis::ViewKind::Table) return {};
    return answer_key_of(view->id, shown_.scope());
}

std::string ExplorerEngine::answer_key_of(const std::string& view_id, const std::string& scope) const {
    // Without a resolved range the pass uses --from/--to, the same for every level.
    const std::string range = range_resolved_ ? fmt::format("{}-{}", shown_.range.from, shown_.range.to) : "options";
    return fmt::format("{}\n{}\n{}", view_id, scope, range);
}

void ExplorerEngine::wake() {
    { std::lock_guard<std::mutex> lock(queue_mu_); }  // the loop is waiting, or has not checked yet
    queue_cv_.notify_one();
}

bool ExplorerEngine::answer_from_cache(std::unique_ptr<ViewPipeline>& pipe) {
    // The pipeline shown until now goes back with its answer (once its pass is complete).
    if (!shown_key_.empty()) {
        auto it = answers_.find(shown_key_);
        if (it != answers_.end() && !it->second.pipe) it->second.pipe = std::move(pipe);
        shown_key_.clear();
    }
    while (answer_order_.size() > kKeptAnswers) {
        answers_.erase(answer_order_.front());
        answer_order_.pop_front();
    }
    if (!store_ || !store_->usable()) return false;
    const std::string key = answer_key();
    auto it = key.empty() ? answers_.end() : answers_.find(key);
    if (it == answers_.end()) {
        // issue 15 (drill): a level made beside the first pass; its pipeline
        // (kept with it from now on) computes nothing more.
        const auto made = key.empty() ? drill_answers_.end() : drill_answers_.find(key);
        if (made == drill_answers_.end()) return false;
        answer_order_.push_back(key);
        it = answers_.emplace(key, Answer{std::make_shared<analysis::Snapshot>(*made->second),
                                          std::make_unique<ViewPipeline>(store_->replay(),
                                                                         options_.read_file.value_or(""), false)})
                 .first;
        drill_answers_.erase(made);
    }
    if (!it->second.pipe || !it->second.snap) return false;
    pipe = std::move(it->second.pipe);
    shown_key_ = key;
    publish(std::make_shared<analysis::Snapshot>(*it->second.snap));
    return true;
}

// issue 15 (checkpoints): a replay from the first pass's model copies.
std::unique_ptr<ViewPipeline> ExplorerEngine::replay_from_checkpoint(const analysis::Aggregator* agg) {
    if (!checkpoints_ || !range_resolved_) return nullptr;
    return checkpoint_replay(*store_, rows_.get(), *checkpoints_, nav_.range, agg,
                             pane_kind_ != analysis::PaneKind::None, options_.read_file.value_or(""));
}

void ExplorerEngine::describe_capture(analysis::SourceInfo& out) const {
    if (history_) {
        describe_history(out);
        return;
    }
    out.memory_note = memory_note_;
    if (!timeline_done_) return;
    out.timeline = timeline_.counts();
    out.timeline_errors = timeline_.errors();
    out.timeline_start = timeline_.start();
    out.timeline_slot_ns = timeline_.slot_ns();
    out.capture_first_ts = capture_first_ts_;
    out.capture_last_ts = capture_last_ts_;
}

// Live history and rewind (issue 15, rewind).
void ExplorerEngine::switch_live_past(std::unique_ptr<ViewPipeline>& pipe) {
    if (nav_.range.whole()) {
        // Back to now: the live pipeline again (the replay goes, and with it its hold on the history).
        if (live_behind_) pipe = std::move(live_behind_);
        return;
    }
    if (!live_behind_) {
        live_behind_ = std::move(pipe);
        live_behind_->set_aggregator(nullptr);
        live_behind_->set_pane(nullptr);
        behind_interval_ = std::chrono::steady_clock::now();
    }
    // The replay starts from the state at the oldest kept event and runs to the range's end.
    pipe.reset();
    // It ends at the range's end, and so lets the history drop old events again while the range is shown.
    pipe = std::make_unique<ViewPipeline>(history_->replay(nav_.range.to), live_behind_->name(), false);
    pipe->set_range(RangeGate(nav_.range));
}

void ExplorerEngine::run_live_behind(bool past_done) {
    const ViewPipeline::Step step = live_behind_->run(ViewPipeline::kBatch);
    if (step == ViewPipeline::Step::End || step == ViewPipeline::Step::Failed) {
        // The live source is gone (a remote host hung up): nothing more to keep; do not spin.
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - behind_interval_ < std::chrono::milliseconds(options_.delay_ms)) return;
    behind_interval_ = now;
    live_behind_->sweep_gone_threads(now);
    history_->trim();
    if (!past_done || paused_) return;
    // The same table; the strip and the counters move on.
    auto snap = std::make_shared<analysis::Snapshot>(*latest());
    describe_capture(snap->source);
    store(std::move(snap));
}

void ExplorerEngine::describe_history(analysis::SourceInfo& out) const {
    out.live = true;
    if (live_behind_) {
        // A past range: its own times, the live source's name and losses.
        out.name = live_behind_->name();
        out.events = live_behind_->events();
        out.drops = live_behind_->stats().drops;
        out.malformed = live_behind_->stats().malformed;
        // The range's own rate (the replay also reads the events before it): from the strip's slots.
        const analysis::TimelineCounts& t = history_->timeline();
        uint64_t in_range = 0;
        for (size_t i = 0; i < t.counts().size(); ++i) {
            if (nav_.range.contains(t.start() + i * t.slot_ns())) in_range += t.counts()[i];
        }
        const uint64_t to = std::min(nav_.range.to, history_->newest_ts());
        const double seconds = to > nav_.range.from ? static_cast<double>(to - nav_.range.from) / 1e9 : 0;
        out.events_per_s = seconds > 0 ? static_cast<double>(in_range) / seconds : 0;
    }
    out.memory_note = history_->note();
    out.timeline = history_->timeline().counts();
    out.timeline_errors = history_->timeline().errors();
    out.timeline_start = history_->timeline().start();
    out.timeline_slot_ns = history_->timeline().slot_ns();
    out.capture_first_ts = history_->oldest_ts();
    out.capture_last_ts = history_->newest_ts();
}

int ExplorerEngine::finish() {
    send(Command::make(Command::Kind::Quit));
    if (thread_.joinable()) thread_.join();
    // issue 15 (split): for benches and tests, which cannot see it on the screen.
    if (split_asked_) fmt::print(stderr, "tracetop: {} replays split in two\n", splits_);
    return report_recording(options_, recorded_);
}

}  // namespace tracetop::engine
