// The syntax tree of a sysdig filter expression, before fields are resolved.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tracetop::filter {

enum class CompareOp : uint8_t {
    Eq,          // = and ==
    Ne,          // !=
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
    IContains,
    StartsWith,
    EndsWith,
    Glob,
    In,
    PMatch,      // path prefix match against a list
    Exists,
    Regex,
};

struct Check {
    std::string field;      // "fd.name", "evt.arg" ...
    std::string field_arg;  // the [N] or .NAME part ("0", "fd"), empty if none
    bool has_arg = false;
    CompareOp op = CompareOp::Exists;
    std::vector<std::string> values;  // one value, or a list for in/pmatch
    uint32_t pos = 0;        // column of the field name
    uint32_t value_pos = 0;  // column of the (first) value
};

struct Node {
    enum class Kind : uint8_t { And, Or, Not, Check } kind;
    std::vector<std::unique_ptr<Node>> children;  // And/Or: two or more; Not: one
    Check check;                                  // Kind::Check only
};

std::string_view op_name(CompareOp op);

}  // namespace tracetop::filter
