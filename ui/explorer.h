// The full-screen explorer: starts the engine, runs the screen until quit.
#pragma once

#include "engine/cli_options.h"

namespace tracetop::ui {

// Exit status: 0 on quit, 1 when the source cannot be opened, 2 for bad options.
int run_explorer(const engine::Options& options);

}  // namespace tracetop::ui
