// Several capture files read as one capture (issue 15): a rotation set
// (-C/-W/-G), any list of files, or every file in a directory, in the time
// order of their first events. The files continue each other: evt.num runs
// on across them, and the state built from the earlier files carries on
// (each file's own header only starts the capture when it comes first), as
// if the capture had never been cut.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "capture/scap_reader.h"
#include "capture/source.h"

namespace tracetop::capture {

// The files a list of -r arguments names: a directory stands for the
// regular files in it (by name); other names stay as given.
Result<std::vector<std::string>> expand_capture_set(const std::vector<std::string>& names);

class CaptureSet final : public Source {
public:
    // Opens every file (errors name the file at fault) and orders them by
    // the time of their first event.
    static Result<std::unique_ptr<CaptureSet>> open(const std::vector<std::string>& files);

    const event::CaptureHeader& header() const override;
    ReadStatus next(event::EventView& out) override;
    const std::optional<Error>& error() const override { return error_; }
    SourceStats stats() const override;

    // The files in the order they are read.
    const std::vector<std::string>& files() const { return names_; }

private:
    struct Member {
        std::string name;
        std::unique_ptr<ScapReader> reader;
        event::EventView first;  // peeked at open (valid until the reader's next call)
        ReadStatus first_status = ReadStatus::End;
    };
    std::vector<Member> members_;
    std::vector<std::string> names_;
    size_t current_ = 0;
    bool first_pending_ = true;  // the current member's peeked event is still to deliver
    uint64_t num_base_ = 0;      // events of the files before the current one
    uint64_t last_num_ = 0;
    std::optional<Error> error_;
};

}  // namespace tracetop::capture
