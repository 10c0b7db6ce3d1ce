// Block framing over a raw or gzip file (scap-format.md §2): reads one block
// at a time into a reused buffer, checking its length against a per-type cap
// and its trailer. The buffer grows only as data actually arrives, so a
// lying length field in a short file never causes a large allocation.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <zlib.h>

#include "capture/block_codes.h"

namespace tracetop::capture::detail {

struct Block {
    uint32_t type = 0;
    BlockInfo info;
    uint64_t offset = 0;              // of the block, in the uncompressed stream
    std::span<const uint8_t> body;    // between the length and the trailer (padding included)
};

class BlockStream {
public:
    enum class Status { Ok, End, Failed };

    // Takes ownership of `fd` (closed by the destructor, also on failure).
    explicit BlockStream(int fd);
    ~BlockStream();
    BlockStream(const BlockStream&) = delete;
    BlockStream& operator=(const BlockStream&) = delete;

    bool opened() const { return gz_ != nullptr; }

    // Reads the next block. End = a clean end exactly at a block boundary.
    // On Failed, error() and error_offset() say what and where.
    Status read(Block& out);

    const std::string& error() const { return error_; }
    uint64_t error_offset() const { return error_offset_; }

    // Bytes of the first block header that were read (to tell "not a capture"
    // from a damaged one), and the type if at least 4 arrived.
    size_t last_header_bytes() const { return last_header_bytes_; }
    uint32_t last_type() const { return last_type_; }

    uint64_t offset() const { return offset_; }  // uncompressed bytes consumed
    uint64_t compressed_offset() const;          // file bytes consumed (read-ahead included)

private:
    // Reads up to n bytes into dst; returns the count, or -1 on a zlib error.
    int64_t read_some(uint8_t* dst, size_t n);
    Status fail(std::string message, uint64_t at);
    std::string zlib_error() const;
    Status skip_block(Block& out, uint32_t type, uint32_t total, uint64_t start);

    gzFile gz_ = nullptr;
    int fd_ = -1;
    uint64_t offset_ = 0;
    std::vector<uint8_t> buf_;
    std::string error_;
    uint64_t error_offset_ = 0;
    size_t last_header_bytes_ = 0;
    uint32_t last_type_ = 0;
};

}  // namespace tracetop::capture::detail
