#include "capture/merged_source.h"

#include <algorithm>
#include <thread>

#include <fmt/format.h>

namespace tracetop::capture {

using Clock = std::chrono::steady_clock;

Result<std::unique_ptr<MergedSource>> MergedSource::open(std::vector<Host> hosts) {
    std::vector<Slot> slots;
    std::string why;
    bool any = false;
    for (Host& h : hosts) {
        Slot s;
        s.name = std::move(h.name);
        s.source = std::move(h.source);
        if (!s.source) {
            s.gone = true;
            s.reason = h.open_error ? h.open_error->message : "did not open";
            // The reason names the host already ("HOST: connection refused").
            if (s.reason.starts_with(s.name + ": ")) s.reason.erase(0, s.name.size() + 2);
            why += fmt::format("{}{}: {}", why.empty() ? "" : "\ntracetop: ", s.name, s.reason);
        }
        any = any || s.source;
        slots.push_back(std::move(s));
    }
    if (!any) return Error(why);
    std::unique_ptr<MergedSource> merged(new MergedSource(std::move(slots)));
    while (!merged->hosts_[merged->first_open_].source) ++merged->first_open_;
    return merged;
}

const event::CaptureHeader& MergedSource::header() const { return host_header(first_open_); }

const event::CaptureHeader& MergedSource::host_header(size_t host) const {
    const Slot& s = hosts_.at(host);
    return s.source ? s.source->header() : s.empty_header;
}

HostStatus MergedSource::host_status(size_t host) const {
    const Slot& s = hosts_.at(host);
    HostStatus st;
    st.name = s.name;
    st.gone = s.gone;
    st.reason = s.reason;
    if (s.source) st.drops = s.source->stats().drops;
    return st;
}

SourceStats MergedSource::stats() const {
    SourceStats total;
    for (const Slot& s : hosts_) {
        if (!s.source) continue;
        const SourceStats one = s.source->stats();
        total.events += one.events;
        total.skipped_unknown += one.skipped_unknown;
        total.bytes_read += one.bytes_read;
        total.drops += one.drops;
        total.malformed += one.malformed;
    }
    return total;
}

void MergedSource::stop_producing() {
    stopping_ = true;
    for (Slot& s : hosts_) {
        if (s.source && !s.gone) s.source->stop_producing();
    }
}

bool MergedSource::fill(size_t i, std::chrono::milliseconds wait) {
    Slot& s = hosts_[i];
    switch (s.source->next_within(s.head, wait)) {
        case ReadStatus::Event:
            s.has_head = true;
            s.head_since = Clock::now();
            return false;
        case ReadStatus::NewSection: return true;
        case ReadStatus::Idle: return false;
        case ReadStatus::End:
            s.gone = true;
            s.reason = stopping_ ? "stopped" : "the capture ended";
            return false;
        case ReadStatus::Failed: {
            s.gone = true;
            s.reason = s.source->error() ? s.source->error()->message : "the stream failed";
            if (s.reason.starts_with(s.name + ": ")) s.reason.erase(0, s.name.size() + 2);
            return false;
        }
    }
    return false;
}

ReadStatus MergedSource::all_gone() {
    if (stopping_) return ReadStatus::End;
    std::string why;
    for (const Slot& s : hosts_) why += fmt::format("{}{}: {}", why.empty() ? "" : "; ", s.name, s.reason);
    error_ = Error(fmt::format("every host is gone: {}", why));
    return ReadStatus::Failed;
}

ReadStatus MergedSource::next(event::EventView& out) {
    if (error_) return ReadStatus::Failed;
    const Clock::time_point give_up = Clock::now() + std::chrono::milliseconds(100);
    for (;;) {
        // Every host without an event in hand gets asked; the first of them
        // may make us wait a little, so an idle merge does not spin.
        bool waited = false;
        bool live_left = false;
        for (size_t i = 0; i < hosts_.size(); ++i) {
            Slot& s = hosts_[i];
            if (s.gone) continue;
            live_left = true;
            if (s.has_head) continue;
            std::chrono::milliseconds wait{0};
            if (!waited) {
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(give_up - Clock::now());
                wait = std::clamp(left, std::chrono::milliseconds(0), std::chrono::milliseconds(5));
                waited = true;
            }
            if (fill(i, wait)) {
                event_host_ = i;
                return ReadStatus::NewSection;
            }
        }
        if (!live_left) {
            // A gone host may still hold its last event.
            bool held = false;
            for (const Slot& s : hosts_) held = held || s.has_head;
            if (!held) return all_gone();
        }
        // The earliest event in hand goes out once every live host has one
        // to compare with, or once it waited the lateness window.
        std::optional<size_t> best;
        bool all_have = true;
        for (size_t i = 0; i < hosts_.size(); ++i) {
            const Slot& s = hosts_[i];
            if (!s.has_head) {
                if (!s.gone) all_have = false;
                continue;
            }
            if (!best || s.head.ts < hosts_[*best].head.ts) best = i;
        }
        const Clock::time_point now = Clock::now();
        if (best && (all_have || now - hosts_[*best].head_since >= kLateness)) {
            Slot& s = hosts_[*best];
            s.has_head = false;
            out = s.head;
            out.num = ++num_;  // each host numbers its own events
            event_host_ = *best;
            return ReadStatus::Event;
        }
        if (now >= give_up) return ReadStatus::Idle;
        if (!waited) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

Result<std::unique_ptr<MergedSource>> open_merged_process_sources(
    const std::vector<std::pair<std::string, std::vector<std::string>>>& hosts) {
    std::vector<MergedSource::Host> opened(hosts.size());
    std::vector<std::thread> openers;
    for (size_t i = 0; i < hosts.size(); ++i) {
        openers.emplace_back([&, i] {
            opened[i].name = hosts[i].first;
            auto source = open_process_source(hosts[i].second, hosts[i].first);
            if (source) {
                opened[i].source = std::move(*source);
            } else {
                opened[i].open_error = source.error();
            }
        });
    }
    for (std::thread& t : openers) t.join();
    return MergedSource::open(std::move(opened));
}

}  // namespace tracetop::capture
