#include "analysis/pane_feed.h"

#include "analysis/echo_collector.h"
#include "analysis/latency_spectrogram.h"

namespace tracetop::analysis {

Result<std::unique_ptr<PaneFeed>> make_pane_feed(PaneKind kind, const std::string& scope, bool live,
                                                 uint32_t snaplen) {
    switch (kind) {
        case PaneKind::Echo: {
            auto c = EchoCollector::create(scope, live, snaplen);
            if (!c) return c.error();
            return std::unique_ptr<PaneFeed>(std::move(*c));
        }
        case PaneKind::Spectro: {
            auto s = LatencySpectrogram::create(scope, live);
            if (!s) return s.error();
            return std::unique_ptr<PaneFeed>(std::move(*s));
        }
        case PaneKind::None: break;
    }
    return Error("no such pane");
}

}  // namespace tracetop::analysis
