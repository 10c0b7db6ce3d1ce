#include "capture/capture_set.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

namespace tracetop::capture {

Result<std::vector<std::string>> expand_capture_set(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const std::string& name : names) {
        std::error_code ec;
        if (name == "-" || !std::filesystem::is_directory(name, ec)) {
            out.push_back(name);
            continue;
        }
        std::vector<std::string> inside;
        for (const auto& entry : std::filesystem::directory_iterator(name, ec)) {
            if (entry.is_regular_file(ec)) inside.push_back(entry.path().string());
        }
        if (ec) return Error(fmt::format("{}: {}", name, ec.message()));
        if (inside.empty()) return Error(fmt::format("{}: no capture files in this directory", name));
        std::sort(inside.begin(), inside.end());
        out.insert(out.end(), inside.begin(), inside.end());
    }
    return out;
}

namespace {

// A member's error, named by its file once: the reader's own message may
// already start with the name.
Error member_error(const std::string& file, const Error& e) {
    return Error(e.message.rfind(file, 0) == 0 ? e.message : file + ": " + e.message, e.offset);
}

}  // namespace

Result<std::unique_ptr<CaptureSet>> CaptureSet::open(const std::vector<std::string>& files) {
    auto set = std::unique_ptr<CaptureSet>(new CaptureSet());
    for (const std::string& f : files) {
        if (f == "-") return Error("standard input (-) cannot be part of a set of captures");
        auto reader = ScapReader::open(f);
        if (!reader) {
            return member_error(f, reader.error());
        }
        Member m{f, std::move(*reader), {}, false, 0};
        // The first event orders the file; sections before it only replace
        // the header the reader shows.
        ReadStatus rs;
        do {
            rs = m.reader->next(m.head);
        } while (rs == ReadStatus::NewSection);
        if (rs == ReadStatus::Failed) {
            return member_error(f, m.reader->error().value_or(Error("read failed")));
        }
        m.has_head = rs == ReadStatus::Event;
        set->members_.push_back(std::move(m));
    }
    if (set->members_.empty()) return Error("no capture files");
    // Files without events go last; otherwise by their first event's time, ties by the order given.
    std::stable_sort(set->members_.begin(), set->members_.end(), [](const Member& a, const Member& b) {
        if (a.has_head != b.has_head) return a.has_head;
        return a.has_head && a.head.ts < b.head.ts;
    });
    for (const Member& m : set->members_) set->names_.push_back(m.name);
    set->next_other_ = set->earliest_other();
    return set;
}

const event::CaptureHeader& CaptureSet::header() const { return members_[current_].reader->header(); }

bool CaptureSet::before(size_t a, size_t b) const {
    const Member &ma = members_[a], &mb = members_[b];
    if (!ma.has_head) return false;
    if (!mb.has_head) return true;
    return ma.head.ts < mb.head.ts || (ma.head.ts == mb.head.ts && a < b);
}

size_t CaptureSet::earliest_other() const {
    size_t best = members_.size();
    for (size_t i = 0; i < members_.size(); ++i) {
        if (i == current_ || !members_[i].has_head) continue;
        if (best == members_.size() || before(i, best)) best = i;
    }
    return best;
}

ReadStatus CaptureSet::next(event::EventView& out) {
    if (error_) return ReadStatus::Failed;
    if (advance_pending_) {
        Member& m = members_[current_];
        switch (const ReadStatus rs = m.reader->next(m.head)) {
            case ReadStatus::Event: break;
            case ReadStatus::NewSection:  // a section inside a file starts over, as in the file alone
            case ReadStatus::Idle: return rs;  // (the advance stays pending)
            case ReadStatus::Failed:
                error_ = member_error(m.name, m.reader->error().value_or(Error("read failed")));
                return rs;
            case ReadStatus::End: m.has_head = false; break;
        }
        advance_pending_ = false;
    }
    // The other files' heads do not move while one file's events go out,
    // so one comparison per event keeps a rotation set (files one after
    // the other) as cheap as one file; overlapping files switch back and
    // forth, each switch a scan of the heads.
    if (next_other_ < members_.size() && before(next_other_, current_)) {
        current_ = next_other_;
        next_other_ = earliest_other();
    }
    Member& m = members_[current_];
    if (!m.has_head) return ReadStatus::End;
    out = m.head;
    // A file's own numbers may skip (events it could not decode still take
    // one, as in sysdig): the gaps carry over into the set's numbering.
    num_ += out.num - m.last_num;
    m.last_num = out.num;
    out.num = num_;
    advance_pending_ = true;
    return ReadStatus::Event;
}

SourceStats CaptureSet::stats() const {
    SourceStats total;
    for (const Member& m : members_) {
        const SourceStats s = m.reader->stats();
        total.events += s.events;
        total.skipped_unknown += s.skipped_unknown;
        total.bytes_read += s.bytes_read;
        total.bytes_total += s.bytes_total;
    }
    return total;
}

}  // namespace tracetop::capture
