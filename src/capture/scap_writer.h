// Writes .scap capture files in the current layout that sysdig 0.29.3 and
// current libs both read (scap-format.md §14): SHB 1.2, MI, IL v2, UL v2,
// PL v9, FDL v2 per thread, then EV v2 blocks (EV v2 LARGE for large-payload
// types). The file is created with mode 0600.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "event/event_view.h"
#include "event/header_records.h"
#include "event/result.h"

namespace tracetop::capture {

struct WriterOptions {
    bool gzip = false;
};

class ScapWriter {
public:
    // Creates `file` (mode 0600, truncating; "-": writes to standard
    // output) and writes the header blocks.
    static Result<std::unique_ptr<ScapWriter>> create(const std::string& file,
                                                      const event::CaptureHeader& header,
                                                      WriterOptions options = {});
    ~ScapWriter();

    // Appends one event block. On failure (disk full, ...) the error is kept,
    // further writes are ignored, and close() reports it.
    void write(const event::EventView& ev);

    // Hands what is buffered to the file now (gzip: a sync flush, so a
    // reader at the other end of a pipe can decode every event so far).
    // For streams (-w - read by tracetop --remote, issue 17); a file need not.
    void flush();

    // Flushes and closes; the file is complete and valid afterwards. A file
    // with no event gets none: readers refuse such files, so callers that may
    // write nothing should say so to the user.
    Result<uint64_t> close();  // number of events written

    uint64_t events_written() const { return events_; }

    // True once a write failed (the disk is full, ...): later events are
    // lost, and a live recording should stop and say so rather than run on.
    bool failed() const;
    // What failed, once failed(): the message close() will return.
    std::optional<Error> error() const;

private:
    struct Impl;  // the open file (not copyable: owned through impl_)
    explicit ScapWriter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    uint64_t events_ = 0;
};

}  // namespace tracetop::capture
