#include "engine/metrics_registry.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/openmetrics_text.h"
#include "event/event_table.h"

namespace tracetop::engine {
namespace {

constexpr event::EventType kSignalDeliverE = 232;

filter::BoundField bind(std::string_view name) {
    auto bound = filter::resolve_field(name, std::nullopt);
    // The names are ours and fixed: a miss is a programming error caught by the unit test.
    return bound ? *bound : filter::BoundField{};
}

const filter::FieldValue* first(const filter::BoundField& f, const filter::FieldContext& ctx,
                                 filter::FieldValues& out) {
    out.clear();
    if (!f.def) return nullptr;
    f.def->extract(ctx, f.arg, out);
    return out.empty() ? nullptr : &out[0];
}

std::string_view text_of(const filter::FieldValue* v) {
    return v && v->kind == filter::FieldValue::Kind::String ? v->s : std::string_view{};
}

uint64_t uint_of(const filter::FieldValue* v) {
    if (!v) return 0;
    switch (v->kind) {
        case filter::FieldValue::Kind::Uint:
        case filter::FieldValue::Kind::Bool: return v->u;
        case filter::FieldValue::Kind::Int: return v->i > 0 ? static_cast<uint64_t>(v->i) : 0;
        case filter::FieldValue::Kind::Double: return v->d > 0 ? static_cast<uint64_t>(v->d) : 0;
        default: return 0;
    }
}

std::string user_name(const state::ThreadInfo& t, const state::Model& model) {
    if (t.uid == state::kNoId) return "";
    if (const event::UserRecord* u = model.user(t.uid)) return u->name;
    return std::to_string(t.uid);
}

}  // namespace

MetricsRegistry::MetricsRegistry(MetricsLimits limits) : limits_(limits) {
    // A system call is counted at its exit, as the Processes view counts it.
    if (auto f = filter::CompiledFilter::compile("evt.dir = '<' and evt.type != procinfo")) exit_filter_ = std::move(*f);
    type_ = bind("evt.type");
    error_name_ = bind("error.name");
    latency_ = bind("evt.latency");
    buflen_ = bind("evt.buflen");
    fd_type_ = bind("fd.type");
    io_read_ = bind("evt.is_io_read");
    io_write_ = bind("evt.is_io_write");
    sport_ = bind("fd.sport");
    signal_name_ = bind("signal.name");
    thread_cpu_ = bind("thread.cpu");
    fd_typechar_ = bind("fd.typechar");
    other_.name = "other";
}

MetricsRegistry::Process* MetricsRegistry::process_for(const state::ThreadInfo& thread, const state::Model& model) {
    const state::ThreadInfo* main = model.main_thread_of(thread);
    if (!main) main = &thread;
    auto it = processes_.find(thread.pid);
    if (it == processes_.end()) {
        if (processes_.size() >= limits_.max_processes) {
            // Counted once per process: the set forgets processes that
            // exited (sweep), so it holds at most the live ones.
            if (overflow_pids_.size() < kMaxOverflowPids && overflow_pids_.insert(thread.pid).second) ++overflow_;
            other_used_ = true;
            return &other_;
        }
        it = processes_.emplace(thread.pid, Process{}).first;
    }
    Process& p = it->second;
    // execve renames a process: the series follows its current name.
    const std::string_view comm = main->comm.view();
    if (p.name != comm) p.name.assign(comm);
    // The user is the event thread's, as user.name reads it (a main thread
    // known from the process table alone may lack one); setuid changes it.
    const state::ThreadInfo& owner = thread.uid != state::kNoId ? thread : *main;
    if (owner.uid != state::kNoId && owner.uid != p.uid) {
        p.uid = owner.uid;
        p.user = user_name(owner, model);
    }
    return &p;
}

MetricsRegistry::Process* MetricsRegistry::process_of(const filter::FieldContext& ctx) {
    if (!ctx.state.thread_known || !ctx.state.thread) return nullptr;
    return process_for(*ctx.state.thread, ctx.model);
}

void MetricsRegistry::count_error(Process& p, std::string_view name) {
    for (ErrnoCount& e : p.errors) {
        if (e.name == name) {
            ++e.count;
            return;
        }
    }
    // Error names are a fixed set (about 140), which bounds this vector.
    p.errors.push_back({std::string(name), 1});
}

void MetricsRegistry::on_event(const filter::FieldContext& ctx, bool internal) {
    if (internal) {
        // Process-info events of a capture carry the CPU ticks used since the previous one.
        if (const filter::FieldValue* cpu = first(thread_cpu_, ctx, values_)) {
            const double centis = cpu->kind == filter::FieldValue::Kind::Double ? cpu->d : static_cast<double>(uint_of(cpu));
            if (centis > 0) {
                if (Process* p = process_of(ctx)) p->cpu_seconds += centis / 100.0;
            }
        }
        return;
    }
    if (ctx.ev.type == kSignalDeliverE) {
        const std::string_view sig = text_of(first(signal_name_, ctx, values_));
        if (!sig.empty()) {
            auto key = std::make_pair(std::string("delivered"), std::string(sig));
            if (signals_.count(key) || signals_.size() < limits_.max_signals) ++signals_[key];
        }
        return;
    }
    if (!exit_filter_.matches(ctx)) return;
    Process* p = process_of(ctx);
    if (p) ++p->syscalls;

    const std::string_view type = text_of(first(type_, ctx, values_));
    Syscall* sc = nullptr;
    if (!type.empty()) {
        auto it = syscalls_.find(type);
        if (it == syscalls_.end() && syscalls_.size() < limits_.max_syscalls) {
            it = syscalls_.emplace(std::string(type), Syscall{}).first;
        } else if (it == syscalls_.end()) {
            it = syscalls_.try_emplace("other").first;
        }
        sc = &it->second;
        ++sc->calls;
        const double seconds = static_cast<double>(uint_of(first(latency_, ctx, values_))) / 1e9;
        const size_t bucket = std::lower_bound(kLatencyBounds.begin(), kLatencyBounds.end(), seconds) - kLatencyBounds.begin();
        ++sc->buckets[bucket];
        sc->latency_sum += seconds;
        if (type == "kill" || type == "tkill" || type == "tgkill") {
            const std::string_view sig = text_of(first(signal_name_, ctx, values_));
            auto key = std::make_pair(std::string("sent"), std::string(sig));
            if (!sig.empty() && (signals_.count(key) || signals_.size() < limits_.max_signals)) ++signals_[key];
        }
    }

    const std::string_view err = text_of(first(error_name_, ctx, values_));
    if (!err.empty()) {
        if (sc) ++sc->errors;
        if (p) count_error(*p, err);
        return;
    }

    if (type == "connect" || type == "accept" || type == "accept4") {
        const std::string_view tc = text_of(first(fd_typechar_, ctx, values_));
        if (tc == "4" || tc == "6") {
            const uint64_t port = uint_of(first(sport_, ctx, values_));
            auto key = std::make_pair(std::string(type == "connect" ? "opened" : "accepted"), std::to_string(port));
            if (!connections_.count(key) && connections_.size() >= limits_.max_ports) key.second = "other";
            ++connections_[key];
        }
    }

    if (!p) return;
    const filter::FieldValue* len = first(buflen_, ctx, values_);
    if (!len) return;
    const uint64_t bytes = uint_of(len);
    if (bytes == 0) return;
    const std::string fd_type(text_of(first(fd_type_, ctx, values_)));
    const bool file = fd_type == "file";
    const bool net = fd_type == "ipv4" || fd_type == "ipv6";
    if (!file && !net) return;
    if (uint_of(first(io_read_, ctx, values_))) (file ? p->file_in : p->net_in) += bytes;
    else if (uint_of(first(io_write_, ctx, values_))) (file ? p->file_out : p->net_out) += bytes;
}

void MetricsRegistry::sweep(const state::Model& model, Clock::time_point now) {
    std::erase_if(overflow_pids_, [&](int64_t pid) {
        const state::ThreadInfo* main = model.thread(static_cast<state::Tid>(pid));
        return !main || main->exited;
    });
    for (auto it = processes_.begin(); it != processes_.end();) {
        const state::ThreadInfo* main = model.thread(static_cast<state::Tid>(it->first));
        const bool gone = !main || main->exited;
        Process& p = it->second;
        if (!gone) {
            p.gone_since.reset();
        } else if (!p.gone_since) {
            p.gone_since = now;
        } else if (now - *p.gone_since >= limits_.grace) {
            ++expired_;
            it = processes_.erase(it);
            continue;
        }
        ++it;
    }
}

std::string MetricsRegistry::render(const MetricsHealth& h, bool openmetrics) const {
    OpenMetricsText out;
    // Processes in pid order, "other" last, so scrapes diff cleanly.
    std::vector<std::pair<int64_t, const Process*>> procs;
    procs.reserve(processes_.size() + 1);
    for (const auto& [pid, p] : processes_) procs.emplace_back(pid, &p);
    std::sort(procs.begin(), procs.end());
    std::vector<std::string> pid_text;
    pid_text.reserve(procs.size() + 1);
    for (const auto& [pid, p] : procs) pid_text.push_back(std::to_string(pid));
    if (other_used_) {
        procs.emplace_back(-1, &other_);
        pid_text.push_back("other");
    }
    auto per_process = [&](std::string_view family, MetricType type, std::string_view help, std::string_view sample,
                           auto value) {
        out.family(family, type, help);
        for (size_t i = 0; i < procs.size(); ++i) {
            const Process& p = *procs[i].second;
            out.sample(sample, {{"pid", pid_text[i]}, {"name", p.name}, {"user", p.user}}, value(p));
        }
    };
    per_process("tracetop_process_syscalls", MetricType::Counter, "System calls the process made (counted at their exit).",
                "tracetop_process_syscalls_total", [](const Process& p) { return double(p.syscalls); });
    out.family("tracetop_process_errors", MetricType::Counter, "System calls of the process that failed, by errno.");
    for (size_t i = 0; i < procs.size(); ++i) {
        const Process& p = *procs[i].second;
        for (const ErrnoCount& e : p.errors) {
            out.sample("tracetop_process_errors_total",
                       {{"pid", pid_text[i]}, {"name", p.name}, {"user", p.user}, {"errno", e.name}}, double(e.count));
        }
    }
    per_process("tracetop_process_file_read_bytes", MetricType::Counter, "Bytes the process read from files.",
                "tracetop_process_file_read_bytes_total", [](const Process& p) { return double(p.file_in); });
    per_process("tracetop_process_file_write_bytes", MetricType::Counter, "Bytes the process wrote to files.",
                "tracetop_process_file_write_bytes_total", [](const Process& p) { return double(p.file_out); });
    per_process("tracetop_process_net_receive_bytes", MetricType::Counter, "Bytes the process read from IPv4/IPv6 sockets.",
                "tracetop_process_net_receive_bytes_total", [](const Process& p) { return double(p.net_in); });
    per_process("tracetop_process_net_send_bytes", MetricType::Counter, "Bytes the process wrote to IPv4/IPv6 sockets.",
                "tracetop_process_net_send_bytes_total", [](const Process& p) { return double(p.net_out); });
    per_process("tracetop_process_cpu_seconds", MetricType::Counter, "CPU time the process used while tracetop ran.",
                "tracetop_process_cpu_seconds_total", [](const Process& p) { return p.cpu_seconds; });

    out.family("tracetop_syscall_calls", MetricType::Counter, "Calls of each system call, all processes.");
    for (const auto& [name, s] : syscalls_) out.sample("tracetop_syscall_calls_total", {{"syscall", name}}, double(s.calls));
    out.family("tracetop_syscall_errors", MetricType::Counter, "Failed calls of each system call, all processes.");
    for (const auto& [name, s] : syscalls_) out.sample("tracetop_syscall_errors_total", {{"syscall", name}}, double(s.errors));
    out.family("tracetop_syscall_latency_seconds", MetricType::Histogram, "Time spent in each system call.");
    for (const auto& [name, s] : syscalls_) {
        const Label label{"syscall", name};
        out.histogram("tracetop_syscall_latency_seconds", std::span<const Label>(&label, 1), kLatencyBounds, s.buckets,
                      s.latency_sum);
    }
    out.family("tracetop_connections", MetricType::Counter,
               "TCP/UDP connections opened (connect) and accepted (accept), by the server's port.");
    for (const auto& [key, n] : connections_) {
        out.sample("tracetop_connections_total", {{"direction", key.first}, {"port", key.second}}, double(n));
    }
    out.family("tracetop_signals", MetricType::Counter,
               "Signals sent with kill/tkill/tgkill (kind sent) and delivered by the kernel (kind delivered).");
    for (const auto& [key, n] : signals_) out.sample("tracetop_signals_total", {{"kind", key.first}, {"signal", key.second}}, double(n));

    out.family("tracetop_events", MetricType::Counter, "Events tracetop read.");
    out.sample("tracetop_events_total", {}, double(h.events));
    out.family("tracetop_drops", MetricType::Counter, "Events the kernel dropped because a ring buffer was full.");
    out.sample("tracetop_drops_total", {}, double(h.drops));
    out.family("tracetop_cpu_drops", MetricType::Counter, "Dropped events by CPU.");
    for (size_t cpu = 0; cpu < h.drops_per_cpu.size(); ++cpu) {
        const std::string c = std::to_string(cpu);
        out.sample("tracetop_cpu_drops_total", {{"cpu", c}}, double(h.drops_per_cpu[cpu]));
    }
    out.family("tracetop_malformed", MetricType::Counter, "Records that did not parse and were skipped.");
    out.sample("tracetop_malformed_total", {}, double(h.malformed));
    out.family("tracetop_self_cpu_seconds", MetricType::Counter, "CPU time tracetop itself used.");
    out.sample("tracetop_self_cpu_seconds_total", {}, h.cpu_seconds);
    out.family("tracetop_self_resident_bytes", MetricType::Gauge, "tracetop's resident memory.");
    out.sample("tracetop_self_resident_bytes", {}, double(h.resident_bytes));
    out.family("tracetop_scrapes", MetricType::Counter, "Scrapes answered.");
    out.sample("tracetop_scrapes_total", {}, double(h.scrapes));
    out.family("tracetop_process_series", MetricType::Gauge, "Processes with series of their own.");
    out.sample("tracetop_process_series", {}, double(processes_.size()));
    out.family("tracetop_series_overflow", MetricType::Counter,
               "Processes summed into the pid other series because the series cap was reached.");
    out.sample("tracetop_series_overflow_total", {}, double(overflow_));
    out.family("tracetop_series_expired", MetricType::Counter, "Process series dropped after their process exited.");
    out.sample("tracetop_series_expired_total", {}, double(expired_));
    return out.finish(openmetrics);
}

}  // namespace tracetop::engine
