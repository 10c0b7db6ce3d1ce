#include "chisel/chisel_args.h"

#include <algorithm>

namespace tracetop::chisel {

Result<std::vector<std::string>> split_chisel_args(std::string_view text) {
    // sysdig trims the text, then cuts it at every unquoted space (two
    // spaces make an empty word, as in sysdig).
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return std::vector<std::string>{};
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    std::vector<std::string> words;
    std::string word;
    bool quoted = false;
    for (const char c : text) {
        if (c == ' ' && !quoted) {
            words.push_back(std::move(word));
            word.clear();
        } else if (c == '\'' || c == '`') {
            quoted = !quoted;
        } else {
            word += c;
        }
    }
    if (quoted) return Error("unclosed quote in the chisel's arguments");
    words.push_back(std::move(word));
    return words;
}

Result<size_t> chisel_words(const std::vector<ChiselArg>& args, const std::vector<std::string>& words,
                            const std::function<bool(const std::string&)>& compiles) {
    if (args.empty()) return size_t{0};
    const bool required = std::any_of(args.begin(), args.end(), [](const ChiselArg& a) { return !a.optional; });
    if (words.empty()) {
        if (required) return Error("missing arguments for the chisel");
        return size_t{0};
    }
    if (required) return size_t{1};
    const std::string& next = words.front();
    if (!next.empty() && next[0] == '-') return size_t{0};
    if (args.size() == 1 && args[0].type == "filter") return size_t{1};
    std::string rest;
    for (size_t i = 0; i < words.size(); ++i) rest += (i ? " " : "") + words[i];
    return compiles(rest) ? size_t{0} : size_t{1};
}

}  // namespace tracetop::chisel
