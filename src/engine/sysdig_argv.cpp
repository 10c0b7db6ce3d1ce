#include "engine/sysdig_argv.h"

#include <string_view>
#include <utility>

namespace tracetop::engine {
namespace {

// One row per glued word sysdig accepts; the long option is tracetop's own.
// Add a row with the option it maps to (declared in cli_options.cpp).
constexpr std::pair<std::string_view, std::string_view> kGluedWords[] = {
    {"-pc", "--print-container"},
    {"-pcontainer", "--print-container"},
    {"-pk", "--print-k8s"},
    {"-pkubernetes", "--print-k8s"},
    {"-cl", "--list-chisels"},
};

}  // namespace

std::vector<std::string> rewrite_sysdig_words(int argc, const char* const* argv) {
    std::vector<std::string> words;
    words.reserve(argc > 0 ? static_cast<size_t>(argc) : 0);
    bool options_ended = false;
    for (int i = 0; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (i > 0 && !options_ended) {
            if (word == "--") options_ended = true;
            bool replaced = false;
            for (const auto& [glued, long_option] : kGluedWords) {
                if (word == glued) {
                    words.emplace_back(long_option);
                    replaced = true;
                    break;
                }
            }
            if (replaced) continue;
        }
        words.emplace_back(word);
    }
    return words;
}

}  // namespace tracetop::engine
