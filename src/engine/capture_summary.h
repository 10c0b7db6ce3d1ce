// The line a live --print or -w run ends with: what the probe delivered,
// what the kernel dropped (by CPU) and, when any, the ring records that did
// not parse and were skipped.
#pragma once

#include <string>

#include "capture/source.h"

namespace tracetop::engine {

// "N events captured, M dropped (cpu 1: M)[, K malformed records skipped]".
std::string live_capture_summary(const capture::SourceStats& stats);

}  // namespace tracetop::engine
