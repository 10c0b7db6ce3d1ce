#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "engine/cli_options.h"
#include "engine/http_endpoint.h"
#include "engine/openmetrics_text.h"

using namespace tracetop::engine;

namespace {

std::string escaped(std::string_view v) {
    std::string out;
    append_label_value(out, v);
    return out;
}

}  // namespace

TEST_CASE("label values: quotes, backslashes and line feeds escaped") {
    CHECK(escaped("plain") == "plain");
    CHECK(escaped("a\"b") == "a\\\"b");
    CHECK(escaped("a\\b") == "a\\\\b");
    CHECK(escaped("a\nb") == "a\\nb");
    // A hostile name cannot close the label and add one of its own.
    CHECK(escaped("x\",pid=\"1") == "x\\\",pid=\\\"1");
}

TEST_CASE("label values: control characters and invalid UTF-8 become U+FFFD") {
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(escaped("a\x1b[31mb") == "a" + fffd + "[31mb");
    CHECK(escaped(std::string("a\0b", 3)) == "a" + fffd + "b");
    CHECK(escaped("a\x7f") == "a" + fffd);
    CHECK(escaped("\xff\xfe") == fffd + fffd);
    CHECK(escaped("\xc3") == fffd);                 // cut short
    CHECK(escaped("\xc0\xaf") == fffd + fffd);      // overlong '/'
    CHECK(escaped("\xed\xa0\x80") == fffd + fffd + fffd);  // a surrogate
    CHECK(escaped("\xc2\x9b") == fffd + fffd);      // C1 CSI
    CHECK(escaped("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x8d") == "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x8d");
}

TEST_CASE("label values: bounded") {
    CHECK(escaped(std::string(10000, 'a')).size() == 256);
}

TEST_CASE("numbers: integers plain, fractions, infinities, NaN") {
    auto num = [](double d) {
        std::string s;
        append_number(s, d);
        return s;
    };
    CHECK(num(42) == "42");
    CHECK(num(0.25) == "0.25");
    CHECK(num(1.0 / 0.0) == "+Inf");
    CHECK(num(-1.0 / 0.0) == "-Inf");
    CHECK(num(0.0 / 0.0) == "NaN");
}

TEST_CASE("families: TYPE and HELP, counters' samples end in _total, EOF closes OpenMetrics") {
    OpenMetricsText out;
    out.family("t_calls", MetricType::Counter, "Calls.");
    out.sample("t_calls_total", {{"syscall", "read"}, {"name", "a\"b"}}, 3);
    out.family("t_rss", MetricType::Gauge, "Memory.");
    out.sample("t_rss", {}, 1024);
    const std::string om = out.finish(true);
    CHECK(om ==
          "# TYPE t_calls counter\n# HELP t_calls Calls.\n"
          "t_calls_total{syscall=\"read\",name=\"a\\\"b\"} 3\n"
          "# TYPE t_rss gauge\n# HELP t_rss Memory.\n"
          "t_rss 1024\n"
          "# EOF\n");
    // Prometheus's own format names the counter family with _total, and has no EOF.
    CHECK(prometheus_text_from_openmetrics(om) ==
          "# TYPE t_calls_total counter\n# HELP t_calls_total Calls.\n"
          "t_calls_total{syscall=\"read\",name=\"a\\\"b\"} 3\n"
          "# TYPE t_rss gauge\n# HELP t_rss Memory.\n"
          "t_rss 1024\n");
}

TEST_CASE("histograms: cumulative buckets, +Inf, _count and _sum") {
    OpenMetricsText out;
    const double bounds[] = {0.001, 1};
    const uint64_t counts[] = {2, 3, 4};  // per bucket, and above the last bound
    const Label l{"syscall", "read"};
    out.histogram("t_lat_seconds", std::span<const Label>(&l, 1), bounds, counts, 7.5);
    CHECK(out.finish(false) ==
          "t_lat_seconds_bucket{syscall=\"read\",le=\"0.001\"} 2\n"
          "t_lat_seconds_bucket{syscall=\"read\",le=\"1.0\"} 5\n"
          "t_lat_seconds_bucket{syscall=\"read\",le=\"+Inf\"} 9\n"
          "t_lat_seconds_count{syscall=\"read\"} 9\n"
          "t_lat_seconds_sum{syscall=\"read\"} 7.5\n");
}

TEST_CASE("--serve addresses: PORT alone is loopback; ADDR:PORT and [IPv6]:PORT") {
    auto a = parse_serve_address("9100");
    REQUIRE(a);
    CHECK(a->host == "127.0.0.1");
    CHECK(a->port == 9100);
    a = parse_serve_address("0.0.0.0:80");
    REQUIRE(a);
    CHECK(a->host == "0.0.0.0");
    CHECK(a->port == 80);
    a = parse_serve_address("[::1]:9100");
    REQUIRE(a);
    CHECK(a->host == "::1");
    CHECK_FALSE(parse_serve_address("::1:9100"));
    CHECK_FALSE(parse_serve_address("host:"));
    CHECK_FALSE(parse_serve_address(":80"));
    CHECK_FALSE(parse_serve_address("1.2.3.4:70000"));
    CHECK_FALSE(parse_serve_address("1.2.3.4:0"));
    CHECK_FALSE(parse_serve_address("1.2.3.4:80x"));
    CHECK_FALSE(parse_serve_address("[::1]9100"));
}

TEST_CASE("--serve-token: only the exact bearer token is let in") {
    CHECK(authorized("Bearer s3cret", "s3cret"));
    CHECK_FALSE(authorized("Bearer s3cre", "s3cret"));
    CHECK_FALSE(authorized("Bearer s3cretX", "s3cret"));
    CHECK_FALSE(authorized("Basic s3cret", "s3cret"));
    CHECK_FALSE(authorized("", "s3cret"));
}

TEST_CASE("--serve on the command line: its options need it, screen modes refuse it") {
    auto parse = [](std::vector<const char*> args) {
        args.insert(args.begin(), "tracetop");
        return parse_command_line(static_cast<int>(args.size()), args.data());
    };
    auto ok = parse({"--serve", "9100", "--serve-token", "/t", "--serve-max-processes", "50", "--serve-grace", "5"});
    REQUIRE(ok.options);
    CHECK(ok.options->serve == "9100");
    CHECK(ok.options->serve_token_file == "/t");
    CHECK(ok.options->serve_max_processes == 50);
    CHECK(ok.options->serve_grace_s == 5);
    CHECK(parse({"--serve-token", "/t"}).exit_status == 2);
    CHECK(parse({"--serve-grace", "5"}).exit_status == 2);
    CHECK(parse({"--serve", "9100", "--json"}).exit_status == 2);
    CHECK(parse({"--serve", "9100", "--print"}).exit_status == 2);
    CHECK(parse({"--serve", "9100", "-w", "x.scap"}).exit_status == 2);
    CHECK(parse({"--serve", "9100", "--serve-max-processes", "0"}).exit_status == 2);
}

TEST_CASE("the endpoint's port is its own: a second listener on it is refused") {
    // A port free a moment ago, from the kernel.
    const int probe = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(probe >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(probe, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(getsockname(probe, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    close(probe);
    const ServeAddress where{"127.0.0.1", ntohs(addr.sin_port)};
    MetricsBoard board;
    auto first = HttpEndpoint::start(where, "", board);
    REQUIRE(first);
    auto second = HttpEndpoint::start(where, "", board);
    REQUIRE_FALSE(second);
    CHECK(second.error().message.find("cannot listen on 127.0.0.1:") != std::string::npos);
}
