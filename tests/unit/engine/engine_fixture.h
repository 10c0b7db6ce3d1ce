// What the engine tests share: the engine started offline on
// curl_google.scap, and waiting for a snapshot that satisfies a condition.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <doctest/doctest.h>

#include "../common/shared_captures.h"
#include "engine/explorer_engine.h"

namespace tracetop::engine::testing {

inline std::unique_ptr<ExplorerEngine> start_on_curl() {
    Options o;
    o.read_file = test::shared_capture("curl_google.scap");
    auto e = ExplorerEngine::start(o);
    REQUIRE(e.ok());
    return std::move(*e);
}

// The first published snapshot that satisfies `done`, within 20 s (null if none).
inline std::shared_ptr<const analysis::Snapshot> wait_for(
    ExplorerEngine& e, const std::function<bool(const analysis::Snapshot&)>& done) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < until) {
        auto s = e.latest();
        if (s && done(*s)) return s;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return nullptr;
}

}  // namespace tracetop::engine::testing
