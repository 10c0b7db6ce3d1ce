// The Echo pane (F5/e): the bytes the selection read and wrote, newest at the
// bottom, as printable ASCII or hex (F2), with search (/ and n). Live it
// follows the end unless the user scrolled up (End follows again).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/echo_text.h"
#include "analysis/pane_data.h"
#include "line_editor.h"

namespace tracetop::ui {

class EchoPane {
public:
    // `what`: the selection's name for the title ("curl (17497)").
    void open(std::string what, bool live);
    void update(std::shared_ptr<const analysis::EchoData> data, bool loading);

    enum class Result { Handled, Closed };
    Result key(int ch);
    void draw(int height, int width);

private:
    void relayout(int width);
    void search_next(bool include_current);
    size_t page() const;

    std::string what_;
    bool live_ = false;
    bool loading_ = true;
    std::shared_ptr<const analysis::EchoData> data_;
    analysis::EchoMode mode_ = analysis::EchoMode::Ascii;

    // Lines for (data_, mode_, width_); rebuilt when any changes.
    std::vector<analysis::EchoLine> lines_;
    const analysis::EchoData* lines_of_ = nullptr;
    analysis::EchoMode lines_mode_ = analysis::EchoMode::Ascii;
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
