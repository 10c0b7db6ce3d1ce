// The interest set of a live run: which native system calls can produce an
// event that some consumer of the run reads. The probe captures only those
// (capture::LiveOptions::syscall_interest), so a selective --print costs the
// traced machine's other calls nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/cli_options.h"
#include "filter/compiled_filter.h"

namespace tracetop::engine {

// By native system-call number (TRACETOP_SYSCALL_SLOTS entries), nonzero
// for a call whose events `filter` may accept or the model acts on (every
// type event_effects does not call state-neutral: thread and fd lifecycle,
// working directory). Empty, meaning every call, without a filter.
std::vector<uint8_t> syscall_interest_of(const filter::CompiledFilter* filter);

// The set for the run `options` describe: a --print, --json or batch -w
// run with a filter captures what the filter may accept and the model needs
// (-w records only what the filter accepts); the explorer's filter can
// change while it runs, so it (and unfiltered runs) capture every call.
std::vector<uint8_t> syscall_interest_for(const Options& options, const filter::CompiledFilter* filter);

}  // namespace tracetop::engine
