#include "engine/run_again.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <fmt/format.h>

namespace tracetop::engine {

std::vector<std::string> split_command_words(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    char quote = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote == '"' && i + 1 < line.size() &&
                       (line[i + 1] == '"' || line[i + 1] == '\\')) {
                word += line[++i];
            } else {
                word += c;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n') {
            if (in_word) words.push_back(std::move(word));
            word.clear();
            in_word = false;
            continue;
        }
        in_word = true;
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '\\' && i + 1 < line.size()) {
            word += line[++i];
        } else {
            word += c;
        }
    }
    if (in_word) words.push_back(std::move(word));
    return words;
}

int run_tracetop_again(const std::string& args) {
    // How many runs in a row asked for another: a guard, not a feature.
    constexpr int kMostRuns = 4;
    const char* depth_text = std::getenv("TRACETOP_RUN_AGAIN");
    const int depth = depth_text != nullptr ? std::atoi(depth_text) : 0;
    if (depth >= kMostRuns) {
        fmt::print(stderr, "tracetop: a chisel asked for another run {} times in a row; stopping here\n", depth);
        return 1;
    }
    const std::string next_depth = std::to_string(depth + 1);
    ::setenv("TRACETOP_RUN_AGAIN", next_depth.c_str(), 1);
    std::vector<std::string> words = split_command_words(args);
    std::vector<char*> argv;
    std::string name = "tracetop";
    argv.push_back(name.data());
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
    ::execv("/proc/self/exe", argv.data());
    fmt::print(stderr, "tracetop: running again for the chisel ({}): {}\n", args, std::strerror(errno));
    return 1;
}

}  // namespace tracetop::engine
