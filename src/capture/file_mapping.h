// A raw capture file mapped read-only (issue 15, pass2): the explorer's
// first pass reads it in place instead of copying it into a buffer, and its
// in-memory copy of the events becomes views into the mapping, so the pages
// are the kernel's page cache, shared and never zeroed, not 637 MB of our
// own memory per 10 M events.
//
// The hazard: a file truncated while mapped turns a read of the lost pages
// into SIGBUS. The explorer's crash handler asks mapped_capture_at() whether
// the faulting address is in a mapped capture, and then ends with a clear
// message instead of a core dump.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace tracetop::capture {

class FileMapping {
public:
    // Maps the first `size` bytes of `fd` (a regular file) read-only; null
    // when the system refuses (the caller then reads the file as before).
    static std::shared_ptr<const FileMapping> map(int fd, size_t size, const std::string& path);
    ~FileMapping();
    FileMapping(const FileMapping&) = delete;
    FileMapping& operator=(const FileMapping&) = delete;

    const uint8_t* data() const { return data_; }
    size_t size() const { return size_; }

private:
    FileMapping(const uint8_t* data, size_t size, std::string path);
    const uint8_t* data_;
    size_t size_;
    std::string path_;  // for the SIGBUS message
    int slot_ = -1;     // in the registry mapped_capture_at() reads
};

// The path of the mapped capture holding `addr`, or null. Async-signal-safe
// (lock-free atomics only): meant for a SIGBUS handler.
const char* mapped_capture_at(const void* addr);

}  // namespace tracetop::capture
