#include "capture/scap_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "capture/block_stream.h"
#include "capture/event_block.h"
#include "capture/header_block_parsers.h"
#include "event/event_table.h"

namespace tracetop::capture {
namespace {

using detail::Block;
using detail::BlockKind;
using detail::BlockStream;

// Progress is reported every this many uncompressed bytes.
constexpr uint64_t kProgressStep = 4u << 20;

bool is_header_kind(BlockKind kind) {
    return kind == BlockKind::MachineInfo || kind == BlockKind::ProcessList || kind == BlockKind::FdList ||
           kind == BlockKind::InterfaceList || kind == BlockKind::UserList;
}

}  // namespace

struct ScapReader::Impl {
    std::string path;
    BlockStream stream;
    ProgressCallback progress;
    uint64_t total_bytes = 0;
    uint64_t next_progress = kProgressStep;
    Block block;             // the current block (its body lives in the stream's buffer)
    bool pending = false;    // `block` is an event block read while loading headers, not yet delivered
    bool ended = false;
    bool loading = false;    // a new section's header blocks were cut by an Idle: next() goes on with them
    uint64_t event_num = 0;  // event blocks seen, delivered or not (sysdig's evt.num)
    // No event but state records (containers, users, groups) yet in this
    // section: sinsp consumes those before its first event and never shows
    // them, so they go out state-only.
    bool leading_state = true;
    std::string why;         // why the last malformed event block is (reused: no string per event)

    Impl(std::string p, int fd, ProgressCallback cb, uint64_t total, bool raw_stream, bool map_file)
        : path(std::move(p)), stream(fd, raw_stream, map_file, path), progress(std::move(cb)), total_bytes(total) {}

    Error error_at(const std::string& what, uint64_t offset) const {
        return Error::at(fmt::format("{}: {}", path, what), offset);
    }
    Error stream_error() const { return error_at(stream.error(), stream.error_offset()); }

    // Reads header blocks after an SHB (already in `header`) until the first
    // event block, which stays in `block` as pending. `first` = the file's
    // first section, which must hold an event. A pipe with nothing more for
    // now (Idle) leaves `loading` set: called again, it goes on.
    std::optional<Error> load_section(event::CaptureHeader& header, bool first) {
        loading = false;
        for (;;) {
            const auto status = stream.read(block);
            if (status == BlockStream::Status::Idle) {
                loading = true;
                return std::nullopt;
            }
            if (status == BlockStream::Status::Failed) {
                // Stopped (Ctrl-C, SIGTERM) while a pipe's writer was still
                // to send the first event: true words, not a read error.
                if (first && stream.interrupted()) return Error{fmt::format("{}: stopped before the first event arrived", path)};
                return stream_error();
            }
            if (status == BlockStream::Status::End) {
                if (first) return Error{fmt::format("{}: no events in file", path)};
                return std::nullopt;
            }
            if (block.info.kind == BlockKind::Event) {
                pending = true;
                return std::nullopt;
            }
            if (block.info.kind == BlockKind::SectionHeader) {
                // A section without events: the next one replaces it.
                header = {};
                if (auto err = apply_section_header(header)) return err;
                continue;
            }
            if (auto err = apply_header_block(header)) return err;
        }
    }

    std::optional<Error> apply_section_header(event::CaptureHeader& header) const {
        const auto res = detail::parse_section_header(block.body, header);
        if (res.kind == detail::SectionHeaderError::Kind::None) return std::nullopt;
        return error_at(fmt::format("section header at offset {}: {}", block.offset, res.message), block.offset);
    }

    // Known header blocks are decoded; unknown ones skipped by their length (§2.2).
    std::optional<Error> apply_header_block(event::CaptureHeader& header) const {
        if (!is_header_kind(block.info.kind)) return std::nullopt;
        if (auto msg = detail::parse_header_block(block.info, block.body, header)) {
            return error_at(fmt::format("corrupt block at offset {} (type {:#x}): {}", block.offset, block.type, *msg),
                            block.offset);
        }
        return std::nullopt;
    }

    void report_progress(SourceStats& stats, bool force) {
        if (!force && stream.offset() < next_progress) return;
        while (next_progress <= stream.offset()) next_progress += kProgressStep;
        stats.bytes_read = stream.compressed_offset();
        if (stats.bytes_total != 0 && stats.bytes_read > stats.bytes_total) stats.bytes_read = stats.bytes_total;
        if (progress) progress(stats.bytes_read, stats.bytes_total);
    }
};

ScapReader::ScapReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ScapReader::~ScapReader() = default;

Result<std::unique_ptr<ScapReader>> ScapReader::open(const std::string& file, ProgressCallback progress,
                                                     bool raw_stream, bool map_file) {
    // "-" is standard input, as in sysdig; a copy of it, for the stream closes what it reads.
    const bool std_in = file == "-";
    const std::string path = std_in ? "standard input" : file;
    const int fd = std_in ? ::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error{fmt::format("{}: {}", path, std::strerror(errno))};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int e = errno;
        ::close(fd);
        return Error{fmt::format("{}: {}", path, std::strerror(e))};
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        return Error{fmt::format("{}: is a directory", path)};
    }
    if (S_ISREG(st.st_mode) && st.st_size == 0) {
        ::close(fd);
        return Error{fmt::format("{}: empty file", path)};
    }
    const uint64_t total = S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;

