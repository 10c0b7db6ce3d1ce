// Errors a user can cause (a bad file, a bad filter) travel as values: a
// message, and where it applies a byte offset or a column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace tracetop {

struct Error {
    std::string message;
    std::optional<uint64_t> offset;  // byte offset in a file, or column in a text

    Error() = default;
    explicit Error(std::string msg, std::optional<uint64_t> off = std::nullopt)
        : message(std::move(msg)), offset(off) {}

    static Error at(std::string msg, uint64_t off) { return Error(std::move(msg), off); }
};

// A value or an Error (std::expected arrives only in C++23).
template <class T>
class Result {
public:
    Result(T value) : data_(std::move(value)) {}
    Result(Error error) : data_(std::move(error)) {}

    bool ok() const { return data_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(data_); }
    const T& value() const { return std::get<0>(data_); }
    T& operator*() { return value(); }
    T* operator->() { return &value(); }
    const Error& error() const { return std::get<1>(data_); }

private:
    std::variant<T, Error> data_;
};

}  // namespace tracetop
