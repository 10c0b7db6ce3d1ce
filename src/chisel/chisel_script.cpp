#include "chisel/chisel_script.h"

#include <lua.hpp>

#include "chisel/chisel_dirs.h"
#include "chisel/chisel_fields.h"
#include "chisel/lua_api.h"

namespace tracetop::chisel {

Result<std::unique_ptr<ChiselScript>> ChiselScript::load(std::string_view name, std::vector<std::string> dirs,
                                                         RunInfo run) {
    std::unique_ptr<ChiselScript> script(new ChiselScript());
    script->dirs_ = std::move(dirs);
    script->host_.run = std::move(run);
    auto opened = script->open(name);
    if (!opened) return opened.error();
    return script;
}

Result<bool> ChiselScript::open(std::string_view name) {
    const auto path = find_chisel_file(name, dirs_);
    if (!path) return Error("chisel " + std::string(name) + " not found - use -cl to list them.");
    // What the previous script asked for goes with it (chisel.exec).
    RunInfo run = std::move(host_.run);
    host_ = ChiselHost();
    host_.run = std::move(run);
    host_.file = std::string(name);
    ls_ = new_lua_state();
    if (!ls_) return Error("out of memory starting Lua");
    register_chisel_api(ls_.get(), &host_, dirs_);
    auto ran = run_file(ls_.get(), *path);
    if (!ran) return ran.error();
    auto desc = read_desc(ls_.get(), std::string(name));
    if (!desc) return desc.error();
    desc_ = std::move(*desc);
    lua_getglobal(ls_.get(), "on_event");
    has_on_event_ = lua_isfunction(ls_.get(), -1);
    lua_pop(ls_.get(), 1);
    return true;
}

Result<bool> ChiselScript::set_args(std::string_view text) {
    auto words = split_chisel_args(text);
    if (!words) return Error("corrupted parameters for chisel " + host_.file);
    return set_args(*words);
}

Result<bool> ChiselScript::set_args(const std::vector<std::string>& values) {
    size_t required = 0;
    for (const ChiselArg& a : desc_.args) required += a.optional ? 0 : 1;
    if (values.size() < required) {
        return Error("wrong number of parameters for chisel " + host_.file + ", " + std::to_string(required) +
                     " required, " + std::to_string(values.size()) + " given");
    }
    if (values.size() > desc_.args.size()) {
        return Error("too many parameters for chisel " + host_.file + ", " + std::to_string(required) +
                     " required, " + std::to_string(desc_.args.size() - required) + " optional, " +
                     std::to_string(values.size()) + " given");
    }
    arg_values_ = values;
    lua_State* ls = ls_.get();
    for (size_t i = 0; i < values.size(); ++i) {
        lua_getglobal(ls, "on_set_arg");
        if (!lua_isfunction(ls, -1)) {
            lua_pop(ls, 1);
            return Error("chisel " + host_.file + " misses a set_arg() function.");
        }
        lua_pushstring(ls, desc_.args[i].name.c_str());
        lua_pushlstring(ls, values[i].data(), values[i].size());
        if (lua_pcall(ls, 2, 1, 0) != 0) return Error(host_.file + " chisel error: " + pop_error(ls));
        const bool ok = lua_isboolean(ls, -1) && lua_toboolean(ls, -1);
        const bool boolean = lua_isboolean(ls, -1);
        lua_pop(ls, 1);
        if (!boolean) return Error(host_.file + " chisel error: wrong set_arg() return value.");
        if (!ok) return Error("set_arg() for chisel " + host_.file + " failed.");
    }
    return true;
}

Result<bool> ChiselScript::init() {
    // A chain of chisel.exec() calls is bounded: a script that execs itself
    // must not recurse forever.
    for (int depth = 0; depth < 16; ++depth) {
        auto called = call_if_defined("on_init", host_.file + ": error in init(): ");
        if (!called) return called.error();
        if (!*called) return true;
        if (!host_.exec_name) {
            if (!(*called)->boolean) return Error(host_.file + " chisel error: wrong init() return value.");
            if (!(*called)->value) return Error("init() for chisel " + host_.file + " failed.");
            return true;
        }
        // chisel.exec(NAME, ARGS...): this script is replaced by NAME with
        // those arguments (sysdig quotes the ones holding spaces and splits
        // them again).
        const std::string next = *host_.exec_name;
        std::string joined;
        for (size_t i = 0; i < host_.exec_args.size(); ++i) {
            const std::string& a = host_.exec_args[i];
            joined += (i ? " " : "") + (a.find(' ') == std::string::npos ? a : "'" + a + "'");
        }
        auto opened = open(next);
        if (!opened) return opened.error();
        auto set = set_args(joined);
        if (!set) return set.error();
    }
    return Error("chisel " + host_.file + ": too many chisel.exec() in a row");
}

Result<bool> ChiselScript::call_on_interval(uint64_t ts, double delta) {
    lua_State* ls = ls_.get();
    lua_getglobal(ls, "on_interval");
    lua_pushnumber(ls, static_cast<double>(ts / 1000000000ULL));
    lua_pushnumber(ls, static_cast<double>(ts % 1000000000ULL));
    lua_pushnumber(ls, delta);
    if (lua_pcall(ls, 3, 1, 0) != 0) {
        return Error(host_.file + " chisel error: calling on_interval() failed:" + pop_error(ls));
    }
    const bool ok = lua_toboolean(ls, -1) != 0;
    lua_pop(ls, 1);
    if (!ok) return Error("execution terminated by the " + host_.file + " chisel");
    return true;
}

Result<std::optional<ChiselScript::Returned>> ChiselScript::call_if_defined(const char* name,
                                                                           const std::string& error_prefix) {
    lua_State* ls = ls_.get();
    lua_getglobal(ls, name);
    if (!lua_isfunction(ls, -1)) {
        lua_pop(ls, 1);
        return std::optional<Returned>();
    }
    if (lua_pcall(ls, 0, 1, 0) != 0) return Error(error_prefix + pop_error(ls));
    Returned r;
    r.boolean = lua_isboolean(ls, -1);
    r.value = r.boolean && lua_toboolean(ls, -1);
    lua_pop(ls, 1);
    return std::optional<Returned>(r);
}

Result<bool> ChiselScript::capture_start(const state::Model& model) {
    host_.model = &model;
    auto called = call_if_defined("on_capture_start", host_.file + " chisel error: ");
    if (!called) return called.error();
    if (!*called) return true;
    if (!(*called)->boolean) {
        return Error(host_.file + " chisel error: wrong on_capture_start() return value. Boolean expected.");
    }
    if (!(*called)->value) return Error("init() for chisel " + host_.file + " failed.");
    return true;
}

namespace {

// Makes `ctx` the event evt.* reads for the scope of one call.
struct CurrentEvent {
    ChiselHost& host;
    CurrentEvent(ChiselHost& h, const filter::FieldContext& ctx) : host(h) { host.event = &ctx; }
    ~CurrentEvent() { host.event = nullptr; }
    CurrentEvent(const CurrentEvent&) = delete;
    CurrentEvent& operator=(const CurrentEvent&) = delete;
};

}  // namespace

Result<bool> ChiselScript::tick(const filter::FieldContext& ctx) {
    const uint64_t ts = ctx.ev.ts;
    const CurrentEvent current(host_, ctx);
    if (host_.first_ts == 0) host_.first_ts = ts;
    host_.last_ts = ts;
    if (first_event_) {
        first_event_ = false;
        if (host_.interval_ns != 0) {
            interval_sample_ = ts - ts % host_.interval_ns;
        } else if (host_.precise_interval_ns != 0) {
            interval_sample_ = ts;
        }
        return true;
    }
    if (host_.interval_ns != 0) {
        // One call when the event falls in a new interval, however many
        // intervals passed without events (sysdig).
        const uint64_t sample = ts - ts % host_.interval_ns;
        if (sample == interval_sample_) return true;
        int64_t delta = 0;
        if (interval_last_ts_ != 0) {
            delta = static_cast<int64_t>(ts - interval_last_ts_);
            if (delta == 0) return true;
        }
        auto called = call_on_interval(ts, static_cast<double>(delta));
        if (!called) return called;
        interval_sample_ = sample;
        interval_last_ts_ = ts;
    } else if (host_.precise_interval_ns != 0) {
        // One call per whole interval passed, each with its own start.
        const uint64_t interval = host_.precise_interval_ns;
        if (ts - interval_sample_ < interval) return true;
        uint64_t t = interval_sample_;
        for (; t + interval <= ts; t += interval) {
            auto called = call_on_interval(t, static_cast<double>(interval));
            if (!called) return called;
        }
        interval_sample_ = t;
    }
    return true;
}

Result<bool> ChiselScript::on_event(const filter::FieldContext& ctx, fmt::memory_buffer& out) {
    if (host_.filter && !host_.filter->matches(ctx)) return true;
    const CurrentEvent current(host_, ctx);
    if (has_on_event_) {
        lua_State* ls = ls_.get();
        lua_getglobal(ls, "on_event");
        if (lua_pcall(ls, 0, 1, 0) != 0) return Error(host_.file + " chisel error: " + pop_error(ls));
        const bool keep = lua_toboolean(ls, -1) != 0;
        lua_pop(ls, 1);
        if (host_.end_capture || !keep) return true;
    }
    if (!host_.formatter) return true;
    // The formatter's buffers (%evt.arg.data, %evt.buffer) print in the
    // run's buffer format, as sysdig's formatters do.
    const filter::OutputFormat::ValueOverride buffers = [this](const filter::BoundField& field,
                                                               const filter::FieldContext& c, fmt::memory_buffer& o) {
        return print_buffer_field(field, c, host_.run.print_buffer, o);
    };
    if (host_.formatter->render(ctx, out, host_.run.print_buffer ? &buffers : nullptr)) out.push_back('\n');
    return true;
}

Result<bool> ChiselScript::capture_end() {
    lua_State* ls = ls_.get();
    lua_getglobal(ls, "on_capture_end");
    if (!lua_isfunction(ls, -1)) {
        lua_pop(ls, 1);
        return true;
    }
    const uint64_t te = host_.last_ts;
    lua_pushnumber(ls, static_cast<double>(te / 1000000000ULL));
    lua_pushnumber(ls, static_cast<double>(te % 1000000000ULL));
    lua_pushnumber(ls, static_cast<double>(static_cast<int64_t>(te - host_.first_ts)));
    if (lua_pcall(ls, 3, 0, 0) != 0) return Error(host_.file + " chisel error: " + pop_error(ls));
    return true;
}

}  // namespace tracetop::chisel
