#include "htop_keys.h"

#include "action_menu.h"

namespace tracetop::ui {
namespace {

constexpr auto kJumpPause = std::chrono::milliseconds(1500);

// The terms of a filter joined with " and " at its top level (inside no parentheses).
std::vector<std::string> top_terms(const std::string& filter) {
    std::vector<std::string> out;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i < filter.size(); ++i) {
        if (filter[i] == '(') ++depth;
        if (filter[i] == ')') --depth;
        if (depth == 0 && filter.compare(i, 5, " and ") == 0) {
            out.push_back(filter.substr(start, i - start));
            start = i + 5;
            i += 4;
        }
    }
    if (start < filter.size()) out.push_back(filter.substr(start));
    return out;
}

}  // namespace

std::optional<size_t> column_with_id(const analysis::Snapshot& snap, std::initializer_list<std::string_view> ids) {
    for (std::string_view id : ids) {
        for (size_t i = 0; i < snap.columns.size(); ++i) {
            if (snap.columns[i].id == id) return i;
        }
    }
    return std::nullopt;
}

std::string toggle_filter_term(const std::string& filter, const std::string& term) {
    std::vector<std::string> terms = top_terms(filter);
    const std::string wrapped = "(" + term + ")";
    const auto had = std::erase_if(terms, [&](const std::string& t) { return t == wrapped; });
    if (had == 0) {
        // A filter with an "or" of its own keeps its meaning in parentheses.
        if (filter.find(" or ") != std::string::npos) return "(" + filter + ") and " + wrapped;
        terms.push_back(wrapped);
    }
    std::string out;
    for (const std::string& t : terms) out += (out.empty() ? "" : " and ") + t;
    return out;
}

const std::string& PidJump::type(char digit) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ > kJumpPause || typed_.size() >= 10) typed_.clear();
    last_ = now;
    typed_.push_back(digit);
    return typed_;
}

std::optional<size_t> row_with_id(const analysis::Snapshot& snap, const std::vector<const analysis::Row*>& rows,
                                  const std::string& digits) {
    std::optional<size_t> first;
    for (size_t i = 0; i < rows.size(); ++i) {
        std::optional<std::string> id = row_value(snap, *rows[i], "thread.tid");
        if (!id) id = row_value(snap, *rows[i], "proc.pid");
        if (!id || id->rfind(digits, 0) != 0) continue;
        if (*id == digits) return i;
        if (!first) first = i;
    }
    return first;
}

}  // namespace tracetop::ui
