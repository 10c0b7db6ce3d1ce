// The latency spectrogram (F12/s): time slices down (newest at the bottom),
// log10 latency buckets across (1 ns .. 10 s), each cell's count as a
// character and a colour. Offline a cursor picks a box and Enter asks for
// its events; live the rows scroll up as refreshes add slices.
#pragma once

#include <optional>
#include <vector>

#include "analysis/pane_data.h"
#include "data_pane.h"

namespace tracetop::ui {

class SpectroPane : public DataPane<analysis::SpectroData> {
public:
    // The box Enter picked: its time range and latency bucket.
    struct Box {
        uint64_t start = 0, end = 0;  // the slice's time range
        size_t bucket = 0;
        uint32_t count = 0;
    };
    Scope scope() const override { return Scope::Spectro; }
    // Enter on a box with calls: Request::BoxEvents, then chosen() names the box.
    Reply handle(const Input& in) override;
    const Box& chosen() const { return chosen_; }
    void draw(int height, int width) override;

private:
    void reset() override;
    std::optional<Box> box_at(size_t row, size_t col) const;
    void place_on_hottest();

    std::vector<analysis::SpectroSlice> rows_;  // as drawn
    size_t row_ = 0;
    size_t col_ = 0;
    bool moved_ = false;  // the user moved the cursor: it stays
    std::string note_;
    Box chosen_;
};

}  // namespace tracetop::ui
