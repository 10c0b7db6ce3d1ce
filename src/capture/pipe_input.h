// A capture read from a pipe, FIFO, socket or terminal (`-r -`): every byte
// is handed over as soon as it arrives. zlib's gzread cannot do that: its
// refill loops on read() until its whole input buffer is full, so a small
// capture down a pipe its writer keeps open never got past the section
// header. Here the first two bytes decide gzip or raw (a pipe cannot be
// peeked at: they are kept as the start of the data); raw data is passed on
// as read() returns it, gzip inflated from exactly what read() returned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <zlib.h>

namespace tracetop::capture::detail {

class PipeInput {
public:
    // read()'s answer when `wait_ms` passed and nothing arrived.
    static constexpr int64_t kWouldWait = -2;

    // Reads `fd` (not owned: the caller closes it).
    explicit PipeInput(int fd);
    ~PipeInput();
    PipeInput(const PipeInput&) = delete;
    PipeInput& operator=(const PipeInput&) = delete;

    // Up to `cap` bytes of the uncompressed stream into `out`: the count
    // (at least 1), 0 at the end, -1 on an error (error() says which) or
    // kWouldWait. `wait_ms`: how long to wait for input before kWouldWait
    // (0: not at all); -1 waits in read() itself, which a signal without
    // SA_RESTART ends as an error (interrupted() then says so).
    int64_t read(uint8_t* out, size_t cap, int wait_ms);

    const std::string& error() const { return error_; }
    bool interrupted() const { return interrupted_; }
    uint64_t bytes_read() const { return bytes_read_; }  // from the fd, compressed

private:
    // One read() from the fd into in_ (after waiting up to `wait_ms`): the
    // count, 0 at the end of the input, -1 on an error, kWouldWait.
    int64_t load(int wait_ms);
    // One read() from the fd into `dst` (after waiting up to `wait_ms`), the
    // same answers as load(): what load() and raw reads share.
    int64_t read_some(uint8_t* dst, size_t cap, int wait_ms);
    // Waits up to `wait_ms` for input: false (kWouldWait) if none came.
    bool ready(int wait_ms);
    size_t held() const { return in_end_ - in_pos_; }
    int64_t inflate_into(uint8_t* out, size_t cap, int wait_ms);
    int64_t fail(const std::string& what, bool from_zlib);

    int fd_;
    int gzip_ = -1;  // -1: not known until two bytes (or the end) arrived
    std::unique_ptr<uint8_t[]> in_;  // bytes read and not yet used: in_[in_pos_, in_end_)
    size_t in_pos_ = 0;
    size_t in_end_ = 0;
    bool eof_ = false;
    bool failed_ = false;
    bool interrupted_ = false;
    std::string error_;
    uint64_t bytes_read_ = 0;
    z_stream z_{};
    bool z_ready_ = false;      // inflateInit2 done
    bool member_done_ = false;  // a gzip member ended: another may follow
};

}  // namespace tracetop::capture::detail
