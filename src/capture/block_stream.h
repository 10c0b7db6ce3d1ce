// Block framing over a raw or gzip file (scap-format.md §2): reads the stream
// in large chunks into one reused buffer and cuts blocks out of it as views,
// checking each length against a per-type cap and its trailer. The buffer is
// a fixed chunk size; it grows past it only for a block larger than a chunk,
// and only as that block's data actually arrives, so a lying length field in
// a short file never causes a large allocation.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>

#include <zlib.h>

#include "capture/block_codes.h"
#include "capture/file_mapping.h"
#include "capture/pipe_input.h"

namespace tracetop::capture::detail {

struct Block {
    uint32_t type = 0;
    BlockInfo info;
    uint64_t offset = 0;              // of the block, in the uncompressed stream
    std::span<const uint8_t> body;    // between the length and the trailer (padding included)
};

class BlockStream {
public:
    // Idle: a pipe has no more bytes for now (only with
    // set_idle_when_waiting); nothing was consumed, call again.
    enum class Status { Ok, End, Failed, Idle };

    // Takes ownership of `fd` (closed by the destructor, also on failure).
    // `raw`: the data is known to be uncompressed (a live stream from a pipe,
    // issue 17): read it as it arrives, without zlib, whose reads of a pipe
    // wait until its whole buffer is full.
    explicit BlockStream(int fd, bool raw = false, bool map = false, const std::string& path = {});
    // `map` (issue 15, pass2): a raw regular file is mapped and read in
    // place (no buffer, no copy); its blocks' bodies then stay valid as long
    // as mapping() is held. `path`: what a SIGBUS message names. Without the mapping (gzip, pipes, a refused
    // mmap) the file is read as without `map`.
    // The blocks of a mapped file from byte `from` to `to` (block
    // boundaries): a replay of events a first pass read through it.
    BlockStream(std::shared_ptr<const FileMapping> mapping, uint64_t from, uint64_t to);
    const std::shared_ptr<const FileMapping>& mapping() const { return mapping_; }
    ~BlockStream();
    BlockStream(const BlockStream&) = delete;
    BlockStream& operator=(const BlockStream&) = delete;

    bool opened() const { return raw_ || gz_ != nullptr || pipe_ != nullptr; }

    // A pipe, FIFO, socket or terminal (PipeInput): read() answers Idle at
    // once when the next block has not all arrived (the caller can flush
    // what it printed), then waits a tick (kIdleTickMs) at a time, so that a
    // stop request is seen. Off, read() waits for the data in read() itself.
    void set_idle_when_waiting(bool on) { idle_when_waiting_ = on; }
    // The last failure was a read() ended by a signal (a stop request).
    bool interrupted() const { return pipe_ != nullptr ? pipe_->interrupted() : interrupted_; }
    // Waits for the first block header's 8 bytes (fewer at the end) without
    // consuming them: `got` of them arrived, `type` is set if 4 did. Tells
    // "not a capture" before a block's length is trusted.
    Status peek_header(uint32_t& type, size_t& got);
    static constexpr int kIdleTickMs = 100;

    // Reads the next block; its body stays valid until the next call.
    // End = a clean end exactly at a block boundary.
    // On Failed, error() and error_offset() say what and where.
    Status read(Block& out) {
        // Inline, the usual case: a whole block of the type read last, which
        // passes the same checks read_block() makes. Anything else (another
        // type, a block not all buffered, a bad length) goes the long way.
        if (buffered() >= kBlockHeaderSize) {
            const uint8_t* head = base_ + pos_;
            uint32_t type = 0;
            uint32_t total = 0;
            std::memcpy(&type, head, 4);
            std::memcpy(&total, head + 4, 4);
            if (type == known_type_ && total >= kMinBlockSize && total <= known_max_ && total <= buffered()) {
                uint32_t trailer = 0;
                std::memcpy(&trailer, head + total - kBlockTrailerSize, 4);
                if (trailer == total) {
                    last_header_bytes_ = kBlockHeaderSize;
                    last_type_ = type;
                    out.type = type;
                    out.info = known_info_;
                    out.offset = offset_;
                    out.body = {head + kBlockHeaderSize, total - kBlockHeaderSize - kBlockTrailerSize};
                    pos_ += total;
                    offset_ += total;
                    return Status::Ok;
                }
            }
        }
        return read_block(out);
    }

    const std::string& error() const { return error_; }
    uint64_t error_offset() const { return error_offset_; }

    // Bytes of the first block header that were read (to tell "not a capture"
    // from a damaged one), and the type if at least 4 arrived.
    size_t last_header_bytes() const { return last_header_bytes_; }
    uint32_t last_type() const { return last_type_; }

    uint64_t offset() const { return offset_; }  // uncompressed bytes consumed
    uint64_t compressed_offset() const;          // file bytes consumed (read-ahead included)

private:
    Status read_block(Block& out);
    size_t buffered() const { return end_ - pos_; }
    // Makes at least `want` bytes available from pos_, fewer only at the end
    // of the input. False on a zlib error.
    enum class Fill { Ok, Wait, Error };
    Fill fill(size_t want);
    // One read (from the file, or zlib) into buf_[end_, limit); returns the count (0 at the
    // end), or -1 on an error (zlib_error() says which).
    int64_t read_chunk(size_t limit);
    int64_t read_raw(int fd, size_t want);
    int64_t read_pipe(size_t want);
    Status fail(std::string message, uint64_t at);
    std::string zlib_error() const;
    Status skip_block(Block& out, uint32_t type, uint32_t total, uint64_t start);

    bool raw_ = false;     // a raw regular file: read directly from fd_, no zlib
    gzFile gz_ = nullptr;  // a gzip regular file
    std::unique_ptr<PipeInput> pipe_;  // anything not a regular file (issue 15, stdin)
    bool idle_when_waiting_ = false;
    bool idle_told_ = false;   // Idle was answered and no byte came since: now wait a tick
    bool must_block_ = false;  // skipping an unknown block: no Idle halfway through it
    bool interrupted_ = false;
    int fd_ = -1;
    int direct_ = -1;  // the file is not gzip (zlib copies it); -1 = not known yet
    int raw_fd_ = -1;  // owned by gz_; read directly once zlib's read-ahead of a raw file is used
    int64_t raw_base_ = -1;  // 1 + file offset where direct reads began; 0: not seekable; -1: not yet
    uint64_t raw_bytes_ = 0;
    std::string io_error_;
    bool at_end_ = false;
    uint64_t offset_ = 0;
    std::unique_ptr<uint8_t[]> buf_;  // unread data is base_[pos_, end_)
    const uint8_t* base_ = nullptr;   // buf_, or the mapping's bytes
    std::shared_ptr<const FileMapping> mapping_;
    size_t cap_ = 0;
    size_t pos_ = 0;
    size_t end_ = 0;
    std::string error_;
    uint64_t error_offset_ = 0;
    size_t last_header_bytes_ = 0;
    uint32_t last_type_ = 0;
    // The last block type read_block() accepted (0: none; no block has type 0).
    uint32_t known_type_ = 0;
    BlockInfo known_info_;
    uint32_t known_max_ = 0;
};

}  // namespace tracetop::capture::detail
