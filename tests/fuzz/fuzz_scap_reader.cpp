// libFuzzer target: any bytes, raw or gzip, read fully by ScapReader must
// never crash, hang or allocate without bound; whatever reads cleanly must
// survive a write/read roundtrip with identical event bytes; read through a
// mapping (issue 15, pass2), the same events and the same end.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "capture/scap_reader.h"
#include "capture/scap_writer.h"

namespace {

using tracetop::capture::ReadStatus;
using tracetop::capture::ScapReader;
using tracetop::capture::ScapWriter;

struct MemFile {
    int fd = -1;
    explicit MemFile(const char* name) : fd(memfd_create(name, MFD_CLOEXEC)) {
        if (fd < 0) std::abort();
    }
    ~MemFile() { ::close(fd); }
    // The reader opens by path: /proc/self/fd/N gives a fresh description at offset 0.
    std::string path() const { return "/proc/self/fd/" + std::to_string(fd); }
};

struct EventCopy {
    uint64_t ts, tid;
    uint16_t type, cpu;
    uint32_t flags, nparams;
    std::vector<uint8_t> body;
    bool operator==(const EventCopy&) const = default;
};

EventCopy copy(const tracetop::event::EventView& ev) {
    return {ev.ts, ev.tid, ev.type, ev.cpu, ev.block_flags, ev.nparams(), {ev.body().begin(), ev.body().end()}};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    MemFile input("scap-input");
    if (size > 0 && write(input.fd, data, size) != static_cast<ssize_t>(size)) std::abort();

    auto opened = ScapReader::open(input.path());
    if (!opened) return 0;
    ScapReader& reader = *opened.value();

    MemFile output("scap-output");
    auto writer = ScapWriter::create(output.path(), reader.header());
    if (!writer) std::abort();

    std::vector<EventCopy> events;
    tracetop::event::EventView ev;
    ReadStatus st;
    bool one_section = true;
    while ((st = reader.next(ev)) == ReadStatus::Event || st == ReadStatus::NewSection) {
        if (st == ReadStatus::NewSection) {
            one_section = false;
            continue;
        }
        events.push_back(copy(ev));
        writer.value()->write(ev);
    }
    if (st == ReadStatus::Failed && (!reader.error() || !reader.error()->offset)) std::abort();

    // issue 15 (pass2): read in place through a mapping (a memfd is a
    // regular file), the same events, then the same end.
    auto mapped = ScapReader::open(input.path(), {}, false, true);
    if (!mapped) std::abort();
    size_t m = 0;
    ReadStatus ms;
    while ((ms = mapped.value()->next(ev)) == ReadStatus::Event || ms == ReadStatus::NewSection) {
        if (ms == ReadStatus::NewSection) continue;
        if (m >= events.size() || !(copy(ev) == events[m])) std::abort();
        ++m;
    }
    if (ms != st || m != events.size()) std::abort();
    auto closed = writer.value()->close();
    if (!closed) std::abort();
    if (st != ReadStatus::End || !one_section || events.empty()) return 0;

    // A clean single-section capture must come back event for event.
    auto again = ScapReader::open(output.path());
    if (!again) std::abort();
    size_t i = 0;
    while (again.value()->next(ev) == ReadStatus::Event) {
        if (i >= events.size() || !(copy(ev) == events[i])) std::abort();
        ++i;
    }
    if (i != events.size() || again.value()->error()) std::abort();
    return 0;
}
