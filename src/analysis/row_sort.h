// Ordering and narrowing the rows of a snapshot, shared by the engine (the
// view's default sort) and the screen (the user's sort, the text filter).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "analysis/snapshot.h"

namespace tracetop::analysis {

// Sorts by column `col`; rows without a value go last in either direction,
// and ties are ordered by key (numerically when both keys are numbers), so
// equal rows keep their places from one refresh to the next.
void sort_rows(std::vector<Row>& rows, size_t col, bool descending);
void sort_rows(std::vector<const Row*>& rows, size_t col, bool descending);

// True when any cell or the key contains `needle` (ASCII case-insensitive).
bool row_contains(const Row& row, std::string_view needle);

}  // namespace tracetop::analysis
