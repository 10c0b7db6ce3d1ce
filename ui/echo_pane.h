// The Echo pane (F5/e): the bytes the selection read and wrote, newest at the
// bottom, as printable ASCII or hex (F2), with search (/ and n). Live it
// follows the end unless the user scrolled up (End follows again).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/echo_text.h"
#include "analysis/pane_data.h"
#include "data_pane.h"
#include "line_editor.h"

namespace tracetop::ui {

class EchoPane : public DataPane<analysis::EchoData> {
public:
    // While a search is typed, keys are text.
    Scope scope() const override { return searching_ ? Scope::Prompt : Scope::Echo; }
    Reply handle(const Input& in) override;
    void draw(int height, int width) override;

private:
    void reset() override;
    void start_search();
    void relayout(int width);
    void search_next(bool include_current);
    size_t page() const;

    analysis::EchoMode mode_ = analysis::EchoMode::Ascii;

    // The layout of laid_ (the data last laid out) in mode_ at width_:
    // starts_[i] is chunk i's first line, starts_.back() the line count.
    // Lines are made only when shown or searched, one chunk at a time (a
    // pane may hold 50,000 calls: 300,000 hex lines).
    std::shared_ptr<const analysis::EchoData> laid_;
    std::vector<size_t> starts_;
    analysis::EchoMode lines_mode_ = analysis::EchoMode::Ascii;
    size_t cached_chunk_ = SIZE_MAX;
    std::vector<analysis::EchoLine> cached_lines_;
    size_t line_count() const { return starts_.empty() ? 0 : starts_.back(); }
    const analysis::EchoLine& line_at(size_t i);
    // A line's place that survives a new layout: its chunk's evt.num and the line within.
    struct Anchor {
        uint64_t num;
        size_t offset;
    };
    std::optional<Anchor> anchor_of(size_t line) const;
    std::optional<size_t> line_of(const Anchor& a, bool keep_offset) const;
    int width_ = 0;
    int height_ = 24;

    size_t top_ = 0;
    bool follow_ = true;
    bool searching_ = false;
    LineEditor editor_;
    std::string search_;
    std::optional<size_t> match_;
    bool not_found_ = false;
};

}  // namespace tracetop::ui
