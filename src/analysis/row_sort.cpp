#include "analysis/row_sort.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

namespace tracetop::analysis {
namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
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

// What one row is compared by, gathered once per sort: following pointers
// into each row's cells and re-testing its key for digits on every
// comparison made a 20,000-row list take several milliseconds to sort on the
// screen thread, where each millisecond delays the answer to a key.
struct SortItem {
    const Cell* cell;       // nullptr: the row has no value in the column
    const std::string* key;
    bool key_is_number;     // all digits: 9 sorts before 10
    uint64_t key_number;    // its value, when it has at most 19 digits (else 0 and compared as text)
    uint32_t index;         // position before sorting: the last tie-break, so the sort is stable
};

SortItem make_item(const Row& r, size_t col, size_t index) {
    const Cell* cell = col < r.cells.size() && r.cells[col].present ? &r.cells[col] : nullptr;
    const bool digits = all_digits(r.key);
    uint64_t number = 0;
    if (digits && r.key.size() <= 19) {
        for (char c : r.key) number = number * 10 + static_cast<uint64_t>(c - '0');
    }
    return {cell, &r.key, digits, number, static_cast<uint32_t>(index)};
}

// Keys compare as numbers when both are (so 9 precedes 10), else as text.
int compare_items_keys(const SortItem& a, const SortItem& b) {
    if (a.key_is_number && b.key_is_number) {
        if (a.key->size() != b.key->size()) return a.key->size() < b.key->size() ? -1 : 1;
        if (a.key->size() <= 19) return a.key_number < b.key_number ? -1 : (a.key_number > b.key_number ? 1 : 0);
    }
    const int c = a.key->compare(*b.key);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// a before b? Rows without a value go last in either direction.
bool item_before(const SortItem& a, const SortItem& b, bool descending) {
    if ((a.cell != nullptr) != (b.cell != nullptr)) return a.cell != nullptr;
    if (a.cell) {
        const int c = compare_cells(*a.cell, *b.cell);
        if (c != 0) return descending ? c > 0 : c < 0;
    }
    const int k = compare_items_keys(a, b);
    if (k != 0) return k < 0;
    return a.index < b.index;
}

// The order `rows` should take, as positions into it.
template <typename RowAt>
std::vector<uint32_t> sorted_order(size_t n, RowAt row_at, size_t col, bool descending) {
    std::vector<SortItem> items;
    items.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        items.push_back(make_item(row_at(i), col, i));
    }
    auto before = [descending](const SortItem& a, const SortItem& b) { return item_before(a, b, descending); };
    // Lists arrive in event order, which is often already the order asked for.
    if (!std::is_sorted(items.begin(), items.end(), before)) std::sort(items.begin(), items.end(), before);
    std::vector<uint32_t> order;
    order.reserve(n);
    for (const SortItem& it : items) order.push_back(it.index);
    return order;
}

}  // namespace

void sort_rows(std::vector<Row>& rows, size_t col, bool descending) {
    const auto order = sorted_order(rows.size(), [&](size_t i) -> const Row& { return rows[i]; }, col, descending);
    bool identity = true;
    for (size_t i = 0; i < order.size() && identity; ++i) identity = order[i] == i;
    if (identity) return;
    std::vector<Row> sorted;
    sorted.reserve(rows.size());
    for (uint32_t i : order) sorted.push_back(std::move(rows[i]));
    rows = std::move(sorted);
}

void sort_rows(std::vector<const Row*>& rows, size_t col, bool descending) {
    const auto order = sorted_order(rows.size(), [&](size_t i) -> const Row& { return *rows[i]; }, col, descending);
    std::vector<const Row*> sorted;
    sorted.reserve(rows.size());
    for (uint32_t i : order) sorted.push_back(rows[i]);
    rows = std::move(sorted);
}

bool row_contains(const Row& row, std::string_view needle) {
    if (contains_ci(row.key, needle)) return true;
    for (const Cell& c : row.cells) {
        if (contains_ci(c.text, needle)) return true;
    }
    return false;
}

}  // namespace tracetop::analysis
