#include "engine/view_pipeline.h"

#include <algorithm>

#include "capture/proc_scan.h"
#include "event/event_table.h"
#include "filter/field_context.h"
#include "filter/compiled_filter.h"
#include "state/event_codes.h"

namespace tracetop::engine {

ViewPipeline::ViewPipeline(std::unique_ptr<capture::Source> source, std::string name, bool live)
    : source_(std::move(source)), name_(std::move(name)), live_(live), args_(model_) {
    model_.load_header(source_->header());
    // issue 17 items 3-4: one model per host of a merged capture.
    merged_ = dynamic_cast<capture::MergedSource*>(source_.get());
    remote_ = merged_ || dynamic_cast<capture::StreamSource*>(source_.get());
    const auto machine_name = [](const event::CaptureHeader& h) { return h.machine ? h.machine->hostname : ""; };
    host0_.machine = machine_name(source_->header());
    host0_.name = remote_ || host0_.machine.empty() ? name_ : host0_.machine;
    host0_.recorded = !live_;
    if (merged_) {
        model_.load_header(merged_->host_header(0));
        host0_.machine = machine_name(merged_->host_header(0));
        host0_.model = &model_;
        host0_.args = &args_;
        for (size_t i = 1; i < merged_->host_count(); ++i) {
            auto host = std::make_unique<ExtraHost>();
            host->info.model = &host->model;
            host->info.args = &host->args;
            host->model.load_header(merged_->host_header(i));
            host->info.machine = machine_name(merged_->host_header(i));
            extra_hosts_.push_back(std::move(host));
        }
        refresh_hosts();
    }
}

void ViewPipeline::refresh_hosts() {
    if (!merged_) {
        host0_.drops = source_->stats().drops;
        return;
    }
    for (size_t i = 0; i < merged_->host_count(); ++i) {
        const capture::HostStatus st = merged_->host_status(i);
        filter::HostInfo& info = i == 0 ? host0_ : extra_hosts_[i - 1]->info;
        info.name = st.name;
        info.gone = st.gone;
        info.reason = st.reason;
        info.drops = st.drops;
    }
}

ViewPipeline::Step ViewPipeline::run(uint64_t max_events) {
    // issue 15 (procsfast): replay instead (a caller that did not ask contexts_answer first)
    if (fast_ && events_ == 0 && (!agg_ || !contexts_answer(*fast_, *agg_, range_))) fast_ = nullptr;
    if (fast_) return run_fast(max_events);
    if (lean()) return run_lean(max_events);
    if (remote_) refresh_hosts();
    const filter::EnterUse enters = enter_use();
    for (uint64_t i = 0; i < max_events; ++i) {
        Step stop = Step::More;
        if (!next_event(stop)) {
            flush_groups();  // issue 15 (passgroups): the table is complete
            if (stop == Step::End && rows_ && !rows_->finished()) rows_->finish(model_);  // issue 15 (procsfast)
            if (stop != Step::Idle) refresh_hosts();
            return stop;
        }
        // The event's host: its model and its host.* facts.
        state::Model* model = &model_;
        const state::ModelArgContext* args = &args_;
        const filter::HostInfo* host = &host0_;
        if (merged_ && merged_->event_host() > 0) {
            ExtraHost& h = *extra_hosts_[merged_->event_host() - 1];
            model = &h.model;
            args = &h.args;
            host = &h.info;
        }
        // issue 15 (checkpoints): taken before the event changes the model.
        if (checkpoints_ && store_) {
            if (checkpoints_->due(events_)) checkpoints_->take(*store_, *model, first_ts_, last_ts_);
            checkpoints_->note(ev_);
        }
        ++events_;
        if (store_ && !(store_mapped_ ? store_->add_mapped(ev_, source_->mapped_place()) : store_->add(ev_))) {
            store_ = nullptr;  // over budget: the store said so, and freed it
        }
        if (!store_) {
            // The contexts and the checkpoints are of the store's events.
            flush_groups();  // issue 15 (passgroups): the events before this one; the rest one by one
            drop_groups();
            rows_ = nullptr;
            checkpoints_ = nullptr;
        }
        // Events stamped 0 are metadata (sysdig writes container records so
        // at the start of captures taken on docker hosts): they belong to no
        // moment, so the sample's span is that of the events that do.
        if (ev_.ts != 0) {
            if (first_ts_ == 0) first_ts_ = ev_.ts;
            last_ts_ = ev_.ts;
        }
        // The range is resolved at the first event with a time, as first_ts_ is.
        const RangeGate::Where where =
            range_.active() && ev_.ts != 0 ? range_.place(ev_.ts) : RangeGate::Where::Inside;
        if ((where == RangeGate::Where::Before || events_ <= feed_from_) && !timeline_ && !recorder_) {
            // Before the range and nothing else looks at it: the same state
            // changes, without describing the event (what makes a late range quick).
            model->apply(ev_);
            continue;
        }
        // An enter is copied for its exit only when something may read it there.
        const bool keep_enter = enters == filter::EnterUse::Always ||
                                (enters == filter::EnterUse::Generic && event::has_dynamic_type_name(ev_.type | 1u));
        const state::EventContext& ctx = model->on_event(ev_, keep_enter);
        // The frozen contexts are one model's: several hosts never make them (the file's pass only).
        if (rows_) rows_->add(ev_, ctx, *model, store_ ? store_->last_body() : nullptr);
        const filter::FieldContext fields{ev_, ctx, *model, args, &scratch_, first_ts_, host};
        // Only exits carry a result: enters are never failed calls. The
        // frozen contexts found the event's evt.failed already (issue 15, pass).
        if (timeline_) {
            timeline_->add(ev_.ts, !event::is_enter(ev_.type) &&
                                       (rows_ ? rows_->last_failed() : failed_ && failed_->matches(fields)));
        }
        if (recorder_) recorder_->offer(fields);
        // What sysdig never shows anyone (state-only records: those of the
        // file, and the state records at its start, which the reader marks)
        // feeds the model only.
        if (ev_.block_flags & event::kEventFlagStateOnly) continue;
        if (range_.active() && ev_.ts != 0) {
            if (where == RangeGate::Where::Before) continue;
            // The explorer's first pass goes on to the end: the copy and the timeline want all of it.
            if (where == RangeGate::Where::After) {
                if (!timeline_) return Step::End;
                continue;
            }
        }
        // Whole or not, a part of a replay (issue 15, chunks) tells its merge its times.
        if (ev_.ts != 0) {
            if (range_first_ts_ == 0) range_first_ts_ = ev_.ts;
            range_last_ts_ = ev_.ts;
        }
        if (!agg_ && !pane_ && !observer_) continue;
        const bool internal = event::is_internal(ev_.type);
        if (observer_) observer_(fields, internal);
        if (grouping_) {
            add_to_group(rows_->events() - 1, rows_->context_id(rows_->events() - 1), ctx.latency);
        } else if (agg_) {
            agg_->on_event(fields, internal);
        }
        if (pane_) pane_->on_event(fields, internal);
    }
    return Step::More;
}

filter::EnterUse ViewPipeline::enter_use() const {
    // The panes, observers, recordings and frozen contexts are not looked
    // into; the explorer's first pass (store_, timeline_) keeps every enter,
    // as models copied during it may serve another view later.
    if (!agg_ || pane_ || observer_ || recorder_ || rows_ || store_ || timeline_) return filter::EnterUse::Always;
    return agg_->enter_use();
}

bool ViewPipeline::next_event(Step& stop) {
    for (;;) {
        switch (source_->next(ev_)) {
            case capture::ReadStatus::End: stop = Step::End; return false;
            case capture::ReadStatus::Failed: stop = Step::Failed; return false;
            case capture::ReadStatus::Idle: stop = Step::Idle; return false;
            case capture::ReadStatus::NewSection:
                if (fast_) continue;  // issue 15 (fastkeys): the contexts are frozen already
                if (merged_) {
                    // Several hosts (issue 17): the section is the event's host's.
                    const size_t h = merged_->event_host();
                    (h == 0 ? model_ : extra_hosts_[h - 1]->model).load_header(merged_->host_header(h));
                } else {
                    model_.load_header(source_->header());
                }
                if (store_) store_->begin_section(source_->header());
                if (rows_) rows_->begin_section(source_->header());
                continue;
            case capture::ReadStatus::Event: return true;
        }
    }
}

// issue 15 (checkpoints)
void ViewPipeline::start_at(const PassPoint& at, const state::Model& model, const event::CaptureHeader& first_header,
                            uint64_t feed_from, uint64_t range_first_ts) {
    model_.load_copy(model);
    host0_.machine = first_header.machine ? first_header.machine->hostname : "";
    host0_.name = remote_ || host0_.machine.empty() ? name_ : host0_.machine;
    events_ = at.at.index;
    first_ts_ = at.first_ts;
    last_ts_ = at.last_ts;
    feed_from_ = feed_from;
    range_first_ts_ = range_first_ts;
}

// issue 15 (split, chunks)
bool ViewPipeline::merge_earlier(const analysis::Aggregator& table, uint64_t fed_first_ts, uint64_t fed_last_ts) {
    if (!agg_ || !agg_->merge_earlier(table)) return false;
    // The range's first shown event is the earlier part's, if it saw one; its last, this part's.
    if (fed_first_ts != 0) range_first_ts_ = fed_first_ts;
    if (range_last_ts_ == 0) range_last_ts_ = fed_last_ts;
    return true;
}

void ViewPipeline::set_first_pass(EventStore* store, analysis::TimelineCounts* timeline) {
    store_ = store;
    timeline_ = timeline;
    // issue 15 (pass2): a file read in place is kept as places in it, not copied.
    store_mapped_ = store_ && store_->use_mapping(source_->mapping());
    if (store_) store_->begin_section(source_->header());
    if (timeline_) {
        auto failed = filter::CompiledFilter::compile("evt.failed=true");
        if (failed) failed_ = std::make_shared<filter::CompiledFilter>(std::move(*failed));
    }
}

std::optional<Error> ViewPipeline::start_recording(const Options& options) {
    auto created = EventRecorder::create(options, source_->header());
    if (!created) return created.error();
    recorder_ = std::move(*created);
    return std::nullopt;
}

std::optional<RecordingEnd> ViewPipeline::finish_recording() {
    if (!recorder_) return std::nullopt;
    agg_.reset();
    pane_.reset();
    // Like a batch -w stopped by a signal: detach, then record what the
    // rings still hold, so the file ends where the user quit.
    if (live_ && !recorder_->problem()) {
        source_->stop_producing();
        for (Step step = Step::More; step == Step::More || step == Step::Idle;) step = run(kBatch);
    }
    return RecordingEnd{recorder_->close(), source_->stats().drops};
}

void ViewPipeline::feed_procinfo(const state::ThreadInfo& thread, int64_t cpu_centis) {
    feed_procinfo(&thread, cpu_centis, model_, args_, host0_);
}

void ViewPipeline::feed_procinfo(const state::ThreadInfo* thread, int64_t cpu_centis, const state::Model& model,
                                 const state::ModelArgContext& args, const filter::HostInfo& host) {
    event::EventView ev;  // no parameters: only thread.cpu reads a procinfo's values
    ev.type = state::codes::kProcInfoE;
    ev.ts = last_ts_;
    state::EventContext ctx;
    if (thread) {
        ev.tid = static_cast<uint64_t>(thread->tid);
        ctx.thread = thread;
        ctx.main_thread = model.main_thread_of(*thread);
        if (!ctx.main_thread) ctx.main_thread = thread;
        ctx.thread_known = true;
    }
    ctx.procinfo_cpu_delta = cpu_centis;
    const filter::FieldContext fields{ev, ctx, model, &args, &scratch_, first_ts_, &host};
    if (observer_) observer_(fields, true);
    if (agg_) agg_->on_event(fields, true);
}

void ViewPipeline::feed_cpu(const std::vector<ThreadCpu>& used) {
    if (!agg_ && !observer_) return;
    for (const ThreadCpu& t : used) {
        if (const state::ThreadInfo* thread = model_.thread(static_cast<state::Tid>(t.tid))) {
            feed_procinfo(*thread, t.centis);
        }
    }
}

std::vector<int64_t> ViewPipeline::memory_pids() const {
    std::vector<int64_t> pids;
    if (!agg_) return pids;
    for (const auto& [tid, thread] : model_.threads().threads()) {
        if (thread->is_main_thread() && thread->uid != state::kNoId) pids.push_back(thread->pid);
    }
    return pids;
}

void ViewPipeline::apply_memory(const std::vector<std::pair<int64_t, capture::ProcMemory>>& memory) {
    // A process gone since the reading is no longer in the model (skipped there).
    for (const auto& [pid, m] : memory) {
        model_.set_process_memory(static_cast<state::Pid>(pid), m.vmsize_kb, m.vmrss_kb, m.vmswap_kb);
    }
}

void ViewPipeline::add_sample_end_events() {
    // csysdig stamps them one nanosecond before the second of the last event.
    event::EventView ev;
    ev.type = state::codes::kSysdigEventX;
    ev.ts = last_ts_ - last_ts_ % 1000000000 - (last_ts_ ? 1 : 0);
    ev.num = 0;
    ev.cpu = 0;
    agg_->begin_sample_end();
    for (const auto& [tid, thread] : model_.threads().threads()) {
        ev.tid = static_cast<uint64_t>(thread->tid);
        state::EventContext ctx;
        ctx.thread = thread.get();
        ctx.main_thread = model_.main_thread_of(*thread);
        if (!ctx.main_thread) ctx.main_thread = thread.get();
        ctx.thread_known = true;
        const filter::FieldContext fields{ev, ctx, model_, &args_, &scratch_, first_ts_};
        agg_->on_sample_end_event(fields);
    }
}

void ViewPipeline::add_idle_rows() {
    if (!agg_) return;
    flush_groups();  // issue 15 (passgroups): the events before the idle rows, in their order
    if (agg_->view().idle_rows) feed_idle_rows();
    // Last: any event fed after them takes them back out.
    if (agg_->view().sample_end_events) add_sample_end_events();
}

void ViewPipeline::feed_idle_rows() {
    if (fast_) return feed_idle_contexts();  // issue 15 (procsfast)
    // Secondary threads first, main threads last: a process's row keeps
    // the values of the event fed last, and a process is named after its
    // main thread ("systemd-timesyn", not its "sd-resolve" helper thread).
    // issue 17 items 3-4: every host's threads, each with its own model;
    // and one thread-less event per host, so a host with no thread left
    // (or none yet: it never opened) still has its row in Hosts.
    for (size_t h = 0; h < host_count(); ++h) {
        const state::Model& model = h == 0 ? model_ : extra_hosts_[h - 1]->model;
        const state::ModelArgContext& args = h == 0 ? args_ : extra_hosts_[h - 1]->args;
        const filter::HostInfo& host = host_info(h);
        for (const bool main_threads : {false, true}) {
            for (const auto& [tid, thread] : model.threads().threads()) {
                // A thread only ever named by an event (no process-table entry,
                // no clone) is a guess of the model, not a process anyone listed.
                if (thread->uid == state::kNoId || (thread->tid == thread->pid) != main_threads) continue;
                feed_procinfo(&*thread, 0, model, args, host);
            }
        }
        const auto& keys = agg_->view().keys;
        if (std::find(keys.begin(), keys.end(), "host.name") != keys.end()) feed_procinfo(nullptr, 0, model, args, host);
    }
}

void ViewPipeline::describe(analysis::SourceInfo& out) const {
    out.name = name_;
    out.live = live_;
    out.first_ts = shown_first_ts();
    out.last_ts = shown_last_ts();
    out.events = events_;
    const double span = span_seconds();
    out.events_per_s = span > 0 ? static_cast<double>(events_) / span : 0;
    const capture::SourceStats stats = source_->stats();
    out.drops = stats.drops;
    out.bytes_read = stats.bytes_read;
    out.bytes_total = stats.bytes_total;
    out.malformed = stats.malformed;
    const auto& machine = source_->header().machine;
    out.cpus = machine ? machine->num_cpus : 0;
}

double ViewPipeline::progress() const {
    const capture::SourceStats s = source_->stats();
    if (s.bytes_total == 0) return 0;
    return std::min(1.0, static_cast<double>(s.bytes_read) / static_cast<double>(s.bytes_total));
}

}  // namespace tracetop::engine