    auto impl = std::make_unique<Impl>(path, fd, std::move(progress), total, raw_stream, map_file && !std_in);
    if (!impl->stream.opened()) return Error{fmt::format("{}: cannot open: out of memory", path)};
    std::unique_ptr<ScapReader> reader(new ScapReader(std::move(impl)));
    Impl& im = *reader->impl_;
    reader->stats_.bytes_total = total;

    // The first block must be a section header; anything else is not ours,
    // said as soon as its first bytes show it (a pipe may send no more).
    uint32_t first_type = 0;
    size_t first_bytes = 0;
    const auto peeked = im.stream.peek_header(first_type, first_bytes);
    const bool shb_start = first_bytes < 4 || first_type == detail::kShbType;
    if (peeked == BlockStream::Status::Failed && im.stream.interrupted() && shb_start) {
        return Error{fmt::format("{}: stopped before a capture arrived", path)};
    }
    if (first_bytes >= 4 && !shb_start) return Error{fmt::format("{}: not a scap capture", path)};
    const auto status = im.stream.read(im.block);
    if (status == BlockStream::Status::Failed && im.stream.interrupted()) {
        return Error{fmt::format("{}: stopped before a capture arrived", path)};
    }
    const bool shb_type = im.stream.last_header_bytes() >= 4 && im.stream.last_type() == detail::kShbType;
    if (status == BlockStream::Status::End || !shb_type) {
        return Error{fmt::format("{}: not a scap capture", path)};
    }
    if (status == BlockStream::Status::Failed) return im.stream_error();
    const auto shb = detail::parse_section_header(im.block.body, reader->header_);
    if (shb.kind == detail::SectionHeaderError::Kind::BadMagic) {
        return Error{fmt::format("{}: not a scap capture ({})", path, shb.message)};
    }
    if (shb.kind != detail::SectionHeaderError::Kind::None) return Error::at(fmt::format("{}: {}", path, shb.message), 0);

    if (auto err = im.load_section(reader->header_, true)) return *err;
    // From here on a pipe with nothing more for now says Idle (as a live
    // source does), so that callers flush their output and see a stop.
    im.stream.set_idle_when_waiting(true);
    return reader;
}

std::shared_ptr<const FileMapping> ScapReader::mapping() const { return impl_->stream.mapping(); }

MappedPlace ScapReader::mapped_place() const {
    const Block& b = impl_->block;
    return {b.offset, b.offset + detail::kBlockHeaderSize + b.body.size() + detail::kBlockTrailerSize,
            impl_->event_num};
}

ReadStatus ScapReader::next(event::EventView& out) {
    Impl& im = *impl_;
    if (error_) return ReadStatus::Failed;
    if (im.ended) return ReadStatus::End;
    const auto fail = [&](Error e) {
        error_ = std::move(e);
        im.report_progress(stats_, true);
        return ReadStatus::Failed;
    };

    if (im.loading) {
        if (auto err = im.load_section(header_, false)) return fail(*err);
        return im.loading ? ReadStatus::Idle : ReadStatus::NewSection;
    }
    for (;;) {
        if (im.pending) {
            im.pending = false;
        } else {
            const auto status = im.stream.read(im.block);
            if (status == BlockStream::Status::Idle) return ReadStatus::Idle;
            if (status == BlockStream::Status::Failed) return fail(im.stream_error());
            if (status == BlockStream::Status::End) {
                im.ended = true;
                im.report_progress(stats_, true);
                return ReadStatus::End;
            }
            im.report_progress(stats_, false);
        }

        const Block& b = im.block;
        if (b.info.kind == BlockKind::Event) {
            ++im.event_num;  // skipped events still take a number, as in sysdig
            std::string& why = im.why;
            switch (detail::decode_event_block(b.info, b.body, out, why)) {
                case detail::EventBlockStatus::Ok:
                    if (im.leading_state) {
                        if (event::is_initial_state(out.type)) {
                            out.block_flags |= event::kEventFlagStateOnly;
                        } else {
                            im.leading_state = false;
                        }
                    }
                    out.num = im.event_num;
                    ++stats_.events;
                    return ReadStatus::Event;
                case detail::EventBlockStatus::UnknownType:
                    ++stats_.skipped_unknown;
                    continue;
                case detail::EventBlockStatus::Malformed:
                    return fail(im.error_at(
                        fmt::format("corrupt event block at offset {} (type {:#x}): {}", b.offset, b.type, why),
                        b.offset));
            }
        }
        if (b.info.kind == BlockKind::Unknown) continue;  // skipped by its length

        // After events, a section header or header block starts a new section
        // (concatenated captures, §2.2): its headers replace the old ones.
        const auto [major, minor] = std::pair(header_.major_version, header_.minor_version);
        header_ = {};
        header_.major_version = major;  // kept unless a new section header says otherwise
        header_.minor_version = minor;
        im.leading_state = true;
        if (b.info.kind == BlockKind::SectionHeader) {
            if (auto err = im.apply_section_header(header_)) return fail(*err);
        } else if (auto err = im.apply_header_block(header_)) {
            return fail(*err);
        }
        if (auto err = im.load_section(header_, false)) return fail(*err);
        return im.loading ? ReadStatus::Idle : ReadStatus::NewSection;
    }
}

}  // namespace tracetop::capture
