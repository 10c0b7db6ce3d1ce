// What the Echo pane and the spectrogram share: a panel over one selection
// ("curl (17497)"), live or read from a capture, showing the newest data
// the engine sent for it.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "panel.h"

namespace tracetop::ui {

template <class Data>
class DataPane : public Panel {
public:
    // `what`: the selection's name for the title.
    void open(std::string what, bool live) {
        what_ = std::move(what);
        live_ = live;
        loading_ = true;
        data_.reset();
        reset();
    }
    void update(std::shared_ptr<const Data> data, bool loading) {
        data_ = std::move(data);
        loading_ = loading;
    }

protected:
    // open(): the pane's own state back to a fresh start.
    virtual void reset() = 0;

    std::string what_;
    bool live_ = false;
    bool loading_ = true;
    std::shared_ptr<const Data> data_;
};

}  // namespace tracetop::ui
