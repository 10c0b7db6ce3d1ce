#include "capture/file_mapping.h"

#include <sys/mman.h>

#include <atomic>

namespace tracetop::capture {
namespace {

// A few mappings at once at most (the explorer has one; a pass restarted
// after a view switch cut the first short briefly has two). A mapping that
// finds no free slot is still used; its SIGBUS is then an ordinary crash.
constexpr int kSlots = 8;
struct Slot {
    std::atomic<uintptr_t> begin{0};
    std::atomic<uintptr_t> end{0};
    std::atomic<const char*> path{nullptr};
};
Slot g_slots[kSlots];

int register_mapping(const uint8_t* data, size_t size, const char* path) {
    for (int i = 0; i < kSlots; ++i) {
        uintptr_t expected = 0;
        if (g_slots[i].begin.compare_exchange_strong(expected, reinterpret_cast<uintptr_t>(data))) {
            g_slots[i].path.store(path);
            g_slots[i].end.store(reinterpret_cast<uintptr_t>(data) + size);
            return i;
        }
    }
    return -1;
}

}  // namespace

std::shared_ptr<const FileMapping> FileMapping::map(int fd, size_t size, const std::string& path) {
    if (size == 0) return nullptr;
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) return nullptr;
    return std::shared_ptr<const FileMapping>(new FileMapping(static_cast<const uint8_t*>(p), size, path));
}

FileMapping::FileMapping(const uint8_t* data, size_t size, std::string path)
    : data_(data), size_(size), path_(std::move(path)) {
    slot_ = register_mapping(data_, size_, path_.c_str());
}

FileMapping::~FileMapping() {
    if (slot_ >= 0) {
        g_slots[slot_].end.store(0);
        g_slots[slot_].path.store(nullptr);
        g_slots[slot_].begin.store(0);
    }
    ::munmap(const_cast<uint8_t*>(data_), size_);
}

const char* mapped_capture_at(const void* addr) {
    const auto a = reinterpret_cast<uintptr_t>(addr);
    for (const Slot& s : g_slots) {
        const uintptr_t begin = s.begin.load();
        if (begin != 0 && a >= begin && a < s.end.load()) return s.path.load();
    }
    return nullptr;
}

}  // namespace tracetop::capture
