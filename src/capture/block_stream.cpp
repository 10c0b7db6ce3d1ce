#include "capture/block_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include <fmt/format.h>

namespace tracetop::capture::detail {
namespace {

// zlib's own buffers: input of this size, output of twice it.
constexpr unsigned kGzBufferSize = 1u << 20;
// Our buffer: blocks are cut out of it as views. Small enough to stay in
// the CPU's cache between the read and the parsing, large enough that the
// per-read cost vanishes.
constexpr size_t kChunkSize = size_t{1} << 20;

bool is_regular(int fd) {
    struct stat st {};
    return ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

// A regular file that does not start with gzip's magic is read without zlib
// (whose transparent mode would only add buffers and a copy). Pipes cannot be
// peeked at: PipeInput decides for them.
bool is_raw_file(int fd) {
    if (!is_regular(fd)) return false;
    uint8_t magic[2] = {};
    const ssize_t n = ::pread(fd, magic, sizeof magic, 0);
    return n >= 0 && !(n == 2 && magic[0] == 0x1f && magic[1] == 0x8b);
}

// issue 15 (pass2): a file some process holds open for writing (a capture
// still being recorded) may grow or be cut while mapped: it is read, not
// mapped. A read lease is refused (EAGAIN) exactly then. Other refusals (not
// the file's owner, a file system without leases) say nothing: mapped, and a
// truncation is then the SIGBUS the explorer reports.
bool written_elsewhere(int fd) {
    if (::fcntl(fd, F_SETLEASE, F_RDLCK) == 0) {
        ::fcntl(fd, F_SETLEASE, F_UNLCK);
        return false;
    }
    return errno == EAGAIN;
}

}  // namespace

BlockStream::BlockStream(int fd, bool raw, bool map, const std::string& path) : fd_(fd) {
    if (raw || is_raw_file(fd)) {
        raw_ = true;
        struct stat st {};
        if (map && !raw && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && !written_elsewhere(fd)) {
            mapping_ = FileMapping::map(fd, static_cast<size_t>(st.st_size), path);
            if (mapping_) {
                // All of it is "buffered": fill() never reads.
                base_ = mapping_->data();
                end_ = cap_ = mapping_->size();
                at_end_ = true;
            }
        }
        return;
    }
    if (!is_regular(fd)) {
        // gzread would wait for a full buffer (see PipeInput): bytes arrive
        // as the writer sends them, and each block must go on as it arrives.
        pipe_ = std::make_unique<PipeInput>(fd);
        return;
    }
    gz_ = gzdopen(fd, "rb");  // a gzip file (zlib's transparent mode would read a raw one too)
    if (gz_ == nullptr) return;
    raw_fd_ = fd;
    fd_ = -1;                  // gzclose closes it from now on
    gzbuffer(gz_, kGzBufferSize);
}

BlockStream::BlockStream(std::shared_ptr<const FileMapping> mapping, uint64_t from, uint64_t to)
    : raw_(true), at_end_(true), offset_(from), mapping_(std::move(mapping)) {
    base_ = mapping_->data();
    cap_ = mapping_->size();
    end_ = static_cast<size_t>(std::min<uint64_t>(to, cap_));
    pos_ = static_cast<size_t>(std::min<uint64_t>(from, end_));
}

BlockStream::~BlockStream() {
    if (gz_ != nullptr) gzclose_r(gz_);
    if (fd_ >= 0) ::close(fd_);
}

uint64_t BlockStream::compressed_offset() const {
    if (mapping_) return offset_;
    if (raw_) return raw_bytes_;
    if (pipe_) return pipe_->bytes_read();
    if (gz_ == nullptr) return 0;
    // Past zlib's read-ahead of a raw file: where zlib stopped, plus what we
    // read since (0 for pipes, as zlib reports).
    if (raw_base_ > 0) return static_cast<uint64_t>(raw_base_ - 1) + raw_bytes_;
    if (raw_base_ == 0) return 0;
    const z_off_t off = gzoffset(gz_);
    return off < 0 ? 0 : static_cast<uint64_t>(off);
}

int64_t BlockStream::read_raw(int fd, size_t want) {
    const ssize_t got = ::read(fd, buf_.get() + end_, want);
    if (got < 0) {
        interrupted_ = errno == EINTR;
        io_error_ = std::strerror(errno);  // EINTR too: a stop request ends a blocked read
        return -1;
    }
    if (got == 0) at_end_ = true;
    raw_bytes_ += static_cast<uint64_t>(got);
    return got;
}

int64_t BlockStream::read_pipe(size_t want) {
    // Idle once at once (a caller flushes its output before the wait), then
    // a tick at a time: a stop request (EINTR ends poll) is seen within one.
    const int wait = !idle_when_waiting_ || must_block_ ? -1 : idle_told_ ? kIdleTickMs : 0;
    const int64_t got = pipe_->read(buf_.get() + end_, want, wait);
    if (got == PipeInput::kWouldWait) {
        idle_told_ = true;
        return got;
    }
    idle_told_ = false;
    if (got < 0) io_error_ = pipe_->error();
    if (got == 0) at_end_ = true;
    return got;
}

int64_t BlockStream::read_chunk(size_t limit) {
    unsigned want = static_cast<unsigned>(std::min<size_t>(limit - end_, INT_MAX / 2));
    if (raw_) return read_raw(fd_, want);
    if (pipe_) return read_pipe(want);
    if (direct_ == 1 && gz_->have == 0) {
        // Raw data zlib copies (a regular file whose first bytes could not
        // be peeked at), and zlib's read-ahead is used up: read it
        // ourselves, without zlib's extra copy.
        if (raw_base_ < 0) raw_base_ = gzoffset(gz_) < 0 ? 0 : 1 + gzoffset(gz_);
        return read_raw(raw_fd_, want);
    }
    if (direct_ != 1) {
        // gzip: zlib drops what one gzread already copied when a later refill
        // of its buffer fails in the same call, so never ask past what it
        // holds. Damage is then found at the same block as with block-sized
        // reads. (gzFile_s is zlib's public part of the handle, as gzgetc uses it.)
        const unsigned held = gz_->have;
        want = held > 0 ? std::min(want, held) : 1u;
    }
    const int got = gzread(gz_, buf_.get() + end_, want);
    if (got < 0) return -1;
    if (direct_ < 0) direct_ = gzdirect(gz_) ? 1 : 0;
    if (got == 0) {
        // A damaged gzip stream is an error; so is a cut one (zlib leaves
        // Z_BUF_ERROR, "unexpected end of file", behind). A raw file just ends.
        int errnum = Z_OK;
        gzerror(gz_, &errnum);
        if (errnum != Z_OK) return -1;
        at_end_ = true;
    }
    return got;
}

BlockStream::Fill BlockStream::fill(size_t want) {
    if (buffered() >= want || at_end_) return Fill::Ok;
    // Keep the unread bytes (at most one partial block) at the front.
    if (pos_ > 0) {
        std::memmove(buf_.get(), buf_.get() + pos_, buffered());
        end_ -= pos_;
        pos_ = 0;
    }
    if (cap_ == 0) {
        buf_.reset(new uint8_t[kChunkSize]);  // uninitialised: only what arrives is touched
        base_ = buf_.get();
        cap_ = kChunkSize;
    }
    while (end_ < want) {
        if (end_ == cap_) {
            // A block larger than the buffer: grow at most twofold over what
            // has arrived, so a lying length costs no more than the data.
            const size_t grown = std::min(want, cap_ * 2);
            std::unique_ptr<uint8_t[]> bigger(new uint8_t[grown]);
            std::memcpy(bigger.get(), buf_.get(), end_);
            buf_ = std::move(bigger);
            base_ = buf_.get();
            cap_ = grown;
        }
        const int64_t n = read_chunk(cap_);
        if (n == PipeInput::kWouldWait) return Fill::Wait;  // what arrived stays buffered
        if (n < 0) return Fill::Error;
        if (n == 0) break;
        end_ += static_cast<size_t>(n);
    }
    return Fill::Ok;
}

BlockStream::Status BlockStream::peek_header(uint32_t& type, size_t& got) {
    const Fill filled = fill(kBlockHeaderSize);
    got = std::min<size_t>(buffered(), kBlockHeaderSize);
    if (got >= 4) std::memcpy(&type, base_ + pos_, 4);
    if (filled == Fill::Wait) return Status::Idle;
    if (filled == Fill::Error) {
        return fail(fmt::format("decompression error at offset {}: {}", offset_, zlib_error()), offset_);
    }
    return got == 0 ? Status::End : Status::Ok;
}

std::string BlockStream::zlib_error() const {
    if (!io_error_.empty() || gz_ == nullptr) return io_error_;
    int errnum = Z_OK;
    return gzerror(gz_, &errnum);
}

BlockStream::Status BlockStream::fail(std::string message, uint64_t at) {
    error_ = std::move(message);
    error_offset_ = at;
    return Status::Failed;
}

BlockStream::Status BlockStream::read_block(Block& out) {
    const uint64_t start = offset_;
    const Fill header = fill(kBlockHeaderSize);
    if (header == Fill::Wait) return Status::Idle;  // nothing consumed: the next call goes on
    if (header == Fill::Error) {
        return fail(fmt::format("decompression error at offset {}: {}", start, zlib_error()), start);
    }
    const size_t got = std::min<size_t>(buffered(), kBlockHeaderSize);
    const uint8_t* head = base_ + pos_;
    last_header_bytes_ = got;
    if (got >= 4) std::memcpy(&last_type_, head, 4);
    if (got == 0) return Status::End;
    if (got < kBlockHeaderSize) {
        offset_ += got;
        pos_ = end_;
        return fail(fmt::format("truncated block header at offset {} ({} of 8 bytes)", start, got), start);
    }
    uint32_t type = 0;
    uint32_t total = 0;
    std::memcpy(&type, head, 4);
    std::memcpy(&total, head + 4, 4);
    const BlockInfo info = classify_block(type);
    if (total < kMinBlockSize) {
        return fail(fmt::format("block at offset {} (type {:#x}) has length {}, less than 12", start, type, total),
                    start);
    }
    if (total > max_block_size(info)) {
        return fail(fmt::format("block at offset {} (type {:#x}) has length {}, more than the maximum {}", start, type,
                                total, max_block_size(info)),
                    start);
    }
    if (info.kind == BlockKind::Unknown) return skip_block(out, type, total, start);

    const Fill body = fill(total);
    if (body == Fill::Wait) return Status::Idle;
    if (body == Fill::Error) {
        return fail(fmt::format("decompression error in block at offset {}: {}", start, zlib_error()), start);
    }
    if (buffered() < total) {
        const size_t have = buffered();
        offset_ += have;
        pos_ = end_;
        return fail(fmt::format("truncated block at offset {}: length {}, only {} bytes left", start, total, have),
                    start);
    }
    const uint8_t* block = base_ + pos_;
    uint32_t trailer = 0;
    std::memcpy(&trailer, block + total - kBlockTrailerSize, 4);
    if (trailer != total) {
        return fail(fmt::format("block at offset {} (type {:#x}): trailer length {} differs from length {}", start,
                                type, trailer, total),
                    start);
    }
    pos_ += total;
    offset_ += total;
    known_type_ = type;
    known_info_ = info;
    known_max_ = max_block_size(info);
    out.type = type;
    out.info = info;
    out.offset = start;
    out.body = {block + kBlockHeaderSize, total - kBlockHeaderSize - kBlockTrailerSize};
    return Status::Ok;
}

// Unknown blocks are only stepped over, a buffer at a time, so that their
// size costs no memory.
BlockStream::Status BlockStream::skip_block(Block& out, uint32_t type, uint32_t total, uint64_t start) {
    size_t left = total;  // header included: it is still in the buffer
    uint32_t trailer = 0;
    while (left > 0) {
        if (buffered() == 0) {
            // Halfway through, no Idle: the skip's progress lives only here.
            must_block_ = true;
            const Fill more = fill(1);
            must_block_ = false;
            if (more != Fill::Ok) {
                return fail(fmt::format("decompression error in block at offset {}: {}", start, zlib_error()), start);
            }
            if (buffered() == 0) {
                return fail(fmt::format("truncated block at offset {}: length {}, only {} bytes left", start, total,
                                        total - left),
                            start);
            }
        }
        const size_t take = std::min(left, buffered());
        const uint8_t* p = base_ + pos_;
        left -= take;
        if (left < kBlockTrailerSize) {
            // The trailer may straddle two reads: shift in this one's share.
            const size_t in_this = kBlockTrailerSize - left;
            for (size_t i = take - std::min(take, in_this); i < take; ++i) {
                trailer = (trailer >> 8) | (uint32_t{p[i]} << 24);
            }
        }
        pos_ += take;
        offset_ += take;
    }
    if (trailer != total) {
        return fail(fmt::format("block at offset {} (type {:#x}): trailer length {} differs from length {}", start,
                                type, trailer, total),
                    start);
    }
    out.type = type;
    out.info = {};
    out.offset = start;
    out.body = {};
    return Status::Ok;
}

}  // namespace tracetop::capture::detail
