// Values of sysdig fields as the filter and the -p formatter see them.
// A field yields up to kMaxFieldValues values (fd.ip is both ends of a
// connection); string values point into the event, the model, or the
// evaluator's scratch buffer — never into a per-event allocation.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>

namespace tracetop::filter {

// The declared type of a field: decides how filter constants are parsed and
// how values compare and print.
enum class FieldType : uint8_t {
    Int64,
    Uint64,
    Double,
    String,
    Bool,
    IpAddr,   // compares against an address; constants may be IPv4 or IPv6
    IpNet,    // compares against a CIDR network (fd.net)
    Port,     // Uint64 whose constants may also be service names (http, ssh)
    RelTime,  // Uint64 nanoseconds
    RelTimePadded,  // RelTime that prints zero-padded to 9 digits (sysdig's evt.reltime: 0 is "000000000")
    AbsTime,  // Uint64 nanoseconds since the epoch
    Hex,      // Uint64 that prints in upper-case hexadecimal (sysdig's fd.dev)
    HostName,  // an Ip value with its host name in s ("" when none): compares with names (host_names.h)
    CharBuf,  // String that is rendered as-is (buffers)
    Dynamic,  // the value's own kind decides (evt.rawarg): numbers compare as numbers
};

struct IpValue {
    std::array<uint8_t, 16> bytes{};
    bool v6 = false;
};

struct FieldValue {
    enum class Kind : uint8_t { Int, Uint, Double, String, Bool, Ip } kind = Kind::Uint;
    int64_t i = 0;
    uint64_t u = 0;
    double d = 0;
    std::string_view s;
    IpValue ip;

    static FieldValue of_int(int64_t v) { FieldValue f; f.kind = Kind::Int; f.i = v; return f; }
    static FieldValue of_uint(uint64_t v) { FieldValue f; f.kind = Kind::Uint; f.u = v; return f; }
    static FieldValue of_double(double v) { FieldValue f; f.kind = Kind::Double; f.d = v; return f; }
    static FieldValue of_string(std::string_view v) { FieldValue f; f.kind = Kind::String; f.s = v; return f; }
    static FieldValue of_bool(bool v) { FieldValue f; f.kind = Kind::Bool; f.u = v ? 1 : 0; return f; }
    static FieldValue of_ip(const IpValue& v) { FieldValue f; f.kind = Kind::Ip; f.ip = v; return f; }
};

constexpr size_t kMaxFieldValues = 4;

class FieldValues {
public:
    FieldValues() {}  // slots past size() stay unwritten: one is made per check, per event
    void clear() { n_ = 0; }
    // Member by member: the value an extractor makes inline is then written
    // straight into its slot. A whole-object copy goes through a temporary
    // on the stack, and reading it back in 16-byte pieces over the 8-byte
    // stores that filled it stalls the CPU (store forwarding) on every push.
    void push(const FieldValue& v) {
        if (n_ >= kMaxFieldValues) return;
        FieldValue* d = std::construct_at(&slots_[n_++].value);
        d->kind = v.kind;
        d->i = v.i;
        d->u = v.u;
        d->d = v.d;
        d->s = v.s;
        d->ip = v.ip;
    }
    size_t size() const { return n_; }
    bool empty() const { return n_ == 0; }
    const FieldValue& operator[](size_t i) const { return slots_[i].value; }
    const FieldValue* begin() const { return &slots_[0].value; }
    const FieldValue* end() const { return &slots_[0].value + n_; }

private:
    // A slot is exactly a FieldValue (so begin()..end() walks them), left
    // uninitialized until push() writes it.
    union Slot {
        Slot() {}
        FieldValue value;
    };
    static_assert(sizeof(Slot) == sizeof(FieldValue));
    std::array<Slot, kMaxFieldValues> slots_;
    size_t n_ = 0;
};

}  // namespace tracetop::filter
