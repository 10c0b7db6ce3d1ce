#include "key_names.h"

#include <charconv>
#include <sstream>
#include <utility>

#include <curses.h>

namespace tracetop::ui {
namespace {

constexpr int kMaxFunctionKey = 24;
constexpr int kEsc = 27;
constexpr int kDel = 127;
constexpr int kCtrlH = 8;

struct Named {
    std::string_view name;
    std::vector<int> codes;
};

const std::vector<Named>& named_keys() {
    static const std::vector<Named> keys = {
        {"Up", {KEY_UP}},
        {"Down", {KEY_DOWN}},
        {"Left", {KEY_LEFT}},
        {"Right", {KEY_RIGHT}},
        {"PgUp", {KEY_PPAGE}},
        {"PgDn", {KEY_NPAGE}},
        {"Home", {KEY_HOME}},
        {"End", {KEY_END}},
        {"Enter", {'\n', '\r', KEY_ENTER}},
        // Terminals send any of three for it.
        {"Backspace", {KEY_BACKSPACE, kDel, kCtrlH}},
        {"Delete", {KEY_DC}},
        {"Esc", {kEsc}},
        {"Space", {' '}},
        {"mouse", {KEY_MOUSE}},
        {"resize", {KEY_RESIZE}},
    };
    return keys;
}

}  // namespace

int function_key_number(std::string_view name) {
    if (name.size() < 2 || name[0] != 'F') return 0;
    int n = 0;
    const auto [end, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), n);
    if (ec != std::errc() || end != name.data() + name.size() || n < 1 || n > kMaxFunctionKey) return 0;
    return n;
}

std::vector<int> key_codes(std::string_view name) {
    for (const Named& k : named_keys()) {
        if (k.name == name) return k.codes;
    }
    if (const int n = function_key_number(name)) return {KEY_F(n)};
    // Ctrl-A .. Ctrl-Z: the letter's code with the top bits cleared.
    if (name.size() == 6 && name.substr(0, 5) == "Ctrl-" && name[5] >= 'A' && name[5] <= 'Z') {
        return {name[5] & 0x1f};
    }
    // A printable ASCII character stands for itself.
    if (name.size() == 1 && name[0] > ' ' && name[0] < kDel) return {static_cast<unsigned char>(name[0])};
    return {};
}

std::string key_name(int code) {
    for (const Named& k : named_keys()) {
        for (int c : k.codes) {
            if (c == code) return std::string(k.name);
        }
    }
    for (int n = 1; n <= kMaxFunctionKey; ++n) {
        if (code == KEY_F(n)) return "F" + std::to_string(n);
    }
    if (code >= 1 && code <= 26) return std::string("Ctrl-") + static_cast<char>('A' + code - 1);
    if (code > ' ' && code < kDel) return std::string(1, static_cast<char>(code));
    return "that key";
}

std::vector<std::string> key_names(std::string_view keys) {
    std::istringstream words{std::string(keys)};
    std::vector<std::string> out;
    for (std::string name; words >> name;) out.push_back(std::move(name));
    return out;
}

}  // namespace tracetop::ui
