// A growing array kept in chunks of 2^kShift elements that never move (issue
// 15, pass): what the explorer's first pass appends per event and per context
// (ContextRows). A std::vector doubles and copies, touching about twice its
// final size in fresh pages; a std::deque of a large element takes one small
// malloc per element, which on the engine's thread grows malloc's arena a
// few pages at a time (an mprotect each: a tenth of the pass went there on
// 880 k contexts). Here each chunk is one large allocation (malloc maps it
// on its own) whose pages are made present with one madvise, and indexing
// is a shift and a mask.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

namespace tracetop::engine {

template <class T, unsigned kShift>
class ChunkedVector {
public:
    static constexpr size_t kPerChunk = size_t{1} << kShift;

    ChunkedVector() = default;
    ChunkedVector(const ChunkedVector&) = delete;
    ChunkedVector& operator=(const ChunkedVector&) = delete;
    ChunkedVector(ChunkedVector&& o) noexcept
        : chunks_(std::move(o.chunks_)),
          size_(std::exchange(o.size_, 0)),
          tail_(std::exchange(o.tail_, nullptr)),
          tail_end_(std::exchange(o.tail_end_, nullptr)) {}
    ChunkedVector& operator=(ChunkedVector&& o) noexcept {
        if (this != &o) {
            release();
            chunks_ = std::move(o.chunks_);
            size_ = std::exchange(o.size_, 0);
            tail_ = std::exchange(o.tail_, nullptr);
            tail_end_ = std::exchange(o.tail_end_, nullptr);
        }
        return *this;
    }
    ~ChunkedVector() { release(); }

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // Elements that fit without a new chunk (what the memory taken holds).
    size_t capacity() const { return chunks_.size() * kPerChunk; }

    T& operator[](size_t i) { return chunks_[i >> kShift][i & (kPerChunk - 1)]; }
    const T& operator[](size_t i) const { return chunks_[i >> kShift][i & (kPerChunk - 1)]; }
    T& back() { return (*this)[size_ - 1]; }
    const T& back() const { return (*this)[size_ - 1]; }

    template <class... Args>
    T& emplace_back(Args&&... args) {
        // The last chunk's next free slot, kept: an append (three per event
        // in the first pass) is a compare and a store.
        if (tail_ == tail_end_) [[unlikely]] add_chunk();
        T* p = ::new (static_cast<void*>(tail_)) T(std::forward<Args>(args)...);
        ++tail_;
        ++size_;
        return *p;
    }
    void push_back(const T& v) { emplace_back(v); }
    // Grows to `n` default elements (never shrinks).
    void grow_to(size_t n) {
        while (size_ < n) emplace_back();
    }

private:
    void add_chunk() {
        constexpr size_t bytes = kPerChunk * sizeof(T);
        static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
        auto* chunk = static_cast<T*>(::operator new(bytes));
#ifdef MADV_POPULATE_WRITE
        // Best effort, as EventStore's chunks: one call instead of a fault per page.
        static const auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
        const uintptr_t begin = (reinterpret_cast<uintptr_t>(chunk) + page - 1) & ~(page - 1);
        const uintptr_t end = (reinterpret_cast<uintptr_t>(chunk) + bytes) & ~(page - 1);
        if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#endif
        chunks_.push_back(chunk);
        tail_ = chunk;
        tail_end_ = chunk + kPerChunk;
    }
    void release() {
        if constexpr (!std::is_trivially_destructible_v<T>) {
            for (size_t i = 0; i < size_; ++i) (*this)[i].~T();
        }
        for (T* c : chunks_) ::operator delete(static_cast<void*>(c));
        chunks_.clear();
        size_ = 0;
        tail_ = tail_end_ = nullptr;
    }

    std::vector<T*> chunks_;
    size_t size_ = 0;
    T* tail_ = nullptr;      // where the next element goes, in the last chunk
    T* tail_end_ = nullptr;  // the end of the last chunk
};

}  // namespace tracetop::engine
