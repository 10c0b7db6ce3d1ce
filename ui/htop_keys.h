// htop's keys where they do not clash with csysdig's (issue 16): the pieces
// the table panel uses for them. M/P/T sort by a column found by its id;
// digits typed in a row jump to the process (or thread) whose id starts with
// them; H and K add or remove one term of the sysdig filter, so the header
// shows what is hidden and the filter prompt can edit it.
#pragma once

#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/snapshot.h"

namespace tracetop::ui {

// The first of `ids` that is a column of `snap`.
std::optional<size_t> column_with_id(const analysis::Snapshot& snap, std::initializer_list<std::string_view> ids);

// `filter` with `term` added (joined with "and"), or removed when it is one
// of its terms already.
std::string toggle_filter_term(const std::string& filter, const std::string& term);

// The terms H and K toggle.
inline constexpr std::string_view kHideUserThreads = "thread.ismain = true";
inline constexpr std::string_view kHideKernelThreads = "not (proc.pid = 2 or proc.ppid = 2)";

// Digits typed one after the other (htop: type a PID to jump to it); a pause
// of more than a second and a half starts a new number.
class PidJump {
public:
    const std::string& type(char digit);
    void reset() { typed_.clear(); }  // any other key ends the number

private:
    std::string typed_;
    std::chrono::steady_clock::time_point last_{};
};

// The first row whose id (its proc.pid or thread.tid: the view's key, else
// a PID column) starts with `digits`; an exact match wins.
std::optional<size_t> row_with_id(const analysis::Snapshot& snap, const std::vector<const analysis::Row*>& rows,
                                  const std::string& digits);

}  // namespace tracetop::ui
