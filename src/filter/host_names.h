// The host names filters compare IP addresses with (fd.sip.name=example.com,
// fd.cip.name, fd.lip.name, fd.rip.name), as sysdig 0.29.3 does them: a name
// is resolved once, when the filter that holds it is compiled, and an
// address then shows as that name in -p and views (before any filter named
// it, an address has no name: <NA>, as in sysdig). One table for the
// process, read from every thread that evaluates fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "filter/field_value.h"

namespace tracetop::filter {

// The addresses `name` resolves to (IPv4 and IPv6; none when it does not
// resolve), remembered so that host_name_of finds the name again.
std::vector<IpValue> resolve_host_name(const std::string& name);

// A name resolve_host_name gave this address (the first one asked), or none.
// The view stays valid for the life of the process.
std::optional<std::string_view> host_name_of(const IpValue& ip);

bool same_ip(const IpValue& a, const IpValue& b);

}  // namespace tracetop::filter
