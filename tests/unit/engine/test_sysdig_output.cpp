#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "engine/buffer_print.h"
#include "engine/cli_options.h"
#include "engine/event_json.h"
#include "engine/rotation_names.h"
#include "engine/timestamp_format.h"

using namespace tracetop;
using namespace tracetop::engine;

namespace {

std::string buffer(std::string_view bytes, BufferFormat format) {
    event::OutBuffer out;
    append_buffer({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()}, format, out);
    return std::string(out.data(), out.size());
}

std::string json(std::string_view text) {
    event::OutBuffer out;
    append_json_string(text, out);
    return std::string(out.data(), out.size());
}

}  // namespace

TEST_CASE("-A keeps printable bytes and line ends, CR and CRLF made LF") {
    CHECK(buffer("ab\tc", BufferFormat::Ascii) == "\nabc");
    CHECK(buffer("a\r\nb\rc\nd", BufferFormat::Ascii) == "\na\nb\nc\nd");
    CHECK(buffer("\nx", BufferFormat::Ascii) == "\nx");  // sysdig drops a LF at the start
    CHECK(buffer(std::string_view("\x1b[2J\0z", 6), BufferFormat::Ascii) == "\n[2Jz");
}

TEST_CASE("-x rows of 2-byte groups, an odd last byte alone; -X padded, text beside") {
    CHECK(buffer("ABC", BufferFormat::Hex) == "\n\t0x0000: 4142 43\n");
    CHECK(buffer("ABC", BufferFormat::HexAscii) ==
          "\n\t0x0000: 4142 43" + std::string(6 * 5, ' ') + "  ABC\n");
    const std::string seventeen = "0123456789abcdef\x01";
    CHECK(buffer(seventeen, BufferFormat::Hex) ==
          "\n\t0x0000: 3031 3233 3435 3637 3839 6162 6364 6566\n\t0x0010: 01\n");
    CHECK(buffer(seventeen, BufferFormat::HexAscii) ==
          "\n\t0x0000: 3031 3233 3435 3637 3839 6162 6364 6566  0123456789abcdef"
          "\n\t0x0010: 01" + std::string(7 * 5, ' ') + "  .\n");
    CHECK(buffer(std::string(100, '\xff'), BufferFormat::WholeDots) == std::string(100, '.'));
    CHECK(buffer("-6", BufferFormat::Base64) == "LTY=");
    CHECK(buffer("abc", BufferFormat::Base64) == "YWJj");
    CHECK(buffer("a", BufferFormat::Base64) == "YQ==");
}

TEST_CASE("JSON strings escape quotes, backslashes and every byte a terminal could act on") {
    CHECK(json("a\"b\\c") == R"("a\"b\\c")");
    CHECK(json("x\ny\tz") == R"("x\ny\tz")");
    CHECK(json("\x1b[0m\x7f\xff") == R"("\u001b[0m\u007f\u00ff")");
}

TEST_CASE("-t letters") {
    CHECK(parse_time_format("h") == TimeFormat::Human);
    CHECK(parse_time_format("D") == TimeFormat::Delta);
    CHECK(parse_time_format("d") == TimeFormat::Latency);
    CHECK_FALSE(parse_time_format("x").has_value());
    CHECK_FALSE(parse_time_format("ha").has_value());

    event::EventView ev;
    ev.ts = 12'000'931'868ULL;
    event::OutBuffer out;
    EventTimestamp absolute(TimeFormat::Absolute);
    absolute.append(ev, 0, out);
    CHECK(std::string(out.data(), out.size()) == "12.931868");  // sysdig drops the leading zeros here
    out.clear();
    EventTimestamp delta(TimeFormat::Delta);
    delta.append(ev, 0, out);
    out.push_back(' ');
    ev.ts += 1500;
    delta.append(ev, 0, out);
    CHECK(std::string(out.data(), out.size()) == "0.000000000 0.000001500");
}

namespace {

int exit_status(std::initializer_list<const char*> args) {
    std::vector<const char*> argv{"tracetop"};
    argv.insert(argv.end(), args.begin(), args.end());
    const engine::CliOutcome out = engine::parse_command_line(static_cast<int>(argv.size()), argv.data());
    return out.options ? -1 : out.exit_status;
}

}  // namespace

TEST_CASE("sysdig options tracetop does not take are refused, never misparsed") {
    CHECK(exit_status({"-r", "f.scap", "-F"}) == 2);
    CHECK(exit_status({"-Bprobe.o"}) == 2);
    CHECK(exit_status({"--bpf=probe.o"}) == 2);
    CHECK(exit_status({"-r", "f.scap", "-M", "5"}) == 2);
    CHECK(exit_status({"-r", "f.scap", "-U", "bash"}) == 2);
    CHECK(exit_status({"-r", "f.scap", "-t", "x"}) == 2);
    CHECK(exit_status({"-r", "f.scap", "-A", "-X"}) == 2);
    CHECK(exit_status({"-r", "f.scap", "-e", "10"}) == 2);       // rotation without -w
    CHECK(exit_status({"-r", "f.scap", "-w", "o", "-W", "2"}) == 2);  // -W alone
    CHECK(exit_status({"-r", "f.scap", "-j", "-p", "%proc.name"}) == 2);
    // After "--" the words are the filter's.
    CHECK(exit_status({"-r", "f.scap", "--", "-b"}) == -1);
}

TEST_CASE("sysdig's output options parse to their settings") {
    const char* argv[] = {"tracetop", "-r", "f.scap", "-t", "D", "-X", "-S", "-q", "-w", "o.scap", "-e", "5", "-W", "3"};
    const engine::CliOutcome out = engine::parse_command_line(14, argv);
    REQUIRE(out.options);
    CHECK(out.options->time_format == TimeFormat::Delta);
    CHECK(out.options->buffer_format == BufferFormat::HexAscii);
    CHECK(out.options->summary);
    CHECK(out.options->quiet);
    CHECK(out.options->rotation.max_events == 5);
    CHECK(out.options->rotation.file_limit == 3);
}

TEST_CASE("rotated file names as sysdig's") {
    RotationPolicy events;
    events.max_events = 10;
    CHECK(rotated_file_name("out.scap", events, 0, 0) == "out.scap0");
    CHECK(rotated_file_name("out.scap", events, 12, 0) == "out.scap12");
    events.file_limit = 3;
    CHECK(rotated_file_name("out.scap", events, 4, 0) == "out.scap1");
    RotationPolicy seconds;
    seconds.max_seconds = 60;
    setenv("TZ", "UTC", 1);
    tzset();
    CHECK(rotated_file_name("out-%H%M.scap", seconds, 7, 3600ULL * 1000000000ULL) == "out-0100.scap");
    CHECK(rotated_file_name("out.scap", seconds, 7, 0) == "out.scap7");  // no time format: numbered
}
