// syslog.* fields: the priority and message of a write to /dev/log, decoded
// as sysdig 0.29.3's syslog decoder does, on the write's exit only.
#include <array>
#include <optional>
#include <string_view>

#include "filter/fd_type_of.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"
#include "state/event_codes.h"

namespace tracetop::filter {
namespace {

namespace codes = state::codes;

constexpr std::array<std::string_view, 8> kSeverities = {"emerg", "alert", "crit", "err",
                                                         "warn",  "notice", "info", "debug"};
constexpr std::array<std::string_view, 24> kFacilities = {
    "kern",   "user",   "mail",   "daemon", "auth",   "syslog", "lpr",    "news",
    "uucp",   "clock",  "authpriv", "ftp",  "ntp",    "logaudit", "logalert", "cron",
    "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"};

struct SyslogRecord {
    uint32_t facility = 0;
    uint32_t severity = 0;
    std::string_view message;
};

// The write calls sysdig hands to its decoders (their exit's parameter 1 is
// the data written, as captured).
bool is_decoded_write(event::EventType type) {
    switch (type) {
        case codes::kWriteX:
        case codes::kSendX:
        case codes::kSendtoX:
        case codes::kSendmsgX:
        case codes::kWritevX:
        case codes::kPwriteX:
        case codes::kPwritevX: return true;
        default: return false;
    }
}

// "<PRI>message": the first byte is skipped unread, PRI is up to 15 bytes
// that stop at '>' or NUL, all decimal digits (no sign); the message starts
// two bytes past PRI. sysdig keeps PRI in a signed 32-bit number and takes
// -1 as "no record", so a PRI that wraps to -1 gives none either.
std::optional<SyslogRecord> decode(std::span<const uint8_t> data) {
    size_t digits = 0;
    while (1 + digits < data.size() && data[1 + digits] != '>' && data[1 + digits] != '\0' && digits < 15) ++digits;
    if (digits == 0 || data.size() < digits + 2) return std::nullopt;
    uint32_t pri = 0;
    for (size_t i = 0; i < digits; ++i) {
        const uint8_t ch = data[1 + i];
        if (ch < '0' || ch > '9') return std::nullopt;
        pri = pri * 10 + (ch - '0');  // wraps as sysdig's int32 does
    }
    const auto priority = static_cast<int32_t>(pri);
    if (priority == -1) return std::nullopt;
    SyslogRecord r;
    r.severity = static_cast<uint32_t>(priority & 7);
    r.facility = static_cast<uint32_t>(priority >> 3);
    r.message = {reinterpret_cast<const char*>(data.data()) + digits + 2, data.size() - digits - 2};
    return r;
}

// The record of a successful write to an fd named .../dev/log, this event only.
std::optional<SyslogRecord> record_of(const FieldContext& c) {
    if (!is_decoded_write(c.ev.type) || c.ev.nparams() < 2) return std::nullopt;
    if (event::param_as_int(c.ev.param(0), event::ParamType::Errno, -1) < 0) return std::nullopt;
    if (!related_fd_entry(c)) return std::nullopt;
    std::string_view name;
    if (!c.state.fd_name(name) || name.find("/dev/log") == std::string_view::npos) return std::nullopt;
    return decode(c.ev.param(1));
}

void x_facility(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (auto r = record_of(c)) out.push(FieldValue::of_uint(r->facility));
}

void x_facility_str(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (auto r = record_of(c)) out.push(FieldValue::of_string(r->facility < kFacilities.size() ? kFacilities[r->facility] : "<NA>"));
}

void x_severity(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (auto r = record_of(c)) out.push(FieldValue::of_uint(r->severity));
}

void x_severity_str(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (auto r = record_of(c)) out.push(FieldValue::of_string(kSeverities[r->severity]));
}

void x_message(const FieldContext& c, const BoundArg&, FieldValues& out) {
    if (auto r = record_of(c)) out.push(FieldValue::of_string(r->message));
}

// Context: the fd's name (frozen with its entry) and the event's own bytes.
constexpr FieldDef kSyslogFields[] = {
    {"syslog.facility.str", FieldType::String, ArgKind::None, "facility of a write to /dev/log, as a name (daemon, local0...)",
     x_facility_str, FieldDep::Event},
    {"syslog.facility", FieldType::Uint64, ArgKind::None, "facility of a write to /dev/log, as a number (0-23)",
     x_facility, FieldDep::Event},
    {"syslog.severity.str", FieldType::String, ArgKind::None,
     "severity of a write to /dev/log: emerg, alert, crit, err, warn, notice, info, debug", x_severity_str,
     FieldDep::Event},
    {"syslog.severity", FieldType::Uint64, ArgKind::None, "severity of a write to /dev/log, as a number (0-7)",
     x_severity, FieldDep::Event},
    {"syslog.message", FieldType::String, ArgKind::None, "the message of a write to /dev/log, after its <PRI>",
     x_message, FieldDep::Event},
};

}  // namespace

std::span<const FieldDef> syslog_fields() { return kSyslogFields; }

}  // namespace tracetop::filter
