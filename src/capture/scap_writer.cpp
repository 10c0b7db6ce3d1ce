#include "capture/scap_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <zlib.h>

#include "capture/block_codes.h"
#include "capture/byte_sink.h"
#include "capture/header_block_writers.h"

namespace tracetop::capture {
namespace {

constexpr unsigned kGzBufferSize = 1u << 20;
// Header blocks are flushed to zlib once the sink holds this much.
constexpr size_t kSinkFlushSize = 1u << 20;

// Event block type: flags → EVF; large-payload types (or an event too big for
// a normal block) → LARGE (§9, §14).
uint32_t event_block_type(bool flags, bool large) {
    if (flags) return large ? detail::kEvfV2LargeType : detail::kEvfV2Type;
    return large ? detail::kEvV2LargeType : detail::kEvV2Type;
}

}  // namespace

struct ScapWriter::Impl {
    std::string path;
    gzFile gz = nullptr;  // -z only
    // Uncompressed files are written directly, whole blocks at a time, so
    // that a failed write (a full disk) can be cut back to the last complete
    // block: what was recorded before stays a valid capture.
    int fd = -1;
    std::vector<uint8_t> pending;  // whole blocks not yet written
    uint64_t file_size = 0;        // bytes written, always a block boundary
    std::optional<Error> error;
    detail::ByteSink sink;
    bool closed = false;

    ~Impl() {
        if (gz != nullptr) gzclose_w(gz);
        if (fd >= 0) ::close(fd);
    }

    void record_error(const std::string& what) {
        if (!error) error = Error{fmt::format("{}: {}", path, what)};
    }

    // zlib's message for the last failure; for I/O errors, errno's text.
    std::string zlib_failure(int saved_errno) const {
        int errnum = Z_OK;
        const char* msg = gzerror(gz, &errnum);
        if (errnum == Z_ERRNO) return std::strerror(saved_errno != 0 ? saved_errno : EIO);
        return msg;
    }

    // Writes `pending`; on failure keeps only the complete blocks that made it
    // to the file and says where the file now ends.
    void flush_raw() {
        size_t done = 0;
        int saved = 0;
        while (done < pending.size()) {
            const ssize_t n = ::write(fd, pending.data() + done, pending.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                saved = n < 0 ? errno : ENOSPC;
                break;
            }
            done += static_cast<size_t>(n);
        }
        if (done == pending.size()) {
            file_size += done;
            pending.clear();
            return;
        }
        // Every put() adds whole blocks, and a block's second word is its length.
        size_t whole = 0;
        while (whole + detail::kBlockHeaderSize <= done) {
            uint32_t len = 0;
            std::memcpy(&len, pending.data() + whole + 4, sizeof len);
            if (len == 0 || whole + len > done) break;
            whole += len;
        }
        file_size += whole;
        const bool cut = ::ftruncate(fd, static_cast<off_t>(file_size)) == 0 &&
                         ::lseek(fd, static_cast<off_t>(file_size), SEEK_SET) >= 0;
        pending.clear();
        record_error(fmt::format("write failed: {}; {}", std::strerror(saved),
                                 cut ? fmt::format("the file keeps the first {} bytes, complete blocks only", file_size)
                                     : std::string("the file ends with a partial block")));
    }

    void put(std::span<const uint8_t> bytes) {
        if (error) return;
        if (fd >= 0) {
            pending.insert(pending.end(), bytes.begin(), bytes.end());
            if (pending.size() >= kGzBufferSize) flush_raw();
            return;
        }
        while (!error && !bytes.empty()) {
            const auto n = static_cast<unsigned>(std::min<size_t>(bytes.size(), INT_MAX / 2));
            errno = 0;
            const int wrote = gzwrite(gz, bytes.data(), n);
            if (wrote <= 0) {
                record_error(fmt::format("write failed: {}", zlib_failure(errno)));
                return;
            }
            bytes = bytes.subspan(static_cast<size_t>(wrote));
        }
    }

    void flush_sink(bool force) {
        if (!force && sink.size() < kSinkFlushSize) return;
        put(sink.bytes());
        sink.clear();
    }

