#include "engine/http_endpoint.h"

#include <charconv>
#include <fstream>

#include <httplib.h>

#include "engine/openmetrics_text.h"

namespace tracetop::engine {

Result<ServeAddress> parse_serve_address(std::string_view text) {
    ServeAddress out;
    std::string_view port_text = text;
    const size_t colon = text.rfind(':');
    if (!text.empty() && text.front() == '[') {
        const size_t close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            return Error("--serve takes PORT, ADDR:PORT or [IPV6]:PORT");
        }
        out.host = std::string(text.substr(1, close - 1));
        port_text = text.substr(close + 2);
    } else if (colon != std::string_view::npos) {
        out.host = std::string(text.substr(0, colon));
        port_text = text.substr(colon + 1);
        if (out.host.find(':') != std::string::npos) return Error("--serve: write an IPv6 address as [ADDR]:PORT");
    } else {
        out.host = "127.0.0.1";
    }
    if (out.host.empty()) return Error("--serve takes PORT, ADDR:PORT or [IPV6]:PORT");
    int port = 0;
    const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || port < 1 || port > 65535) {
        return Error("--serve: the port is a number from 1 to 65535");
    }
    out.port = port;
    return out;
}

Result<std::string> read_serve_token(const std::string& path) {
    std::ifstream in(path);
    if (!in) return Error(path + ": cannot read the token file");
    std::string line;
    std::getline(in, line);
    const size_t begin = line.find_first_not_of(" \t\r");
    const size_t end = line.find_last_not_of(" \t\r");
    if (begin == std::string::npos) return Error(path + ": the token file's first line is empty");
    std::string token = line.substr(begin, end - begin + 1);
    for (const char c : token) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return Error(path + ": the token holds a blank or control character");
    }
    return token;
}

bool authorized(std::string_view header, std::string_view token) {
    constexpr std::string_view kBearer = "Bearer ";
    if (header.substr(0, kBearer.size()) != kBearer) return false;
    const std::string_view given = header.substr(kBearer.size());
    unsigned diff = given.size() != token.size();
    for (size_t i = 0; i < token.size(); ++i) diff |= static_cast<unsigned char>(i < given.size() ? given[i] : 0) ^
                                                       static_cast<unsigned char>(token[i]);
    return diff == 0;
}

Result<std::unique_ptr<HttpEndpoint>> HttpEndpoint::start(const ServeAddress& address, std::string token,
                                                         MetricsBoard& board) {
    std::unique_ptr<HttpEndpoint> ep(new HttpEndpoint());
    ep->server_ = std::make_unique<httplib::Server>();
    httplib::Server& svr = *ep->server_;
    // Two workers: Prometheus scrapes one request at a time; more threads
    // would only be room for a flood.
    svr.new_task_queue = [] { return new httplib::ThreadPool(2); };
    svr.set_read_timeout(5, 0);
    svr.set_write_timeout(5, 0);
    svr.set_payload_max_length(4096);
    // cpp-httplib's default also sets SO_REUSEPORT, which would let a second
    // process (another tracetop, or anyone's) listen on the same port and
    // take half the scrapes: only SO_REUSEADDR, for a quick restart.
    svr.set_socket_options([](socket_t sock) {
        const int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // An idle kept-alive connection holds a worker, and tracetop's exit,
    // this long: Prometheus reconnects for its next scrape anyway.
    svr.set_keep_alive_timeout(1);
    svr.set_pre_routing_handler([token = std::move(token)](const httplib::Request& req, httplib::Response& res) {
        if (token.empty() || authorized(req.get_header_value("Authorization"), token)) {
            return httplib::Server::HandlerResponse::Unhandled;
        }
        res.status = 401;
        res.set_header("WWW-Authenticate", "Bearer realm=\"tracetop\"");
        res.set_content("tracetop: this endpoint needs \"Authorization: Bearer TOKEN\"\n", "text/plain");
        return httplib::Server::HandlerResponse::Handled;
    });
    svr.Get("/metrics", [&board](const httplib::Request& req, httplib::Response& res) {
        auto text = board.fresh(std::chrono::milliseconds(1000));
        if (!text) {
            res.status = 503;
            res.set_content("tracetop: starting\n", "text/plain");
            return;
        }
        const bool openmetrics = req.get_header_value("Accept").find("application/openmetrics-text") != std::string::npos;
        if (openmetrics) {
            res.set_content(*text, kOpenMetricsContentType);
        } else {
            res.set_content(prometheus_text_from_openmetrics(*text), kPrometheusTextContentType);
        }
    });
    svr.Get("/", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("tracetop: metrics are at /metrics\n", "text/plain");
    });
    if (!svr.bind_to_port(address.host, address.port)) {
        return Error("--serve: cannot listen on " + address.host + ":" + std::to_string(address.port) +
                     " (address in use, or not an address of this machine)");
    }
    ep->port_ = address.port;
    HttpEndpoint* raw = ep.get();
    ep->thread_ = std::thread([raw, &svr] {
        svr.listen_after_bind();
        raw->ended_.store(true);
    });
    // stop() does nothing to a server not yet running, whose thread would
    // then never end: return only once it runs (or has already ended).
    while (!svr.is_running() && !ep->ended_.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return ep;
}

HttpEndpoint::~HttpEndpoint() {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
}

}  // namespace tracetop::engine
