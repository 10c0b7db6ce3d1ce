// Puts the binding table's Keys section into a man page, between the lines
// that frame it (key_docs.h): `tracetop-man-keys man/tracetop.8`.
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "key_docs.h"

int main(int argc, char** argv) {
    using namespace tracetop::ui;
    if (argc != 2) {
        fmt::print(stderr, "usage: tracetop-man-keys MAN_PAGE\n");
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        fmt::print(stderr, "tracetop-man-keys: cannot read {}\n", argv[1]);
        return 1;
    }
    std::stringstream text;
    text << in.rdbuf();
    const std::string page = text.str();
    const std::string end_line = std::string(kManEnd) + "\n";
    const size_t begin = page.find(kManBegin);
    const size_t end = page.find(end_line, begin == std::string::npos ? 0 : begin);
    if (begin == std::string::npos || end == std::string::npos) {
        fmt::print(stderr, "tracetop-man-keys: {} lacks the lines framing the Keys section\n", argv[1]);
        return 1;
    }
    const std::string out = page.substr(0, begin) + man_keys_section(Keymap::defaults()) +
                            page.substr(end + end_line.size());
    if (out == page) return 0;
    std::ofstream(argv[1]) << out;
    fmt::print("tracetop-man-keys: {} updated\n", argv[1]);
    return 0;
}
