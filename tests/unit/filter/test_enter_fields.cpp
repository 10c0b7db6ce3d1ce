// The promises behind skipping work per type (issue 15, perf), checked on
// every event of the shared captures so that a field classed too low fails
// here: a field whose enter_use is Never reads the same on every exit with
// or without its enter, and one whose use is Generic does so on every exit
// but the generic system-call events'; a field with only_type gives nothing
// on events of other types.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../common/capture_replay.h"
#include "event/arg_format.h"
#include "filter/enter_fields.h"
#include "filter/field_context.h"
#include "filter/output_format.h"
#include "filter/thread_fields.h"

using namespace tracetop;
using tracetop::test::replay_capture;

namespace {

std::string values_of(const filter::FieldDef& def, const filter::FieldContext& fc) {
    filter::FieldValues values;
    def.extract(fc, filter::BoundArg{}, values);
    fmt::memory_buffer rendered;
    std::string out;
    for (const filter::FieldValue& v : values) {
        rendered.clear();
        filter::render_value(def, v, rendered, true);
        out.append(rendered.data(), rendered.size());
        out += '|';
    }
    return out;
}

}  // namespace

TEST_CASE("the fields that read the enter are classed so") {
    const auto use = [](std::string_view name) {
        for (const filter::FieldDef& def : filter::all_fields()) {
            if (def.name == name) return filter::enter_use(def);
        }
        FAIL("no field ", name);
        return filter::EnterUse::Always;
    };
    CHECK(use("evt.type") == filter::EnterUse::Generic);
    CHECK(use("proc.pid") == filter::EnterUse::Never);
    CHECK(use("evt.buflen") == filter::EnterUse::Never);
    CHECK(use("evt.args") == filter::EnterUse::Always);
}

TEST_CASE("fields classed as not reading the enter read the same without it, on the shared captures") {
    for (const char* name : {"curl_google.scap", "single_ipv6_conn.scap"}) {
        state::Model model;
        fmt::memory_buffer scratch;
        size_t paired = 0;
        replay_capture(name, model, [] {}, [&](capture::ReadStatus, const event::EventView& ev,
                                               const state::EventContext* context) {
            if (context == nullptr || context->enter == nullptr) return;
            const state::EventContext& ctx = *context;
            ++paired;
            state::EventContext without = ctx;
            without.enter = nullptr;
            const filter::FieldContext with_fc{ev, ctx, model, nullptr, &scratch, 0};
            const filter::FieldContext without_fc{ev, without, model, nullptr, &scratch, 0};
            const bool generic = event::has_dynamic_type_name(ev.type);
            for (const filter::FieldDef& def : filter::all_fields()) {
                if (def.arg != filter::ArgKind::None) continue;
                const filter::EnterUse use = filter::enter_use(def);
                if (use == filter::EnterUse::Always || (use == filter::EnterUse::Generic && generic)) continue;
                CHECK_MESSAGE(values_of(def, with_fc) == values_of(def, without_fc), name, ": ", def.name,
                              " of event ", ev.num, " reads the enter");
            }
        });
        CHECK(paired > 10);
    }
}

TEST_CASE("fields with one type have no value on the others, on the shared captures") {
    std::vector<const filter::FieldDef*> fields;
    for (const filter::FieldDef& def : filter::all_fields()) {
        if (filter::only_type(def) >= 0) fields.push_back(&def);
    }
    REQUIRE(fields.size() == 1);
    for (const char* name : {"curl_google.scap", "single_ipv6_conn.scap"}) {
        state::Model model;
        fmt::memory_buffer scratch;
        size_t checked = 0;
        replay_capture(name, model, [] {}, [&](capture::ReadStatus, const event::EventView& ev,
                                               const state::EventContext* context) {
            if (context == nullptr) return;
            const state::EventContext& ctx = *context;
            const filter::FieldContext fc{ev, ctx, model, nullptr, &scratch, 0};
            for (const filter::FieldDef* def : fields) {
                if (static_cast<int32_t>(ev.type) == filter::only_type(*def)) continue;
                filter::FieldValues values;
                def->extract(fc, filter::BoundArg{}, values);
                CHECK_MESSAGE(values.empty(), name, ": ", def->name, " has a value on event ", ev.num);
                ++checked;
            }
        });
        CHECK(checked > 10);
    }
}
