// The settings file (issue 16): what is written reads back the same, a bad
// file gives the defaults and one line naming the problem, and the command
// line and NO_COLOR win over the file.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <vector>

#include <doctest/doctest.h>

#include "engine/settings_file.h"

using namespace tracetop::engine;

namespace {

Settings full() {
    Settings s;
    s.refresh_ms = 250;
    s.scheme = "256";
    s.default_view = "files";
    s.columns["procs"] = {"cmd", "pid", "cpu"};
    s.columns["weird \"view\""] = {"a\\b"};
    return s;
}

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char name[] = "/tmp/tracetop-settings-XXXXXX";
        path = ::mkdtemp(name);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("settings: written and read back the same") {
    const SettingsRead back = parse_settings(format_settings(full()), "rc");
    CHECK(back.warning == "");
    CHECK(back.settings == full());
    CHECK(parse_settings(format_settings(Settings{}), "rc").settings == Settings{});
}

TEST_CASE("settings: written atomically into a new directory and read from the file") {
    TempDir dir;
    const std::string path = (dir.path / "deep" / "tracetop" / "tracetoprc").string();
    REQUIRE(write_settings(path, full()) == "");
    CHECK(read_settings(path).settings == full());
    // No temporary file is left beside it.
    size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path / "deep" / "tracetop")) files += e.is_regular_file();
    CHECK(files == 1);
}

TEST_CASE("settings: a missing file is the defaults, silently") {
    const SettingsRead r = read_settings("/nonexistent/tracetop/tracetoprc");
    CHECK(r.warning == "");
    CHECK(r.settings == Settings{});
}

TEST_CASE("settings: a bad file is the defaults and one warning line") {
    const char* bad[] = {
        "refresh_ms = \"fast\"",
        "refresh_ms = 10",
        "refresh_ms = 99999999999",
        "color_scheme = \"purple\"",
        "default_view = \"\"",
        "colour = 1",
        "[columns]\nprocs = \"pid\"",
        "[columns]\nprocs = [1, 2]",
        "[columns]\nprocs = []",
        "columns = 3",
        "refresh_ms = 500\nthis is not toml",
        "\xff\xfe = 1",
    };
    for (const char* text : bad) {
        CAPTURE(text);
        const SettingsRead r = parse_settings(text, "rc");
        CHECK(r.settings == Settings{});
        CHECK(r.warning.rfind("rc:", 0) == 0);
        CHECK(r.warning.find('\n') == std::string::npos);
        CHECK(r.warning.find("using the default settings") != std::string::npos);
    }
    CHECK(parse_settings("refresh_ms = 10", "rc").warning.find("refresh_ms") != std::string::npos);
}

TEST_CASE("settings: a directory or a huge file in its place is a warning") {
    TempDir dir;
    CHECK(read_settings(dir.path.string()).warning.find("not a readable file") != std::string::npos);
    const auto big = dir.path / "rc";
    std::ofstream(big) << std::string(2 << 20, '#');
    CHECK(read_settings(big.string()).warning.find("too large") != std::string::npos);
}

TEST_CASE("settings: the path follows XDG_CONFIG_HOME, else HOME") {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = xdg ? xdg : "";
    ::setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
    CHECK(settings_path() == "/x/cfg/tracetop/tracetoprc");
    ::unsetenv("XDG_CONFIG_HOME");
    ::setenv("HOME", "/home/u", 1);
    CHECK(settings_path() == "/home/u/.config/tracetop/tracetoprc");
    if (xdg) ::setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
}

TEST_CASE("settings: the command line beats NO_COLOR beats the file") {
    Options cli;
    const Settings file = full();
    Applied a = apply_settings(cli, file, nullptr);
    CHECK(a.options.delay_ms == 250);
    CHECK(a.options.view == "files");
    CHECK(a.scheme == "256");
    CHECK(apply_settings(cli, file, "1").scheme == "monochrome");
    CHECK(apply_settings(cli, file, "").scheme == "256");  // set but empty: no effect
    CHECK(apply_settings(cli, Settings{}, nullptr).scheme == "default");
    cli.delay_given = true;
    cli.delay_ms = 2000;
    cli.view = "procs";
    cli.scheme = "default";
    a = apply_settings(cli, file, "1");
    CHECK(a.options.delay_ms == 2000);
    CHECK(a.options.view == "procs");
    CHECK(a.scheme == "default");
}

TEST_CASE("command line: the colour options and whether -d was given") {
    auto parse = [](std::vector<const char*> args) {
        args.insert(args.begin(), "tracetop");
        return parse_command_line(static_cast<int>(args.size()), args.data());
    };
    CliOutcome out = parse({"-r", "x.scap"});
    REQUIRE(out.options);
    CHECK_FALSE(out.options->delay_given);
    CHECK_FALSE(out.options->scheme);
    out = parse({"-d", "1000", "--no-color"});
    REQUIRE(out.options);
    CHECK(out.options->delay_given);
    CHECK(out.options->scheme == "monochrome");
    CHECK(parse({"--color"}).options->scheme == "default");
    CHECK(parse({"--scheme", "256"}).options->scheme == "256");
    CHECK_FALSE(parse({"--scheme", "purple"}).options);
    CHECK(parse({"--scheme", "purple"}).exit_status == 2);
    CHECK_FALSE(parse({"--color", "--no-color"}).options);
}

TEST_CASE("--help and the man page name the settings file") {
    std::ostringstream captured;
    auto* old = std::cout.rdbuf(captured.rdbuf());
    const char* argv[] = {"tracetop", "--help"};
    parse_command_line(2, argv);
    std::cout.rdbuf(old);
    CHECK(captured.str().find("tracetop/tracetoprc") != std::string::npos);
    CHECK(captured.str().find("--scheme") != std::string::npos);
    const char* root = std::getenv("SOURCE_ROOT");
    REQUIRE(root);
    std::ifstream in(std::string(root) + "/man/tracetop.8");
    const std::string man((std::istreambuf_iterator<char>(in)), {});
    const size_t files = man.find(".SH FILES");
    REQUIRE(files != std::string::npos);
    CHECK(man.find("tracetop/tracetoprc", files) != std::string::npos);
    CHECK(man.find("\\-\\-scheme") != std::string::npos);
}
