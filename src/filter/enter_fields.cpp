#include "filter/enter_fields.h"

#include "filter/thread_fields.h"

namespace tracetop::filter {

EnterUse enter_use(const FieldDef& def) {
    if (def.name == "evt.type" || def.name == "syscall.type") return EnterUse::Generic;
    if (reads_only_thread(def) || def.dep != FieldDep::Model) return EnterUse::Never;
    return EnterUse::Always;
}

}  // namespace tracetop::filter
