// The two header lines: where the data comes from and how fast it flows,
// then the filters in force and the state (loading, paused).
#pragma once

#include <string>

#include "analysis/snapshot.h"

namespace tracetop::ui {

struct HeaderState {
    std::string text_filter;
    bool paused = false;
};

void draw_header(const analysis::Snapshot& snap, const HeaderState& state, int width);

// "12:01:02.345 - 12:01:10.001 (7.66 s)": the capture's time range.
std::string time_range(const analysis::SourceInfo& src);

}  // namespace tracetop::ui
