// PipeInput (issue 15, stdin): a capture down a pipe is handed over as its
// bytes arrive, gzip or raw, with gzread's verdicts on damaged streams; and
// ScapReader on a pipe its writer keeps open delivers every event that came.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <thread>

#include <fmt/format.h>

#include "capture/pipe_input.h"
#include "capture/scap_reader.h"
#include "capture_test_util.h"

using namespace capture_test;
using tracetop::capture::ReadStatus;
using tracetop::capture::ScapReader;
using tracetop::capture::detail::PipeInput;

namespace {

const std::string kCurl = "curl_google.scap";
const std::string kIpv6 = "single_ipv6_conn.scap";

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A pipe fed `bytes` by a thread, `piece` bytes per write() with a pause
// now and then, so that reads see every kind of partial arrival. With
// `keep_open` the write end stays open until close_writer().
class FedPipe {
public:
    FedPipe(Bytes bytes, size_t piece, bool keep_open = false) : bytes_(std::move(bytes)) {
        // A reader that stops early (damage found) closes its end: the
        // writer's write() then fails instead of killing the test.
        std::signal(SIGPIPE, SIG_IGN);
        int fds[2];
        REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
        read_fd = fds[0];
        write_fd_ = fds[1];
        writer_ = std::thread([this, piece, keep_open] {
            size_t n = 0;
            for (size_t at = 0; at < bytes_.size(); at += piece, ++n) {
                const size_t len = std::min(piece, bytes_.size() - at);
                if (::write(write_fd_, bytes_.data() + at, len) != static_cast<ssize_t>(len)) break;
                if (n % 64 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            if (!keep_open) close_writer();
        });
    }
    ~FedPipe() {
        ::close(read_fd);
        if (writer_.joinable()) writer_.join();
        close_writer();
    }
    void wait_written() {
        if (writer_.joinable()) writer_.join();
    }
    void close_writer() {
        if (write_fd_ >= 0) ::close(write_fd_);
        write_fd_ = -1;
    }
    int read_fd = -1;

private:
    Bytes bytes_;
    int write_fd_ = -1;
    std::thread writer_;
};

struct Drained {
    Bytes data;
    int64_t last = 0;  // 0: the end; -1: an error
    std::string error;
};

// Everything PipeInput gives, `cap` bytes at most per call; `wait_ms` 0
// or more: kWouldWait answers are asked again.
Drained drain(int fd, size_t cap, int wait_ms) {
    PipeInput in(fd);
    Drained out;
    std::vector<uint8_t> buf(cap);
    for (;;) {
        const int64_t n = in.read(buf.data(), cap, wait_ms);
        if (n == PipeInput::kWouldWait) continue;
        if (n <= 0) {
            out.last = n;
            out.error = in.error();
            return out;
        }
        REQUIRE(static_cast<size_t>(n) <= cap);
        out.data.insert(out.data.end(), buf.begin(), buf.begin() + n);
    }
}

}  // namespace

TEST_CASE("a pipe fed in small pieces reads as the whole file, raw or gzip") {
    const Bytes gz = read_file(shared_capture(kCurl));
    const Bytes raw = gunzip_file(shared_capture(kCurl));
    for (const size_t piece : {size_t{1}, size_t{7}, size_t{4096}, size_t{100000}}) {
        for (const int wait_ms : {-1, 0, 20}) {
            CAPTURE(piece);
            CAPTURE(wait_ms);
            {
                FedPipe p(raw, piece);
                const Drained d = drain(p.read_fd, 1000, wait_ms);
                CHECK(d.last == 0);
                CHECK(d.data == raw);
            }
            {
                FedPipe p(gz, piece);
                const Drained d = drain(p.read_fd, 1000, wait_ms);
                CHECK(d.last == 0);
                CHECK(d.error == "");
                CHECK(d.data == raw);
            }
        }
    }
}

TEST_CASE("an open pipe with nothing in it waits, then hands over what arrives") {
    int fds[2];
    REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    PipeInput in(fds[0]);
    uint8_t buf[64];
    CHECK(in.read(buf, sizeof buf, 0) == PipeInput::kWouldWait);
    const auto start = std::chrono::steady_clock::now();
    CHECK(in.read(buf, sizeof buf, 50) == PipeInput::kWouldWait);
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(40));
    // One byte cannot tell gzip from raw: still waiting, the byte kept.
    REQUIRE(::write(fds[1], "ab", 1) == 1);
    CHECK(in.read(buf, sizeof buf, 0) == PipeInput::kWouldWait);
    REQUIRE(::write(fds[1], "bc", 2) == 2);
    REQUIRE(in.read(buf, sizeof buf, 0) == 3);
    CHECK(std::string(reinterpret_cast<char*>(buf), 3) == "abc");
    CHECK(in.read(buf, sizeof buf, 0) == PipeInput::kWouldWait);
    ::close(fds[1]);
    CHECK(in.read(buf, sizeof buf, 0) == 0);
    ::close(fds[0]);
}

TEST_CASE("gzip members back to back are one stream; bytes after a member are ignored") {
    const Bytes a = gunzip_file(shared_capture(kCurl));
    const Bytes b = gunzip_file(shared_capture(kIpv6));
    const Bytes joined = concat({a, b});
    {
        FedPipe p(concat({read_file(shared_capture(kCurl)), read_file(shared_capture(kIpv6))}), 333);
        const Drained d = drain(p.read_fd, 4096, -1);
        CHECK(d.last == 0);
        CHECK(d.data == joined);
    }
    {
        const Bytes junk = {'j', 'u', 'n', 'k', '\n'};
        FedPipe p(concat({read_file(shared_capture(kCurl)), junk}), 333);
        const Drained d = drain(p.read_fd, 4096, -1);
        CHECK(d.last == 0);
        CHECK(d.data == a);
    }
}

TEST_CASE("a cut gzip stream: what it holds, then zlib's unexpected end of file") {
    const Bytes gz = read_file(shared_capture(kCurl));
    const Bytes raw = gunzip_file(shared_capture(kCurl));
    for (size_t cut = 3; cut < gz.size(); cut += 997) {
        CAPTURE(cut);
        FedPipe p(Bytes(gz.begin(), gz.begin() + static_cast<long>(cut)), 500);
        const Drained d = drain(p.read_fd, 4096, 10);
        CHECK(d.last == -1);
        CHECK(contains(d.error, "unexpected end of file"));
        REQUIRE(d.data.size() <= raw.size());
        CHECK(std::equal(d.data.begin(), d.data.end(), raw.begin()));
    }
}

TEST_CASE("a damaged gzip stream: what came before the damage, then zlib's error") {
    const Bytes gz = read_file(shared_capture(kCurl));
    const Bytes raw = gunzip_file(shared_capture(kCurl));
    // Bits of a deflate block: an error (what came before it may already
    // differ: only the CRC at the end tells).
    for (const size_t at : {size_t{40}, gz.size() / 2}) {
        CAPTURE(at);
        Bytes bad = gz;
        bad[at] ^= 0xff;
        FedPipe p(bad, 1000);
        const Drained d = drain(p.read_fd, 4096, -1);
        CHECK(d.last == -1);
        CHECK(contains(d.error, "<fd:"));
    }
    // The CRC: all the data, then zlib's verdict.
    Bytes bad = gz;
    bad[gz.size() - 6] ^= 0xff;
    FedPipe p(bad, 1000);
    const Drained d = drain(p.read_fd, 4096, -1);
    CHECK(d.last == -1);
    CHECK(contains(d.error, "incorrect data check"));
    CHECK(d.data == raw);
}

TEST_CASE("ScapReader on a pipe its writer keeps open: every event that arrived, then Idle") {
    const auto full = read_all(shared_capture(kCurl));
    REQUIRE_FALSE(full.open_error);
    for (const bool gzip : {false, true}) {
        CAPTURE(gzip);
        const Bytes bytes = gzip ? read_file(shared_capture(kCurl)) : gunzip_file(shared_capture(kCurl));
        FedPipe p(bytes, 4096, true);
        auto reader = ScapReader::open(fmt::format("/proc/self/fd/{}", p.read_fd));
        REQUIRE(reader);
        std::vector<EventCopy> events;
        tracetop::event::EventView ev;
        // Everything written arrives while the pipe stays open; the reader
        // then says Idle (a tick at a time) rather than wait for more.
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (events.size() < full.events.size() && std::chrono::steady_clock::now() < give_up) {
            const ReadStatus rs = (*reader)->next(ev);
            if (rs == ReadStatus::Event) events.push_back(copy_event(ev));
            REQUIRE((rs == ReadStatus::Event || rs == ReadStatus::Idle || rs == ReadStatus::NewSection));
        }
        CHECK(events == full.events);
        CHECK((*reader)->next(ev) == ReadStatus::Idle);
        p.wait_written();
        p.close_writer();
        ReadStatus rs = ReadStatus::Idle;
        for (int i = 0; i < 100 && rs == ReadStatus::Idle; ++i) rs = (*reader)->next(ev);
        CHECK(rs == ReadStatus::End);
    }
}
