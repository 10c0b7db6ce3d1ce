// The one interface every event source offers the engine: a capture header,
// then events one at a time, then an end or an error (DESIGN.md §1).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "event/event_view.h"
#include "event/header_records.h"
#include "event/result.h"

namespace tracetop::capture {

enum class ReadStatus {
    Event,       // `out` holds the next event
    NewSection,  // a new section began: header() changed, state should be reloaded
    Idle,        // live, or a capture read from a pipe (issue 15, stdin): the source would wait, and a tick
                 // (100 ms) passed since the last Idle (a pipe: also at once when it runs dry); call again
    End,         // clean end of the stream
    Failed,      // error() says why; events before it were delivered
};

struct SourceStats {
    uint64_t events = 0;             // events delivered
    uint64_t skipped_unknown = 0;    // events of types this build does not know
    uint64_t bytes_read = 0;         // of the underlying file (compressed bytes for gzip)
    uint64_t bytes_total = 0;        // file size, 0 when unknown (live, pipes)
    uint64_t drops = 0;              // events the kernel dropped (live only)
    std::vector<uint64_t> drops_per_cpu;  // the same by CPU (live only)
    uint64_t malformed = 0;          // records that did not parse, skipped (live only)
};

class FileMapping;

// issue 15 (pass2): where the event next() returned last lies in a mapped
// file: its block's bytes [begin, end), and its evt.num.
struct MappedPlace {
    uint64_t begin = 0;
    uint64_t end = 0;
    uint64_t num = 0;
};

class Source {
public:
    virtual ~Source() = default;

    // Header records of the current section.
    virtual const event::CaptureHeader& header() const = 0;

    // Advances to the next event. The view stays valid until the next call.
    virtual ReadStatus next(event::EventView& out) = 0;

    // Set once next() returned Failed.
    virtual const std::optional<Error>& error() const = 0;

    virtual SourceStats stats() const = 0;

    // Live sources: stop taking new events (detach from the kernel); next()
    // then delivers what is already queued and returns End. Files: nothing.
    virtual void stop_producing() {}

    // issue 15 (pass2): a file read in place through a read-only mapping
    // (null: none). Every event's bytes then stay where next() left them as
    // long as the mapping is held, and mapped_place() says where.
    virtual std::shared_ptr<const FileMapping> mapping() const { return nullptr; }
    virtual MappedPlace mapped_place() const { return {}; }
};

}  // namespace tracetop::capture
