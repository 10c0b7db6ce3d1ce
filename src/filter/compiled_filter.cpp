#include "filter/compiled_filter.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <charconv>
#include <cstring>
#include <netdb.h>

#include <fmt/format.h>

#include "filter/field_context.h"
#include "filter/filter_parser.h"
#include "filter/result_param.h"
#include "filter/host_names.h"
#include "filter/thread_fields.h"
#include "filter/text_match.h"

namespace tracetop::filter {
namespace {

__extension__ typedef __int128 Wide;  // compares signed and unsigned 64-bit values alike

bool is_numeric(FieldType t) {
    switch (t) {
        case FieldType::Int64: case FieldType::Uint64: case FieldType::Double: case FieldType::Port:
        case FieldType::RelTime: case FieldType::RelTimePadded: case FieldType::AbsTime: case FieldType::Hex:
            return true;
        default:
            return false;
    }
}

bool is_stringy(FieldType t) {
    return t == FieldType::String || t == FieldType::CharBuf || t == FieldType::Dynamic;
}

std::optional<IpValue> parse_ip(std::string_view text) {
    char buf[64];
    if (text.size() >= sizeof buf) return std::nullopt;
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
    IpValue ip;
    if (inet_pton(AF_INET, buf, ip.bytes.data()) == 1) return ip;
    if (inet_pton(AF_INET6, buf, ip.bytes.data()) == 1) {
        ip.v6 = true;
        return ip;
    }
    return std::nullopt;
}

Result<Constant> parse_constant(const CompiledNode& node, const std::string& text) {
    Constant c;
    c.text = text;
    const FieldType type = node.field.def->type;
    const std::string_view field = node.field.def->name;
    if (type == FieldType::Dynamic) {
        // Keep the text; also read it as a number when it is one.
        int64_t v = 0;
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        c.numeric = ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
        c.i = v;
        c.u = static_cast<uint64_t>(v);
        return c;
    }
    if (type == FieldType::HostName) {
        c.addrs = resolve_host_name(text);
        return c;
    }
    if (node.op == CompareOp::Regex || !(is_numeric(type) || type == FieldType::Bool || type == FieldType::IpAddr ||
                                         type == FieldType::IpNet)) {
        return c;
    }
    if (type == FieldType::Bool) {
        if (text == "true") { c.u = 1; return c; }
        if (text == "false") { c.u = 0; return c; }
        return Error(fmt::format("'{}' is not a boolean (true or false) for {}", text, field));
    }
    if (type == FieldType::IpAddr || type == FieldType::IpNet) {
        const size_t slash = text.find('/');
        auto ip = parse_ip(std::string_view(text).substr(0, slash));
        if (!ip) return Error(fmt::format("'{}' is not an IP address for {}", text, field));
        c.ip = *ip;
        const uint32_t max_bits = ip->v6 ? 128 : 32;
        c.prefix_bits = max_bits;
        if (slash != std::string::npos) {
            uint32_t bits = 0;
            const char* first = text.data() + slash + 1;
            const char* last = text.data() + text.size();
            auto [ptr, ec] = std::from_chars(first, last, bits);
            if (ec != std::errc() || ptr != last || first == last || bits > max_bits) {
                return Error(fmt::format("'{}' is not a valid network: the prefix length must be 0 to {}", text,
                                         max_bits));
            }
            c.prefix_bits = bits;
        } else if (type == FieldType::IpNet) {
            return Error(fmt::format("'{}' is not a network for {}: write it as ADDRESS/BITS, e.g. 10.0.0.0/8", text,
                                     field));
        }
        return c;
    }
    if (type == FieldType::Double) {
        try {
            size_t used = 0;
            c.d = std::stod(text, &used);
            if (used == text.size()) return c;
        } catch (...) {
        }
        return Error(fmt::format("'{}' is not a number for {}", text, field));
    }
    const char* first = text.data();
    const char* last = text.data() + text.size();
    int64_t value = 0;
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec == std::errc() && ptr == last && first != last) {
        c.i = value;
        c.u = static_cast<uint64_t>(value);
        return c;
    }
    uint64_t uvalue = 0;
    auto [uptr, uec] = std::from_chars(first, last, uvalue);
    if (uec == std::errc() && uptr == last && first != last) {
        c.i = static_cast<int64_t>(uvalue);
        c.u = uvalue;
        return c;
    }
    if (type == FieldType::Port) {
        // sysdig accepts service names for ports (fd.port=http).
        if (const servent* s = getservbyname(text.c_str(), "tcp")) {
            c.u = ntohs(static_cast<uint16_t>(s->s_port));
            c.i = static_cast<int64_t>(c.u);
            return c;
        }
        return Error(fmt::format("'{}' is neither a port number nor a known service for {}", text, field));
    }
    return Error(fmt::format("'{}' is not a number for {}", text, field));
}

constexpr size_t kMaxRegexLength = 256;
bool values_match(const CompiledNode& n, const FieldValues& values);

// Fields read from the call's result (result_param.h): fixed for every type
// that carries none, whatever the event.
bool depends_on_result(std::string_view field) {
    return field == "evt.failed" || field == "evt.res" || field == "evt.rawres";
}

// Checks on fields that depend on the event type only are decided once per
// type code instead of once per event. evt.type shows a fixed name for every
// type but the generic system calls, which get a table by system-call code.
void decide_type_verdicts(CompiledNode& out) {
    const size_t n_types = event::event_table_size();
    const bool by_result = depends_on_result(out.field.def->name);
    // evt.type has a table of its own below (generic events show their call).
    const bool by_type = reads_only_type(*out.field.def) && out.field.def->name != "evt.type";
    if (by_type || by_result) {
        static const state::Model no_state;
        const state::EventContext no_context;
        out.type_verdicts.assign(n_types + 1, kTypeDynamic);
        for (size_t t = 0; t <= n_types; ++t) {
            if (by_result && result_param(static_cast<event::EventType>(t)) != nullptr) continue;
            event::EventView ev;
            ev.type = static_cast<event::EventType>(t);
            const FieldContext ctx{ev, no_context, no_state, nullptr, nullptr, 0};
            FieldValues values;
            out.field.def->extract(ctx, out.field.arg, values);
            out.type_verdicts[t] = values_match(out, values) ? 1 : 0;
        }
        return;
    }
    if (out.field.def->name != "evt.type") return;
    out.type_verdicts.assign(n_types + 1, kTypeDynamic);
    for (size_t t = 0; t <= n_types; ++t) {
        const auto type = static_cast<event::EventType>(t);
        if (event::has_dynamic_type_name(type)) continue;
        event::EventView ev;
        ev.type = type;
        FieldValues name;
        name.push(FieldValue::of_string(event::display_type_name(ev)));
        out.type_verdicts[t] = values_match(out, name) ? 1 : 0;
    }
    // Generic events show the name of their system call (or "<unknown>");
    // code 0's name comes from the native number (decided per event).
    const size_t n_syscalls = std::min<size_t>(event::syscall_name_count(), 0xFFFF);
    out.syscall_verdicts.assign(n_syscalls + 1, kTypeDynamic);
    for (size_t code = 1; code <= n_syscalls; ++code) {
        const std::string_view sc = code < n_syscalls ? event::syscall_name(static_cast<uint16_t>(code)) : "";
        FieldValues name;
        name.push(FieldValue::of_string(sc.empty() ? std::string_view("<unknown>") : sc));
        out.syscall_verdicts[code] = values_match(out, name) ? 1 : 0;
    }
}

// And/Or/Not: decided for a type when their children are (an And with one
// false child is false, ...). Children decided by type alone go first, so
// that the rest is evaluated only when they do not settle it; the order of
// the checks does not change the result, as none has side effects.
void combine_type_verdicts(CompiledNode& out) {
    const auto decided = [](const CompiledNode& c) { return !c.type_verdicts.empty(); };
    if (std::none_of(out.children.begin(), out.children.end(), decided)) return;
    std::stable_partition(out.children.begin(), out.children.end(), decided);
    const size_t n = event::event_table_size() + 1;
    out.type_verdicts.assign(n, kTypeDynamic);
    for (size_t t = 0; t < n; ++t) {
        bool any_true = false, any_false = false, any_dynamic = false;
        for (const CompiledNode& c : out.children) {
            const int8_t v = c.type_verdicts.empty() ? kTypeDynamic : c.type_verdicts[t];
            any_true |= v == 1;
            any_false |= v == 0;
            any_dynamic |= v == kTypeDynamic;
        }
        switch (out.kind) {
            case Node::Kind::And: out.type_verdicts[t] = any_false ? 0 : any_dynamic ? kTypeDynamic : 1; break;
            case Node::Kind::Or: out.type_verdicts[t] = any_true ? 1 : any_dynamic ? kTypeDynamic : 0; break;
            case Node::Kind::Not: out.type_verdicts[t] = any_dynamic ? kTypeDynamic : any_true ? 0 : 1; break;
            case Node::Kind::Check: break;
        }
    }
}

// A node's verdict for a generic system-call event (`dir`: 0 enter, 1 exit)
// carrying system-call `code`, from the tables above: what eval() would
// decide without extracting a field, or kTypeDynamic.
// The verdict for generic events (direction `dir`) of one system call, whose
// checks on evt.type `leaf` decides.
template <class Leaf>
int8_t generic_verdict(const CompiledNode& n, size_t dir, const Leaf& leaf) {
    if (!n.type_verdicts.empty() && n.type_verdicts[dir] != kTypeDynamic) return n.type_verdicts[dir];
    switch (n.kind) {
        case Node::Kind::Check:
            if (n.syscall_verdicts.empty()) return kTypeDynamic;
            return leaf(n);
        case Node::Kind::And:
        case Node::Kind::Or: {
            const int8_t settles = n.kind == Node::Kind::And ? 0 : 1;
            bool dynamic = false;
            for (const CompiledNode& c : n.children) {
                const int8_t v = generic_verdict(c, dir, leaf);
                if (v == settles) return settles;
                dynamic |= v == kTypeDynamic;
            }
            return dynamic ? kTypeDynamic : static_cast<int8_t>(1 - settles);
        }
        case Node::Kind::Not: {
            const int8_t v = generic_verdict(n.children.front(), dir, leaf);
            return v == kTypeDynamic ? kTypeDynamic : static_cast<int8_t>(1 - v);
        }
    }
    return kTypeDynamic;
}

bool has_syscall_verdicts(const CompiledNode& n) {
    if (!n.syscall_verdicts.empty()) return true;
    return std::any_of(n.children.begin(), n.children.end(), has_syscall_verdicts);
}

Result<CompiledNode> compile_node(const Node& node) {
    CompiledNode out;
    out.kind = node.kind;
    if (node.kind != Node::Kind::Check) {
        for (const auto& child : node.children) {
            auto compiled = compile_node(*child);
            if (!compiled) return compiled.error();
            out.children.push_back(std::move(*compiled));
        }
        combine_type_verdicts(out);
        return out;
    }
    const Check& check = node.check;
    std::optional<std::string> bracket;
    if (check.has_arg) bracket = check.field_arg;
    auto field = resolve_field(check.field, bracket);
    if (!field) return Error::at(field.error().message, check.pos);
    out.field = std::move(*field);
    out.op = check.op;
    const FieldType type = out.field.def->type;

    if (type == FieldType::HostName && check.op != CompareOp::Eq && check.op != CompareOp::Ne &&
        check.op != CompareOp::In && check.op != CompareOp::Exists) {
        return Error::at(fmt::format("{} compares only with =, != and in (host names)", out.field.def->name),
                         check.pos);
    }
    const bool around = out.field.def->name == "evt.around";
    if (around && check.op != CompareOp::Eq) {
        return Error::at("evt.around compares only with = (evt.around[T]=D: within D milliseconds of T)", check.pos);
    }
    const bool string_op = check.op == CompareOp::Contains || check.op == CompareOp::IContains ||
                           check.op == CompareOp::StartsWith || check.op == CompareOp::EndsWith ||
                           check.op == CompareOp::Glob || check.op == CompareOp::PMatch;
    if (string_op && !is_stringy(type)) {
        return Error::at(fmt::format("'{}' compares text, but {} is not a text field", op_name(check.op),
                                     out.field.def->name),
                         check.pos);
    }
    const bool order_op = check.op == CompareOp::Lt || check.op == CompareOp::Le || check.op == CompareOp::Gt ||
                          check.op == CompareOp::Ge;
    if (order_op && (type == FieldType::Bool || type == FieldType::IpAddr || type == FieldType::IpNet)) {
        return Error::at(fmt::format("'{}' does not apply to {}", op_name(check.op), out.field.def->name), check.pos);
    }
    for (const std::string& text : check.values) {
        auto c = parse_constant(out, text);
        if (!c) return Error::at(c.error().message, check.value_pos);
        out.constants.push_back(std::move(*c));
    }
    if (around) {
        // The distance to T against D in nanoseconds: at most, not equal.
        out.op = CompareOp::Le;
        Constant& d = out.constants.at(0);
        if (d.i < 0 || d.u > UINT64_MAX / 1000000) {
            return Error::at(fmt::format("'{}' is not a delay in milliseconds for evt.around", d.text), check.value_pos);
        }
        d.u *= 1000000;
        d.i = static_cast<int64_t>(d.u);
    }
    if (check.op == CompareOp::Regex) {
        // A bound on size keeps compiling a hostile pattern cheap; PCRE2
        // bounds matching (pcre_regex.h) and decides what is a valid pattern.
        const std::string& pattern = check.values.at(0);
        if (pattern.size() > kMaxRegexLength) {
            return Error::at(fmt::format("regular expression too long (at most {} characters)", kMaxRegexLength),
                             check.value_pos);
        }
        auto compiled = PcreRegex::compile(pattern);
        if (!compiled) {
            return Error::at(fmt::format("bad regular expression '{}': {}", pattern, compiled.error().message),
                             check.value_pos);
        }
        out.regex = std::move(*compiled);
    }
    if (check.op == CompareOp::Eq || check.op == CompareOp::In) {
        if (type == FieldType::Bool) out.fast_eq = CompiledNode::kEqBool;
        if (type == FieldType::String || type == FieldType::CharBuf) out.fast_eq = CompiledNode::kEqText;
    }
    const bool compare_op = check.op == CompareOp::Eq || check.op == CompareOp::In || check.op == CompareOp::Ne ||
                            order_op;
    if (compare_op && is_numeric(type) && type != FieldType::Double) out.fast_eq = CompiledNode::kOrdInt;
    decide_type_verdicts(out);
    return out;
}

Wide as_wide(const FieldValue& v) {
    switch (v.kind) {
        case FieldValue::Kind::Int: return v.i;
        case FieldValue::Kind::Double: return static_cast<Wide>(v.d);
        default: return v.u;
    }
}

template <class T>
bool ordered(CompareOp op, const T& a, const T& b) {
    switch (op) {
        case CompareOp::Eq:
        case CompareOp::In: return a == b;
        case CompareOp::Ne: return a != b;
        case CompareOp::Lt: return a < b;
        case CompareOp::Le: return a <= b;
        case CompareOp::Gt: return a > b;
        case CompareOp::Ge: return a >= b;
        default: return false;
    }
}

bool ip_in(const IpValue& v, const Constant& c) {
    if (v.v6 != c.ip.v6) return false;
    const uint32_t bits = c.prefix_bits;
    const uint32_t full = bits / 8;
    if (std::memcmp(v.bytes.data(), c.ip.bytes.data(), full) != 0) return false;
    if (bits % 8 == 0) return true;
    const uint8_t mask = static_cast<uint8_t>(0xFF << (8 - bits % 8));
    return (v.bytes[full] & mask) == (c.ip.bytes[full] & mask);
}

// Compares one value with one constant under `op` (the node's operator, or
// Eq when the caller negates it).
bool compare_constant(const CompiledNode& n, CompareOp op, const FieldValue& v, const Constant& c) {
    const FieldType type = n.field.def->type;
    if (type == FieldType::IpAddr || type == FieldType::IpNet) {
        if (v.kind != FieldValue::Kind::Ip) return false;
        return ip_in(v.ip, c);  // Ne is handled by the caller as "no value equals"
    }
    if (type == FieldType::HostName) {
        if (v.kind != FieldValue::Kind::Ip) return false;
        for (const IpValue& a : c.addrs) {
            if (same_ip(a, v.ip)) return true;
        }
        return false;
    }
    if (type == FieldType::Dynamic && v.kind != FieldValue::Kind::String) {
        return c.numeric && ordered(op, as_wide(v), static_cast<Wide>(c.i));
    }
    if (type == FieldType::Bool) return ordered(op, v.u, c.u);
    if (type == FieldType::Double) return ordered(op, v.d, c.d);
    if (is_numeric(type)) return ordered(op, as_wide(v), static_cast<Wide>(c.i));
    // Text.
    const std::string_view s = v.s;
    const std::string_view k = c.text;
    switch (op) {
        case CompareOp::Contains: return s.find(k) != std::string_view::npos;
        case CompareOp::IContains: return icontains(s, k);
        case CompareOp::StartsWith: return s.substr(0, k.size()) == k;
        case CompareOp::EndsWith: return s.size() >= k.size() && s.substr(s.size() - k.size()) == k;
        case CompareOp::Glob: return glob_match(k, s);
        case CompareOp::PMatch: return path_prefix_match(k, s);
        default: return ordered(op, s, k);
    }
}

// Any value equals any constant (Eq, In and, negated, Ne).
bool any_equal(const CompiledNode& n, const FieldValues& values) {
    for (const FieldValue& v : values) {
        for (const Constant& c : n.constants) {
            if (compare_constant(n, CompareOp::Eq, v, c)) return true;
        }
    }
    return false;
}

bool values_match(const CompiledNode& n, const FieldValues& values) {
    if (n.op == CompareOp::Exists) return !values.empty();
    // sysdig: fd.ip != X holds when neither end is X (not when one end
    // differs); a field without a value matches no comparison at all.
    if (n.op == CompareOp::Ne) {
        if (values.empty()) return false;
        return !any_equal(n, values);
    }
    for (const FieldValue& v : values) {
        if (n.op == CompareOp::Regex) {
            if (v.kind == FieldValue::Kind::String && n.regex->search(v.s)) return true;
            continue;
        }
        for (const Constant& c : n.constants) {
            if (compare_constant(n, n.op, v, c)) return true;
        }
    }
    return false;
}

// A check's verdict on its field's values.
bool check_values_match(const CompiledNode& n, const FieldValues& values) {
    if (n.fast_eq == CompiledNode::kOrdInt) {
        // What values_match and compare_constant decide for the integer types.
        if (n.op == CompareOp::Ne) {
            if (values.empty()) return false;
            for (const FieldValue& v : values) {
                for (const Constant& c : n.constants) {
                    if (as_wide(v) == static_cast<Wide>(c.i)) return false;
                }
            }
            return true;
        }
        for (const FieldValue& v : values) {
            const Wide w = as_wide(v);
            for (const Constant& c : n.constants) {
                if (ordered(n.op, w, static_cast<Wide>(c.i))) return true;
            }
        }
        return false;
    }
    if (n.fast_eq != CompiledNode::kEqNone) {
        // What values_match and compare_constant decide for = and `in` on these types.
        const bool text = n.fast_eq == CompiledNode::kEqText;
        for (const FieldValue& v : values) {
            for (const Constant& c : n.constants) {
                if (text ? std::string_view(v.s) == std::string_view(c.text) : v.u == c.u) return true;
            }
        }
        return false;
    }
    return values_match(n, values);
}

bool check_matches(const CompiledNode& n, const FieldContext& ctx) {
    if (!n.syscall_verdicts.empty()) {
        // Reached only for generic system calls (eval() answered the others):
        // their name is the one of the code in parameter 0, but for code 0
        // (decided by the native number, below).
        const auto code = static_cast<uint16_t>(event::param_as_uint(ctx.ev.param(0), event::ParamType::Uint16));
        const int8_t v = n.syscall_verdicts[std::min<size_t>(code, n.syscall_verdicts.size() - 1)];
        if (v != kTypeDynamic) return v != 0;
    }
    FieldValues values;
    n.field.def->extract(ctx, n.field.arg, values);
    return check_values_match(n, values);
}

bool eval(const CompiledNode& n, const FieldContext& ctx) {
    if (!n.type_verdicts.empty()) {
        const int8_t v = n.type_verdicts[std::min<size_t>(ctx.ev.type, n.type_verdicts.size() - 1)];
        if (v != kTypeDynamic) return v != 0;
    }
    switch (n.kind) {
        case Node::Kind::And:
            for (const auto& c : n.children) {
                if (!eval(c, ctx)) return false;
            }
            return true;
        case Node::Kind::Or:
            for (const auto& c : n.children) {
                if (eval(c, ctx)) return true;
            }
            return false;
        case Node::Kind::Not: return !eval(n.children.front(), ctx);
        case Node::Kind::Check: return check_matches(n, ctx);
    }
    return false;
}

}  // namespace

