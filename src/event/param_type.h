// Parameter value types and display formats of the scap event layout
// (scap-format.md §9.2). The numeric codes are the on-disk PT_* codes.
#pragma once

#include <cstdint>

namespace tracetop::event {

enum class ParamType : uint8_t {
    None = 0,
    Int8 = 1,
    Int16 = 2,
    Int32 = 3,
    Int64 = 4,
    Uint8 = 5,
    Uint16 = 6,
    Uint32 = 7,
    Uint64 = 8,
    CharBuf = 9,
    ByteBuf = 10,
    Errno = 11,
    SockAddr = 12,
    SockTuple = 13,
    Fd = 14,
    Pid = 15,
    FdList = 16,
    FsPath = 17,
    SyscallId = 18,
    SigType = 19,
    RelTime = 20,
    AbsTime = 21,
    Port = 22,
    L4Proto = 23,
    SockFamily = 24,
    Bool = 25,
    Ipv4Addr = 26,
    Dyn = 27,
    Flags8 = 28,
    Flags16 = 29,
    Flags32 = 30,
    Uid = 31,
    Gid = 32,
    Double = 33,
    SigSet = 34,
    CharBufArray = 35,
    CharBufPairArray = 36,
    Ipv4Net = 37,
    Ipv6Addr = 38,
    Ipv6Net = 39,
    IpAddr = 40,
    IpNet = 41,
    Mode = 42,
    FsRelPath = 43,
    EnumFlags8 = 44,
    EnumFlags16 = 45,
    EnumFlags32 = 46,
    Fd32 = 47,
    Pid32 = 48,
};

// How sysdig renders an integer parameter (PF_* in the event table).
enum class ParamFormat : uint8_t {
    Na,          // not applicable / default for the type
    Dec,         // decimal
    Hex,         // hexadecimal, upper case, no 0x (sysdig prints addresses like 55DB0DE73000)
    PaddedDec,   // 10-digit zero padded (used for timestamps in some events)
    Id,          // an identifier (pid/tid): decimal, annotated with the thread name when known
    Dir,         // a directory fd
    Oct,         // octal (modes)
};

}  // namespace tracetop::event
