// RingConsumer against a ring laid out like the kernel's BPF ring buffer, in
// a memfd: what it tells the kernel about its position, on which the probe's
// wakeups depend (kmod/event_builder.bpf.h, TT_SUBMIT_FLAGS).
#include <doctest/doctest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <memory>

#include "capture/ring_consumer.h"

using tracetop::capture::RingConsumer;

namespace {

constexpr uint32_t kBusyBit = 1u << 31;

// Consumer page, producer page, then the data area (the kernel maps it twice
// in a row; these tests never wrap, so one copy and spare room do).
struct FakeRing {
    size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    size_t data_bytes = 4 * page;
    int fd = -1;
    uint8_t* base = nullptr;
    std::unique_ptr<RingConsumer> reader;  // the consumer under test, on this ring

    FakeRing() {
        fd = memfd_create("fake_ring", 0);
        REQUIRE(fd >= 0);
        REQUIRE(ftruncate(fd, static_cast<off_t>(2 * page + 2 * data_bytes)) == 0);
        base = static_cast<uint8_t*>(mmap(nullptr, 2 * page + 2 * data_bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
        REQUIRE(base != MAP_FAILED);
        auto mapped = RingConsumer::map(fd, data_bytes);
        REQUIRE(mapped);
        reader = std::move(*mapped);
    }
    ~FakeRing() {
        reader.reset();
        munmap(base, 2 * page + 2 * data_bytes);
        close(fd);
    }
    uint64_t& consumer_pos() { return *reinterpret_cast<uint64_t*>(base); }
    uint64_t& producer_pos() { return *reinterpret_cast<uint64_t*>(base + page); }
    // Writes a record of `len` bytes at the producer position and advances it.
    void produce(uint32_t len, bool busy = false) {
        uint8_t* rec = base + 2 * page + producer_pos();
        const uint32_t hdr = len | (busy ? kBusyBit : 0);
        std::memcpy(rec, &hdr, 4);
        std::memset(rec + 8, 0xab, len);
        producer_pos() += (len + 8 + 7) & ~7u;
    }
};

}  // namespace

TEST_CASE("an empty ring is armed at once: the kernel learns exactly where the reader stands") {
    FakeRing ring;
    RingConsumer& c = *ring.reader;
    CHECK(c.peek().empty());
    CHECK(c.arm());
    CHECK(ring.consumer_pos() == 0);
}

TEST_CASE("a reader that catches up does not say so until it arms: no wakeup while it reads") {
    FakeRing ring;
    RingConsumer& c = *ring.reader;
    ring.produce(16);
    CHECK_FALSE(c.arm());  // a record is there: read it, do not sleep
    const auto rec = c.peek();
    REQUIRE(rec.size() == 16);
    c.release();
    CHECK(c.peek().empty());
    // Caught up, but the kernel still sees the old position: a record
    // written now is not where the reader "stands", so it wakes nobody.
    CHECK(ring.consumer_pos() == 0);
    CHECK(c.arm());
    CHECK(ring.consumer_pos() == 24);
}

TEST_CASE("a record still being written keeps the reader from sleeping") {
    FakeRing ring;
    RingConsumer& c = *ring.reader;
    ring.produce(16, true);
    CHECK(c.peek().empty());
    CHECK_FALSE(c.arm());
    CHECK_FALSE(c.empty());
}

TEST_CASE("a record that arrives after arming is read") {
    FakeRing ring;
    RingConsumer& c = *ring.reader;
    CHECK(c.arm());
    ring.produce(40);
    CHECK(c.peek().size() == 40);
}
