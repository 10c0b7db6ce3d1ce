#include "engine/syscall_interest.h"

#include <string_view>

#include "capture/x86_64_syscalls.h"
#include "event/event_table.h"
#include "state/event_effects.h"

namespace tracetop::engine {
namespace {

constexpr uint32_t kExecveNr = 59;
constexpr uint32_t kExecveatNr = 322;

// Whether some event the probe's filler writes under `name` may pass the
// filter or changes the model. Every type of that name counts: the filler
// writes one of them, and a superset only captures more.
bool filler_matters(std::string_view name, const filter::CompiledFilter& filter) {
    const size_t n = event::event_table_size();
    for (size_t t = 0; t < n; ++t) {
        const auto type = static_cast<event::EventType>(t);
        const event::EventInfo* info = event::event_info(type);
        if (info == nullptr || info->name != name) continue;
        if (filter.may_accept_type(type) || !state::is_state_neutral(type)) return true;
    }
    return false;
}

}  // namespace

std::vector<uint8_t> syscall_interest_of(const filter::CompiledFilter* filter) {
    if (filter == nullptr) return {};
    const std::vector<uint16_t> codes = capture::x86_64_ppm_sc_codes();
    std::vector<uint8_t> out(codes.size(), 0);  // one per slot of the probe's tables
    bool all = true;
    for (uint32_t nr = 0; nr < out.size(); ++nr) {
        const std::string_view filler = capture::x86_64_filler_event(nr);
        // Generic events change no state: only the filter can want them.
        const bool wanted = !filler.empty() ? filler_matters(filler, *filter)
                            : codes[nr] != 0 ? filter->may_accept_syscall(codes[nr])
                                             : filter->may_accept_unnumbered_syscall(capture::x86_64_syscall_name(nr));
        out[nr] = wanted ? 1 : 0;
        all = all && wanted;
    }
    // A successful execveat returns through execve's exit (the kernel has
    // the new program's call number by then).
    if (out[kExecveatNr]) out[kExecveNr] = 1;
    if (all) return {};
    return out;
}

std::vector<uint8_t> syscall_interest_for(const Options& options, const filter::CompiledFilter* filter) {
    if (options.read_file) return {};
    // A batch -w records what the filter accepts, as --print prints it.
    const bool batch_record = options.write_file && !options.explore;
    const bool explorer = !options.print && !options.json && !batch_record;
    if (explorer) return {};
    return syscall_interest_of(filter);
}

}  // namespace tracetop::engine
