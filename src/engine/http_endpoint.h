// --serve's HTTP side, on cpp-httplib (Debian's libcpp-httplib-dev): GET
// /metrics answers the board's newest text, in OpenMetrics when the client
// asks for it (Prometheus does) and in Prometheus's text format otherwise.
// With a token, requests without "Authorization: Bearer TOKEN" get 401.
// The server runs on threads of its own.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "engine/metrics_board.h"
#include "event/result.h"

namespace httplib {
class Server;
}

namespace tracetop::engine {

struct ServeAddress {
    std::string host;  // "127.0.0.1", "::1", "0.0.0.0", ...
    int port = 0;
};

// "PORT" (on 127.0.0.1), "ADDR:PORT", "[IPV6]:PORT".
Result<ServeAddress> parse_serve_address(std::string_view text);

// The token file's first line, without surrounding blanks; an error when
// the file cannot be read or holds no token.
Result<std::string> read_serve_token(const std::string& path);

// Whether an Authorization header value carries `token` (compared in time
// that does not depend on where the first difference lies).
bool authorized(std::string_view header, std::string_view token);

class HttpEndpoint {
public:
    // Binds now (errors name the address), serves from a thread of its own.
    static Result<std::unique_ptr<HttpEndpoint>> start(const ServeAddress& address, std::string token,
                                                      MetricsBoard& board);
    ~HttpEndpoint();
    int port() const { return port_; }

private:
    HttpEndpoint() = default;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    std::atomic<bool> ended_{false};
    int port_ = 0;
};

}  // namespace tracetop::engine
