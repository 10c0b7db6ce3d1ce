// sysdig's fd.name strings for sockets, and its rendering of the SOCKADDR and
// SOCKTUPLE parameters from which those names are taken (scap-format.md §9.3):
//   IPv4   1.2.3.4:80->5.6.7.8:1234     servers  1.2.3.4:80
//   IPv6   2001:db8::4:54405->2001:db8::3:1234 (compressed, no brackets)
//   unix   <src hex>-><dst hex> <path>  (lower-case hex, no 0x)
// Everything appends to a caller's buffer so the hot path allocates nothing.
#pragma once

#include <cstdint>
#include <span>

#include "event/arg_format.h"
#include "state/fd_table.h"

namespace tracetop::state {

using event::OutBuffer;

// Address family codes inside SOCKADDR/SOCKTUPLE parameters (PPM_AF_*).
constexpr uint8_t kFamilyUnix = 1;
constexpr uint8_t kFamilyInet = 2;
constexpr uint8_t kFamilyInet6 = 10;
constexpr uint8_t kFamilyNetlink = 16;

// sinsp treats an IPv6 address as IPv4 when it is IPv4-mapped (::ffff:a.b.c.d)
// or all zero.
bool is_ipv4_mapped(const uint8_t* ip16);

void append_ipv4(const uint8_t* ip4, OutBuffer& out);
void append_ipv6(const uint8_t* ip16, OutBuffer& out);
void append_ipv4_endpoint(const uint8_t* ip4, uint16_t port, OutBuffer& out);
void append_ipv6_endpoint(const uint8_t* ip16, uint16_t port, OutBuffer& out);

// The two ends of a connection: addresses of 4 bytes, or 16 when `v6`.
struct ConnectionEnds {
    const uint8_t* sip;
    uint16_t sport;
    const uint8_t* dip;
    uint16_t dport;
    bool v6;
};
// IPv6 ends that both map IPv4 addresses, as IPv4 ends (sysdig names such
// tuples and sockets as IPv4).
ConnectionEnds unmapped(ConnectionEnds ends);
// "sip:sport->dip:dport", or "sip->dip" without `ports` (ICMP, raw sockets).
void append_connection(const ConnectionEnds& ends, bool ports, OutBuffer& out);

// fd.name of an IP connection or server from its current addresses
// (sysdig's rendering of the socket state after connect/recvfrom/...).
void append_socket_name(const FdEntry& entry, OutBuffer& out);

// sysdig's rendering of a SOCKTUPLE / SOCKADDR parameter ("NULL" when empty).
void append_tuple_param(std::span<const uint8_t> raw, OutBuffer& out);
void append_sockaddr_param(std::span<const uint8_t> raw, OutBuffer& out);

// A SOCKTUPLE parameter, decoded in place.
struct TupleView {
    uint8_t family = 0;
    const uint8_t* sip = nullptr;  // 4 or 16 bytes
    const uint8_t* dip = nullptr;
    uint16_t sport = 0;
    uint16_t dport = 0;
    uint64_t unix_source = 0;
    uint64_t unix_dest = 0;
    std::span<const uint8_t> unix_path;  // up to (not including) the NUL
};

// False when the parameter is empty or too short for its family.
bool parse_tuple(std::span<const uint8_t> raw, TupleView& out);

}  // namespace tracetop::state
