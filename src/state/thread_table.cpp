#include "state/thread_table.h"

namespace tracetop::state {
namespace {

// Appends NUL-separated items joined by `sep`.
void append_items(std::string_view items, event::OutBuffer& out) {
    bool first = true;
    while (!items.empty()) {
        const size_t nul = items.find('\0');
        const std::string_view item = items.substr(0, nul);
        if (!first) out.push_back(' ');
        out.append(item);
        first = false;
        if (nul == std::string_view::npos) break;
        items.remove_prefix(nul + 1);
    }
}

}  // namespace

void append_args(const ThreadInfo& thread, event::OutBuffer& out) { append_items(thread.args.view(), out); }

void append_cmdline(const ThreadInfo& thread, event::OutBuffer& out) {
    out.append(thread.comm.view());
    if (!thread.args.empty()) {
        out.push_back(' ');
        append_items(thread.args.view(), out);
    }
}

ThreadInfo* ThreadTable::find_uncached(Tid tid) const {
    auto it = threads_.find(tid);
    return it == threads_.end() ? nullptr : it->second.get();
}

ThreadInfo* ThreadTable::put(std::unique_ptr<ThreadInfo> thread) {
    ++generation_;
    const Tid tid = thread->tid;
    auto& slot = threads_[tid];
    slot = std::move(thread);
    return slot.get();
}

}  // namespace tracetop::state
