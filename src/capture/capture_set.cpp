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
        Member m{f, std::move(*reader), {}, ReadStatus::End};
        // The first event orders the file; sections before it only replace
        // the header the reader shows.
        do {
            m.first_status = m.reader->next(m.first);
        } while (m.first_status == ReadStatus::NewSection);
        if (m.first_status == ReadStatus::Failed) {
            return member_error(f, m.reader->error().value_or(Error("read failed")));
        }
        set->members_.push_back(std::move(m));
    }
    if (set->members_.empty()) return Error("no capture files");
    // Files without events go last; otherwise by their first event's time, ties by the order given.
    std::stable_sort(set->members_.begin(), set->members_.end(), [](const Member& a, const Member& b) {
        const bool ea = a.first_status == ReadStatus::Event, eb = b.first_status == ReadStatus::Event;
        if (ea != eb) return ea;
        return ea && a.first.ts < b.first.ts;
    });
    for (const Member& m : set->members_) set->names_.push_back(m.name);
    return set;
}

const event::CaptureHeader& CaptureSet::header() const {
    return members_[std::min(current_, members_.size() - 1)].reader->header();
}

ReadStatus CaptureSet::next(event::EventView& out) {
    while (current_ < members_.size()) {
        Member& m = members_[current_];
        ReadStatus rs;
        if (first_pending_) {
            first_pending_ = false;
            rs = m.first_status;
            if (rs == ReadStatus::Event) out = m.first;
        } else {
            rs = m.reader->next(out);
        }
        switch (rs) {
            case ReadStatus::Event:
                out.num += num_base_;
                last_num_ = out.num;
                return rs;
            case ReadStatus::NewSection:  // a section inside a file starts over, as in the file alone
            case ReadStatus::Idle: return rs;
            case ReadStatus::Failed:
                error_ = member_error(m.name, m.reader->error().value_or(Error("read failed")));
                return rs;
            case ReadStatus::End:
                // The next file continues this one.
                num_base_ = last_num_;
                ++current_;
                first_pending_ = true;
                break;
        }
    }
    return ReadStatus::End;
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
