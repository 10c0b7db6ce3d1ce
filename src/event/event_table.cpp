// The event table: one entry per scap event type code (scap-format.md §11).
//
// Facts come from the public falcosecurity/libs tables at two points in
// history. Where sysdig 0.29.3 already knew a parameter, its type, format and
// name table are kept (they decide the rendering we reproduce, e.g. mmap's
// res printed in hex, FLAGS8 instead of ENUMFLAGS8); parameters added later
// come from the current table. Unassigned codes carry kFlagUnused.
#include "event/event_table.h"

#include "event/flag_tables.h"

namespace tracetop::event {
namespace {

using T = ParamType;
using F = ParamFormat;

constexpr ParamInfo kBpfDynamicParam[] = {
    {"", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kKeyctlDynamicParam[] = {
    {"", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kPtraceDynamicParam[] = {
    {"", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"", T::SigType, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kSockoptDynamicParam[] = {
    {"", T::ByteBuf, F::Hex, {}, -1, nullptr, 0},
    {"", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"", T::RelTime, F::Dec, {}, -1, nullptr, 0},
};

constexpr ParamInfo kP0[] = {
    {"ID", T::SyscallId, F::Dec, {}, -1, nullptr, 0},
    {"nativeID", T::Uint16, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP1[] = {
    {"ID", T::SyscallId, F::Dec, {}, -1, nullptr, 0},
    {"nativeID", T::Uint16, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP2[] = {
    {"name", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlags, -1, nullptr, 0},
    {"mode", T::Uint32, F::Oct, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP3[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"name", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlags, -1, nullptr, 0},
    {"mode", T::Uint32, F::Oct, {}, -1, nullptr, 0},
    {"dev", T::Uint32, F::Hex, {}, -1, nullptr, 0},
    {"ino", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP4[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP5[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP6[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP7[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP8[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP9[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP10[] = {
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP11[] = {
    {"res", T::Uint64, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP13[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP15[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP18[] = {
    {"domain", T::Flags32, F::Dec, kSocketFamilies, -1, nullptr, 0},
    {"type", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"proto", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP19[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"domain", T::EnumFlags32, F::Dec, kSocketFamilies, -1, nullptr, 0},
    {"type", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"proto", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlagsHead, -1, nullptr, 0},
};
constexpr ParamInfo kP20[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP21[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::SockAddr, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP22[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::SockAddr, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP23[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::SockAddr, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP24[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"backlog", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP25[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"backlog", T::Int32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP27[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
    {"queuepct", T::Uint8, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP28[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP29[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP30[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP31[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP32[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP33[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP34[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP35[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP36[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"how", T::Flags8, F::Hex, kShutdownHow, -1, nullptr, 0},
};
constexpr ParamInfo kP37[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"how", T::EnumFlags8, F::Hex, kShutdownHowHead, -1, nullptr, 0},
};
constexpr ParamInfo kP42[] = {
    {"domain", T::Flags32, F::Dec, kSocketFamilies, -1, nullptr, 0},
    {"type", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"proto", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP43[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd1", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"fd2", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"source", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"peer", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"domain", T::EnumFlags32, F::Dec, kSocketFamilies, -1, nullptr, 0},
    {"type", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"proto", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP45[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"level", T::Flags8, F::Dec, kSockoptLevels, -1, nullptr, 0},
    {"optname", T::Flags8, F::Dec, kSockoptOptions, -1, nullptr, 0},
    {"val", T::Dyn, F::Dec, {}, -1, kSockoptDynamicParam, 5},
    {"optlen", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP47[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"level", T::Flags8, F::Dec, kSockoptLevels, -1, nullptr, 0},
    {"optname", T::Flags8, F::Dec, kSockoptOptions, -1, nullptr, 0},
    {"val", T::Dyn, F::Dec, {}, -1, kSockoptDynamicParam, 5},
    {"optlen", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP48[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP49[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP51[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP52[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP53[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
    {"msgcontrol", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP55[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
    {"msgcontrol", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP56[] = {
    {"flags", T::Int32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP57[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
    {"queuepct", T::Uint8, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP58[] = {
    {"name", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"mode", T::Uint32, F::Oct, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP59[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"name", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"mode", T::Uint32, F::Oct, {}, -1, nullptr, 0},
    {"dev", T::Uint32, F::Hex, {}, -1, nullptr, 0},
    {"ino", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"creat_flags", T::Flags16, F::Hex, kCreatFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP61[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd1", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"fd2", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"ino", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP62[] = {
    {"initval", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP63[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"initval", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Uint32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP64[] = {
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"op", T::Flags16, F::Hex, kFutexOperations, -1, nullptr, 0},
    {"val", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP65[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"op", T::Flags16, F::Hex, kFutexOperations, -1, nullptr, 0},
    {"val", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP67[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP69[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP70[] = {
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP71[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP73[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP75[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP76[] = {
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP77[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP78[] = {
    {"maxevents", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP79[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"maxevents", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP80[] = {
    {"fds", T::FdList, F::Dec, {}, -1, nullptr, 0},
    {"timeout", T::Int64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP81[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fds", T::FdList, F::Dec, {}, -1, nullptr, 0},
    {"timeout", T::Int64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP83[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP85[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP86[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"offset", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"whence", T::Flags8, F::Dec, kLseekWhence, -1, nullptr, 0},
};
constexpr ParamInfo kP87[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"offset", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"whence", T::EnumFlags8, F::Dec, kLseekWhence, -1, nullptr, 0},
};
constexpr ParamInfo kP88[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"offset", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"whence", T::Flags8, F::Dec, kLseekWhence, -1, nullptr, 0},
};
constexpr ParamInfo kP89[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"offset", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"whence", T::EnumFlags8, F::Dec, kLseekWhence, -1, nullptr, 0},
};
constexpr ParamInfo kP90[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"request", T::Uint64, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP91[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP93[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP95[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP96[] = {
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP97[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP98[] = {
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"mode", T::Uint32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP99[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP100[] = {
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP101[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP102[] = {
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"name", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlags, -1, nullptr, 0},
    {"mode", T::Uint32, F::Oct, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP103[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP104[] = {
    {"oldpath", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"newpath", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP105[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP106[] = {
    {"olddir", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"oldpath", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"newdir", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"newpath", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP107[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP108[] = {
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP109[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP110[] = {
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"name", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP111[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP112[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"pos", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP113[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"pos", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP114[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"pos", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP115[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"pos", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP116[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP117[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP118[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP119[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP120[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"pos", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP121[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"pos", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP122[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"pos", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP123[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"pos", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP124[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP125[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP126[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"mask", T::Uint32, F::Hex, {}, -1, nullptr, 0},
    {"flags", T::Flags8, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP127[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"mask", T::Uint32, F::Hex, {}, -1, nullptr, 0},
    {"flags", T::Uint8, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP128[] = {
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"sig", T::SigType, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP129[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"sig", T::SigType, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP130[] = {
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"sig", T::SigType, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP131[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"sig", T::SigType, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP132[] = {
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"sig", T::SigType, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP133[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"sig", T::SigType, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP134[] = {
    {"interval", T::RelTime, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP135[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"interval", T::RelTime, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP136[] = {
    {"clockid", T::Uint8, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags8, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP137[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"clockid", T::Uint8, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Uint8, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP138[] = {
    {"flags", T::Flags8, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP139[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Uint8, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP140[] = {
    {"resource", T::Flags8, F::Dec, kRlimitResources, -1, nullptr, 0},
};
constexpr ParamInfo kP141[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"cur", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"max", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"resource", T::EnumFlags8, F::Dec, kRlimitResources, -1, nullptr, 0},
};
constexpr ParamInfo kP142[] = {
    {"resource", T::Flags8, F::Dec, kRlimitResources, -1, nullptr, 0},
};
constexpr ParamInfo kP143[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"cur", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"max", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"resource", T::EnumFlags8, F::Dec, kRlimitResources, -1, nullptr, 0},
};
constexpr ParamInfo kP144[] = {
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"resource", T::Flags8, F::Dec, kRlimitResources, -1, nullptr, 0},
};
constexpr ParamInfo kP145[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"newcur", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"newmax", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"oldcur", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"oldmax", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"resource", T::EnumFlags8, F::Dec, kRlimitResources, -1, nullptr, 0},
};
constexpr ParamInfo kP146[] = {
    {"next", T::Pid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP148[] = {
    {"ratio", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP149[] = {
    {"ratio", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP150[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"cmd", T::Flags8, F::Dec, kFcntlCommands, -1, nullptr, 0},
};
constexpr ParamInfo kP151[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"cmd", T::EnumFlags8, F::Dec, kFcntlCommands, -1, nullptr, 0},
    {"arg", T::Uint64, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP152[] = {
    {"next", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP155[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP157[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP158[] = {
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP159[] = {
    {"res", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP160[] = {
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"length", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"prot", T::Flags32, F::Hex, kProtFlags, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kMmapFlags, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"offset", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP161[] = {
    {"res", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"length", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"prot", T::Flags32, F::Hex, kProtFlags, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kMmapFlags, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"offset", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP162[] = {
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"length", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"prot", T::Flags32, F::Hex, kProtFlags, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kMmapFlags, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"pgoffset", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP163[] = {
    {"res", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"length", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"prot", T::Flags32, F::Hex, kProtFlags, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kMmapFlags, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"pgoffset", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP164[] = {
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"length", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP165[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"length", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP166[] = {
    {"fd_in", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"fd_out", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kSpliceFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP167[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd_in", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"fd_out", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kSpliceFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP168[] = {
    {"request", T::Flags16, F::Dec, kPtraceRequests, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP169[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::Dyn, F::Hex, {}, -1, kPtraceDynamicParam, 2},
    {"data", T::Dyn, F::Hex, {}, -1, kPtraceDynamicParam, 2},
    {"request", T::EnumFlags16, F::Dec, kPtraceRequests, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP170[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"request", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"argument", T::Uint64, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP171[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"request", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"argument", T::Uint64, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP173[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"env", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP175[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"oldpath", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"newpath", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP177[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"olddirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"oldpath", T::FsRelPath, F::Na, {}, 1, nullptr, 0},
    {"newdirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"newpath", T::FsRelPath, F::Na, {}, 3, nullptr, 0},
};
constexpr ParamInfo kP179[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"target", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"linkpath", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP181[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"target", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"linkdirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"linkpath", T::FsRelPath, F::Na, {}, 2, nullptr, 0},
};
constexpr ParamInfo kP183[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP185[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP186[] = {
    {"status", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"ret", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"sig", T::SigType, F::Dec, {}, -1, nullptr, 0},
    {"core", T::Uint8, F::Dec, {}, -1, nullptr, 0},
    {"reaper_tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP188[] = {
    {"out_fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"in_fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"offset", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP189[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"offset", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"out_fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"in_fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP190[] = {
    {"cmd", T::Flags16, F::Dec, kQuotactlCmds, -1, nullptr, 0},
    {"type", T::Flags8, F::Dec, kQuotactlTypes, -1, nullptr, 0},
    {"id", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"quota_fmt", T::Flags8, F::Dec, kQuotactlQuotaFmts, -1, nullptr, 0},
};
constexpr ParamInfo kP191[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"special", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"quotafilepath", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"dqb_bhardlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"dqb_bsoftlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"dqb_curspace", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"dqb_ihardlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"dqb_isoftlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"dqb_btime", T::RelTime, F::Dec, {}, -1, nullptr, 0},
    {"dqb_itime", T::RelTime, F::Dec, {}, -1, nullptr, 0},
    {"dqi_bgrace", T::RelTime, F::Dec, {}, -1, nullptr, 0},
    {"dqi_igrace", T::RelTime, F::Dec, {}, -1, nullptr, 0},
    {"dqi_flags", T::Flags8, F::Dec, kQuotactlDqiFlags, -1, nullptr, 0},
    {"quota_fmt_out", T::Flags8, F::Dec, kQuotactlQuotaFmts, -1, nullptr, 0},
    {"cmd", T::Flags16, F::Dec, kQuotactlCmds, -1, nullptr, 0},
    {"type", T::Flags8, F::Dec, kQuotactlTypes, -1, nullptr, 0},
    {"id", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"quota_fmt", T::Flags8, F::Dec, kQuotactlQuotaFmts, -1, nullptr, 0},
};
constexpr ParamInfo kP192[] = {
    {"ruid", T::Uid, F::Dec, {}, -1, nullptr, 0},
    {"euid", T::Uid, F::Dec, {}, -1, nullptr, 0},
    {"suid", T::Uid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP193[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"ruid", T::Uid, F::Dec, {}, -1, nullptr, 0},
    {"euid", T::Uid, F::Dec, {}, -1, nullptr, 0},
    {"suid", T::Uid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP194[] = {
    {"rgid", T::Gid, F::Dec, {}, -1, nullptr, 0},
    {"egid", T::Gid, F::Dec, {}, -1, nullptr, 0},
    {"sgid", T::Gid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP195[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"rgid", T::Gid, F::Dec, {}, -1, nullptr, 0},
    {"egid", T::Gid, F::Dec, {}, -1, nullptr, 0},
    {"sgid", T::Gid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP196[] = {
    {"event_type", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"event_data", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP198[] = {
    {"uid", T::Uid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP199[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"uid", T::Uid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP200[] = {
    {"gid", T::Gid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP201[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Gid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP203[] = {
    {"uid", T::Uid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP205[] = {
    {"euid", T::Uid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP207[] = {
    {"gid", T::Gid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP209[] = {
    {"egid", T::Gid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP211[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"ruid", T::Uid, F::Dec, {}, -1, nullptr, 0},
    {"euid", T::Uid, F::Dec, {}, -1, nullptr, 0},
    {"suid", T::Uid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP213[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"rgid", T::Gid, F::Dec, {}, -1, nullptr, 0},
    {"egid", T::Gid, F::Dec, {}, -1, nullptr, 0},
    {"sgid", T::Gid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP215[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"env", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP217[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP219[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP221[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP223[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"cgroups", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vtid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"vpid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pidns_init_start_ts", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP225[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"cgroups", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vtid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"vpid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pidns_init_start_ts", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP227[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"cgroups", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vtid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"vpid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pidns_init_start_ts", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP228[] = {
    {"id", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"type", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"name", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"image", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP231[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"cgroups", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"env", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP232[] = {
    {"spid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"dpid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"sig", T::SigType, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP234[] = {
    {"cpu_usr", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"cpu_sys", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP236[] = {
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP237[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP238[] = {
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP239[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP240[] = {
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
    {"nstype", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP241[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
    {"nstype", T::Flags32, F::Hex, kCloneFlagsHead, -1, nullptr, 0},
};
constexpr ParamInfo kP242[] = {
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
    {"operation", T::Flags32, F::Hex, kFlockFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP243[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Na, {}, -1, nullptr, 0},
    {"operation", T::Flags32, F::Hex, kFlockFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP244[] = {
    {"cpu", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"action", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP247[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
    {"queuepct", T::Uint8, F::Dec, {}, -1, nullptr, 0},
    {"queuelen", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"queuemax", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP248[] = {
    {"flags", T::Int32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP249[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
    {"queuepct", T::Uint8, F::Dec, {}, -1, nullptr, 0},
    {"queuelen", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"queuemax", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP250[] = {
    {"semid", T::Int32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP251[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"nsops", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"sem_num_0", T::Uint16, F::Dec, {}, -1, nullptr, 0},
    {"sem_op_0", T::Int16, F::Dec, {}, -1, nullptr, 0},
    {"sem_flg_0", T::Flags16, F::Hex, kSemopFlags, -1, nullptr, 0},
    {"sem_num_1", T::Uint16, F::Dec, {}, -1, nullptr, 0},
    {"sem_op_1", T::Int16, F::Dec, {}, -1, nullptr, 0},
    {"sem_flg_1", T::Flags16, F::Hex, kSemopFlags, -1, nullptr, 0},
    {"semid", T::Int32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP252[] = {
    {"semid", T::Int32, F::Dec, {}, -1, nullptr, 0},
    {"semnum", T::Int32, F::Dec, {}, -1, nullptr, 0},
    {"cmd", T::Flags16, F::Hex, kSemctlCommands, -1, nullptr, 0},
    {"val", T::Int32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP253[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"semid", T::Int32, F::Dec, {}, -1, nullptr, 0},
    {"semnum", T::Int32, F::Dec, {}, -1, nullptr, 0},
    {"cmd", T::Flags16, F::Hex, kSemctlCommands, -1, nullptr, 0},
    {"val", T::Int32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP254[] = {
    {"fds", T::FdList, F::Dec, {}, -1, nullptr, 0},
    {"timeout", T::RelTime, F::Dec, {}, -1, nullptr, 0},
    {"sigmask", T::SigSet, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP255[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fds", T::FdList, F::Dec, {}, -1, nullptr, 0},
    {"timeout", T::RelTime, F::Dec, {}, -1, nullptr, 0},
    {"sigmask", T::SigSet, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP256[] = {
    {"flags", T::Flags32, F::Hex, kMountFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP257[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"dev", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"dir", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"type", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kMountFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP258[] = {
    {"flags", T::Flags32, F::Hex, kUmountFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP259[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"name", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP260[] = {
    {"json", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP262[] = {
    {"key", T::Int32, F::Hex, {}, -1, nullptr, 0},
    {"nsems", T::Int32, F::Dec, {}, -1, nullptr, 0},
    {"semflg", T::Flags32, F::Hex, kSemgetFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP263[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"key", T::Int32, F::Hex, {}, -1, nullptr, 0},
    {"nsems", T::Int32, F::Dec, {}, -1, nullptr, 0},
    {"semflg", T::Flags32, F::Hex, kSemgetFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP264[] = {
    {"mode", T::Flags32, F::Hex, kAccessFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP265[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"name", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"mode", T::Flags32, F::Hex, kAccessFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP267[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP268[] = {
    {"id", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"tags", T::CharBufArray, F::Na, {}, -1, nullptr, 0},
    {"args", T::CharBufPairArray, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP269[] = {
    {"id", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"tags", T::CharBufArray, F::Na, {}, -1, nullptr, 0},
    {"args", T::CharBufPairArray, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP270[] = {
    {"json", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP272[] = {
    {"json", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP275[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP276[] = {
    {"mode", T::Uint32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP277[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"mode", T::Uint32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP279[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP280[] = {
    {"id", T::CharBuf, F::Dec, {}, -1, nullptr, 0},
    {"desc", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP283[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"cgroups", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"env", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tty", T::Int32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP284[] = {
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP285[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlagsHead, -1, nullptr, 0},
};
constexpr ParamInfo kP286[] = {
    {"source", T::CharBuf, F::Dec, {}, -1, nullptr, 0},
    {"name", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"description", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"scope", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP288[] = {
    {"filename", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP289[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"cgroups", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"env", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tty", T::Int32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP290[] = {
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"ip", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"error", T::Flags32, F::Hex, kPfFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP292[] = {
    {"filename", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP293[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"cgroups", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"env", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tty", T::Int32, F::Dec, {}, -1, nullptr, 0},
    {"pgid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"loginuid", T::Int32, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kExecveFlags, -1, nullptr, 0},
    {"cap_inheritable", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"cap_permitted", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"cap_effective", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"exe_ino", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"exe_ino_ctime", T::AbsTime, F::Dec, {}, -1, nullptr, 0},
    {"exe_ino_mtime", T::AbsTime, F::Dec, {}, -1, nullptr, 0},
    {"uid", T::Uid, F::Dec, {}, -1, nullptr, 0},
    {"trusted_exepath", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"pgid", T::Pid, F::Na, {}, -1, nullptr, 0},
    {"gid", T::Gid, F::Dec, {}, -1, nullptr, 0},
    {"filename", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP294[] = {
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pgid", T::Pid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP295[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pgid", T::Pid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP296[] = {
    {"cmd", T::Int64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP297[] = {
    {"res_or_fd", T::Dyn, F::Dec, {}, -1, kBpfDynamicParam, 2},
};
constexpr ParamInfo kP298[] = {
    {"op", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Uint64, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP299[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"op", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Uint64, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP301[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP303[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"name", T::FsRelPath, F::Na, {}, 1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kUnlinkatFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP305[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsRelPath, F::Na, {}, 1, nullptr, 0},
    {"mode", T::Uint32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP306[] = {
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"name", T::FsRelPath, F::Na, {}, 0, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlags, -1, nullptr, 0},
    {"mode", T::Uint32, F::Oct, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP307[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"name", T::FsRelPath, F::Na, {}, 1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlags, -1, nullptr, 0},
    {"mode", T::Uint32, F::Oct, {}, -1, nullptr, 0},
    {"dev", T::Uint32, F::Hex, {}, -1, nullptr, 0},
    {"ino", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP309[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"oldpath", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"newpath", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP311[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"olddir", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"oldpath", T::FsRelPath, F::Na, {}, 1, nullptr, 0},
    {"newdir", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"newpath", T::FsRelPath, F::Na, {}, 3, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kLinkatFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP313[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"filename", T::FsRelPath, F::Na, {}, 1, nullptr, 0},
    {"mode", T::Mode, F::Oct, kChmodMode, -1, nullptr, 0},
};
constexpr ParamInfo kP315[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"filename", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"mode", T::Mode, F::Oct, kChmodMode, -1, nullptr, 0},
};
constexpr ParamInfo kP317[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"mode", T::Mode, F::Oct, kChmodMode, -1, nullptr, 0},
};
constexpr ParamInfo kP319[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"olddirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"oldpath", T::FsRelPath, F::Na, {}, 1, nullptr, 0},
    {"newdirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"newpath", T::FsRelPath, F::Na, {}, 3, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kRenameat2Flags, -1, nullptr, 0},
};
constexpr ParamInfo kP321[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP322[] = {
    {"plugin ID", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"event_data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP324[] = {
    {"json", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP326[] = {
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"name", T::FsRelPath, F::Na, {}, 0, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlags, -1, nullptr, 0},
    {"mode", T::Uint32, F::Oct, {}, -1, nullptr, 0},
    {"resolve", T::Flags32, F::Hex, kOpenat2Flags, -1, nullptr, 0},
};
constexpr ParamInfo kP327[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"name", T::FsRelPath, F::Na, {}, 1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlags, -1, nullptr, 0},
    {"mode", T::Uint32, F::Oct, {}, -1, nullptr, 0},
    {"resolve", T::Flags32, F::Hex, kOpenat2Flags, -1, nullptr, 0},
    {"dev", T::Uint32, F::Hex, {}, -1, nullptr, 0},
    {"ino", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP328[] = {
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"length", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"prot", T::Flags32, F::Hex, kProtFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP329[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"length", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"prot", T::Flags32, F::Hex, kProtFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP330[] = {
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"pathname", T::FsRelPath, F::Na, {}, 0, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kExecveatFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP331[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"cgroups", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"env", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tty", T::Int32, F::Dec, {}, -1, nullptr, 0},
    {"pgid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"loginuid", T::Int32, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kExecveFlags, -1, nullptr, 0},
    {"cap_inheritable", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"cap_permitted", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"cap_effective", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"exe_ino", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"exe_ino_ctime", T::AbsTime, F::Dec, {}, -1, nullptr, 0},
    {"exe_ino_mtime", T::AbsTime, F::Dec, {}, -1, nullptr, 0},
    {"uid", T::Uid, F::Dec, {}, -1, nullptr, 0},
    {"trusted_exepath", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"pgid", T::Pid, F::Na, {}, -1, nullptr, 0},
    {"gid", T::Gid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP332[] = {
    {"fdin", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"offin", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"len", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP333[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fdout", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"offout", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"fdin", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"offin", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"len", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP335[] = {
    {"res", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"exe", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"args", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"tid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"ptid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"cgroups", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloneFlags, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vtid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"vpid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"pidns_init_start_ts", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP337[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"mountfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlagsHead, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"dev", T::Uint32, F::Hex, {}, -1, nullptr, 0},
    {"ino", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP339[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"entries", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"sq_entries", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"cq_entries", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kIoUringSetupFlags, -1, nullptr, 0},
    {"sq_thread_cpu", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"sq_thread_idle", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"features", T::Flags32, F::Hex, kIoUringSetupFeats, -1, nullptr, 0},
};
constexpr ParamInfo kP341[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"to_submit", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"min_complete", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kIoUringEnterFlags, -1, nullptr, 0},
    {"sig", T::SigSet, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP343[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"opcode", T::EnumFlags16, F::Dec, kIoUringRegisterOpcodes, -1, nullptr, 0},
    {"arg", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"nr_args", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP345[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"len", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP347[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"len", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP349[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kMlockallFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP351[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP353[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"cap_inheritable", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"cap_permitted", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"cap_effective", T::Uint64, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP354[] = {
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"name", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"home", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"shell", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"container_id", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP356[] = {
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"name", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"home", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"shell", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"container_id", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP358[] = {
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"name", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"container_id", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP360[] = {
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"name", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"container_id", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP362[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP363[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"oldfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"newfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP364[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP365[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"oldfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"newfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlagsHead, -1, nullptr, 0},
};
constexpr ParamInfo kP366[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP367[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"oldfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP368[] = {
    {"cmd", T::Int64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP369[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"cmd", T::EnumFlags32, F::Dec, kBpfCommands, -1, nullptr, 0},
};
constexpr ParamInfo kP371[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"addr", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"len", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kMlock2Flags, -1, nullptr, 0},
};
constexpr ParamInfo kP373[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"cmd", T::EnumFlags32, F::Dec, kFsconfigCmds, -1, nullptr, 0},
    {"key", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"value_bytebuf", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"value_charbuf", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"aux", T::Int32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP374[] = {
    {"size", T::Int32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP375[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"size", T::Int32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP376[] = {
    {"flags", T::Flags32, F::Hex, kEpollCreate1Flags, -1, nullptr, 0},
};
constexpr ParamInfo kP377[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kEpollCreate1Flags, -1, nullptr, 0},
};
constexpr ParamInfo kP379[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP381[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP383[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP385[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"pathname", T::FsRelPath, F::Na, {}, 1, nullptr, 0},
    {"uid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"gid", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFchownatFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP387[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"name", T::FsPath, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP388[] = {
    {"flags", T::Int32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP389[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"tuple", T::SockTuple, F::Na, {}, -1, nullptr, 0},
    {"queuepct", T::Uint8, F::Dec, {}, -1, nullptr, 0},
    {"queuelen", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"queuemax", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Int32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP390[] = {
    {"flags", T::Flags32, F::Hex, kUmountFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP391[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"name", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kUmountFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP393[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd1", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"fd2", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"ino", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlagsHead, -1, nullptr, 0},
};
constexpr ParamInfo kP395[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags16, F::Hex, kFileFlagsHead, -1, nullptr, 0},
};
constexpr ParamInfo kP396[] = {
    {"initval", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP397[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags16, F::Hex, kFileFlagsHead, -1, nullptr, 0},
    {"initval", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP398[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"mask", T::Uint32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP399[] = {
    {"res", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags16, F::Hex, kFileFlagsHead, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"mask", T::Uint32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP401[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"option", T::EnumFlags32, F::Dec, kPrctlOptions, -1, nullptr, 0},
    {"arg2_str", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"arg2_int", T::Int64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP402[] = {
    {"plugin_id", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"name", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP405[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"name", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kMemfdCreateFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP407[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"pid_fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"target_fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Uint32, F::Hex, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP409[] = {
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kPidfdOpenFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP411[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"img", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
    {"length", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"uargs", T::CharBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP413[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"fd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"uargs", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFinitModuleFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP415[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"mode", T::Mode, F::Oct, kMknodMode, -1, nullptr, 0},
    {"dev", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP417[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsRelPath, F::Na, {}, 1, nullptr, 0},
    {"mode", T::Mode, F::Oct, kMknodMode, -1, nullptr, 0},
    {"dev", T::Uint32, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP419[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"dirfd", T::Fd, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsRelPath, F::Na, {}, 1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kNewfstatatFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP421[] = {
    {"res", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP423[] = {
    {"res", T::Int64, F::Dec, {}, -1, nullptr, 0},
    {"pid", T::Pid, F::Dec, {}, -1, nullptr, 0},
    {"data", T::ByteBuf, F::Na, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP425[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"name", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kDeleteModuleFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP427[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"ruid", T::Uid, F::Dec, {}, -1, nullptr, 0},
    {"euid", T::Uid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP429[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"rgid", T::Uid, F::Dec, {}, -1, nullptr, 0},
    {"egid", T::Uid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP430[] = {
    {"ppid", T::Pid32, F::Dec, {}, -1, nullptr, 0},
    {"pgid", T::Pid32, F::Dec, {}, -1, nullptr, 0},
    {"vpgid", T::Pid32, F::Dec, {}, -1, nullptr, 0},
    {"sid", T::Pid32, F::Dec, {}, -1, nullptr, 0},
    {"comm", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"argv", T::CharBufArray, F::Na, {}, -1, nullptr, 0},
    {"exepath", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kExecveFlagsHead, -1, nullptr, 0},
    {"env", T::CharBufArray, F::Na, {}, -1, nullptr, 0},
    {"cwd", T::CharBuf, F::Na, {}, -1, nullptr, 0},
    {"fdlimit", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"euid", T::Uid, F::Dec, {}, -1, nullptr, 0},
    {"egid", T::Gid, F::Dec, {}, -1, nullptr, 0},
    {"cap_permitted", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"cap_effective", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"cap_inheritable", T::Uint64, F::Hex, {}, -1, nullptr, 0},
    {"exe_ino_num", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"exe_ino_ctime", T::AbsTime, F::Dec, {}, -1, nullptr, 0},
    {"exe_ino_mtime", T::AbsTime, F::Dec, {}, -1, nullptr, 0},
    {"vm_size", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_rss", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"vm_swap", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"pgft_maj", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"pgft_min", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"vtgid", T::Pid32, F::Dec, {}, -1, nullptr, 0},
    {"vpid", T::Pid32, F::Dec, {}, -1, nullptr, 0},
    {"pidns_init_start_ts", T::Uint64, F::Dec, {}, -1, nullptr, 0},
    {"cgroups", T::CharBufArray, F::Na, {}, -1, nullptr, 0},
    {"root", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"start_time", T::AbsTime, F::Dec, {}, -1, nullptr, 0},
    {"tty", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"loginuid", T::Uid, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP432[] = {
    {"fd", T::Fd32, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"ino_num", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP434[] = {
    {"fd", T::Fd32, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"ino_num", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP436[] = {
    {"fd", T::Fd32, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kFileFlagsHead, -1, nullptr, 0},
    {"mnt_id", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"ino_num", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP438[] = {
    {"fd", T::Fd32, F::Dec, {}, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"ino_num", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP440[] = {
    {"fd", T::Fd32, F::Dec, {}, -1, nullptr, 0},
    {"sk_type", T::Uint16, F::Dec, {}, -1, nullptr, 0},
    {"sk_proto", T::Uint16, F::Dec, {}, -1, nullptr, 0},
    {"local_ip", T::Ipv4Addr, F::Hex, {}, -1, nullptr, 0},
    {"local_port", T::Port, F::Hex, {}, -1, nullptr, 0},
    {"remote_ip", T::Ipv4Addr, F::Hex, {}, -1, nullptr, 0},
    {"remote_port", T::Port, F::Hex, {}, -1, nullptr, 0},
    {"ino_num", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP442[] = {
    {"fd", T::Fd32, F::Dec, {}, -1, nullptr, 0},
    {"sk_type", T::Uint16, F::Dec, {}, -1, nullptr, 0},
    {"sk_proto", T::Uint16, F::Dec, {}, -1, nullptr, 0},
    {"local_ip", T::Ipv6Addr, F::Hex, {}, -1, nullptr, 0},
    {"local_port", T::Port, F::Hex, {}, -1, nullptr, 0},
    {"remote_ip", T::Ipv6Addr, F::Hex, {}, -1, nullptr, 0},
    {"remote_port", T::Port, F::Hex, {}, -1, nullptr, 0},
    {"ino_num", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP444[] = {
    {"fd", T::Fd32, F::Dec, {}, -1, nullptr, 0},
    {"sk_type", T::Uint16, F::Dec, {}, -1, nullptr, 0},
    {"sk_proto", T::Uint16, F::Dec, {}, -1, nullptr, 0},
    {"sk_pointer", T::Uint64, F::Na, {}, -1, nullptr, 0},
    {"sun_path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"ino_num", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP446[] = {
    {"fd", T::Fd32, F::Dec, {}, -1, nullptr, 0},
    {"sk_type", T::Uint16, F::Dec, {}, -1, nullptr, 0},
    {"sk_proto", T::Uint16, F::Dec, {}, -1, nullptr, 0},
    {"ino_num", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP448[] = {
    {"fd", T::Fd32, F::Dec, {}, -1, nullptr, 0},
    {"fd_type", T::Flags8, F::Dec, kAnonInodeFdTypes, -1, nullptr, 0},
    {"path", T::FsPath, F::Na, {}, -1, nullptr, 0},
    {"ino_num", T::Uint64, F::Dec, {}, -1, nullptr, 0},
};
constexpr ParamInfo kP451[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"first", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"last", T::Uint32, F::Dec, {}, -1, nullptr, 0},
    {"flags", T::Flags32, F::Hex, kCloseRangeFlags, -1, nullptr, 0},
};
constexpr ParamInfo kP453[] = {
    {"res", T::Errno, F::Dec, {}, -1, nullptr, 0},
    {"operation", T::EnumFlags32, F::Dec, kKeyctlOperations, -1, nullptr, 0},
    {"arg2", T::Dyn, F::Dec, {}, -1, kKeyctlDynamicParam, 2},
    {"arg3", T::Dyn, F::Dec, {}, -1, kKeyctlDynamicParam, 2},
    {"arg4", T::Dyn, F::Dec, {}, -1, kKeyctlDynamicParam, 2},
    {"arg5", T::Dyn, F::Dec, {}, -1, kKeyctlDynamicParam, 2},
};

constexpr EventInfo kEvents[] = {
    /* 0 */ {"syscall", kCatOther, kFlagOld, kP0},
    /* 1 */ {"syscall", kCatOther, kFlagNone, kP1},
    /* 2 */ {"open", kCatFile, kFlagCreatesFd | kFlagModifiesState, kP2},
    /* 3 */ {"open", kCatFile, kFlagCreatesFd | kFlagModifiesState, kP3},
    /* 4 */ {"close", kCatIoOther, kFlagDestroysFd | kFlagUsesFd | kFlagModifiesState | kFlagOld, kP4},
    /* 5 */ {"close", kCatIoOther, kFlagDestroysFd | kFlagUsesFd | kFlagModifiesState, kP5},
    /* 6 */ {"read", kCatIoRead, kFlagUsesFd | kFlagOld, kP6},
    /* 7 */ {"read", kCatIoRead, kFlagUsesFd, kP7},
    /* 8 */ {"write", kCatIoWrite, kFlagUsesFd | kFlagOld, kP8},
    /* 9 */ {"write", kCatIoWrite, kFlagUsesFd, kP9},
    /* 10 */ {"brk", kCatMemory, kFlagOld, kP10},
    /* 11 */ {"brk", kCatMemory, kFlagOld, kP11},
    /* 12 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 13 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, kP13},
    /* 14 */ {"clone", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 15 */ {"clone", kCatProcess, kFlagModifiesState | kFlagOld, kP15},
    /* 16 */ {"procexit", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 17 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 18 */ {"socket", kCatNet, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP18},
    /* 19 */ {"socket", kCatNet, kFlagCreatesFd | kFlagModifiesState, kP19},
    /* 20 */ {"bind", kCatNet, kFlagUsesFd | kFlagModifiesState | kFlagOld, kP20},
    /* 21 */ {"bind", kCatNet, kFlagUsesFd | kFlagModifiesState, kP21},
    /* 22 */ {"connect", kCatNet, kFlagUsesFd | kFlagModifiesState, kP22},
    /* 23 */ {"connect", kCatNet, kFlagUsesFd | kFlagModifiesState, kP23},
    /* 24 */ {"listen", kCatNet, kFlagUsesFd | kFlagOld, kP24},
    /* 25 */ {"listen", kCatNet, kFlagUsesFd, kP25},
    /* 26 */ {"accept", kCatNet, kFlagCreatesFd | kFlagModifiesState | kFlagOld, {}},
    /* 27 */ {"accept", kCatNet, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP27},
    /* 28 */ {"send", kCatIoWrite, kFlagUsesFd | kFlagOld, kP28},
    /* 29 */ {"send", kCatIoWrite, kFlagUsesFd, kP29},
    /* 30 */ {"sendto", kCatIoWrite, kFlagUsesFd | kFlagModifiesState | kFlagOld, kP30},
    /* 31 */ {"sendto", kCatIoWrite, kFlagUsesFd | kFlagModifiesState, kP31},
    /* 32 */ {"recv", kCatIoRead, kFlagUsesFd | kFlagOld, kP32},
    /* 33 */ {"recv", kCatIoRead, kFlagUsesFd, kP33},
    /* 34 */ {"recvfrom", kCatIoRead, kFlagUsesFd | kFlagModifiesState | kFlagOld, kP34},
    /* 35 */ {"recvfrom", kCatIoRead, kFlagUsesFd | kFlagModifiesState, kP35},
    /* 36 */ {"shutdown", kCatNet, kFlagUsesFd | kFlagModifiesState | kFlagOld, kP36},
    /* 37 */ {"shutdown", kCatNet, kFlagUsesFd | kFlagModifiesState, kP37},
    /* 38 */ {"getsockname", kCatNet, kFlagOld, {}},
    /* 39 */ {"getsockname", kCatNet, kFlagNone, {}},
    /* 40 */ {"getpeername", kCatNet, kFlagOld, {}},
    /* 41 */ {"getpeername", kCatNet, kFlagNone, {}},
    /* 42 */ {"socketpair", kCatIpc, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP42},
    /* 43 */ {"socketpair", kCatIpc, kFlagCreatesFd | kFlagModifiesState, kP43},
    /* 44 */ {"setsockopt", kCatNet, kFlagOld, {}},
    /* 45 */ {"setsockopt", kCatNet, kFlagUsesFd, kP45},
    /* 46 */ {"getsockopt", kCatNet, kFlagModifiesState | kFlagOld, {}},
    /* 47 */ {"getsockopt", kCatNet, kFlagUsesFd | kFlagModifiesState, kP47},
    /* 48 */ {"sendmsg", kCatIoWrite, kFlagUsesFd | kFlagModifiesState | kFlagOld, kP48},
    /* 49 */ {"sendmsg", kCatIoWrite, kFlagUsesFd | kFlagModifiesState, kP49},
    /* 50 */ {"sendmmsg", kCatIoWrite, kFlagOld, {}},
    /* 51 */ {"sendmmsg", kCatIoWrite, kFlagNone, kP51},
    /* 52 */ {"recvmsg", kCatIoRead, kFlagUsesFd | kFlagModifiesState | kFlagOld, kP52},
    /* 53 */ {"recvmsg", kCatIoRead, kFlagUsesFd | kFlagModifiesState, kP53},
    /* 54 */ {"recvmmsg", kCatIoRead, kFlagOld, {}},
    /* 55 */ {"recvmmsg", kCatIoRead, kFlagNone, kP55},
    /* 56 */ {"accept", kCatNet, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP56},
    /* 57 */ {"accept", kCatNet, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP57},
    /* 58 */ {"creat", kCatFile, kFlagCreatesFd | kFlagModifiesState, kP58},
    /* 59 */ {"creat", kCatFile, kFlagCreatesFd | kFlagModifiesState, kP59},
    /* 60 */ {"pipe", kCatIpc, kFlagCreatesFd | kFlagModifiesState | kFlagOld, {}},
    /* 61 */ {"pipe", kCatIpc, kFlagCreatesFd | kFlagModifiesState, kP61},
    /* 62 */ {"eventfd", kCatIpc, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP62},
    /* 63 */ {"eventfd", kCatIpc, kFlagCreatesFd | kFlagModifiesState, kP63},
    /* 64 */ {"futex", kCatIpc, kFlagOld, kP64},
    /* 65 */ {"futex", kCatIpc, kFlagNone, kP65},
    /* 66 */ {"stat", kCatFile, kFlagOld, {}},
    /* 67 */ {"stat", kCatFile, kFlagNone, kP67},
    /* 68 */ {"lstat", kCatFile, kFlagOld, {}},
    /* 69 */ {"lstat", kCatFile, kFlagNone, kP69},
    /* 70 */ {"fstat", kCatFile, kFlagUsesFd | kFlagOld, kP70},
    /* 71 */ {"fstat", kCatFile, kFlagUsesFd, kP71},
    /* 72 */ {"stat64", kCatFile, kFlagOld, {}},
    /* 73 */ {"stat64", kCatFile, kFlagNone, kP73},
    /* 74 */ {"lstat64", kCatFile, kFlagOld, {}},
    /* 75 */ {"lstat64", kCatFile, kFlagNone, kP75},
    /* 76 */ {"fstat64", kCatFile, kFlagUsesFd | kFlagOld, kP76},
    /* 77 */ {"fstat64", kCatFile, kFlagUsesFd, kP77},
    /* 78 */ {"epoll_wait", kCatWait, kFlagWaits | kFlagOld, kP78},
    /* 79 */ {"epoll_wait", kCatWait, kFlagWaits, kP79},
    /* 80 */ {"poll", kCatWait, kFlagWaits | kFlagOld, kP80},
    /* 81 */ {"poll", kCatWait, kFlagWaits, kP81},
    /* 82 */ {"select", kCatWait, kFlagWaits | kFlagOld, {}},
    /* 83 */ {"select", kCatWait, kFlagWaits, kP83},
    /* 84 */ {"select", kCatWait, kFlagWaits | kFlagOld, {}},
    /* 85 */ {"select", kCatWait, kFlagWaits | kFlagOld, kP85},
    /* 86 */ {"lseek", kCatFile, kFlagUsesFd | kFlagOld, kP86},
    /* 87 */ {"lseek", kCatFile, kFlagUsesFd, kP87},
    /* 88 */ {"llseek", kCatFile, kFlagUsesFd | kFlagOld, kP88},
    /* 89 */ {"llseek", kCatFile, kFlagUsesFd, kP89},
    /* 90 */ {"ioctl", kCatIoOther, kFlagUsesFd | kFlagOld, kP90},
    /* 91 */ {"ioctl", kCatIoOther, kFlagUsesFd | kFlagOld, kP91},
    /* 92 */ {"getcwd", kCatFile, kFlagOld, {}},
    /* 93 */ {"getcwd", kCatFile, kFlagNone, kP93},
    /* 94 */ {"chdir", kCatFile, kFlagModifiesState | kFlagOld, {}},
    /* 95 */ {"chdir", kCatFile, kFlagModifiesState, kP95},
    /* 96 */ {"fchdir", kCatFile, kFlagUsesFd | kFlagModifiesState | kFlagOld, kP96},
    /* 97 */ {"fchdir", kCatFile, kFlagUsesFd | kFlagModifiesState, kP97},
    /* 98 */ {"mkdir", kCatFile, kFlagOld, kP98},
    /* 99 */ {"mkdir", kCatFile, kFlagOld, kP99},
    /* 100 */ {"rmdir", kCatFile, kFlagOld, kP100},
    /* 101 */ {"rmdir", kCatFile, kFlagOld, kP101},
    /* 102 */ {"openat", kCatFile, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP102},
    /* 103 */ {"openat", kCatFile, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP103},
    /* 104 */ {"link", kCatFile, kFlagOld, kP104},
    /* 105 */ {"link", kCatFile, kFlagOld, kP105},
    /* 106 */ {"linkat", kCatFile, kFlagOld, kP106},
    /* 107 */ {"linkat", kCatFile, kFlagOld, kP107},
    /* 108 */ {"unlink", kCatFile, kFlagOld, kP108},
    /* 109 */ {"unlink", kCatFile, kFlagOld, kP109},
    /* 110 */ {"unlinkat", kCatFile, kFlagOld, kP110},
    /* 111 */ {"unlinkat", kCatFile, kFlagOld, kP111},
    /* 112 */ {"pread", kCatIoRead, kFlagUsesFd | kFlagOld, kP112},
    /* 113 */ {"pread", kCatIoRead, kFlagUsesFd, kP113},
    /* 114 */ {"pwrite", kCatIoWrite, kFlagUsesFd | kFlagOld, kP114},
    /* 115 */ {"pwrite", kCatIoWrite, kFlagUsesFd, kP115},
    /* 116 */ {"readv", kCatIoRead, kFlagUsesFd | kFlagOld, kP116},
    /* 117 */ {"readv", kCatIoRead, kFlagUsesFd, kP117},
    /* 118 */ {"writev", kCatIoWrite, kFlagUsesFd | kFlagOld, kP118},
    /* 119 */ {"writev", kCatIoWrite, kFlagUsesFd, kP119},
    /* 120 */ {"preadv", kCatIoRead, kFlagUsesFd | kFlagOld, kP120},
    /* 121 */ {"preadv", kCatIoRead, kFlagUsesFd, kP121},
    /* 122 */ {"pwritev", kCatIoWrite, kFlagUsesFd | kFlagOld, kP122},
    /* 123 */ {"pwritev", kCatIoWrite, kFlagUsesFd, kP123},
    /* 124 */ {"dup", kCatIoOther, kFlagCreatesFd | kFlagUsesFd | kFlagModifiesState | kFlagOld, kP124},
    /* 125 */ {"dup", kCatIoOther, kFlagCreatesFd | kFlagUsesFd | kFlagModifiesState | kFlagOld, kP125},
    /* 126 */ {"signalfd", kCatSignal, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP126},
    /* 127 */ {"signalfd", kCatSignal, kFlagCreatesFd | kFlagModifiesState, kP127},
    /* 128 */ {"kill", kCatSignal, kFlagOld, kP128},
    /* 129 */ {"kill", kCatSignal, kFlagNone, kP129},
    /* 130 */ {"tkill", kCatSignal, kFlagOld, kP130},
    /* 131 */ {"tkill", kCatSignal, kFlagNone, kP131},
    /* 132 */ {"tgkill", kCatSignal, kFlagOld, kP132},
    /* 133 */ {"tgkill", kCatSignal, kFlagNone, kP133},
    /* 134 */ {"nanosleep", kCatSleep, kFlagWaits | kFlagOld, kP134},
    /* 135 */ {"nanosleep", kCatSleep, kFlagWaits, kP135},
    /* 136 */ {"timerfd_create", kCatTime, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP136},
    /* 137 */ {"timerfd_create", kCatTime, kFlagCreatesFd | kFlagModifiesState, kP137},
    /* 138 */ {"inotify_init", kCatIpc, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP138},
    /* 139 */ {"inotify_init", kCatIpc, kFlagCreatesFd | kFlagModifiesState, kP139},
    /* 140 */ {"getrlimit", kCatProcess, kFlagOld, kP140},
    /* 141 */ {"getrlimit", kCatProcess, kFlagNone, kP141},
    /* 142 */ {"setrlimit", kCatProcess, kFlagOld, kP142},
    /* 143 */ {"setrlimit", kCatProcess, kFlagNone, kP143},
    /* 144 */ {"prlimit", kCatProcess, kFlagOld, kP144},
    /* 145 */ {"prlimit", kCatProcess, kFlagNone, kP145},
    /* 146 */ {"switch", kCatScheduler, kFlagOld, kP146},
    /* 147 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 148 */ {"drop", kCatInternal, kFlagNone, kP148},
    /* 149 */ {"drop", kCatInternal, kFlagNone, kP149},
    /* 150 */ {"fcntl", kCatIoOther, kFlagUsesFd | kFlagModifiesState | kFlagOld, kP150},
    /* 151 */ {"fcntl", kCatIoOther, kFlagUsesFd | kFlagModifiesState, kP151},
    /* 152 */ {"switch", kCatScheduler, kFlagNone, kP152},
    /* 153 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 154 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 155 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, kP155},
    /* 156 */ {"clone", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 157 */ {"clone", kCatProcess, kFlagModifiesState | kFlagOld, kP157},
    /* 158 */ {"brk", kCatMemory, kFlagOld, kP158},
    /* 159 */ {"brk", kCatMemory, kFlagNone, kP159},
    /* 160 */ {"mmap", kCatMemory, kFlagOld, kP160},
    /* 161 */ {"mmap", kCatMemory, kFlagNone, kP161},
    /* 162 */ {"mmap2", kCatMemory, kFlagOld, kP162},
    /* 163 */ {"mmap2", kCatMemory, kFlagNone, kP163},
    /* 164 */ {"munmap", kCatMemory, kFlagOld, kP164},
    /* 165 */ {"munmap", kCatMemory, kFlagNone, kP165},
    /* 166 */ {"splice", kCatIoOther, kFlagUsesFd | kFlagOld, kP166},
    /* 167 */ {"splice", kCatIoOther, kFlagUsesFd, kP167},
    /* 168 */ {"ptrace", kCatProcess, kFlagOld, kP168},
    /* 169 */ {"ptrace", kCatProcess, kFlagNone, kP169},
    /* 170 */ {"ioctl", kCatIoOther, kFlagUsesFd | kFlagOld, kP170},
    /* 171 */ {"ioctl", kCatIoOther, kFlagUsesFd, kP171},
    /* 172 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 173 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, kP173},
    /* 174 */ {"rename", kCatFile, kFlagOld, {}},
    /* 175 */ {"rename", kCatFile, kFlagNone, kP175},
    /* 176 */ {"renameat", kCatFile, kFlagOld, {}},
    /* 177 */ {"renameat", kCatFile, kFlagNone, kP177},
    /* 178 */ {"symlink", kCatFile, kFlagOld, {}},
    /* 179 */ {"symlink", kCatFile, kFlagNone, kP179},
    /* 180 */ {"symlinkat", kCatFile, kFlagOld, {}},
    /* 181 */ {"symlinkat", kCatFile, kFlagNone, kP181},
    /* 182 */ {"fork", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 183 */ {"fork", kCatProcess, kFlagModifiesState | kFlagOld, kP183},
    /* 184 */ {"vfork", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 185 */ {"vfork", kCatProcess, kFlagModifiesState | kFlagOld, kP185},
    /* 186 */ {"procexit", kCatProcess, kFlagModifiesState, kP186},
    /* 187 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 188 */ {"sendfile", kCatIoWrite, kFlagUsesFd | kFlagOld, kP188},
    /* 189 */ {"sendfile", kCatIoWrite, kFlagUsesFd, kP189},
    /* 190 */ {"quotactl", kCatUser, kFlagOld, kP190},
    /* 191 */ {"quotactl", kCatUser, kFlagNone, kP191},
    /* 192 */ {"setresuid", kCatUser, kFlagModifiesState | kFlagOld, kP192},
    /* 193 */ {"setresuid", kCatUser, kFlagModifiesState, kP193},
    /* 194 */ {"setresgid", kCatUser, kFlagModifiesState | kFlagOld, kP194},
    /* 195 */ {"setresgid", kCatUser, kFlagModifiesState, kP195},
    /* 196 */ {"sysdigevent", kCatInternal, kFlagNone, kP196},
    /* 197 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 198 */ {"setuid", kCatUser, kFlagModifiesState | kFlagOld, kP198},
    /* 199 */ {"setuid", kCatUser, kFlagModifiesState, kP199},
    /* 200 */ {"setgid", kCatUser, kFlagModifiesState | kFlagOld, kP200},
    /* 201 */ {"setgid", kCatUser, kFlagModifiesState, kP201},
    /* 202 */ {"getuid", kCatUser, kFlagOld, {}},
    /* 203 */ {"getuid", kCatUser, kFlagNone, kP203},
    /* 204 */ {"geteuid", kCatUser, kFlagOld, {}},
    /* 205 */ {"geteuid", kCatUser, kFlagNone, kP205},
    /* 206 */ {"getgid", kCatUser, kFlagOld, {}},
    /* 207 */ {"getgid", kCatUser, kFlagNone, kP207},
    /* 208 */ {"getegid", kCatUser, kFlagOld, {}},
    /* 209 */ {"getegid", kCatUser, kFlagNone, kP209},
    /* 210 */ {"getresuid", kCatUser, kFlagOld, {}},
    /* 211 */ {"getresuid", kCatUser, kFlagNone, kP211},
    /* 212 */ {"getresgid", kCatUser, kFlagOld, {}},
    /* 213 */ {"getresgid", kCatUser, kFlagNone, kP213},
    /* 214 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 215 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, kP215},
    /* 216 */ {"clone", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 217 */ {"clone", kCatProcess, kFlagModifiesState | kFlagOld, kP217},
    /* 218 */ {"fork", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 219 */ {"fork", kCatProcess, kFlagModifiesState | kFlagOld, kP219},
    /* 220 */ {"vfork", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 221 */ {"vfork", kCatProcess, kFlagModifiesState | kFlagOld, kP221},
    /* 222 */ {"clone", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 223 */ {"clone", kCatProcess, kFlagModifiesState, kP223},
    /* 224 */ {"fork", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 225 */ {"fork", kCatProcess, kFlagModifiesState, kP225},
    /* 226 */ {"vfork", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 227 */ {"vfork", kCatProcess, kFlagModifiesState, kP227},
    /* 228 */ {"container", kCatInternal, kFlagModifiesState | kFlagOld, kP228},
    /* 229 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 230 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 231 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, kP231},
    /* 232 */ {"signaldeliver", kCatSignal, kFlagNone, kP232},
    /* 233 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 234 */ {"procinfo", kCatInternal, kFlagNone, kP234},
    /* 235 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 236 */ {"getdents", kCatFile, kFlagUsesFd | kFlagOld, kP236},
    /* 237 */ {"getdents", kCatFile, kFlagUsesFd, kP237},
    /* 238 */ {"getdents64", kCatFile, kFlagUsesFd | kFlagOld, kP238},
    /* 239 */ {"getdents64", kCatFile, kFlagUsesFd, kP239},
    /* 240 */ {"setns", kCatProcess, kFlagUsesFd | kFlagOld, kP240},
    /* 241 */ {"setns", kCatProcess, kFlagUsesFd, kP241},
    /* 242 */ {"flock", kCatFile, kFlagUsesFd | kFlagOld, kP242},
    /* 243 */ {"flock", kCatFile, kFlagUsesFd, kP243},
    /* 244 */ {"cpu_hotplug", kCatSystem, kFlagModifiesState, kP244},
    /* 245 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 246 */ {"accept", kCatNet, kFlagCreatesFd | kFlagModifiesState | kFlagOld, {}},
    /* 247 */ {"accept", kCatNet, kFlagCreatesFd | kFlagModifiesState, kP247},
    /* 248 */ {"accept", kCatNet, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP248},
    /* 249 */ {"accept", kCatNet, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP249},
    /* 250 */ {"semop", kCatProcess, kFlagOld, kP250},
    /* 251 */ {"semop", kCatProcess, kFlagNone, kP251},
    /* 252 */ {"semctl", kCatProcess, kFlagOld, kP252},
    /* 253 */ {"semctl", kCatProcess, kFlagNone, kP253},
    /* 254 */ {"ppoll", kCatWait, kFlagWaits | kFlagOld, kP254},
    /* 255 */ {"ppoll", kCatWait, kFlagWaits, kP255},
    /* 256 */ {"mount", kCatFile, kFlagModifiesState | kFlagOld, kP256},
    /* 257 */ {"mount", kCatFile, kFlagModifiesState, kP257},
    /* 258 */ {"umount", kCatFile, kFlagModifiesState | kFlagOld, kP258},
    /* 259 */ {"umount", kCatFile, kFlagModifiesState | kFlagOld, kP259},
    /* 260 */ {"k8s", kCatInternal, kFlagModifiesState | kFlagOld, kP260},
    /* 261 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 262 */ {"semget", kCatProcess, kFlagOld, kP262},
    /* 263 */ {"semget", kCatProcess, kFlagNone, kP263},
    /* 264 */ {"access", kCatFile, kFlagOld, kP264},
    /* 265 */ {"access", kCatFile, kFlagNone, kP265},
    /* 266 */ {"chroot", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 267 */ {"chroot", kCatProcess, kFlagModifiesState, kP267},
    /* 268 */ {"tracer", kCatOther, kFlagOld, kP268},
    /* 269 */ {"tracer", kCatOther, kFlagOld, kP269},
    /* 270 */ {"mesos", kCatInternal, kFlagModifiesState | kFlagOld, kP270},
    /* 271 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 272 */ {"container", kCatProcess, kFlagModifiesState | kFlagOld, kP272},
    /* 273 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 274 */ {"setsid", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 275 */ {"setsid", kCatProcess, kFlagModifiesState, kP275},
    /* 276 */ {"mkdir", kCatFile, kFlagOld, kP276},
    /* 277 */ {"mkdir", kCatFile, kFlagNone, kP277},
    /* 278 */ {"rmdir", kCatFile, kFlagOld, {}},
    /* 279 */ {"rmdir", kCatFile, kFlagNone, kP279},
    /* 280 */ {"notification", kCatOther, kFlagNone, kP280},
    /* 281 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 282 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 283 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, kP283},
    /* 284 */ {"unshare", kCatProcess, kFlagOld, kP284},
    /* 285 */ {"unshare", kCatProcess, kFlagNone, kP285},
    /* 286 */ {"infra", kCatInternal, kFlagNone, kP286},
    /* 287 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 288 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, kP288},
    /* 289 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, kP289},
    /* 290 */ {"page_fault", kCatOther, kFlagNone, kP290},
    /* 291 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 292 */ {"execve", kCatProcess, kFlagModifiesState | kFlagOld, kP292},
    /* 293 */ {"execve", kCatProcess, kFlagModifiesState, kP293},
    /* 294 */ {"setpgid", kCatProcess, kFlagModifiesState | kFlagOld, kP294},
    /* 295 */ {"setpgid", kCatProcess, kFlagModifiesState, kP295},
    /* 296 */ {"bpf", kCatOther, kFlagCreatesFd | kFlagOld, kP296},
    /* 297 */ {"bpf", kCatOther, kFlagCreatesFd | kFlagOld, kP297},
    /* 298 */ {"seccomp", kCatOther, kFlagOld, kP298},
    /* 299 */ {"seccomp", kCatOther, kFlagNone, kP299},
    /* 300 */ {"unlink", kCatFile, kFlagOld, {}},
    /* 301 */ {"unlink", kCatFile, kFlagNone, kP301},
    /* 302 */ {"unlinkat", kCatFile, kFlagOld, {}},
    /* 303 */ {"unlinkat", kCatFile, kFlagNone, kP303},
    /* 304 */ {"mkdirat", kCatFile, kFlagOld, {}},
    /* 305 */ {"mkdirat", kCatFile, kFlagNone, kP305},
    /* 306 */ {"openat", kCatFile, kFlagCreatesFd | kFlagModifiesState, kP306},
    /* 307 */ {"openat", kCatFile, kFlagCreatesFd | kFlagModifiesState, kP307},
    /* 308 */ {"link", kCatFile, kFlagOld, {}},
    /* 309 */ {"link", kCatFile, kFlagNone, kP309},
    /* 310 */ {"linkat", kCatFile, kFlagOld, {}},
    /* 311 */ {"linkat", kCatFile, kFlagNone, kP311},
    /* 312 */ {"fchmodat", kCatFile, kFlagOld, {}},
    /* 313 */ {"fchmodat", kCatFile, kFlagNone, kP313},
    /* 314 */ {"chmod", kCatFile, kFlagOld, {}},
    /* 315 */ {"chmod", kCatFile, kFlagNone, kP315},
    /* 316 */ {"fchmod", kCatFile, kFlagOld, {}},
    /* 317 */ {"fchmod", kCatFile, kFlagNone, kP317},
    /* 318 */ {"renameat2", kCatFile, kFlagOld, {}},
    /* 319 */ {"renameat2", kCatFile, kFlagNone, kP319},
    /* 320 */ {"userfaultfd", kCatFile, kFlagCreatesFd | kFlagModifiesState | kFlagOld, {}},
    /* 321 */ {"userfaultfd", kCatFile, kFlagCreatesFd | kFlagModifiesState, kP321},
    /* 322 */ {"pluginevent", kCatOther, kFlagLargePayload, kP322},
    /* 323 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 324 */ {"container", kCatProcess, kFlagModifiesState | kFlagLargePayload, kP324},
    /* 325 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 326 */ {"openat2", kCatFile, kFlagCreatesFd | kFlagModifiesState, kP326},
    /* 327 */ {"openat2", kCatFile, kFlagCreatesFd | kFlagModifiesState, kP327},
    /* 328 */ {"mprotect", kCatMemory, kFlagOld, kP328},
    /* 329 */ {"mprotect", kCatMemory, kFlagNone, kP329},
    /* 330 */ {"execveat", kCatProcess, kFlagModifiesState | kFlagOld, kP330},
    /* 331 */ {"execveat", kCatProcess, kFlagModifiesState, kP331},
    /* 332 */ {"copy_file_range", kCatFile, kFlagUsesFd | kFlagOld, kP332},
    /* 333 */ {"copy_file_range", kCatFile, kFlagUsesFd, kP333},
    /* 334 */ {"clone3", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 335 */ {"clone3", kCatProcess, kFlagModifiesState, kP335},
    /* 336 */ {"open_by_handle_at", kCatFile, kFlagCreatesFd | kFlagModifiesState | kFlagOld, {}},
    /* 337 */ {"open_by_handle_at", kCatFile, kFlagCreatesFd | kFlagModifiesState, kP337},
    /* 338 */ {"io_uring_setup", kCatIoOther, kFlagCreatesFd | kFlagModifiesState | kFlagOld, {}},
    /* 339 */ {"io_uring_setup", kCatIoOther, kFlagCreatesFd | kFlagModifiesState, kP339},
    /* 340 */ {"io_uring_enter", kCatIoOther, kFlagOld, {}},
    /* 341 */ {"io_uring_enter", kCatIoOther, kFlagUsesFd, kP341},
    /* 342 */ {"io_uring_register", kCatIoOther, kFlagOld, {}},
    /* 343 */ {"io_uring_register", kCatIoOther, kFlagUsesFd, kP343},
    /* 344 */ {"mlock", kCatMemory, kFlagOld, {}},
    /* 345 */ {"mlock", kCatMemory, kFlagNone, kP345},
    /* 346 */ {"munlock", kCatMemory, kFlagOld, {}},
    /* 347 */ {"munlock", kCatMemory, kFlagNone, kP347},
    /* 348 */ {"mlockall", kCatMemory, kFlagOld, {}},
    /* 349 */ {"mlockall", kCatMemory, kFlagNone, kP349},
    /* 350 */ {"munlockall", kCatMemory, kFlagOld, {}},
    /* 351 */ {"munlockall", kCatMemory, kFlagNone, kP351},
    /* 352 */ {"capset", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 353 */ {"capset", kCatProcess, kFlagModifiesState, kP353},
    /* 354 */ {"useradded", kCatProcess, kFlagModifiesState, kP354},
    /* 355 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 356 */ {"userdeleted", kCatProcess, kFlagModifiesState, kP356},
    /* 357 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 358 */ {"groupadded", kCatProcess, kFlagModifiesState, kP358},
    /* 359 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 360 */ {"groupdeleted", kCatProcess, kFlagModifiesState, kP360},
    /* 361 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 362 */ {"dup2", kCatIoOther, kFlagCreatesFd | kFlagUsesFd | kFlagModifiesState | kFlagOld, kP362},
    /* 363 */ {"dup2", kCatIoOther, kFlagCreatesFd | kFlagUsesFd | kFlagModifiesState, kP363},
    /* 364 */ {"dup3", kCatIoOther, kFlagCreatesFd | kFlagUsesFd | kFlagModifiesState | kFlagOld, kP364},
    /* 365 */ {"dup3", kCatIoOther, kFlagCreatesFd | kFlagUsesFd | kFlagModifiesState, kP365},
    /* 366 */ {"dup", kCatIoOther, kFlagCreatesFd | kFlagUsesFd | kFlagModifiesState | kFlagOld, kP366},
    /* 367 */ {"dup", kCatIoOther, kFlagCreatesFd | kFlagUsesFd | kFlagModifiesState, kP367},
    /* 368 */ {"bpf", kCatOther, kFlagCreatesFd | kFlagOld, kP368},
    /* 369 */ {"bpf", kCatOther, kFlagCreatesFd, kP369},
    /* 370 */ {"mlock2", kCatMemory, kFlagOld, {}},
    /* 371 */ {"mlock2", kCatMemory, kFlagNone, kP371},
    /* 372 */ {"fsconfig", kCatSystem, kFlagOld, {}},
    /* 373 */ {"fsconfig", kCatSystem, kFlagUsesFd, kP373},
    /* 374 */ {"epoll_create", kCatWait, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP374},
    /* 375 */ {"epoll_create", kCatWait, kFlagCreatesFd | kFlagModifiesState, kP375},
    /* 376 */ {"epoll_create1", kCatWait, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP376},
    /* 377 */ {"epoll_create1", kCatWait, kFlagCreatesFd | kFlagModifiesState, kP377},
    /* 378 */ {"chown", kCatFile, kFlagOld, {}},
    /* 379 */ {"chown", kCatFile, kFlagNone, kP379},
    /* 380 */ {"lchown", kCatFile, kFlagOld, {}},
    /* 381 */ {"lchown", kCatFile, kFlagNone, kP381},
    /* 382 */ {"fchown", kCatFile, kFlagOld, {}},
    /* 383 */ {"fchown", kCatFile, kFlagUsesFd, kP383},
    /* 384 */ {"fchownat", kCatFile, kFlagOld, {}},
    /* 385 */ {"fchownat", kCatFile, kFlagUsesFd, kP385},
    /* 386 */ {"umount", kCatFile, kFlagModifiesState | kFlagOld, {}},
    /* 387 */ {"umount", kCatFile, kFlagModifiesState, kP387},
    /* 388 */ {"accept4", kCatNet, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP388},
    /* 389 */ {"accept4", kCatNet, kFlagCreatesFd | kFlagModifiesState, kP389},
    /* 390 */ {"umount2", kCatFile, kFlagModifiesState | kFlagOld, kP390},
    /* 391 */ {"umount2", kCatFile, kFlagModifiesState, kP391},
    /* 392 */ {"pipe2", kCatIpc, kFlagCreatesFd | kFlagModifiesState | kFlagOld, {}},
    /* 393 */ {"pipe2", kCatIpc, kFlagCreatesFd | kFlagModifiesState, kP393},
    /* 394 */ {"inotify_init1", kCatIpc, kFlagCreatesFd | kFlagModifiesState | kFlagOld, {}},
    /* 395 */ {"inotify_init1", kCatIpc, kFlagCreatesFd | kFlagModifiesState, kP395},
    /* 396 */ {"eventfd2", kCatIpc, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP396},
    /* 397 */ {"eventfd2", kCatIpc, kFlagCreatesFd | kFlagModifiesState, kP397},
    /* 398 */ {"signalfd4", kCatSignal, kFlagCreatesFd | kFlagModifiesState | kFlagOld, kP398},
    /* 399 */ {"signalfd4", kCatSignal, kFlagCreatesFd | kFlagModifiesState, kP399},
    /* 400 */ {"prctl", kCatProcess, kFlagModifiesState | kFlagOld, {}},
    /* 401 */ {"prctl", kCatProcess, kFlagModifiesState, kP401},
    /* 402 */ {"asyncevent", kCatOther, kFlagLargePayload, kP402},
    /* 403 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 404 */ {"memfd_create", kCatMemory, kFlagCreatesFd | kFlagModifiesState | kFlagOld, {}},
    /* 405 */ {"memfd_create", kCatMemory, kFlagCreatesFd | kFlagModifiesState, kP405},
    /* 406 */ {"pidfd_getfd", kCatProcess, kFlagCreatesFd | kFlagModifiesState | kFlagOld, {}},
    /* 407 */ {"pidfd_getfd", kCatProcess, kFlagCreatesFd | kFlagModifiesState, kP407},
    /* 408 */ {"pidfd_open", kCatProcess, kFlagCreatesFd | kFlagModifiesState | kFlagOld, {}},
    /* 409 */ {"pidfd_open", kCatProcess, kFlagCreatesFd | kFlagModifiesState, kP409},
    /* 410 */ {"init_module", kCatOther, kFlagOld, {}},
    /* 411 */ {"init_module", kCatOther, kFlagNone, kP411},
    /* 412 */ {"finit_module", kCatOther, kFlagOld, {}},
    /* 413 */ {"finit_module", kCatOther, kFlagUsesFd, kP413},
    /* 414 */ {"mknod", kCatOther, kFlagOld, {}},
    /* 415 */ {"mknod", kCatOther, kFlagNone, kP415},
    /* 416 */ {"mknodat", kCatOther, kFlagOld, {}},
    /* 417 */ {"mknodat", kCatOther, kFlagUsesFd, kP417},
    /* 418 */ {"newfstatat", kCatFile, kFlagOld, {}},
    /* 419 */ {"newfstatat", kCatFile, kFlagUsesFd, kP419},
    /* 420 */ {"process_vm_readv", kCatIpc, kFlagOld, {}},
    /* 421 */ {"process_vm_readv", kCatIpc, kFlagNone, kP421},
    /* 422 */ {"process_vm_writev", kCatIpc, kFlagOld, {}},
    /* 423 */ {"process_vm_writev", kCatIpc, kFlagNone, kP423},
    /* 424 */ {"delete_module", kCatOther, kFlagOld, {}},
    /* 425 */ {"delete_module", kCatOther, kFlagNone, kP425},
    /* 426 */ {"setreuid", kCatUser, kFlagModifiesState | kFlagOld, {}},
    /* 427 */ {"setreuid", kCatUser, kFlagModifiesState, kP427},
    /* 428 */ {"setregid", kCatUser, kFlagOld, {}},
    /* 429 */ {"setregid", kCatUser, kFlagModifiesState, kP429},
    /* 430 */ {"task", kCatProcess, kFlagModifiesState, kP430},
    /* 431 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 432 */ {"task_file_pipe", kCatFile, kFlagModifiesState, kP432},
    /* 433 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 434 */ {"task_file_memfd", kCatFile, kFlagModifiesState, kP434},
    /* 435 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 436 */ {"task_file_regular", kCatFile, kFlagModifiesState, kP436},
    /* 437 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 438 */ {"task_file_directory", kCatFile, kFlagModifiesState, kP438},
    /* 439 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 440 */ {"task_file_socket_inet", kCatFile, kFlagModifiesState, kP440},
    /* 441 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 442 */ {"task_file_socket_inet6", kCatFile, kFlagModifiesState, kP442},
    /* 443 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 444 */ {"task_file_socket_unix", kCatFile, kFlagModifiesState, kP444},
    /* 445 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 446 */ {"task_file_socket_netlink", kCatFile, kFlagModifiesState, kP446},
    /* 447 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 448 */ {"task_file_anon_inode", kCatFile, kFlagModifiesState, kP448},
    /* 449 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 450 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 451 */ {"close_range", kCatIoOther, kFlagModifiesState, kP451},
    /* 452 */ {"", kCatUnknown, kFlagUnused, {}},
    /* 453 */ {"keyctl", kCatOther, kFlagNone, kP453},
};

constexpr EventType kTableSize = static_cast<EventType>(sizeof kEvents / sizeof kEvents[0]);

// Event types whose meaning sinsp consumes itself (container metadata JSON):
// they have no thread, so sysdig never prints them, not even with -D.
constexpr EventType kContainerJsonE = 272;
constexpr EventType kContainerJson2E = 324;

}  // namespace

EventType event_table_size() { return kTableSize; }

namespace detail {
extern const std::span<const EventInfo> event_table = kEvents;
}


bool is_never_shown(EventType type) { return type == kContainerJsonE || type == kContainerJson2E; }

}  // namespace tracetop::event
