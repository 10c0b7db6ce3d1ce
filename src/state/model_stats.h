// How much the model holds, for checks from outside that it does not grow
// without bound (threads and fds of processes long gone, strings nobody
// uses). Cheap enough to take at start and exit, not per event.
#pragma once

#include <cstddef>

#include "state/model.h"

namespace tracetop::state {

struct ModelStats {
    size_t threads = 0;
    size_t processes = 0;  // main threads (tid = pid)
    size_t fds = 0;        // entries of all fd tables, each shared table once
    size_t strings = 0;    // interned strings alive
};

ModelStats model_stats(const Model& model);

}  // namespace tracetop::state
