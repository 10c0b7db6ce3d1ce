// The promise behind the aggregator's per-row memo (issue 15, perf): while
// Model::thread_epoch() stays the same, every thread-only field
// (thread_fields.h) of every thread gives the same value, and none of them
// reads the event. Checked on every event of the shared captures, so a
// handler that changes a thread without moving the epoch, or a field listed
// that reads more than its thread, fails here.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "../common/capture_replay.h"
#include "capture/scap_reader.h"
#include "filter/field_context.h"
#include "filter/output_format.h"
#include "filter/thread_fields.h"
#include "event/arg_format.h"
#include "state/event_codes.h"

using namespace tracetop;
using tracetop::test::replay_capture;

namespace {

std::vector<const filter::FieldDef*> thread_only_fields() {
    std::vector<const filter::FieldDef*> out;
    for (const filter::FieldDef& def : filter::all_fields()) {
        if (filter::reads_only_thread(def)) out.push_back(&def);
    }
    return out;
}

// The values of `fields` for `thread`, read as the event `ev` would read them.
std::string values_of(const std::vector<const filter::FieldDef*>& fields, const state::Model& model,
                      const state::ThreadInfo& thread, const event::EventView& ev) {
    state::EventContext ctx;
    ctx.thread = &thread;
    const state::ThreadInfo* main = model.main_thread_of(thread);
    ctx.main_thread = main != nullptr ? main : &thread;
    ctx.thread_known = true;
    fmt::memory_buffer scratch, rendered;
    const filter::FieldContext fc{ev, ctx, model, nullptr, &scratch, 0};
    filter::BoundArg arg;
    arg.name = "app";  // container.label.app
    std::string out;
    for (const filter::FieldDef* def : fields) {
        filter::FieldValues values;
        def->extract(fc, arg, values);
        out += def->name;
        for (const filter::FieldValue& v : values) {
            rendered.clear();
            filter::render_value(*def, v, rendered, true);
            out += ' ';
            out.append(rendered.data(), rendered.size());
        }
        out += '\n';
    }
    return out;
}

// Per thread: what its memo is made of (the model's epoch, the memory
// versions of the thread and its main thread), and its fields' values.
struct ThreadState {
    uint64_t epoch = 0;
    uint32_t memory = 0;
    uint32_t main_memory = 0;
    std::string values;
};

std::map<state::Tid, ThreadState> all_threads(const std::vector<const filter::FieldDef*>& fields,
                                              const state::Model& model, const event::EventView& ev) {
    std::map<state::Tid, ThreadState> out;
    for (const auto& [tid, thread] : model.threads().threads()) {
        const state::ThreadInfo* main = model.main_thread_of(*thread);
        out[tid] = ThreadState{model.thread_epoch(), thread->memory_version,
                               main != nullptr ? main->memory_version : thread->memory_version,
                               values_of(fields, model, *thread, ev)};
    }
    return out;
}

}  // namespace

TEST_CASE("every listed thread-only field is a registered field") {
    CHECK(thread_only_fields().size() == 33);
}

TEST_CASE("thread-only fields change only when the thread's memo moves, on the shared captures") {
    const auto fields = thread_only_fields();
    event::EventView none;
    none.type = state::codes::kProcInfoE;
    for (const char* name : {"curl_google.scap", "single_ipv6_conn.scap"}) {
        state::Model model;
        uint64_t epoch = 0;
        std::map<state::Tid, ThreadState> before;
        size_t events = 0, kept = 0, memo_kept = 0, compared = 0;
        const auto start = [&] {
            epoch = model.thread_epoch();
            before = all_threads(fields, model, none);
        };
        replay_capture(name, model, start, [&](capture::ReadStatus rs, const event::EventView& ev, auto) {
            if (rs == capture::ReadStatus::NewSection) {
                CHECK(model.thread_epoch() != epoch);
            } else {
                ++events;
            }
            const auto now = all_threads(fields, model, none);
            if (model.thread_epoch() == epoch) ++kept;
            for (const auto& entry : now) {
                // Plain variables: clang's lambdas (CHECK_MESSAGE) cannot take a structured binding.
                const auto tid = entry.first;
                const ThreadState& state = entry.second;
                auto was = before.find(tid);
                if (was == before.end()) continue;
                const ThreadState& old = was->second;
                if (state.epoch != old.epoch || state.memory != old.memory || state.main_memory != old.main_memory) {
                    continue;
                }
                ++memo_kept;
                CHECK_MESSAGE(state.values == old.values, name, ": event ", ev.num, " changed thread ", tid,
                              " without moving its memo");
            }
            ++compared;
            // Not read from the event: the same with the event itself.
            if (rs == capture::ReadStatus::Event) {
                const auto with_event = all_threads(fields, model, ev);
                for (const auto& [tid, state] : now) CHECK(with_event.at(tid).values == state.values);
            }
            epoch = model.thread_epoch();
            before = now;
        });
        CHECK(events > 100);
        CHECK(memo_kept > compared);
        // Most events keep the epoch: what makes the memo worth having.
        CHECK(kept * 2 > events);
    }
}

