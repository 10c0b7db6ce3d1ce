// A filter parsed once and bound to fields: constants are parsed to the
// field's type at compile time, so matching an event allocates nothing.
#pragma once

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "event/event_table.h"
#include "event/event_view.h"
#include "event/result.h"
#include "filter/field_registry.h"
#include "filter/enter_fields.h"
#include "filter/filter_ast.h"
#include "filter/pcre_regex.h"

namespace tracetop::filter {

// One constant of a check, parsed for the field's type.
struct Constant {
    std::string text;
    int64_t i = 0;
    uint64_t u = 0;
    double d = 0;
    IpValue ip;
    uint32_t prefix_bits = 0;  // IpNet: CIDR length
    bool numeric = false;      // Dynamic: the text is also a number
    std::vector<IpValue> addrs;  // HostName: the addresses the name resolved to
};

struct CompiledNode {
    Node::Kind kind = Node::Kind::Check;
    std::vector<CompiledNode> children;
    BoundField field;
    CompareOp op = CompareOp::Exists;
    std::vector<Constant> constants;
    std::shared_ptr<const PcreRegex> regex;
    // The node's verdict for each event type code where the type alone
    // decides it (checks on evt.type, evt.dir, evt.is_io*, and nodes made of
    // them), kTypeDynamic elsewhere; empty when no code is decided. The last
    // entry stands for codes past the table.
    std::vector<int8_t> type_verdicts;
    // The same for generic system calls, by the system-call code they carry
    // (the last entry: codes without a name).
    std::vector<int8_t> syscall_verdicts;
    // issue 15 (json): an = or `in` check on a Bool (kEqBool) or text
    // (kEqText) field, compared inline by check_matches (the `when` of
    // views' error and I/O columns, evaluated on most events).
    // issue 15 (session 12): kOrdInt, any comparison (=, !=, <, <=, >, >=,
    // in) on an integer field (pids, sizes, latencies, ports, times),
    // compared inline as compare_constant does, without its dispatch.
    enum : uint8_t { kEqNone, kEqBool, kEqText, kOrdInt } fast_eq = kEqNone;
};

constexpr int8_t kTypeDynamic = -1;

class CompiledFilter {
public:
    // Parses and binds `text`. Errors carry the 0-based column at fault.
    static Result<CompiledFilter> compile(std::string_view text);

    bool matches(const FieldContext& ctx) const;

    // What the filter says about every event of type `type` whatever its
    // parameters and state: 1 (all pass), 0 (none pass) or kTypeDynamic.
    int8_t type_verdict(event::EventType type) const {
        if (root_.type_verdicts.empty()) return kTypeDynamic;
        return root_.type_verdicts[std::min<size_t>(type, root_.type_verdicts.size() - 1)];
    }

    // The same for one event, which for the generic system-call events
    // (whose evt.type is the system call they carry) also reads that code.
    int8_t event_verdict(const event::EventView& ev) const;

    // The same for the exit of the call `enter` begins (same system call).
    int8_t exit_verdict(const event::EventView& enter) const;

    // Whether some event of `type` may pass (its type alone does not refuse
    // it). For the generic system-call types, see may_accept_syscall.
    bool may_accept_type(event::EventType type) const { return type_verdict(type) != 0; }

    // Whether a generic system-call event, enter or exit, carrying PPM_SC
    // `code` may pass: what tells ahead of a capture which calls can matter.
    bool may_accept_syscall(uint16_t code) const;
    // The same for a call without a PPM_SC code (code 0), whose generic
    // events show its native `name`.
    bool may_accept_unnumbered_syscall(std::string_view name) const;

    const std::string& text() const { return text_; }

    // issue 15 (fastkeys): the weakest FieldDep of the fields it reads
    // (Context when it reads none).
    FieldDep dependency() const;
    // issue 15 (perf): the widest enter_use (enter_fields.h) of the fields it reads.
    EnterUse enter_use() const;
    // issue 15 (colwalk): whether `ok` accepts every field it reads.
    bool reads_only(bool (*ok)(const FieldDef&)) const;
    // The constants the checks on `def` (a RelTime field) compare with, when
    // every such check is =, !=, <, <=, >, >=, in or exists (false else):
    // between two of them, the value of `def` does not change the verdict.
    bool numeric_constants(const FieldDef* def, std::vector<uint64_t>& out) const;

    // A filter that is one check on one field, decided by that field's
    // values once the type verdict has not decided it (no system-call
    // verdicts): the field; null for any other filter. A caller that has
    // the field's values of the event already (a view's column reading the
    // same field) asks check_values instead of matches, extracting nothing
    // twice (issue 15, session 12).
    const BoundField* single_check() const;
    // matches() for a single_check() filter whose type verdict is
    // kTypeDynamic, given the field's values of the event.
    bool check_values(const FieldValues& values) const;

private:
    std::string text_;
    CompiledNode root_;
    // The root's verdict for generic events (enter, exit) by system-call
    // code, the last entry for codes without a name; empty when the filter
    // has no check on evt.type.
    std::array<std::vector<int8_t>, 2> generic_verdicts_;
    int8_t verdict_with_code(event::EventType type, const event::EventView& ev) const;
    int8_t verdict_for_code(event::EventType type, uint16_t code) const;
};

// Renders an error for the terminal: the message, the filter, and a caret
// under the column at fault.
std::string describe_filter_error(std::string_view text, const Error& err);

}  // namespace tracetop::filter
