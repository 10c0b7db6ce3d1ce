// Feeds hand-built events through a state::Model and hands out the
// filter::FieldContext of the latest one, so filter, format and field tests
// ask questions the way --print does (model first, then fields).
//
//   FieldHarness h(header);
//   h.feed(BuiltEvent(10, 200, kOpenE, {...}));
//   CHECK(h.matches("fd.name=/etc/passwd"));
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "../state/event_builder.h"
#include "event/header_records.h"
#include "filter/compiled_filter.h"
#include "filter/field_context.h"
#include "state/model.h"
#include "state/model_arg_context.h"

namespace tracetop::test {

class FieldHarness {
public:
    explicit FieldHarness(const event::CaptureHeader& header) : args_(model_) { model_.load_header(header); }

    // Applies the event; it stays the "current" one until the next feed.
    // The BuiltEvent must outlive the questions asked about it.
    void feed(const state::test::BuiltEvent& ev, uint64_t num = 0) {
        view_ = ev.view();
        view_.num = num;
        if (first_ts_ == 0) first_ts_ = view_.ts;
        ctx_ = &model_.on_event(view_);
    }

    filter::FieldContext fields() const { return {view_, *ctx_, model_, &args_, &scratch_, first_ts_}; }

    // Compiles `text` (it must compile) and matches it against the current event.
    bool matches(std::string_view text) const {
        auto compiled = filter::CompiledFilter::compile(text);
        if (!compiled) throw std::runtime_error(fmt::format("'{}' does not compile: {}", text, compiled.error().message));
        return compiled->matches(fields());
    }

    const state::Model& model() const { return model_; }
    state::Model& model() { return model_; }  // what the live engine sets from /proc

private:
    state::Model model_;
    state::ModelArgContext args_;
    mutable fmt::memory_buffer scratch_;
    event::EventView view_{};
    const state::EventContext* ctx_ = nullptr;
    uint64_t first_ts_ = 0;
};

}  // namespace tracetop::test
