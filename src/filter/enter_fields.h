// Which fields read an exit's enter event (FieldContext::state.enter), so
// that a pass whose fields never do lets the model skip copying every enter
// for its exit (issue 15, perf: the copy was about 3 % of a procs pass).
#pragma once

#include "filter/field_registry.h"

namespace tracetop::filter {

enum class EnterUse : uint8_t {
    Never,    // never reads the enter
    Generic,  // only on generic system-call events (their name is the enter's code)
    Always,   // may read it on any exit (or is not known not to)
};

// By class: thread-only fields and Context/Event fields read no enter (their
// FieldDep says so), but evt.type and syscall.type, which name a generic
// event from its enter; every other field is taken to read it.
EnterUse enter_use(const FieldDef& def);

// The larger of two uses.
inline EnterUse wider(EnterUse a, EnterUse b) { return a > b ? a : b; }

}  // namespace tracetop::filter
