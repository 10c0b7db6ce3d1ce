// Buffered standard output for event lines: one large write instead of one
// per line (sysdig's many small writes are what makes it slow to print).
#pragma once

#include <cstdio>

#include <fmt/format.h>

namespace tracetop::engine {

class OutputSink {
public:
    explicit OutputSink(std::FILE* out) : out_(out) {}
    ~OutputSink() { flush(); }

    fmt::memory_buffer& buffer() { return buf_; }

    // Flushes when the buffer is large enough; false once the output is gone
    // (closed pipe, full disk): the caller should stop producing.
    bool maybe_flush() { return buf_.size() < kFlushBytes ? ok_ : flush(); }
    bool flush();
    bool ok() const { return ok_; }

    OutputSink(const OutputSink&) = delete;
    OutputSink& operator=(const OutputSink&) = delete;

private:
    static constexpr size_t kFlushBytes = 256 * 1024;
    std::FILE* out_;
    fmt::memory_buffer buf_;
    bool ok_ = true;
};

}  // namespace tracetop::engine
