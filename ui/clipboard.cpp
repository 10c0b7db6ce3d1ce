#include "clipboard.h"

#include <cstdio>
#include <string>

#include <unistd.h>

namespace tracetop::ui {
namespace {

constexpr size_t kMaxCopy = 64 * 1024;

std::string base64(std::string_view in) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    for (size_t i = 0; i < in.size(); i += 3) {
        const size_t n = std::min<size_t>(3, in.size() - i);
        uint32_t v = 0;
        for (size_t j = 0; j < 3; ++j) v = (v << 8) | (j < n ? static_cast<uint8_t>(in[i + j]) : 0);
        for (size_t j = 0; j < 4; ++j) out.push_back(j <= n ? kAlphabet[(v >> (18 - 6 * j)) & 63] : '=');
    }
    return out;
}

}  // namespace

bool copy_to_clipboard(std::string_view text) {
    const std::string seq = "\033]52;c;" + base64(text.substr(0, kMaxCopy)) + "\a";
    // Straight to the terminal: ncurses has no call for it, and the sequence
    // draws nothing.
    std::fflush(stdout);
    size_t done = 0;
    while (done < seq.size()) {
        const ssize_t n = write(STDOUT_FILENO, seq.data() + done, seq.size() - done);
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

}  // namespace tracetop::ui
