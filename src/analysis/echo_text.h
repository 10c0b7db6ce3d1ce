// The Echo pane's text: each read or write as a header line (direction, size,
// fd, process) and its bytes as printable ASCII or as a hex dump. Bytes come
// from the traced system: everything but printable ASCII becomes '.', so
// nothing raw ever reaches the terminal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/pane_data.h"

namespace tracetop::analysis {

enum class EchoMode { Ascii, Hex };

struct EchoLine {
    bool header = false;  // the line naming a call (else its bytes)
    bool write = false;   // the call's direction
    std::string text;     // printable ASCII only, at most `width` characters
};

// Every chunk as lines no wider than `width` (at least 20 is used). ASCII:
// a newline in the data starts a new line, long lines wrap. Hex: 16 bytes a
// line with offsets and their ASCII.
std::vector<EchoLine> echo_lines(const EchoData& data, EchoMode mode, size_t width);

// The lines of one chunk, appended to `out` (echo_lines is this for each chunk).
void append_echo_lines(const EchoChunk& chunk, EchoMode mode, size_t width, std::vector<EchoLine>& out);

// How many lines append_echo_lines makes of `chunk`, without making them:
// a pane of many calls lays out by counting and renders only what it shows.
size_t echo_line_count(const EchoChunk& chunk, EchoMode mode, size_t width);

// `bytes` with every byte outside printable ASCII (0x20..0x7e) as '.'.
std::string printable(std::string_view bytes);

// The header line of one chunk: ">>> curl (17497) write 78 B (event 1312) to fd 4 NAME".
std::string echo_header(const EchoChunk& chunk);

}  // namespace tracetop::analysis
