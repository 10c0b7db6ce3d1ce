#include "engine/capture_summary.h"

#include <fmt/format.h>

namespace tracetop::engine {

std::string live_capture_summary(const capture::SourceStats& stats) {
    std::string per_cpu;
    for (size_t cpu = 0; cpu < stats.drops_per_cpu.size(); ++cpu) {
        if (stats.drops_per_cpu[cpu] == 0) continue;
        per_cpu += fmt::format("{}cpu {}: {}", per_cpu.empty() ? " (" : ", ", cpu, stats.drops_per_cpu[cpu]);
    }
    if (!per_cpu.empty()) per_cpu += ')';
    std::string line = fmt::format("{} events captured, {} dropped{}", stats.events, stats.drops, per_cpu);
    // Only our probe writes the rings, so this should stay silent; if it
    // ever speaks, the capture is missing events as surely as with drops.
    if (stats.malformed > 0) line += fmt::format(", {} malformed records skipped", stats.malformed);
    return line;
}

}  // namespace tracetop::engine
