// Key names as the binding table and a settings file spell them ("F1",
// "PgDn", "Ctrl-L", "Space", "?"), and the key codes ncurses' wgetch returns
// for them: the one place besides the line editor that knows those codes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tracetop::ui {

// The codes a key name stands for ("Backspace": the terminal's three);
// empty when the name is not known.
std::vector<int> key_codes(std::string_view name);

// The names in a blank-separated keys string ("F1 h ?").
std::vector<std::string> key_names(std::string_view keys);

// The name of a key code as keys.toml spells it ("F7", "x", "Ctrl-G"), or
// "that key" when it has none (what the unbound-key hint names).
std::string key_name(int code);

// The number of a function key's name ("F10": 10), 0 for other keys.
int function_key_number(std::string_view name);

}  // namespace tracetop::ui
