// ChunkedVector (engine/chunked_vector.h): appends across chunk boundaries
// land where indexing finds them, and a moved-from or moved-to array goes on
// appending in the right place (session 12 keeps the next free slot).
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>

#include "engine/chunked_vector.h"

using tracetop::engine::ChunkedVector;

namespace {

// 2^3 = 8 elements a chunk: 100 appends cross twelve boundaries.
using Small = ChunkedVector<uint64_t, 3>;

void fill(Small& v, uint64_t from, uint64_t n) {
    for (uint64_t i = 0; i < n; ++i) v.push_back(from + i);
}

void check_values(const Small& v, uint64_t from) {
    for (size_t i = 0; i < v.size(); ++i) REQUIRE(v[i] == from + i);
}

}  // namespace

TEST_CASE("appends across chunks are found by index, back() is the last") {
    Small v;
    CHECK(v.empty());
    fill(v, 1000, 100);
    CHECK(v.size() == 100);
    CHECK(v.capacity() == 104);
    CHECK(v.back() == 1099);
    check_values(v, 1000);
    v.grow_to(120);
    CHECK(v.size() == 120);
    CHECK(v[119] == 0);
}

TEST_CASE("a moved array appends after what it took; the emptied one starts over") {
    Small a;
    fill(a, 0, 13);
    Small b(std::move(a));
    CHECK(a.size() == 0);
    fill(b, 13, 20);
    CHECK(b.size() == 33);
    check_values(b, 0);
    fill(a, 500, 9);  // the moved-from array starts a chunk of its own
    CHECK(a.size() == 9);
    check_values(a, 500);

    Small c;
    fill(c, 7, 3);
    c = std::move(b);  // what c held is released
    CHECK(c.size() == 33);
    fill(c, 33, 31);
    CHECK(c.size() == 64);
    check_values(c, 0);
}

TEST_CASE("elements that own memory are built in place and move with the array") {
    ChunkedVector<std::string, 2> v;
    for (int i = 0; i < 10; ++i) v.emplace_back(std::string(40, static_cast<char>('a' + i)));
    CHECK(v.size() == 10);
    CHECK(v[9] == std::string(40, 'j'));
    ChunkedVector<std::string, 2> w(std::move(v));
    w.emplace_back("last");
    CHECK(w[10] == "last");
    CHECK(w[4] == std::string(40, 'e'));
}
