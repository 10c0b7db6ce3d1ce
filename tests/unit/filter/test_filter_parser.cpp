#include <doctest/doctest.h>

#include "filter/filter_parser.h"

using namespace tracetop::filter;

namespace {

// A compact rendering of the tree, to assert structure and precedence.
std::string show(const Node& n) {
    switch (n.kind) {
        case Node::Kind::Check: {
            std::string s = n.check.field;
            if (n.check.has_arg) s += "[" + n.check.field_arg + "]";
            s += " " + std::string(op_name(n.check.op));
            for (const auto& v : n.check.values) s += " '" + v + "'";
            return "(" + s + ")";
        }
        case Node::Kind::Not: return "not" + show(*n.children[0]);
        default: {
            std::string s = n.kind == Node::Kind::And ? "and[" : "or[";
            for (size_t i = 0; i < n.children.size(); ++i) s += (i ? "," : "") + show(*n.children[i]);
            return s + "]";
        }
    }
}

std::string parsed(std::string_view text) {
    auto r = parse_filter(text);
    if (!r.ok()) FAIL(r.error().message);
    return show(**r);
}

uint64_t error_column(std::string_view text) {
    auto r = parse_filter(text);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error().offset.has_value());
    return *r.error().offset;
}

}  // namespace

TEST_CASE("simple comparisons and every operator") {
    CHECK(parsed("evt.type=open") == "(evt.type = 'open')");
    CHECK(parsed("evt.type == open") == "(evt.type = 'open')");
    CHECK(parsed("fd.port!=80") == "(fd.port != '80')");
    CHECK(parsed("evt.latency>=1000") == "(evt.latency >= '1000')");
    CHECK(parsed("evt.latency <= 1000") == "(evt.latency <= '1000')");
    CHECK(parsed("evt.latency<1") == "(evt.latency < '1')");
    CHECK(parsed("evt.latency>1") == "(evt.latency > '1')");
    CHECK(parsed("fd.name contains /etc") == "(fd.name contains '/etc')");
    CHECK(parsed("proc.name icontains CUR") == "(proc.name icontains 'CUR')");
    CHECK(parsed("fd.name startswith /usr") == "(fd.name startswith '/usr')");
    CHECK(parsed("fd.name endswith .so") == "(fd.name endswith '.so')");
    CHECK(parsed("fd.name glob '*.so*'") == "(fd.name glob '*.so*')");
    CHECK(parsed("fd.name exists") == "(fd.name exists)");
    // A keyword may end at ')', as in sysdig ("(view filter) and (scope)").
    CHECK(parsed("(fd.name exists)") == "(fd.name exists)");
    CHECK(parsed("proc.name regex 'c.r[l]'") == "(proc.name regex 'c.r[l]')");
    CHECK(parsed("evt.type in (open, close,read)") == "(evt.type in 'open' 'close' 'read')");
    CHECK(parsed("fd.name pmatch (/etc, /usr/lib)") == "(fd.name pmatch '/etc' '/usr/lib')");
    CHECK(parsed("evt.arg[0]=3") == "(evt.arg[0] = '3')");
    CHECK(parsed("evt.arg.fd=3") == "(evt.arg.fd = '3')");
    CHECK(parsed("proc.args contains \"a b\\\"c\"") == "(proc.args contains 'a b\"c')");
}

TEST_CASE("precedence: not binds tighter than and, and tighter than or") {
    CHECK(parsed("not evt.type=open and evt.type=close") == "and[not(evt.type = 'open'),(evt.type = 'close')]");
    CHECK(parsed("a.b=1 or c.d=2 and e.f=3") == "or[(a.b = '1'),and[(c.d = '2'),(e.f = '3')]]");
    CHECK(parsed("(a.b=1 or c.d=2) and e.f=3") == "and[or[(a.b = '1'),(c.d = '2')],(e.f = '3')]");
    CHECK(parsed("not (a.b=1)") == "not(a.b = '1')");
    CHECK(parsed("not not a.b=1") == "notnot(a.b = '1')");
    CHECK(parsed("(evt.type=open)") == "(evt.type = 'open')");
    CHECK(parsed("a.b=1 and c.d=2 and e.f=3") == "and[(a.b = '1'),(c.d = '2'),(e.f = '3')]");
}

TEST_CASE("keywords must be whole words") {
    CHECK(parsed("proc.name=android") == "(proc.name = 'android')");
    CHECK(parsed("proc.name=notepad or proc.name=origin") == "or[(proc.name = 'notepad'),(proc.name = 'origin')]");
    CHECK(parsed("fd.name contains in") == "(fd.name contains 'in')");
}

TEST_CASE("errors point at the column at fault") {
    CHECK(error_column("") == 0);
    CHECK(error_column("proc.name=curl and (evt.type=open") == 19);  // the unclosed '('
    CHECK(error_column("evt.type=open)") == 13);
    CHECK(error_column("evt.type=") == 9);
    CHECK(error_column("evt.type") == 8);
    CHECK(error_column("evt.type frobs x") == 9);
    CHECK(error_column("evt.type=open and") == 17);
    CHECK(error_column("evt.type in open") == 12);
    CHECK(error_column("evt.type in (open") == 12);
    CHECK(error_column("evt.type in ()") == 12);
    CHECK(error_column("proc.name='abc") == 10);
    CHECK(error_column("and evt.type=open") == 0);
    CHECK(error_column("evt.type=open evt.type=close") == 14);
    CHECK(error_column("evt.arg[0=3") == 7);
}

TEST_CASE("deep nesting is refused, not a stack overflow") {
    const std::string deep = std::string(100000, '(') + "evt.type=open" + std::string(100000, ')');
    auto r = parse_filter(deep);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("nests deeper") != std::string::npos);
    std::string nots;
    for (int i = 0; i < 100000; ++i) nots += "not ";
    CHECK_FALSE(parse_filter(nots + "evt.type=open").ok());
    // Reasonable nesting still parses.
    const std::string fine = std::string(100, '(') + "evt.type=open" + std::string(100, ')');
    CHECK(parse_filter(fine).ok());
}