Result<CompiledFilter> CompiledFilter::compile(std::string_view text) {
    auto tree = parse_filter(text);
    if (!tree) return tree.error();
    auto root = compile_node(**tree);
    if (!root) return root.error();
    CompiledFilter f;
    f.text_ = std::string(text);
    f.root_ = std::move(*root);
    if (has_syscall_verdicts(f.root_)) {
        const size_t n_codes = std::min<size_t>(event::syscall_name_count(), 0xFFFF) + 1;
        for (size_t dir = 0; dir < 2; ++dir) {
            f.generic_verdicts_[dir].resize(n_codes);
            for (size_t code = 0; code < n_codes; ++code) {
                f.generic_verdicts_[dir][code] = generic_verdict(f.root_, dir, [code](const CompiledNode& c) {
                    return c.syscall_verdicts[std::min(code, c.syscall_verdicts.size() - 1)];
                });
            }
        }
    }
    return f;
}

bool CompiledFilter::matches(const FieldContext& ctx) const { return eval(root_, ctx); }

const BoundField* CompiledFilter::single_check() const {
    if (root_.kind != Node::Kind::Check || !root_.syscall_verdicts.empty() || !root_.field.def) return nullptr;
    return &root_.field;
}

bool CompiledFilter::check_values(const FieldValues& values) const { return check_values_match(root_, values); }

