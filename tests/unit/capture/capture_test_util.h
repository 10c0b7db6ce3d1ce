// Helpers shared by the capture unit tests: temp dirs, file bytes, a small
// independent block builder, and "read everything" summaries for comparing.
#pragma once

#include <doctest/doctest.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "../common/shared_captures.h"
#include "capture/byte_sink.h"
#include "capture/header_block_writers.h"
#include "capture/scap_reader.h"

namespace capture_test {

namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

// A fresh directory under $TMPDIR (or /tmp), removed with everything in it.
class TempDir {
public:
    TempDir() {
        const char* base = std::getenv("TMPDIR");
        std::string tmpl = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/tracetop-capture-XXXXXX";
        if (mkdtemp(tmpl.data()) == nullptr) FAIL("mkdtemp failed");
        path_ = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

using tracetop::test::shared_capture;

inline Bytes read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

inline void write_file(const std::string& path, const Bytes& bytes) {
    // Unlink first: rewriting a file through truncation makes ext4 flush it
    // to disk on close (auto_da_alloc), which slows the many-file tests down.
    std::error_code ec;
    fs::remove(path, ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// The uncompressed bytes of a (possibly gzip) file.
inline Bytes gunzip_file(const std::string& path) {
    Bytes out;
    gzFile gz = gzopen(path.c_str(), "rb");
    REQUIRE(gz != nullptr);
    uint8_t buf[65536];
    int n = 0;
    while ((n = gzread(gz, buf, sizeof buf)) > 0) out.insert(out.end(), buf, buf + n);
    gzclose(gz);
    return out;
}

inline void write_gzip(const std::string& path, const Bytes& bytes, const char* mode = "wb") {
    gzFile gz = gzopen(path.c_str(), mode);
    REQUIRE(gz != nullptr);
    REQUIRE(gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
    gzclose(gz);
}

// Little-endian appender for hand-made blocks, independent of the writer.
struct Builder {
    Bytes b;
    template <class T>
    Builder& put(T v) {
        const size_t at = b.size();
        b.resize(at + sizeof v);  // resize + memcpy: GCC 12 warns falsely about insert here
        std::memcpy(b.data() + at, &v, sizeof v);
        return *this;
    }
    Builder& u8(uint8_t v) { return put(v); }
    Builder& u16(uint16_t v) { return put(v); }
    Builder& u32(uint32_t v) { return put(v); }
    Builder& u64(uint64_t v) { return put(v); }
    Builder& raw(const Bytes& v) {
        b.insert(b.end(), v.begin(), v.end());
        return *this;
    }
    Builder& str16(const std::string& s) {
        u16(static_cast<uint16_t>(s.size()));
        b.insert(b.end(), s.begin(), s.end());
        return *this;
    }
    Builder& zeros(size_t n) {
        b.insert(b.end(), n, 0);
        return *this;
    }
};

// A framed block: type, length, body, padding, length.
inline Bytes block(uint32_t type, const Bytes& body) {
    const uint32_t padded = static_cast<uint32_t>((body.size() + 3) & ~size_t{3});
    Builder out;
    out.u32(type).u32(padded + 12).raw(body).zeros(padded - body.size()).u32(padded + 12);
    return out.b;
}

// The section header block as tracetop writes it: from the one header
// writer (header_block_writers.cpp), not spelled again here.
inline Bytes shb() {
    tracetop::capture::detail::ByteSink sink;
    tracetop::capture::detail::write_section_header_block(sink);
    return Bytes(sink.bytes().begin(), sink.bytes().end());
}

// A section header's fixed fields with other values, for what the reader
// must refuse or skip (options may be appended before framing).
inline Builder shb_fields(uint16_t major, uint16_t minor,
                          uint32_t magic = tracetop::capture::detail::kShbMagic) {
    Builder body;
    body.u32(magic).u16(major).u16(minor).u64(UINT64_MAX);
    return body;
}
inline Bytes shb(uint16_t major, uint16_t minor, uint32_t magic = tracetop::capture::detail::kShbMagic) {
    return block(tracetop::capture::detail::kShbType, shb_fields(major, minor, magic).b);
}

// An event: v2 header (or v1 without nparams), u16 lengths (u32 if `large`), params.
inline Bytes event_bytes(uint16_t type, uint64_t ts, uint64_t tid, const std::vector<Bytes>& params, bool v2 = true,
                         bool large = false) {
    Builder lens;
    Builder data;
    for (const auto& p : params) {
        if (large) lens.u32(static_cast<uint32_t>(p.size()));
        else lens.u16(static_cast<uint16_t>(p.size()));
        data.raw(p);
    }
    const size_t header = v2 ? 26 : 22;
    Builder ev;
    ev.u64(ts).u64(tid).u32(static_cast<uint32_t>(header + lens.b.size() + data.b.size())).u16(type);
    if (v2) ev.u32(static_cast<uint32_t>(params.size()));
    ev.raw(lens.b).raw(data.b);
    return ev.b;
}

inline Bytes event_block(uint32_t block_type, uint16_t cpu, const Bytes& event, std::optional<uint32_t> flags = {}) {
    Builder body;
    body.u16(cpu);
    if (flags) body.u32(*flags);
    body.raw(event);
    return block(block_type, body.b);
}

inline Bytes u64le(uint64_t v) { return Builder().u64(v).b; }
inline Bytes cstr(const std::string& s) {
    Bytes out(s.begin(), s.end());
    out.push_back(0);
    return out;
}

inline Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

// One delivered event, copied out of the reader's buffer.
struct EventCopy {
    uint64_t num = 0, ts = 0, tid = 0;
    uint16_t type = 0, cpu = 0;
    uint32_t flags = 0, nparams = 0;
    Bytes body;
    bool operator==(const EventCopy&) const = default;
};

inline EventCopy copy_event(const tracetop::event::EventView& ev) {
    EventCopy c;
    c.num = ev.num;
    c.ts = ev.ts;
    c.tid = ev.tid;
    c.type = ev.type;
    c.cpu = ev.cpu;
    c.flags = ev.block_flags;
    c.nparams = ev.nparams();
    c.body.assign(ev.body().begin(), ev.body().end());
    return c;
}

struct ReadAll {
    std::optional<tracetop::Error> open_error;
    std::vector<tracetop::event::CaptureHeader> headers;  // one per section
    std::vector<EventCopy> events;
    tracetop::capture::ReadStatus last = tracetop::capture::ReadStatus::End;
    std::optional<tracetop::Error> error;
    tracetop::capture::SourceStats stats;
};

inline ReadAll read_all(const std::string& path, tracetop::capture::ProgressCallback progress = {}) {
    using tracetop::capture::ReadStatus;
    ReadAll out;
    auto opened = tracetop::capture::ScapReader::open(path, std::move(progress));
    if (!opened) {
        out.open_error = opened.error();
        return out;
    }
    auto& reader = *opened.value();
    out.headers.push_back(reader.header());
    tracetop::event::EventView ev;
    for (;;) {
        const ReadStatus st = reader.next(ev);
        if (st == ReadStatus::Event) {
            out.events.push_back(copy_event(ev));
        } else if (st == ReadStatus::NewSection) {
            out.headers.push_back(reader.header());
        } else {
            out.last = st;
            break;
        }
    }
    // Calling again after the end must keep saying the same.
    CHECK(reader.next(ev) == out.last);
    out.error = reader.error();
    out.stats = reader.stats();
    return out;
}

// Offsets of the blocks of an uncompressed capture, plus its end.
inline std::vector<size_t> block_offsets(const Bytes& raw) {
    std::vector<size_t> offs;
    size_t at = 0;
    while (at + 8 <= raw.size()) {
        offs.push_back(at);
        uint32_t len = 0;
        std::memcpy(&len, raw.data() + at + 4, 4);
        if (len < 12) break;
        at += len;
    }
    offs.push_back(raw.size());
    return offs;
}

}  // namespace capture_test

namespace capture_test {

// CHECKs that x and y agree on each of `members`; a failure shows both
// values and the member's place in the list.
template <class T, class... Members>
void check_same_members(const T& x, const T& y, Members T::*... members) {
    size_t place = 0;
    const auto same = [&](auto member) {
        INFO("member #", place++);
        CHECK(x.*member == y.*member);
    };
    (same(members), ...);
}

// The same number of records, each agreeing with its counterpart (`check`).
template <class T, class Check>
void check_same_records(const std::vector<T>& a, const std::vector<T>& b, Check check) {
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        CAPTURE(i);
        check(a[i], b[i]);
    }
}

// Field-by-field comparison of header records, reporting each difference.
inline void check_same_header(const tracetop::event::CaptureHeader& a, const tracetop::event::CaptureHeader& b) {
    namespace ev = tracetop::event;
    using M = ev::MachineInfo;
    using I = ev::InterfaceRecord;
    using U = ev::UserRecord;
    using G = ev::GroupRecord;
    using T = ev::ThreadRecord;
    using F = ev::FdRecord;
    REQUIRE(a.machine.has_value() == b.machine.has_value());
    if (a.machine) {
        check_same_members(*a.machine, *b.machine, &M::num_cpus, &M::memory_bytes, &M::max_pid, &M::hostname,
                           &M::boot_ts_epoch, &M::flags);
    }
    check_same_records(a.interfaces, b.interfaces, [](const I& x, const I& y) {
        check_same_members(x, y, &I::type, &I::name, &I::addr, &I::netmask, &I::bcast, &I::linkspeed);
    });
    check_same_records(a.users, b.users, [](const U& x, const U& y) {
        check_same_members(x, y, &U::uid, &U::gid, &U::name, &U::home, &U::shell);
    });
    check_same_records(a.groups, b.groups,
                       [](const G& x, const G& y) { check_same_members(x, y, &G::gid, &G::name); });
    check_same_records(a.threads, b.threads, [](const T& x, const T& y) {
        CAPTURE(x.tid);
        check_same_members(x, y, &T::tid, &T::pid, &T::ptid, &T::sid, &T::vpgid, &T::comm, &T::exe, &T::exepath,
                           &T::args, &T::cwd, &T::fdlimit, &T::flags, &T::uid, &T::gid, &T::vmsize_kb, &T::vmrss_kb,
                           &T::vmswap_kb, &T::pfmajor, &T::pfminor, &T::env, &T::vtid, &T::vpid, &T::cgroups,
                           &T::root, &T::loginuid, &T::exe_writable);
    });
    check_same_records(a.fd_lists, b.fd_lists, [](const ev::ThreadFdList& x, const ev::ThreadFdList& y) {
        CHECK(x.tid == y.tid);
        check_same_records(x.fds, y.fds, [](const F& f, const F& g) {
            CAPTURE(f.fd);
            check_same_members(f, g, &F::fd, &F::ino, &F::type, &F::open_flags, &F::name, &F::sip, &F::dip, &F::sport,
                               &F::dport, &F::l4proto, &F::unix_source, &F::unix_dest, &F::dev);
        });
    });
}

inline const tracetop::event::ThreadRecord* find_thread(const tracetop::event::CaptureHeader& h, int64_t tid) {
    for (const auto& t : h.threads) {
        if (t.tid == tid) return &t;
    }
    return nullptr;
}

inline const tracetop::event::FdRecord* find_fd(const tracetop::event::CaptureHeader& h, int64_t tid, int64_t fd) {
    for (const auto& l : h.fd_lists) {
        if (l.tid != tid) continue;
        for (const auto& f : l.fds) {
            if (f.fd == fd) return &f;
        }
    }
    return nullptr;
}

}  // namespace capture_test
