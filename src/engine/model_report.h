// A hidden diagnostic for tests: with TRACETOP_MODEL_STATS set in the
// environment, batch runs print the model's size (threads, processes, fds,
// interned strings) and the heap in use when capture starts and at exit, so
// a test can check from outside that churn leaves nothing behind.
#pragma once

#include "state/model.h"

namespace tracetop::engine {

bool model_report_wanted();

// One line on stderr: "tracetop: model at WHEN: N threads, N processes, N fds,
// N strings, heap N KiB".
void report_model(const state::Model& model, const char* when);

}  // namespace tracetop::engine
