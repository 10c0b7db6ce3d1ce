#include "capture/mapped_events.h"

#include <fmt/format.h>

#include "capture/event_block.h"

namespace tracetop::capture {

MappedEvents::MappedEvents(std::shared_ptr<const FileMapping> mapping, uint64_t from, uint64_t to, uint64_t num)
    : stream_(std::move(mapping), from, to), num_(num) {}

MappedEvents::Step MappedEvents::next(event::EventView& out) {
    bool in_break = false;
    for (;;) {
        if (pending_) {
            pending_ = false;
        } else {
            const auto status = stream_.read(block_);
            if (status == detail::BlockStream::Status::End) return Step::End;
            if (status == detail::BlockStream::Status::Failed) {
                error_ = fmt::format("{} (at offset {})", stream_.error(), stream_.error_offset());
                return Step::Failed;
            }
        }
        if (block_.info.kind == detail::BlockKind::Unknown) continue;  // skipped by its length, as the reader does
        if (block_.info.kind != detail::BlockKind::Event) {
            // Section header and header blocks: the section's header was
            // kept when the file was read; skipped to its first event, as
            // ScapReader's load_section does. A trailing section without
            // events is never announced (the copy's replay does not either).
            in_break = true;
            continue;
        }
        if (in_break) {
            pending_ = true;
            return Step::SectionBreak;
        }
        ++num_;  // skipped events still take a number, as in ScapReader
        switch (detail::decode_event_block(block_.info, block_.body, out, error_)) {
            case detail::EventBlockStatus::Ok: out.num = num_; return Step::Event;
            case detail::EventBlockStatus::UnknownType: continue;
            case detail::EventBlockStatus::Malformed:
                error_ = fmt::format("corrupt event block at offset {}: {}", block_.offset, error_);
                return Step::Failed;
        }
    }
}

}  // namespace tracetop::capture
