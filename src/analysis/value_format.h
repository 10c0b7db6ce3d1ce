// Display text of aggregated numbers: bytes, nanoseconds, rates, percent.
#pragma once

#include <string>

#include "analysis/view_def.h"

namespace tracetop::analysis {

std::string format_number(CellFormat format, double value);

}  // namespace tracetop::analysis