// `type` (0 or 1) with the system call `ev` carries (both directions carry
// it first).
int8_t CompiledFilter::verdict_with_code(event::EventType type, const event::EventView& ev) const {
    const int8_t by_type = type_verdict(type);
    if (by_type != kTypeDynamic || !event::has_dynamic_type_name(type) || type > 1) return by_type;
    return verdict_for_code(type, static_cast<uint16_t>(event::param_as_uint(ev.param(0), event::ParamType::Uint16)));
}

// `type` (0 or 1) carrying system-call `code`.
int8_t CompiledFilter::verdict_for_code(event::EventType type, uint16_t code) const {
    const int8_t by_type = type_verdict(type);
    if (by_type != kTypeDynamic || type > 1) return by_type;
    const std::vector<int8_t>& table = generic_verdicts_[type];
    if (table.empty()) return kTypeDynamic;
    return table[std::min<size_t>(code, table.size() - 1)];
}

bool CompiledFilter::may_accept_syscall(uint16_t code) const {
    return verdict_for_code(0, code) != 0 || verdict_for_code(1, code) != 0;
}

bool CompiledFilter::may_accept_unnumbered_syscall(std::string_view name) const {
    FieldValues shown;
    shown.push(FieldValue::of_string(name.empty() ? std::string_view("<unknown>") : name));
    const auto by_name = [&shown](const CompiledNode& c) -> int8_t { return values_match(c, shown) ? 1 : 0; };
    return generic_verdict(root_, 0, by_name) != 0 || generic_verdict(root_, 1, by_name) != 0;
}

