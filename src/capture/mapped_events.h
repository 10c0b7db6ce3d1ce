// The events of a mapped capture between two block offsets (issue 15,
// pass2): what the explorer's in-memory copy replays when it is a view of
// the file instead of a copy. The blocks get every check the file's first
// reading gave them (BlockStream's framing, decode_event_block's bounds):
// the mapping is the file, and the file may have changed since.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "capture/block_stream.h"
#include "event/event_view.h"

namespace tracetop::capture {

class MappedEvents {
public:
    enum class Step {
        Event,         // `out` holds the next event (its bytes in the mapping)
        SectionBreak,  // header blocks after events: a new section, whose first event comes next
        End,           // at `to`
        Failed,        // error() says why
    };

    // From the block at `from` to `to`; `num` = evt.num of the event before `from`.
    MappedEvents(std::shared_ptr<const FileMapping> mapping, uint64_t from, uint64_t to, uint64_t num);

    Step next(event::EventView& out);
    const std::string& error() const { return error_; }
    uint64_t offset() const { return stream_.offset(); }  // the end of the last block read

private:
    detail::BlockStream stream_;
    detail::Block block_;
    bool pending_ = false;  // block_ is an event block found after a section break
    uint64_t num_;
    std::string error_;
};

}  // namespace tracetop::capture