    void write_header(const event::CaptureHeader& h) {
        detail::write_section_header_block(sink);
        detail::write_machine_info_block(sink, h.machine);
        detail::write_interface_list_block(sink, h.interfaces);
        detail::write_user_list_block(sink, h.users, h.groups);
        detail::write_process_list_block(sink, h.threads);
        flush_sink(true);

        // One FDL per thread, in process-list order. Threads share their
        // process's table, so only a process's main thread (or, with the main
        // thread gone, whichever thread the source gave fds) carries fds.
        std::unordered_map<int64_t, const event::ThreadFdList*> by_tid;
        for (const auto& list : h.fd_lists) by_tid.emplace(list.tid, &list);
        std::unordered_set<int64_t> main_threads;
        for (const auto& t : h.threads) {
            if (t.tid == t.pid) main_threads.insert(t.pid);
        }
        std::unordered_set<int64_t> written;
        for (const auto& t : h.threads) {
            if (!written.insert(t.tid).second) continue;
            const auto it = by_tid.find(t.tid);
            const bool secondary = t.tid != t.pid && main_threads.contains(t.pid);
            if (it == by_tid.end() || secondary) {
                detail::write_fd_list_block(sink, t.tid, {});
            } else {
                detail::write_fd_list_block(sink, t.tid, it->second->fds);
            }
            flush_sink(false);
        }
        // Fd lists of threads the process list does not name are kept too.
        for (const auto& list : h.fd_lists) {
            if (!written.insert(list.tid).second) continue;
            detail::write_fd_list_block(sink, list.tid, list.fds);
            flush_sink(false);
        }
        flush_sink(true);
    }
};

ScapWriter::ScapWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ScapWriter::~ScapWriter() {
    if (impl_ && !impl_->closed) close();
}

Result<std::unique_ptr<ScapWriter>> ScapWriter::create(const std::string& file, const event::CaptureHeader& header,
                                                       WriterOptions options) {
    // "-" is standard output, as in sysdig; a copy of it, for close() closes what it writes.
    const bool std_out = file == "-";
    const std::string path = std_out ? "standard output" : file;
    const int fd = std_out ? ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0)
                           : ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) return Error{fmt::format("{}: {}", path, std::strerror(errno))};
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    if (options.gzip) {
        impl->gz = gzdopen(fd, "wb");
        if (impl->gz == nullptr) {
            ::close(fd);
            return Error{fmt::format("{}: cannot start the gzip writer", path)};
        }
        gzbuffer(impl->gz, kGzBufferSize);
    } else {
        impl->fd = fd;
        impl->pending.reserve(kGzBufferSize + detail::kMaxEventBlockSize);
    }
    impl->write_header(header);
    // A destination that cannot hold even the header is refused at once.
    if (impl->fd >= 0) impl->flush_raw();
    if (impl->error) return *impl->error;
    return std::unique_ptr<ScapWriter>(new ScapWriter(std::move(impl)));
}

void ScapWriter::write(const event::EventView& ev) {
    Impl& im = *impl_;
    if (im.error || im.closed) return;
    const bool has_flags = ev.block_flags != 0;
    const uint32_t event_len = ev.v2_length();
    const uint64_t unpadded = uint64_t{detail::kBlockHeaderSize} + 2 + (has_flags ? 4 : 0) + event_len;
    const uint64_t block_len = ((unpadded + 3) & ~uint64_t{3}) + detail::kBlockTrailerSize;
    const bool large = ev.large_lengths() || block_len > detail::kMaxEventBlockSize;
    if (block_len > detail::kMaxLargeEventBlockSize) {
        im.record_error(fmt::format("event {} of {} bytes is larger than a capture block may be", ev.num, event_len));
        return;
    }

    auto& s = im.sink;
    s.clear();
    const size_t start = s.begin_block(event_block_type(has_flags, large));
    s.u16(ev.cpu);
    if (has_flags) s.u32(ev.block_flags);
    s.u64(ev.ts);
    s.u64(ev.tid);
    s.u32(event_len);
    s.u16(ev.type);
    s.u32(ev.nparams());
    s.raw(ev.body());
    s.end_block(start);
    im.put(s.bytes());
    s.clear();
    if (!im.error) ++events_;
}

void ScapWriter::flush() {
    Impl& im = *impl_;
    if (im.error || im.closed) return;
    if (im.fd >= 0) {
        if (!im.pending.empty()) im.flush_raw();
        return;
    }
    if (gzflush(im.gz, Z_SYNC_FLUSH) != Z_OK) im.record_error(fmt::format("write failed: {}", im.zlib_failure(errno)));
}

bool ScapWriter::failed() const { return impl_->error.has_value(); }

std::optional<Error> ScapWriter::error() const { return impl_->error; }

Result<uint64_t> ScapWriter::close() {
    Impl& im = *impl_;
    if (im.closed) {
        if (im.error) return *im.error;
        return events_;
    }
    im.closed = true;
    if (im.fd >= 0) {
        if (!im.error) im.flush_raw();
        const int rc = ::close(im.fd);
        im.fd = -1;
        if (rc != 0 && !im.error) im.record_error(fmt::format("close failed: {}", std::strerror(errno)));
        if (im.error) return *im.error;
        return events_;
    }
    // Buffered data reaches the disk only now: errors here count as much as
    // those of write().
    errno = 0;
    if (gzflush(im.gz, Z_FINISH) != Z_OK) im.record_error(fmt::format("write failed: {}", im.zlib_failure(errno)));
    errno = 0;
    const int rc = gzclose_w(im.gz);
    im.gz = nullptr;
    if (rc != Z_OK) im.record_error(fmt::format("close failed: {}", std::strerror(errno != 0 ? errno : EIO)));
    if (im.error) return *im.error;
    return events_;
}

}  // namespace tracetop::capture
