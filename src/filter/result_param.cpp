#include "filter/result_param.h"

#include <vector>

namespace tracetop::filter {
namespace {

const event::ParamInfo* find_result_param(event::EventType type) {
    if (event::is_enter(type)) return nullptr;
    const event::EventInfo* info = event::event_info(type);
    if (info == nullptr || info->params.empty()) return nullptr;
    const event::ParamInfo& p = info->params[0];
    const bool is_result = p.name == "res" || p.type == event::ParamType::Errno || p.type == event::ParamType::Fd ||
                           p.type == event::ParamType::Pid;
    return is_result ? &p : nullptr;
}

}  // namespace

const event::ParamInfo* result_param(event::EventType type) {
    static const std::vector<const event::ParamInfo*> table = [] {
        std::vector<const event::ParamInfo*> t(event::event_table_size());
        for (size_t i = 0; i < t.size(); ++i) t[i] = find_result_param(static_cast<event::EventType>(i));
        return t;
    }();
    return type < table.size() ? table[type] : nullptr;
}

bool event_result(const event::EventView& ev, int64_t& res) {
    const event::ParamInfo* p = result_param(ev.type);
    if (!p || ev.nparams() == 0) return false;
    const auto raw = ev.param(0);
    if (raw.empty()) return false;
    res = event::param_as_int(raw, p->type);
    return true;
}

}  // namespace tracetop::filter