int8_t CompiledFilter::event_verdict(const event::EventView& ev) const { return verdict_with_code(ev.type, ev); }

int8_t CompiledFilter::exit_verdict(const event::EventView& enter) const {
    return verdict_with_code(static_cast<event::EventType>(enter.type | 1u), enter);
}

std::string describe_filter_error(std::string_view text, const Error& err) {
    if (!err.offset) return fmt::format("bad filter: {}", err.message);
    const size_t col = std::min<size_t>(*err.offset, text.size());
    return fmt::format("bad filter at column {}: {}\n  {}\n  {}^", col + 1, err.message, text, std::string(col, ' '));
}

// issue 15 (fastkeys)
namespace {
FieldDep weakest(const CompiledNode& n) {
    FieldDep d = n.field.def ? n.field.def->dep : FieldDep::Context;
    for (const CompiledNode& c : n.children) d = std::min(d, weakest(c));
    return d;
}
}  // namespace

FieldDep CompiledFilter::dependency() const { return weakest(root_); }

namespace {
EnterUse widest(const CompiledNode& n) {
    EnterUse u = n.field.def ? filter::enter_use(*n.field.def) : EnterUse::Never;
    for (const CompiledNode& c : n.children) u = wider(u, widest(c));
    return u;
}
}  // namespace

