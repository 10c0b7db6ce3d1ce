// Where the drain thread leaves the metrics text for the HTTP threads. A
// scrape asks for a fresh text and waits a little for it; the drain thread
// notices the request between batches, renders, and publishes by swapping
// one pointer, so it never waits for a slow client, and nothing is rendered
// while nobody scrapes.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace tracetop::engine {

class MetricsBoard {
public:
    // HTTP side: asks for a text newer than the current one and waits up to
    // `wait` for it; gives the newest there is (null before the first).
    std::shared_ptr<const std::string> fresh(std::chrono::milliseconds wait) {
        std::unique_lock lock(mutex_);
        const uint64_t wanted_gen = generation_ + 1;
        wanted_.store(true, std::memory_order_relaxed);
        changed_.wait_for(lock, wait, [&] { return generation_ >= wanted_gen; });
        scrapes_.fetch_add(1, std::memory_order_relaxed);
        return text_;
    }
    // Drain side.
    bool wanted() const { return wanted_.load(std::memory_order_relaxed); }
    void publish(std::string text) {
        auto shared = std::make_shared<const std::string>(std::move(text));
        {
            std::lock_guard lock(mutex_);
            text_ = std::move(shared);
            ++generation_;
            wanted_.store(false, std::memory_order_relaxed);
        }
        changed_.notify_all();
    }
    uint64_t scrapes() const { return scrapes_.load(std::memory_order_relaxed); }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::shared_ptr<const std::string> text_;
    uint64_t generation_ = 0;
    std::atomic<bool> wanted_{false};
    std::atomic<uint64_t> scrapes_{0};
};

}  // namespace tracetop::engine
