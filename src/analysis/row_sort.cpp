#include "analysis/row_sort.h"

#include <algorithm>
#include <cctype>

namespace tracetop::analysis {
namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Keys compare as numbers when both are (so 9 precedes 10), else as text.
int compare_keys(const std::string& a, const std::string& b) {
    if (all_digits(a) && all_digits(b) && a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

int compare_cells(const Cell& a, const Cell& b) {
    if (a.is_number && b.is_number) return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
    const int c = a.text.compare(b.text);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool contains_ci(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return true;
    if (needle.size() > hay.size()) return false;
    for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        size_t j = 0;
        while (j < needle.size() && lower(hay[i + j]) == lower(needle[j])) ++j;
        if (j == needle.size()) return true;
    }
    return false;
}

// a before b?
bool row_before(const Row& a, const Row& b, size_t col, bool descending) {
    const bool pa = col < a.cells.size() && a.cells[col].present;
    const bool pb = col < b.cells.size() && b.cells[col].present;
    if (pa != pb) return pa;
    if (pa) {
        const int c = compare_cells(a.cells[col], b.cells[col]);
        if (c != 0) return descending ? c > 0 : c < 0;
    }
    return compare_keys(a.key, b.key) < 0;
}

}  // namespace

void sort_rows(std::vector<Row>& rows, size_t col, bool descending) {
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const Row& a, const Row& b) { return row_before(a, b, col, descending); });
}

void sort_rows(std::vector<const Row*>& rows, size_t col, bool descending) {
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const Row* a, const Row* b) { return row_before(*a, *b, col, descending); });
}

bool row_contains(const Row& row, std::string_view needle) {
    if (contains_ci(row.key, needle)) return true;
    for (const Cell& c : row.cells) {
        if (contains_ci(c.text, needle)) return true;
    }
    return false;
}

}  // namespace tracetop::analysis
