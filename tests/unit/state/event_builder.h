// What the state tests build by hand: parameter values, events in the v2
// layout (scap-format.md §9.1; the byte layout itself is the event tests'
// EventBuilder), the header records of a capture (§8) and the event type
// codes the tests use. One set, shared by every state test (and the filter
// and analysis tests that stand on a model).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../event/event_builder.h"
#include "event/event_view.h"
#include "event/header_records.h"
#include "state/model.h"

namespace tracetop::state::test {

using Bytes = std::vector<uint8_t>;

template <class T>
Bytes le(T v) {
    Bytes b(sizeof v);
    std::memcpy(b.data(), &v, sizeof v);
    return b;
}
inline Bytes i64(int64_t v) { return le(v); }
inline Bytes u64(uint64_t v) { return le(v); }
inline Bytes u32(uint32_t v) { return le(v); }
inline Bytes u16(uint16_t v) { return le(v); }
inline Bytes u8(uint8_t v) { return le(v); }
// A CHARBUF/FSPATH parameter: text plus its NUL.
inline Bytes str(std::string_view s) {
    Bytes b(s.begin(), s.end());
    b.push_back(0);
    return b;
}
// Sized once and copied in: growing the vector part by part makes GCC 12 at
// -O3 warn falsely (-Wstringop-overflow, -Warray-bounds).
inline Bytes cat(std::initializer_list<Bytes> parts) {
    size_t size = 0;
    for (const auto& p : parts) size += p.size();
    Bytes out(size);
    size_t at = 0;
    for (const auto& p : parts) {
        if (!p.empty()) std::memcpy(out.data() + at, p.data(), p.size());
        at += p.size();
    }
    return out;
}
// SOCKTUPLE / SOCKADDR parameters (§9.3).
inline Bytes ipv4_tuple(std::initializer_list<uint8_t> sip, uint16_t sport, std::initializer_list<uint8_t> dip,
                        uint16_t dport) {
    return cat({u8(2), Bytes(sip), u16(sport), Bytes(dip), u16(dport)});
}
inline Bytes ipv6_tuple(const Bytes& sip, uint16_t sport, const Bytes& dip, uint16_t dport) {
    return cat({u8(10), sip, u16(sport), dip, u16(dport)});
}
inline Bytes ipv6_addr(const Bytes& ip, uint16_t port) { return cat({u8(10), ip, u16(port)}); }
inline Bytes unix_tuple(uint64_t src, uint64_t dst, std::string_view path) {
    return cat({u8(1), u64(src), u64(dst), str(path)});
}
// 2001:db8::<last>
inline Bytes ipv6_doc(uint8_t last) { return event::test::doc_ipv6(last); }

// Owns the bytes of one event; view() parses them.
class BuiltEvent {
public:
    // `large`: 32-bit parameter lengths (the event types flagged LARGE_PAYLOAD).
    BuiltEvent(uint64_t ts, uint64_t tid, uint16_t type, const std::vector<Bytes>& params, uint64_t num = 0,
               bool large = false)
        : num_(num) {
        event::test::EventBuilder b(type, tid, ts);
        for (const auto& p : params) b.bytes(p);
        bytes_ = b.large_lengths(large).v2();
    }
    event::EventView view() const {
        auto r = event::EventView::parse_v2(bytes_.data(), bytes_.size());
        event::EventView v = r.value();
        v.num = num_;
        return v;
    }

private:
    Bytes bytes_;
    uint64_t num_;
};

// Builds one event and hands it to `model`, as a source would: the bytes
// live for the call only (the model keeps what it needs).
inline const EventContext& feed(Model& model, uint64_t ts, uint64_t tid, uint16_t type,
                                const std::vector<Bytes>& params) {
    return model.on_event(BuiltEvent(ts, tid, type, params).view());
}

// Header records (scap-format.md §8). A thread of the process list, of user
// 1000, run as "COMM -v --now".
inline event::ThreadRecord thread_record(int64_t tid, int64_t pid, std::string comm,
                                         std::string cwd = "/home/ubuntu", uint32_t flags = 0) {
    event::ThreadRecord t;
    t.tid = tid;
    t.pid = pid;
    t.ptid = 1;
    t.comm = comm;
    t.exe = comm;
    t.args = std::string("-v\0--now\0", 9);
    t.cwd = std::move(cwd);
    t.fdlimit = 1024;
    t.flags = flags;
    t.uid = 1000;
    t.vtid = tid;
    t.vpid = pid;
    return t;
}
// The flags of a second thread sharing its process's files (PPM_CL_CLONE_FILES | PPM_CL_CLONE_THREAD).
constexpr uint32_t kThreadFlags = 0x2001;

// The process list the state tests start from: bash (100), curl (200) and
// curl's second thread (201), with the cwds given; no fds yet.
inline event::CaptureHeader bash_and_curl(std::string curl_cwd = "/home/ubuntu",
                                          std::string thread_cwd = "/home/ubuntu") {
    event::CaptureHeader h;
    h.threads = {thread_record(100, 100, "bash"), thread_record(200, 200, "curl", std::move(curl_cwd)),
                 thread_record(201, 200, "curl", std::move(thread_cwd), kThreadFlags)};
    return h;
}

inline event::FdRecord named_fd(int64_t fd, event::FdRecordType type, std::string name) {
    event::FdRecord r;
    r.fd = fd;
    r.type = type;
    r.name = std::move(name);
    return r;
}
inline event::FdRecord file_fd(int64_t fd, std::string name) {
    return named_fd(fd, event::FdRecordType::File, std::move(name));
}
inline event::FdRecord dir_fd(int64_t fd, std::string name) {
    return named_fd(fd, event::FdRecordType::Directory, std::move(name));
}
// A TCP socket as /proc lists it: source and destination as the kernel has them.
inline event::FdRecord tcp4_fd(int64_t fd, std::array<uint8_t, 4> sip, uint16_t sport, std::array<uint8_t, 4> dip,
                               uint16_t dport) {
    event::FdRecord r;
    r.fd = fd;
    r.type = event::FdRecordType::Ipv4Sock;
    std::copy(sip.begin(), sip.end(), r.sip.begin());
    std::copy(dip.begin(), dip.end(), r.dip.begin());
    r.sport = sport;
    r.dport = dport;
    r.l4proto = 2;  // TCP in the fd list's numbering
    return r;
}
// A TCP socket listening on `port` of every address.
inline event::FdRecord tcp4_server_fd(int64_t fd, uint16_t port) {
    event::FdRecord r = tcp4_fd(fd, {0, 0, 0, 0}, port, {0, 0, 0, 0}, 0);
    r.type = event::FdRecordType::Ipv4ServSock;
    return r;
}

// Event type codes the state tests use (scap-format.md §11), in their own
// namespace: other tests that use the builders name some of them themselves.
namespace event_codes {
constexpr uint16_t kGenericE = 0, kGenericX = 1, kOpenE = 2, kOpenX = 3, kCloseE = 4, kCloseX = 5, kReadE = 6,
                   kReadX = 7;
constexpr uint16_t kSocketE = 18, kSocketX = 19, kBindE = 20, kBindX = 21, kConnectE = 22, kConnectX = 23;
constexpr uint16_t kFstatE = 70, kFstatX = 71, kChdirE = 94, kChdirX = 95, kSwitch = 152;
constexpr uint16_t kProcExit = 186, kCloneX = 223, kAcceptE = 246, kAcceptX = 247, kOpenatE = 306, kOpenatX = 307;
}  // namespace event_codes

}  // namespace tracetop::state::test
