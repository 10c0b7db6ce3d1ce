// Reads .scap capture files (scap-format.md): raw or gzip, streamed block by
// block so that a capture larger than memory works.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capture/source.h"

namespace tracetop::capture {

// Called while reading: bytes of the file consumed so far, and its size.
using ProgressCallback = std::function<void(uint64_t done, uint64_t total)>;

class ScapReader final : public Source {
public:
    // Opens `file` ("-": standard input) and reads the section header and
    // header blocks up to the first event block. Errors name the file and,
    // for damaged data, the offset (in the uncompressed stream) of the block
    // at fault.
    // `raw_stream` (issue 17, remote): the file is a pipe carrying an
    // uncompressed stream, read as it arrives (see BlockStream).
    // A pipe, FIFO or socket (issue 15, stdin) is read as its bytes arrive:
    // once open, next() answers Idle while the next event has not arrived.
    // `map_file` (issue 15, pass2): a raw regular file is read in place
    // through a read-only mapping (see FileMapping, BlockStream); gzip,
    // pipes and standard input are read as without it.
    static Result<std::unique_ptr<ScapReader>> open(const std::string& file, ProgressCallback progress = {},
                                                    bool raw_stream = false, bool map_file = false);

    ~ScapReader() override;

    const event::CaptureHeader& header() const override { return header_; }
    ReadStatus next(event::EventView& out) override;
    const std::optional<Error>& error() const override { return error_; }
    SourceStats stats() const override { return stats_; }
    std::shared_ptr<const FileMapping> mapping() const override;
    MappedPlace mapped_place() const override;

    ScapReader(const ScapReader&) = delete;
    ScapReader& operator=(const ScapReader&) = delete;

private:
    struct Impl;
    explicit ScapReader(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> impl_;
    event::CaptureHeader header_;
    std::optional<Error> error_;
    SourceStats stats_;
    friend struct Impl;
};

}  // namespace tracetop::capture
