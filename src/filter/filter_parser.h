// Parses sysdig's filter language into a syntax tree:
//   expr  := and ('or' and)*          not > and > or; sysdig 0.29.3 refuses to
//   and   := not ('and' not)*          mix 'and' and 'or' without brackets, we
//   not   := 'not' not | primary       accept it with these precedences
//   primary := '(' expr ')' | FIELD OP VALUE | FIELD 'exists' | FIELD ('in'|'pmatch') LIST
// Errors carry the column (0-based) where the problem starts.
#pragma once

#include <memory>
#include <string_view>

#include "event/result.h"
#include "filter/filter_ast.h"

namespace tracetop::filter {

Result<std::unique_ptr<Node>> parse_filter(std::string_view text);

}  // namespace tracetop::filter
