// The latency spectrogram (F12/s): time slices down (newest at the bottom),
// log10 latency buckets across (1 ns .. 10 s), each cell's count as a
// character and a colour. Offline a cursor picks a box and Enter asks for
// its events; live the rows scroll up as refreshes add slices.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/pane_data.h"

namespace tracetop::ui {

class SpectroPane {
public:
    void open(std::string what, bool live);
    void update(std::shared_ptr<const analysis::SpectroData> data, bool loading);

    // The box Enter picked: its time range and latency bucket.
    struct Box {
        uint64_t start = 0;
        uint64_t end = 0;
        size_t bucket = 0;
        uint32_t count = 0;
    };
    enum class Result { Handled, Closed, Chosen };
    Result key(int ch);
    // After Result::Chosen.
    const Box& chosen() const { return chosen_; }
    void draw(int height, int width);

private:
    std::optional<Box> box_at(size_t row, size_t col) const;
    void place_on_hottest();

    std::string what_;
    bool live_ = false;
    bool loading_ = true;
    std::shared_ptr<const analysis::SpectroData> data_;
    std::vector<analysis::SpectroSlice> rows_;  // as drawn
    size_t row_ = 0;
    size_t col_ = 0;
    bool moved_ = false;  // the user moved the cursor: it stays
    std::string note_;
    Box chosen_;
};

}  // namespace tracetop::ui
