// Several capture files read as one capture (issue 15): a rotation set
// (-C/-W/-G), any list of files, or every file in a directory, read as one
// stream in time order. A rotation set's files follow each other; files that
// overlap in time (two recordings of the same machine at once, a list given
// by hand) are merged event by event, so a time range or a --to that stops
// at the first later event sees every event inside it. evt.num runs on
// across the files, and the state built from the earlier files carries on
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
    // the time of their first event (ties: in the order given).
    static Result<std::unique_ptr<CaptureSet>> open(const std::vector<std::string>& files);

    const event::CaptureHeader& header() const override;
    ReadStatus next(event::EventView& out) override;
    const std::optional<Error>& error() const override { return error_; }
    SourceStats stats() const override;

    // The files in the order of their first events.
    const std::vector<std::string>& files() const { return names_; }

private:
    struct Member {
        std::string name;
        std::unique_ptr<ScapReader> reader;
        // The file's next event, in hand (valid until the reader's next call,
        // which comes only after it went out).
        event::EventView head;
        bool has_head = false;
        uint64_t last_num = 0;  // the file's own number of its last event out
    };
    // Whether a's event goes out before b's: the earlier time, ties to the
    // file that sorted first.
    bool before(size_t a, size_t b) const;
    // The member with the earliest event other than current_ (members_.size(): none).
    size_t earliest_other() const;

    std::vector<Member> members_;
    std::vector<std::string> names_;
    size_t current_ = 0;          // the member whose event goes (or went) out
    size_t next_other_ = 0;       // earliest_other(), kept while current_ stays
    bool advance_pending_ = false;  // current_'s head went out: read its next first
    uint64_t num_ = 0;            // evt.num of the last event out
    std::optional<Error> error_;
};

}  // namespace tracetop::capture