EnterUse CompiledFilter::enter_use() const { return widest(root_); }

// issue 15 (colwalk)
namespace {
bool all_fields(const CompiledNode& n, bool (*ok)(const FieldDef&)) {
    if (n.field.def && !ok(*n.field.def)) return false;
    return std::all_of(n.children.begin(), n.children.end(), [ok](const CompiledNode& c) { return all_fields(c, ok); });
}
}  // namespace

bool CompiledFilter::reads_only(bool (*ok)(const FieldDef&)) const { return all_fields(root_, ok); }

namespace {
bool constants_of(const CompiledNode& n, const FieldDef* def, std::vector<uint64_t>& out) {
    if (n.field.def == def) {
        switch (n.op) {
            case CompareOp::Eq:
            case CompareOp::Ne:
            case CompareOp::Lt:
            case CompareOp::Le:
            case CompareOp::Gt:
            case CompareOp::Ge:
            case CompareOp::In:
            case CompareOp::Exists: break;
            default: return false;
        }
        for (const Constant& c : n.constants) out.push_back(c.u);
        if (n.field.def->type != FieldType::RelTime) return false;
    }
    return std::all_of(n.children.begin(), n.children.end(),
                       [&](const CompiledNode& c) { return constants_of(c, def, out); });
}
}  // namespace

bool CompiledFilter::numeric_constants(const FieldDef* def, std::vector<uint64_t>& out) const {
    return constants_of(root_, def, out);
}

}  // namespace tracetop::filter