// The finer promise behind the aggregator's memory-only misses: a
// thread-only field that reads no memory (reads_thread_memory false) keeps
// its value while the epoch holds, whatever memory exits and context
// switches did to memory_version.
TEST_CASE("thread-only fields that read no memory change only with the epoch, on the shared captures") {
    std::vector<const filter::FieldDef*> fields, memory;
    for (const filter::FieldDef* def : thread_only_fields()) {
        (filter::reads_thread_memory(*def) ? memory : fields).push_back(def);
    }
    CHECK(memory.size() == 8);
    event::EventView none;
    none.type = state::codes::kProcInfoE;
    for (const char* name : {"curl_google.scap", "single_ipv6_conn.scap"}) {
        state::Model model;
        std::map<state::Tid, ThreadState> before;
        size_t memory_moved = 0;
        const auto start = [&] { before = all_threads(fields, model, none); };
        replay_capture(name, model, start, [&](capture::ReadStatus, const event::EventView& ev, auto) {
            const auto now = all_threads(fields, model, none);
            for (const auto& entry : now) {
                const auto tid = entry.first;
                const ThreadState& state = entry.second;
                auto was = before.find(tid);
                if (was == before.end() || state.epoch != was->second.epoch) continue;
                if (state.memory != was->second.memory || state.main_memory != was->second.main_memory) ++memory_moved;
                CHECK_MESSAGE(state.values == was->second.values, name, ": event ", ev.num, " changed thread ", tid,
                              " without moving the epoch");
            }
            before = now;
        });
        // The case the split is for: memory moved while the epoch held (curl's mmap exits).
        if (std::string_view(name) == "curl_google.scap") CHECK(memory_moved > 10);
    }
}

// The same promise for type-only fields: on every event of the shared
// captures whose type has a fixed name, they read as for a bare event of
// that type, without parameters or state.
TEST_CASE("type-only fields read the event's type code alone, on the shared captures") {
    std::vector<const filter::FieldDef*> fields;
    for (const filter::FieldDef& def : filter::all_fields()) {
        if (filter::reads_only_type(def)) fields.push_back(&def);
    }
    REQUIRE(fields.size() == 5);
    static const state::Model no_state;
    const state::EventContext no_context;
    const state::ThreadInfo no_thread;
    for (const char* name : {"curl_google.scap", "single_ipv6_conn.scap"}) {
        state::Model model;
        size_t checked = 0;
        fmt::memory_buffer scratch;
        replay_capture(name, model, [] {}, [&](capture::ReadStatus rs, const event::EventView& ev, auto) {
            if (rs != capture::ReadStatus::Event || event::has_dynamic_type_name(ev.type)) return;
            // The event with its thread, against a bare event of its type.
            state::EventContext ctx;
            ctx.thread = model.thread(static_cast<state::Tid>(ev.tid));
            ctx.thread_known = ctx.thread != nullptr;
            if (ctx.thread == nullptr) ctx.thread = &no_thread;
            ctx.main_thread = ctx.thread;
            event::EventView bare;
            bare.type = ev.type;
            const filter::FieldContext real{ev, ctx, model, nullptr, &scratch, 0};
            const filter::FieldContext plain{bare, no_context, no_state, nullptr, &scratch, 0};
            for (const filter::FieldDef* def : fields) {
                filter::FieldValues a, b;
                def->extract(real, filter::BoundArg{}, a);
                def->extract(plain, filter::BoundArg{}, b);
                REQUIRE(a.size() == b.size());
                for (size_t i = 0; i < a.size(); ++i) {
                    CHECK_MESSAGE((a[i].kind == b[i].kind && a[i].s == b[i].s && a[i].u == b[i].u), name, ": ",
                                  def->name, " of event ", ev.num);
                }
            }
            ++checked;
        });
        CHECK(checked > 100);
    }
}
