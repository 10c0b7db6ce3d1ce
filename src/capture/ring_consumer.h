// Reads one BPF ring buffer directly from its mapped pages: no system call
// and no copy per event. The kernel's layout: a consumer page we write, a
// producer page it writes, then the data area mapped twice in a row so a
// record that wraps around is still contiguous.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "event/result.h"

namespace tracetop::capture {

class RingConsumer {
public:
    static Result<std::unique_ptr<RingConsumer>> map(int ring_fd, size_t data_bytes);
    ~RingConsumer();

    // The oldest committed record, left in place; empty when none is ready.
    // Stays valid until release().
    std::span<const uint8_t> peek();

    // Gives the record returned by peek() back to the kernel.
    void release();

    // True when the kernel has reserved nothing we have not consumed (a
    // record still being written counts as not empty).
    bool empty() const;

    // Before the reader sleeps: tells the kernel exactly how far we have
    // read, so that the next record committed wakes the ring's epoll (the
    // probe asks for a wakeup only for a record written where the reader
    // stands). True when the ring is still empty afterwards; false when a
    // record came in meanwhile, or is being written (read it, do not sleep).
    bool arm();

    RingConsumer(const RingConsumer&) = delete;
    RingConsumer& operator=(const RingConsumer&) = delete;

private:
    RingConsumer() = default;

    void* consumer_page_ = nullptr;
    void* producer_area_ = nullptr;
    size_t producer_len_ = 0;
    size_t page_ = 0;
    const uint8_t* data_ = nullptr;
    uint64_t mask_ = 0;
    uint64_t pos_ = 0;         // our consumer position
    // The kernel reads the consumer position and we read the producer's on
    // every event; both lines bounce between CPUs, so each side's view is
    // refreshed only when needed: the producer's when we catch up with it,
    // ours every publish_every_ bytes and when we are about to sleep (arm).
    // Publishing only then also keeps the kernel from waking a reader that
    // is not asleep: it wakes when a record lands where we said we stand.
    uint64_t known_prod_ = 0;  // producer position last read
    uint64_t published_ = 0;   // consumer position the kernel last saw
    uint64_t publish_every_ = 0;
    void publish();
    uint32_t pending_ = 0;     // bytes of the peeked record, header included
};

}  // namespace tracetop::capture
