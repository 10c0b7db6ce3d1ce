#include "engine/model_report.h"

#include <malloc.h>

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "state/model_stats.h"

namespace tracetop::engine {

bool model_report_wanted() {
    const char* v = std::getenv("TRACETOP_MODEL_STATS");
    return v != nullptr && *v != '\0' && *v != '0';
}

void report_model(const state::Model& model, const char* when) {
    const state::ModelStats s = state::model_stats(model);
    // Bytes the program holds from malloc: what the model keeps, unlike RSS,
    // which also counts the mapped rings and pages the allocator keeps cached.
    const struct mallinfo2 heap = mallinfo2();
    fmt::print(stderr, "tracetop: model at {}: {} threads, {} processes, {} fds, {} strings, heap {} KiB\n", when,
               s.threads, s.processes, s.fds, s.strings, heap.uordblks / 1024);
    std::fflush(stderr);
}

}  // namespace tracetop::engine
