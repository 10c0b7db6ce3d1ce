#include "analysis/echo_text.h"

#include <algorithm>

#include <fmt/format.h>

namespace tracetop::analysis {
namespace {

constexpr size_t kHexPerLine = 16;

char printable_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f ? c : '.';
}

// Names come from the model (already rendered harmless); made ASCII here
// too, so every echo line is safe and one byte is one column.
std::string ascii_only(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) out.push_back(printable_char(c));
    return out;
}

void add_wrapped(std::vector<EchoLine>& out, bool write, std::string_view text, size_t width) {
    const std::string mark = write ? "> " : "< ";
    const size_t room = width - mark.size();
    if (text.empty()) {
        out.push_back({false, write, mark});
        return;
    }
    for (size_t at = 0; at < text.size(); at += room) {
        out.push_back({false, write, mark + printable(text.substr(at, room))});
    }
}

void add_hex(std::vector<EchoLine>& out, bool write, std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    const char* mark = write ? "> " : "< ";
    // Written by hand: a pane of 50,000 calls is 300,000 lines, and a
    // format call per byte made switching to hex take a second.
    for (size_t at = 0; at < bytes.size(); at += kHexPerLine) {
        const std::string_view part = bytes.substr(at, kHexPerLine);
        std::string line = fmt::format("{}{:04x} ", mark, at);
        line.reserve(line.size() + kHexPerLine * 3 + 3 + kHexPerLine);
        for (size_t i = 0; i < kHexPerLine; ++i) {
            if (i == kHexPerLine / 2) line.push_back(' ');
            line.push_back(' ');
            if (i < part.size()) {
                const auto u = static_cast<unsigned char>(part[i]);
                line.push_back(kDigits[u >> 4]);
                line.push_back(kDigits[u & 15]);
            } else {
                line.append("  ");
            }
        }
        line.append("  ");
        for (char c : part) line.push_back(printable_char(c));
        out.push_back({false, write, std::move(line)});
    }
}

}  // namespace

std::string printable(std::string_view bytes) {
    std::string out(bytes);
    for (char& c : out) c = printable_char(c);
    return out;
}

std::string echo_header(const EchoChunk& c) {
    std::string size = fmt::format("{} B", c.moved);
    if (c.bytes.size() < c.moved) size += fmt::format(" (first {} kept)", c.bytes.size());
    // The process first: a long connection name is what a narrow screen cuts.
    std::string fd = "fd " + c.fd;
    if (!c.fd_name.empty() && c.fd_name != "<NA>") fd += " " + c.fd_name;
    return ascii_only(fmt::format("{} {} {} {} (event {}) {} {}", c.write ? ">>>" : "<<<", c.proc,
                                  c.write ? "write" : "read", size, c.num, c.write ? "to" : "from", fd));
}

void append_echo_lines(const EchoChunk& chunk, EchoMode mode, size_t width, std::vector<EchoLine>& out) {
    width = std::max<size_t>(width, 20);
    std::string head = echo_header(chunk);
    if (head.size() > width) head.resize(width);
    out.push_back({true, chunk.write, std::move(head)});
    if (mode == EchoMode::Hex) {
        add_hex(out, chunk.write, chunk.bytes);
        return;
    }
    std::string_view rest = chunk.bytes;
    while (!rest.empty()) {
        const size_t nl = rest.find('\n');
        add_wrapped(out, chunk.write, rest.substr(0, nl), width);
        if (nl == std::string_view::npos) break;
        rest.remove_prefix(nl + 1);
    }
}

size_t echo_line_count(const EchoChunk& chunk, EchoMode mode, size_t width) {
    width = std::max<size_t>(width, 20);
    const std::string_view bytes = chunk.bytes;
    if (mode == EchoMode::Hex) return 1 + (bytes.size() + kHexPerLine - 1) / kHexPerLine;
    const size_t room = width - 2;  // after the direction mark
    size_t n = 1;
    std::string_view rest = bytes;
    while (!rest.empty()) {
        const size_t nl = rest.find('\n');
        const size_t len = nl == std::string_view::npos ? rest.size() : nl;
        n += len == 0 ? 1 : (len + room - 1) / room;
        if (nl == std::string_view::npos) break;
        rest.remove_prefix(nl + 1);
    }
    return n;
}

std::vector<EchoLine> echo_lines(const EchoData& data, EchoMode mode, size_t width) {
    std::vector<EchoLine> out;
    for (const auto& chunk : data.chunks) append_echo_lines(*chunk, mode, width, out);
    return out;
}

}  // namespace tracetop::analysis
