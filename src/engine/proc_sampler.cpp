#include "engine/proc_sampler.h"

#include <chrono>
#include <unordered_map>

namespace tracetop::engine {

ProcSampler::ProcSampler(std::string proc_root) : root_(proc_root), cpu_(std::move(proc_root)) {
    worker_ = std::thread([this] { run(); });
}

ProcSampler::~ProcSampler() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    worker_.join();
}

void ProcSampler::request(std::vector<int64_t> pids) {
    {
        std::lock_guard<std::mutex> lock(mu_);
        asked_ = std::move(pids);
    }
    cv_.notify_all();
}

std::optional<ProcSample> ProcSampler::take() {
    std::lock_guard<std::mutex> lock(mu_);
    return std::exchange(ready_, std::nullopt);
}

std::optional<ProcSample> ProcSampler::read_now(std::vector<int64_t> pids) {
    request(std::move(pids));
    wait_idle();
    return take();
}

void ProcSample::scale_to(double seconds) {
    if (span_seconds <= 0 || seconds <= 0) return;
    const double k = seconds / span_seconds;
    for (ThreadCpu& t : cpu) t.centis = static_cast<uint64_t>(static_cast<double>(t.centis) * k + 0.5);
}

void ProcSampler::wait_idle() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return stop_ || (!asked_ && !busy_); });
}

void ProcSampler::run() {
    using Clock = std::chrono::steady_clock;
    std::optional<Clock::time_point> last;
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
        cv_.wait(lock, [&] { return stop_ || asked_; });
        if (stop_) return;
        const std::vector<int64_t> pids = std::move(*asked_);
        asked_.reset();
        busy_ = true;
        lock.unlock();

        // The reading, with no lock held: the drain thread's take() and
        // request() never wait for /proc.
        const Clock::time_point now = Clock::now();
        const std::vector<ThreadCpu> used = cpu_.sample();
        std::vector<std::pair<int64_t, capture::ProcMemory>> memory;
        memory.reserve(pids.size());
        for (const int64_t pid : pids) {
            if (const auto m = capture::read_proc_memory(root_, pid)) memory.emplace_back(pid, *m);
        }
        const double span = last ? std::chrono::duration<double>(now - *last).count() : 0;
        last = now;

        lock.lock();
        busy_ = false;
        if (!ready_) ready_.emplace();
        // Readings not taken yet add up, so no thread's time is lost.
        if (ready_->cpu.empty()) {
            ready_->cpu = used;
        } else {
            std::unordered_map<int64_t, size_t> at;
            for (size_t i = 0; i < ready_->cpu.size(); ++i) at[ready_->cpu[i].tid] = i;
            for (const ThreadCpu& t : used) {
                if (auto it = at.find(t.tid); it != at.end()) {
                    ready_->cpu[it->second].centis += t.centis;
                } else {
                    ready_->cpu.push_back(t);
                }
            }
        }
        ready_->span_seconds += span;
        ready_->memory = std::move(memory);
        cv_.notify_all();
    }
}

}  // namespace tracetop::engine
