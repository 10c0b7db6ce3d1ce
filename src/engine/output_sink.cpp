#include "engine/output_sink.h"

namespace tracetop::engine {

bool OutputSink::flush() {
    if (ok_ && buf_.size() > 0) {
        if (std::fwrite(buf_.data(), 1, buf_.size(), out_) != buf_.size() || std::fflush(out_) != 0) ok_ = false;
    }
    buf_.clear();
    return ok_;
}

}  // namespace tracetop::engine
