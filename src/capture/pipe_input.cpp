#include "capture/pipe_input.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include <fmt/format.h>

namespace tracetop::capture::detail {
namespace {

// Input read ahead of inflate: a pipe holds 64 KiB by default, so one read()
// rarely returns more than this.
constexpr size_t kInputSize = size_t{256} << 10;

bool gzip_magic(const uint8_t* p) { return p[0] == 0x1f && p[1] == 0x8b; }

}  // namespace

PipeInput::PipeInput(int fd) : fd_(fd), in_(new uint8_t[kInputSize]) {}

PipeInput::~PipeInput() {
    if (z_ready_) inflateEnd(&z_);
}

int64_t PipeInput::fail(const std::string& what, bool from_zlib) {
    failed_ = true;
    // zlib's own words, named as gzread names its stream, so that messages
    // read as they did when gzread read pipes.
    error_ = from_zlib ? fmt::format("<fd:{}>: {}", fd_, what) : what;
    return -1;
}

bool PipeInput::ready(int wait_ms) {
    if (wait_ms < 0) return true;  // read() waits
    pollfd p{fd_, POLLIN, 0};
    // EINTR: a signal came; the caller comes back (and sees a stop request).
    return ::poll(&p, 1, wait_ms) > 0;
}

int64_t PipeInput::read_some(uint8_t* dst, size_t cap, int wait_ms) {
    if (!ready(wait_ms)) return kWouldWait;
    for (;;) {
        const ssize_t got = ::read(fd_, dst, std::min<size_t>(cap, INT_MAX));
        if (got >= 0) {
            if (got == 0) eof_ = true;
            bytes_read_ += static_cast<uint64_t>(got);
            return got;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {  // a non-blocking descriptor
            if (wait_ms >= 0) return kWouldWait;
            pollfd p{fd_, POLLIN, 0};
            ::poll(&p, 1, -1);
            continue;
        }
        if (errno == EINTR && wait_ms >= 0) return kWouldWait;
        interrupted_ = errno == EINTR;  // a stop request ends a blocked read
        return fail(std::strerror(errno), false);
    }
}

int64_t PipeInput::load(int wait_ms) {
    if (in_pos_ == in_end_) in_pos_ = in_end_ = 0;
    if (in_end_ == kInputSize) {  // keep what is unused at the front
        std::memmove(in_.get(), in_.get() + in_pos_, held());
        in_end_ -= in_pos_;
        in_pos_ = 0;
    }
    const int64_t got = read_some(in_.get() + in_end_, kInputSize - in_end_, wait_ms);
    if (got > 0) in_end_ += static_cast<size_t>(got);
    return got;
}

int64_t PipeInput::read(uint8_t* out, size_t cap, int wait_ms) {
    if (failed_) return -1;
    if (cap == 0) return 0;
    while (gzip_ < 0) {
        if (held() >= 2 || eof_) {
            gzip_ = held() >= 2 && gzip_magic(in_.get() + in_pos_) ? 1 : 0;
            break;
        }
        const int64_t n = load(wait_ms);
        if (n < 0) return n;
    }
    if (gzip_ == 1) return inflate_into(out, cap, wait_ms);
    // Raw: first what deciding read, then straight into `out`, no copy.
    if (held() > 0) {
        const size_t take = std::min(cap, held());
        std::memcpy(out, in_.get() + in_pos_, take);
        in_pos_ += take;
        return static_cast<int64_t>(take);
    }
    if (eof_) return 0;
    return read_some(out, cap, wait_ms);
}

int64_t PipeInput::inflate_into(uint8_t* out, size_t cap, int wait_ms) {
    if (!z_ready_) {
        if (inflateInit2(&z_, 15 + 16) != Z_OK) return fail("out of memory", true);  // gzip only
        z_ready_ = true;
    }
    const uInt room = static_cast<uInt>(std::min<size_t>(cap, UINT_MAX / 2));
    for (;;) {
        if (member_done_) {
            // Members back to back are one stream, as gzread reads them;
            // anything else after a member is ignored, as gzread does.
            if (held() < 2 && !eof_) {
                const int64_t n = load(wait_ms);
                if (n < 0) return n;
                continue;
            }
            if (held() < 2 || !gzip_magic(in_.get() + in_pos_)) {
                in_pos_ = in_end_;
                eof_ = true;
                return 0;
            }
            inflateReset(&z_);
            member_done_ = false;
        }
        if (held() == 0) {
            if (eof_) return fail("unexpected end of file", true);  // inside a member
            const int64_t n = load(wait_ms);
            if (n < 0) return n;
            continue;
        }
        const size_t offered = held();
        z_.next_in = in_.get() + in_pos_;
        z_.avail_in = static_cast<uInt>(std::min<size_t>(offered, UINT_MAX / 2));
        z_.next_out = out;
        z_.avail_out = room;
        const int ret = inflate(&z_, Z_NO_FLUSH);
        in_pos_ = static_cast<size_t>(z_.next_in - in_.get());
        const size_t produced = room - z_.avail_out;
        if (ret == Z_STREAM_END) {
            member_done_ = true;
        } else if (ret == Z_DATA_ERROR) {
            // What inflated before the damage is delivered first; the error
            // comes with the next call (gzread would drop it).
            const std::string why = z_.msg != nullptr ? z_.msg : "compressed data error";
            if (produced == 0) return fail(why, true);
            fail(why, true);
            return static_cast<int64_t>(produced);
        } else if (ret == Z_MEM_ERROR) {
            return fail("out of memory", true);
        } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
            return fail("internal error: inflate stream corrupt", true);
        }
        if (produced > 0) return static_cast<int64_t>(produced);
        // Nothing out yet: the member's header or a deflate block needs more
        // input. Normally inflate took all it was given; if it took none,
        // read more beside it rather than asking again.
        if (ret != Z_STREAM_END && held() == offered) {
            if (eof_) return fail("unexpected end of file", true);
            const int64_t n = load(wait_ms);
            if (n < 0) return n;
        }
    }
}

}  // namespace tracetop::capture::detail
