// Copying to the terminal's clipboard with OSC 52 (xterm's "set selection"):
// works through ssh and tmux (set-clipboard on) without an X display; the
// text goes base64-encoded, bounded, in one escape sequence.
#pragma once

#include <string_view>

namespace tracetop::ui {

// Sends `text` (cut to 64 KiB) to the terminal's clipboard; false when the
// terminal could not be written.
bool copy_to_clipboard(std::string_view text);

}  // namespace tracetop::ui
