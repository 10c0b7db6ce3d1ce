// Several -c on one command line (issue 14, lua14): each chisel gets the
// word sysdig's rule gives it from the words after its NAME, and the
// arguments the explorer asks for become one argument string.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "chisel/chisel_args.h"
#include "engine/chisel_run.h"
#include "engine/cli_options.h"
#include "engine/run_again.h"

using namespace tracetop;

namespace {

// Two chisels of the test's own: one with an optional argument, one with none.
struct ChiselDir {
    std::filesystem::path dir;
    ChiselDir() {
        dir = std::filesystem::temp_directory_path() / ("tt_chisel_calls_" + std::to_string(getpid()));
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "opt1.lua")
            << "description = 'x'; short_description = 'x'; category = 'x'\n"
               "args = { { name = 'word', description = 'a word', argtype = 'string', optional = true } }\n"
               "function on_set_arg(n, v) return true end\n";
        std::ofstream(dir / "noargs.lua") << "description = 'x'; short_description = 'x'; category = 'x'; args = {}\n";
        setenv("SYSDIG_CHISEL_DIR", dir.c_str(), 1);
    }
    ~ChiselDir() {
        unsetenv("SYSDIG_CHISEL_DIR");
        std::filesystem::remove_all(dir);
    }
};

std::optional<engine::Options> parse(std::vector<const char*> argv) {
    argv.insert(argv.begin(), "tracetop");
    return engine::parse_command_line(static_cast<int>(argv.size()), argv.data()).options;
}

}  // namespace

TEST_CASE("several -c: each takes its own word, the rest is the filter") {
    ChiselDir chisels;
    struct Case {
        const char* why;
        std::vector<const char*> argv;
        std::vector<std::pair<std::string, std::optional<std::string>>> calls;
    };
    const std::optional<std::string> none;
    const Case cases[] = {
        {"the words after opt1 are no filter (later options included): it takes its word",
         {"-c", "opt1", "hello", "-c", "noargs", "proc.name=curl"}, {{"opt1", "hello"}, {"noargs", none}}},
        {"an option right after NAME: no word",
         {"-c", "opt1", "-c", "noargs", "proc.name=curl"}, {{"opt1", none}, {"noargs", none}}},
        {"the words after NAME make a filter: they stay the filter",
         {"-c", "noargs", "-c", "opt1", "proc.name=curl"}, {{"noargs", none}, {"opt1", none}}},
    };
    for (const Case& c : cases) {
        INFO(c.why);
        auto o = parse(c.argv);
        REQUIRE(o);
        REQUIRE(o->chisels.size() == c.calls.size());
        for (size_t i = 0; i < c.calls.size(); ++i) {
            CHECK(o->chisels[i].name == c.calls[i].first);
            CHECK(o->chisels[i].args == c.calls[i].second);
        }
        CHECK(o->filter == "proc.name=curl");
    }
}

TEST_CASE("the explorer's argument values become one string split_chisel_args reads back") {
    CHECK(engine::join_chisel_args({"hello world", "2"}) == std::optional<std::string>("'hello world' 2"));
    CHECK(engine::join_chisel_args({"a", "", ""}) == std::optional<std::string>("a"));
    CHECK_FALSE(engine::join_chisel_args({"", ""}));
    for (const std::vector<std::string> values :
         {std::vector<std::string>{"hello world", "2"}, {"", "x"}, {"fd.name=/etc/passwd", "R"}}) {
        auto back = chisel::split_chisel_args(*engine::join_chisel_args(values));
        REQUIRE(back);
        CHECK(*back == values);
    }
}

// sysdig.run_app's arguments (wsysdig_summary: -r "FILE" -c NAME N,DELTA FILTER)
// cut into words as a shell would.
TEST_CASE("a chisel's next run: its command line cut as a shell cuts it") {
    using V = std::vector<std::string>;
    CHECK(engine::split_command_words(R"(-r "/tmp/a b.scap" -c wsysdig_summary 400,8000 proc.name=curl)") ==
          V{"-r", "/tmp/a b.scap", "-c", "wsysdig_summary", "400,8000", "proc.name=curl"});
    CHECK(engine::split_command_words("  a\t'b \"c\"'  d\\ e \"f\\\"g\" \"\"") == V{"a", "b \"c\"", "d e", "f\"g", ""});
    CHECK(engine::split_command_words("") == V{});
    CHECK(engine::split_command_words("'open to the end") == V{"open to the end"});
}
