#include "filter/filter_parser.h"

#include <cctype>
#include <optional>

#include <fmt/format.h>

namespace tracetop::filter {
namespace {

struct WordOp {
    std::string_view word;
    CompareOp op;
};

constexpr WordOp kWordOps[] = {
    {"contains", CompareOp::Contains}, {"icontains", CompareOp::IContains},
    {"startswith", CompareOp::StartsWith}, {"endswith", CompareOp::EndsWith},
    {"glob", CompareOp::Glob}, {"in", CompareOp::In}, {"pmatch", CompareOp::PMatch},
    {"exists", CompareOp::Exists}, {"regex", CompareOp::Regex},
};

bool is_field_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    Result<std::unique_ptr<Node>> parse() {
        skip_space();
        if (at_end()) {
            fail("the filter is empty");
        } else {
            auto node = parse_or();
            skip_space();
            if (!error_ && !at_end()) {
                if (peek() == ')') {
                    fail("unbalanced parenthesis: this ')' has no matching '('");
                } else {
                    fail(fmt::format("expected 'and', 'or' or the end of the filter, found '{}'", next_token_text()));
                }
            }
            if (!error_) return node;
        }
        return *error_;
    }

private:
    std::string_view text_;
    size_t pos_ = 0;
    std::optional<Error> error_;
    // Brackets and 'not' recurse; a bound keeps a hostile filter from
    // exhausting the stack (the fuzzer found "((((...").
    static constexpr int kMaxNesting = 256;
    int nesting_ = 0;

