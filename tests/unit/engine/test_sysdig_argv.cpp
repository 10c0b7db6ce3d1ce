// sysdig's glued words (-pc, -pk, -cl) must reach the parser as their long
// options, and nothing else may change: a -p format that happens to start with
// "c" must stay a format.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/sysdig_argv.h"

using tracetop::engine::rewrite_sysdig_words;

TEST_CASE("glued words become long options; the rest passes unchanged") {
    const char* argv[] = {"tracetop", "-r", "f.scap", "-pc", "-p", "c", "proc.name=-pc"};
    const std::vector<std::string> words = rewrite_sysdig_words(7, argv);
    CHECK(words == std::vector<std::string>{"tracetop", "-r", "f.scap", "--print-container", "-p", "c",
                                            "proc.name=-pc"});
}

TEST_CASE("after -- nothing is rewritten, and the program name never is") {
    const char* argv[] = {"-cl", "-pk", "--", "-cl"};
    CHECK(rewrite_sysdig_words(4, argv) == std::vector<std::string>{"-cl", "--print-k8s", "--", "-cl"});
}

TEST_CASE("sysdig's long spellings -pcontainer and -pkubernetes are the same options") {
    const char* argv[] = {"tracetop", "-pcontainer", "-pkubernetes"};
    CHECK(rewrite_sysdig_words(3, argv) == std::vector<std::string>{"tracetop", "--print-container", "--print-k8s"});
}
