#include "capture/ring_consumer.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace tracetop::capture {
namespace {

// Record header bits and size (the kernel's BPF_RINGBUF_* values).
constexpr uint32_t kBusyBit = 1u << 31;
constexpr uint32_t kDiscardBit = 1u << 30;
constexpr uint32_t kHeaderSize = 8;

uint32_t record_span(uint32_t len) { return (len + kHeaderSize + 7) & ~7u; }

}  // namespace

Result<std::unique_ptr<RingConsumer>> RingConsumer::map(int ring_fd, size_t data_bytes) {
    std::unique_ptr<RingConsumer> r(new RingConsumer());
    r->page_ = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    r->consumer_page_ = mmap(nullptr, r->page_, PROT_READ | PROT_WRITE, MAP_SHARED, ring_fd, 0);
    if (r->consumer_page_ == MAP_FAILED) {
        r->consumer_page_ = nullptr;
        return Error(std::string("cannot map a ring buffer: ") + std::strerror(errno));
    }
    // Producer page + the data area twice; the kernel only allows reading.
    r->producer_len_ = r->page_ + 2 * data_bytes;
    r->producer_area_ = mmap(nullptr, r->producer_len_, PROT_READ, MAP_SHARED, ring_fd,
                             static_cast<off_t>(r->page_));
    if (r->producer_area_ == MAP_FAILED) {
        r->producer_area_ = nullptr;
        return Error(std::string("cannot map a ring buffer: ") + std::strerror(errno));
    }
    r->data_ = static_cast<const uint8_t*>(r->producer_area_) + r->page_;
    r->mask_ = data_bytes - 1;
    r->pos_ = __atomic_load_n(static_cast<uint64_t*>(r->consumer_page_), __ATOMIC_ACQUIRE);
    r->published_ = r->pos_;
    r->known_prod_ = r->pos_;
    // A sixteenth of the ring: the kernel sees at most that much less room.
    r->publish_every_ = data_bytes / 16 < r->page_ ? r->page_ : data_bytes / 16;
    return r;
}

RingConsumer::~RingConsumer() {
    if (producer_area_ != nullptr) munmap(producer_area_, producer_len_);
    if (consumer_page_ != nullptr) munmap(consumer_page_, page_);
}

std::span<const uint8_t> RingConsumer::peek() {
    if (pending_ != 0) {
        const uint8_t* rec = data_ + (pos_ & mask_);
        return {rec + kHeaderSize, pending_ - kHeaderSize};
    }
    const auto* producer = static_cast<const uint64_t*>(producer_area_);
    for (;;) {
        if (pos_ >= known_prod_) {
            known_prod_ = __atomic_load_n(producer, __ATOMIC_ACQUIRE);
            if (pos_ >= known_prod_) return {};
        }
        const uint8_t* rec = data_ + (pos_ & mask_);
        const uint32_t hdr = __atomic_load_n(reinterpret_cast<const uint32_t*>(rec), __ATOMIC_ACQUIRE);
        if ((hdr & kBusyBit) != 0) return {};  // reserved, not yet committed
        const uint32_t len = hdr & ~(kBusyBit | kDiscardBit);
        if ((hdr & kDiscardBit) != 0 || len > mask_) {
            pos_ += record_span(len);
            continue;
        }
        pending_ = len + kHeaderSize;
        return {rec + kHeaderSize, len};
    }
}

bool RingConsumer::empty() const {
    return pending_ == 0 && pos_ >= __atomic_load_n(static_cast<const uint64_t*>(producer_area_), __ATOMIC_ACQUIRE);
}

bool RingConsumer::arm() {
    if (pending_ != 0) return false;
    published_ = pos_;
    __atomic_store_n(static_cast<uint64_t*>(consumer_page_), pos_, __ATOMIC_RELEASE);
    // Our store, then the producer's position: a record reserved before the
    // store is seen here, one committed after it sees the store (the kernel
    // reads our position after its full barrier, the xchg of the header).
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    known_prod_ = __atomic_load_n(static_cast<const uint64_t*>(producer_area_), __ATOMIC_ACQUIRE);
    return pos_ >= known_prod_;
}

void RingConsumer::publish() {
    if (published_ == pos_) return;
    published_ = pos_;
    __atomic_store_n(static_cast<uint64_t*>(consumer_page_), pos_, __ATOMIC_RELEASE);
}

void RingConsumer::release() {
    if (pending_ == 0) return;
    pos_ += record_span(pending_ - kHeaderSize);
    pending_ = 0;
    if (pos_ - published_ >= publish_every_) publish();
}

}  // namespace tracetop::capture