    struct NestingGuard {
        int& depth;
        explicit NestingGuard(int& d) : depth(d) { ++depth; }
        ~NestingGuard() { --depth; }
    };
    bool too_deep() {
        if (nesting_ <= kMaxNesting) return false;
        fail(fmt::format("the filter nests deeper than {} levels of brackets and 'not'", kMaxNesting));
        return true;
    }

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }
    void skip_space() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }

    std::unique_ptr<Node> fail(std::string message, std::optional<size_t> at = std::nullopt) {
        if (!error_) error_ = Error::at(std::move(message), at.value_or(pos_));
        return nullptr;
    }

    std::string_view next_token_text() const {
        size_t end = pos_;
        while (end < text_.size() && !std::isspace(static_cast<unsigned char>(text_[end]))) ++end;
        return text_.substr(pos_, end - pos_);
    }

    // True (and consumes it) when the next word is `kw` as a whole word.
    bool accept_keyword(std::string_view kw) {
        skip_space();
        if (text_.substr(pos_, kw.size()) != kw) return false;
        const size_t after = pos_ + kw.size();
        // A keyword ends at white space or a parenthesis: "(fd.name exists)" is
        // sysdig's too.
        if (after < text_.size() && !std::isspace(static_cast<unsigned char>(text_[after])) && text_[after] != '(' &&
            text_[after] != ')') {
            return false;
        }
        pos_ = after;
        return true;
    }

    std::unique_ptr<Node> combine(Node::Kind kind, std::unique_ptr<Node> first, std::string_view kw,
                                  std::unique_ptr<Node> (Parser::*sub)()) {
        if (!first) return nullptr;
        if (!accept_keyword(kw)) return first;
        auto node = std::make_unique<Node>(Node{kind, {}, {}});
        node->children.push_back(std::move(first));
        do {
            skip_space();
            if (at_end()) return fail(fmt::format("expected an expression after '{}'", kw));
            auto next = (this->*sub)();
            if (!next) return nullptr;
            node->children.push_back(std::move(next));
        } while (accept_keyword(kw));
        return node;
    }

    std::unique_ptr<Node> parse_or() { return combine(Node::Kind::Or, parse_and(), "or", &Parser::parse_and); }
    std::unique_ptr<Node> parse_and() { return combine(Node::Kind::And, parse_not(), "and", &Parser::parse_not); }

    std::unique_ptr<Node> parse_not() {
        if (accept_keyword("not")) {
            const NestingGuard guard(nesting_);
            if (too_deep()) return nullptr;
            skip_space();
            if (at_end()) return fail("expected an expression after 'not'");
            auto inner = parse_not();
            if (!inner) return nullptr;
            auto node = std::make_unique<Node>(Node{Node::Kind::Not, {}, {}});
            node->children.push_back(std::move(inner));
            return node;
        }
        return parse_primary();
    }

    std::unique_ptr<Node> parse_primary() {
        skip_space();
        if (peek() == '(') {
            const NestingGuard guard(nesting_);
            if (too_deep()) return nullptr;
            const size_t open = pos_++;
            auto inner = parse_or();
            if (!inner) return nullptr;
            skip_space();
            if (peek() != ')') {
                if (at_end()) return fail(fmt::format("unbalanced parenthesis: the '(' at column {} is never closed", open + 1), open);
                return fail(fmt::format("expected ')' to close the '(' at column {}, found '{}'", open + 1, next_token_text()));
            }
            ++pos_;
            return inner;
        }
        if (peek() == ')') return fail("unexpected ')': there is no expression before it");
        return parse_check();
    }

    std::unique_ptr<Node> parse_check() {
        Check check;
        check.pos = static_cast<uint32_t>(pos_);
        const size_t start = pos_;
        while (!at_end() && is_field_char(peek())) ++pos_;
        if (pos_ == start) return fail(fmt::format("expected a field name, found '{}'", next_token_text()));
        check.field = std::string(text_.substr(start, pos_ - start));
        if (check.field == "and" || check.field == "or") {
            return fail(fmt::format("'{}' needs an expression before it", check.field), start);
        }
        if (peek() == '[') {
            const size_t close = text_.find(']', pos_);
            if (close == std::string_view::npos) return fail("field argument '[' is never closed with ']'");
            check.field_arg = std::string(text_.substr(pos_ + 1, close - pos_ - 1));
            check.has_arg = true;
            pos_ = close + 1;
        }
        if (!parse_operator(check)) return nullptr;
        if (check.op != CompareOp::Exists && !parse_values(check)) return nullptr;
        auto node = std::make_unique<Node>(Node{Node::Kind::Check, {}, {}});
        node->check = std::move(check);
        return node;
    }

    bool parse_operator(Check& check) {
        skip_space();
        static constexpr std::pair<std::string_view, CompareOp> kSymbolOps[] = {
            {"==", CompareOp::Eq}, {"!=", CompareOp::Ne}, {"<=", CompareOp::Le}, {">=", CompareOp::Ge},
            {"=", CompareOp::Eq},  {"<", CompareOp::Lt},  {">", CompareOp::Gt},
        };
        for (const auto& [sym, op] : kSymbolOps) {
            if (text_.substr(pos_, sym.size()) == sym) {
                pos_ += sym.size();
                check.op = op;
                return true;
            }
        }
        for (const WordOp& w : kWordOps) {
            if (accept_keyword(w.word)) {
                check.op = w.op;
                return true;
            }
        }
        if (at_end()) {
            fail(fmt::format("expected an operator (=, !=, contains, in, exists, ...) after '{}'", check.field));
        } else {
            fail(fmt::format("expected an operator after '{}', found '{}'", check.field, next_token_text()));
        }
        return false;
    }

    bool parse_values(Check& check) {
        skip_space();
        check.value_pos = static_cast<uint32_t>(pos_);
        const bool wants_list = check.op == CompareOp::In || check.op == CompareOp::PMatch;
        if (wants_list) {
            if (peek() != '(') {
                fail(fmt::format("'{}' needs a list in parentheses, e.g. (a, b)", op_name(check.op)));
                return false;
            }
            const size_t open = pos_++;
            for (;;) {
                skip_space();
                if (at_end()) {
                    fail(fmt::format("unbalanced parenthesis: the list opened at column {} is never closed", open + 1), open);
                    return false;
                }
                if (peek() == ')') { ++pos_; break; }
                if (peek() == ',') { ++pos_; continue; }
                auto value = parse_value(true);
                if (!value) return false;
                check.values.push_back(std::move(*value));
            }
            if (check.values.empty()) {
                fail(fmt::format("the list after '{}' is empty", op_name(check.op)), open);
                return false;
            }
            return true;
        }
        if (at_end() || peek() == ')') {
            fail(fmt::format("expected a value after '{} {}'", check.field, op_name(check.op)));
            return false;
        }
        auto value = parse_value(false);
        if (!value) return false;
        check.values.push_back(std::move(*value));
        return true;
    }

    // A quoted string (with \ escapes) or a bare word ending at white space or
    // ')' (and ',' inside a list).
    std::optional<std::string> parse_value(bool in_list) {
        const char quote = peek();
        if (quote == '"' || quote == '\'') {
            const size_t open = pos_++;
            std::string out;
            while (!at_end() && peek() != quote) {
                char c = text_[pos_++];
                if (c == '\\' && !at_end()) c = text_[pos_++];
                out.push_back(c);
            }
            if (at_end()) {
                fail(fmt::format("the quote at column {} is never closed", open + 1), open);
                return std::nullopt;
            }
            ++pos_;
            return out;
        }
        const size_t start = pos_;
        while (!at_end()) {
            const char c = peek();
            if (std::isspace(static_cast<unsigned char>(c)) || c == ')' || (in_list && c == ',')) break;
            ++pos_;
        }
        return std::string(text_.substr(start, pos_ - start));
    }
};

}  // namespace

std::string_view op_name(CompareOp op) {
    switch (op) {
        case CompareOp::Eq: return "=";
        case CompareOp::Ne: return "!=";
        case CompareOp::Lt: return "<";
        case CompareOp::Le: return "<=";
        case CompareOp::Gt: return ">";
        case CompareOp::Ge: return ">=";
        case CompareOp::Contains: return "contains";
        case CompareOp::IContains: return "icontains";
        case CompareOp::StartsWith: return "startswith";
        case CompareOp::EndsWith: return "endswith";
        case CompareOp::Glob: return "glob";
        case CompareOp::In: return "in";
        case CompareOp::PMatch: return "pmatch";
        case CompareOp::Exists: return "exists";
        case CompareOp::Regex: return "regex";
    }
    return "?";
}

Result<std::unique_ptr<Node>> parse_filter(std::string_view text) { return Parser(text).parse(); }

}  // namespace tracetop::filter
