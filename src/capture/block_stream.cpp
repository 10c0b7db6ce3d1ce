#include "capture/block_stream.h"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstring>

#include <fmt/format.h>

namespace tracetop::capture::detail {
namespace {

constexpr unsigned kGzBufferSize = 1u << 20;
// The block buffer grows at least this much at a time (then doubling).
constexpr size_t kMinGrowth = 64u << 10;

}  // namespace

BlockStream::BlockStream(int fd) : fd_(fd) {
    gz_ = gzdopen(fd, "rb");  // transparent: gzip or raw
    if (gz_ == nullptr) return;
    fd_ = -1;                  // gzclose closes it from now on
    gzbuffer(gz_, kGzBufferSize);
}

BlockStream::~BlockStream() {
    if (gz_ != nullptr) gzclose_r(gz_);
    if (fd_ >= 0) ::close(fd_);
}

uint64_t BlockStream::compressed_offset() const {
    if (gz_ == nullptr) return 0;
    const z_off_t off = gzoffset(gz_);
    return off < 0 ? 0 : static_cast<uint64_t>(off);
}

int64_t BlockStream::read_some(uint8_t* dst, size_t n) {
    size_t done = 0;
    while (done < n) {
        const auto want = static_cast<unsigned>(std::min<size_t>(n - done, INT_MAX / 2));
        const int got = gzread(gz_, dst + done, want);
        if (got < 0) return -1;
        if (got == 0) break;
        done += static_cast<size_t>(got);
    }
    // A damaged gzip stream is an error (-1); a cut one is not: zlib returns
    // short reads and leaves Z_BUF_ERROR ("unexpected end of file") behind.
    int errnum = Z_OK;
    gzerror(gz_, &errnum);
    if (done < n && errnum != Z_OK) return -1;
    return static_cast<int64_t>(done);
}

std::string BlockStream::zlib_error() const {
    int errnum = Z_OK;
    return gzerror(gz_, &errnum);
}

BlockStream::Status BlockStream::fail(std::string message, uint64_t at) {
    error_ = std::move(message);
    error_offset_ = at;
    return Status::Failed;
}

BlockStream::Status BlockStream::read(Block& out) {
    const uint64_t start = offset_;
    uint8_t head[kBlockHeaderSize];
    const int64_t got = read_some(head, sizeof head);
    if (got < 0) return fail(fmt::format("decompression error at offset {}: {}", start, zlib_error()), start);
    last_header_bytes_ = static_cast<size_t>(got);
    if (got >= 4) std::memcpy(&last_type_, head, 4);
    if (got == 0) return Status::End;
    offset_ += static_cast<uint64_t>(got);
    if (got < static_cast<int64_t>(sizeof head)) {
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

    const size_t need = total - kBlockHeaderSize;
    if (info.kind == BlockKind::Unknown) return skip_block(out, type, total, start);
    size_t have = 0;
    while (have < need) {
        const size_t target = std::min(need, std::max({buf_.size(), have + kMinGrowth, have * 2}));
        if (buf_.size() < target) buf_.resize(target);
        const size_t want = std::min(need, buf_.size()) - have;
        const int64_t n = read_some(buf_.data() + have, want);
        if (n < 0) {
            return fail(fmt::format("decompression error in block at offset {}: {}", start, zlib_error()), start);
        }
        have += static_cast<size_t>(n);
        offset_ += static_cast<uint64_t>(n);
        if (static_cast<size_t>(n) < want) {
            return fail(fmt::format("truncated block at offset {}: length {}, only {} bytes left", start, total,
                                    have + kBlockHeaderSize),
                        start);
        }
    }
    uint32_t trailer = 0;
    std::memcpy(&trailer, buf_.data() + need - kBlockTrailerSize, 4);
    if (trailer != total) {
        return fail(fmt::format("block at offset {} (type {:#x}): trailer length {} differs from length {}", start,
                                type, trailer, total),
                    start);
    }
    out.type = type;
    out.info = info;
    out.offset = start;
    out.body = {buf_.data(), need - kBlockTrailerSize};
    return Status::Ok;
}

// Unknown blocks are only stepped over: read through a small scratch buffer
// so that their size costs no memory.
BlockStream::Status BlockStream::skip_block(Block& out, uint32_t type, uint32_t total, uint64_t start) {
    uint8_t scratch[16384];
    size_t left = total - kBlockHeaderSize;
    uint32_t trailer = 0;
    while (left > 0) {
        const size_t want = std::min(left, sizeof scratch);
        const int64_t n = read_some(scratch, want);
        if (n < 0) {
            return fail(fmt::format("decompression error in block at offset {}: {}", start, zlib_error()), start);
        }
        offset_ += static_cast<uint64_t>(n);
        if (static_cast<size_t>(n) < want) {
            return fail(fmt::format("truncated block at offset {}: length {}, only {} bytes left", start, total,
                                    total - left + static_cast<size_t>(n)),
                        start);
        }
        left -= want;
        if (left < kBlockTrailerSize) {
            // The trailer may straddle two chunks: keep its bytes from this one.
            const size_t in_chunk = kBlockTrailerSize - left;
            const size_t from = want - std::min(want, in_chunk);
            for (size_t i = from; i < want; ++i) trailer = (trailer >> 8) | (uint32_t{scratch[i]} << 24);
        }
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
