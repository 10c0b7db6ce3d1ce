// Block type codes of the scap container (scap-format.md §2.1) and what a
// reader needs to know about each: which structure it holds and which
// version of it. Legacy 0x80xxABCD codes map to the same kinds.
#pragma once

#include <cstdint>

namespace tracetop::capture::detail {

enum class BlockKind : uint8_t {
    Unknown,
    SectionHeader,
    MachineInfo,
    ProcessList,
    FdList,
    InterfaceList,
    UserList,
    Event,
};

constexpr uint32_t kShbType = 0x0A0D0D0A;
constexpr uint32_t kShbMagic = 0x1A2B3C4D;

constexpr uint32_t kMiType = 0x201;
constexpr uint32_t kIlV2Type = 0x219;
constexpr uint32_t kUlV2Type = 0x220;
constexpr uint32_t kPlV9Type = 0x215;
constexpr uint32_t kFdlV2Type = 0x218;
constexpr uint32_t kEvV2Type = 0x216;
constexpr uint32_t kEvfV2Type = 0x217;
constexpr uint32_t kEvV2LargeType = 0x221;
constexpr uint32_t kEvfV2LargeType = 0x222;

// A block's kind plus the details its parser needs.
struct BlockInfo {
    BlockKind kind = BlockKind::Unknown;
    uint8_t version = 0;      // PL 1–9, FDL/IL/UL/EV 1–2
    bool has_flags = false;   // EVF: a u32 flags field follows the cpu id
    bool large = false;       // EV/EVF LARGE: may exceed the normal event block cap
};

constexpr BlockInfo classify_block(uint32_t type) {
    // PL v4 to v9 have consecutive codes, 0x210 to 0x215.
    if (type >= 0x210 && type <= kPlV9Type) {
        return {BlockKind::ProcessList, static_cast<uint8_t>(type - 0x210 + 4), false, false};
    }
    switch (type) {
        case kShbType: return {BlockKind::SectionHeader, 1, false, false};
        case 0x201: case 0x8002ABCD: return {BlockKind::MachineInfo, 1, false, false};
        case 0x202: case 0x8000ABCD: return {BlockKind::ProcessList, 1, false, false};
        case 0x207: case 0x8013ABCD: return {BlockKind::ProcessList, 2, false, false};
        case 0x209: case 0x8014ABCD: return {BlockKind::ProcessList, 3, false, false};
        case 0x203: case 0x8001ABCD: return {BlockKind::FdList, 1, false, false};
        case 0x218: return {BlockKind::FdList, 2, false, false};
        case 0x205: case 0x8011ABCD: return {BlockKind::InterfaceList, 1, false, false};
        case 0x219: return {BlockKind::InterfaceList, 2, false, false};
        case 0x206: case 0x8012ABCD: return {BlockKind::UserList, 1, false, false};
        case 0x220: return {BlockKind::UserList, 2, false, false};
        case 0x204: case 0x8010ABCD: return {BlockKind::Event, 1, false, false};
        case 0x208: return {BlockKind::Event, 1, true, false};
        case 0x216: return {BlockKind::Event, 2, false, false};
        case 0x217: return {BlockKind::Event, 2, true, false};
        case 0x221: return {BlockKind::Event, 2, false, true};
        case 0x222: return {BlockKind::Event, 2, true, true};
        default: return {};
    }
}

// Block framing: type, total length, body, padding, total length again.
constexpr uint32_t kBlockHeaderSize = 8;
constexpr uint32_t kBlockTrailerSize = 4;
constexpr uint32_t kMinBlockSize = kBlockHeaderSize + kBlockTrailerSize;

// Size caps: a length beyond these is corruption, not a reason to allocate.
// A normal event block holds at most 64 KiB after its 8-byte header (§9.1).
constexpr uint32_t kMaxEventBlockSize = kBlockHeaderSize + 65536;
constexpr uint32_t kMaxLargeEventBlockSize = 64u << 20;
// Header blocks are bounded only by the machine (a PL block holds every
// thread with its env); this is far above any real capture.
constexpr uint32_t kMaxHeaderBlockSize = 256u << 20;

constexpr uint32_t max_block_size(const BlockInfo& info) {
    if (info.kind == BlockKind::Event) return info.large ? kMaxLargeEventBlockSize : kMaxEventBlockSize;
    return kMaxHeaderBlockSize;
}

constexpr uint32_t padded4(uint32_t n) { return (n + 3u) & ~3u; }

}  // namespace tracetop::capture::detail
