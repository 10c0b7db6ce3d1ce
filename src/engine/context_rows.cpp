#include "engine/context_rows.h"

#include <functional>
#include <string_view>

#include "event/arg_format.h"
#include "event/event_table.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"
#include "state/event_effects.h"

namespace tracetop::engine {
namespace {

using state::EventEffect;
using state::FdEntry;
using state::ThreadInfo;

// Everything a Context field may read of a thread. Left out: the per-event
// bookkeeping (latency, pairing, last fd: an event's own, kept per event or
// in the key), the CPU ticks (thread.cpu reads the event's delta, in the key)
// and the page-fault counters (no Context field reads them; every context
// switch moves them). A field reading one of those must not be Context.
// Strings compare by text: a copy's live in ContextRows' own pool.
bool same(const state::InternedString& a, const state::InternedString& b) { return a.view() == b.view(); }

bool same_thread(const ThreadInfo& a, const ThreadInfo& b) {
    return a.tid == b.tid && a.pid == b.pid && a.ptid == b.ptid && a.sid == b.sid && a.vpgid == b.vpgid &&
           a.vtid == b.vtid && a.vpid == b.vpid && same(a.comm, b.comm) && same(a.exe, b.exe) &&
           same(a.exepath, b.exepath) && same(a.args, b.args) && same(a.env, b.env) && same(a.cgroups, b.cgroups) &&
           same(a.root, b.root) && same(a.container_id, b.container_id) &&
           a.container_runtime == b.container_runtime && same(a.cwd, b.cwd) &&
           a.fdlimit == b.fdlimit && a.flags == b.flags && a.uid == b.uid && a.gid == b.gid &&
           a.loginuid == b.loginuid && a.vmsize_kb == b.vmsize_kb && a.vmrss_kb == b.vmrss_kb &&
           a.vmswap_kb == b.vmswap_kb && a.clone_ts == b.clone_ts && a.nchilds == b.nchilds && a.exited == b.exited;
}

bool same_fd(const FdEntry& a, const FdEntry& b) {
    return a.type == b.type && same(a.name, b.name) && a.open_flags == b.open_flags && a.ino == b.ino &&
           a.dev == b.dev && a.socket.sip == b.socket.sip && a.socket.dip == b.socket.dip &&
           a.socket.sport == b.socket.sport && a.socket.dport == b.socket.dport &&
           a.socket.l4proto == b.socket.l4proto && a.socket.unix_source == b.socket.unix_source &&
           a.socket.unix_dest == b.socket.unix_dest && a.role == b.role &&
           a.bound_port_unknown == b.bound_port_unknown;
}


uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 0x100000001b3ULL + (h >> 29); }
uint64_t text_hash(const state::InternedString& s) { return std::hash<std::string_view>{}(s.view()); }

// Over part of what same_thread/same_fd compare: equal content, equal hash.
uint64_t thread_hash(const ThreadInfo& t) {
    uint64_t h = mix(0xcbf29ce484222325ULL, static_cast<uint64_t>(t.tid));
    h = mix(h, static_cast<uint64_t>(t.pid));
    h = mix(h, static_cast<uint64_t>(t.ptid));
    h = mix(h, text_hash(t.comm));
    h = mix(h, text_hash(t.args));
    h = mix(h, (uint64_t{t.vmsize_kb} << 32) | t.vmrss_kb);
    h = mix(h, t.clone_ts);
    return mix(h, (uint64_t{t.nchilds} << 32) | t.uid);
}

uint64_t fd_hash(const FdEntry& e) {
    uint64_t h = mix(0xcbf29ce484222325ULL, static_cast<uint64_t>(e.type));
    h = mix(h, text_hash(e.name));
    h = mix(h, e.ino);
    return mix(h, (uint64_t{e.socket.sport} << 16) | e.socket.dport);
}

}  // namespace

size_t ContextRows::KeyHash::operator()(const Key& k) const {
    uint64_t h = 0xcbf29ce484222325ULL;
    h = mix(h, reinterpret_cast<uintptr_t>(k.thread));
    h = mix(h, reinterpret_cast<uintptr_t>(k.main));
    h = mix(h, reinterpret_cast<uintptr_t>(k.fd_entry));
    h = mix(h, reinterpret_cast<uintptr_t>(k.type_name));
    h = mix(h, k.tid);
    h = mix(h, k.cpu_delta);
    h = mix(h, static_cast<uint64_t>(k.fd));
    h = mix(h, static_cast<uint64_t>(k.error));
    h = mix(h, (uint64_t{k.fallback} << 32) | (uint64_t{k.type} << 16) | (uint64_t{k.flags} << 8) |
                   static_cast<uint8_t>(k.typechar));
    // splitmix64's finalizer: every bit of the key reaches the low bits the table indexes by.
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<size_t>(h ^ (h >> 31));
}

template <class T, class Same, class Hash>
const T* ContextRows::freeze(Copies<T>& c, const T* live, Same same, Hash hash) {
    auto& cur = c.current[live];
    if (cur.copy && cur.gen == c.gen) return cur.copy;
    const uint64_t h = hash(*live);
    const T* copy = nullptr;
    for (auto [it, end] = c.by_content.equal_range(h); it != end && !copy; ++it) {
        if (same(*it->second, *live)) copy = it->second;
    }
    if (!copy) {
        c.store.push_back(*live);
        rehome(c.store.back());
        copy = &c.store.back();
        c.by_content.emplace(h, copy);
    }
    cur = {copy, c.gen};
    return copy;
}

void ContextRows::rehome(ThreadInfo& t) {
    for (state::InternedString* s : {&t.comm, &t.exe, &t.exepath, &t.args, &t.env, &t.cgroups, &t.root,
                                     &t.container_id, &t.cwd}) {
        *s = strings_.intern(s->view());
    }
    t.fds.reset();  // fd fields read the event's fd entry, frozen on its own
    t.pairing = {};
}

void ContextRows::rehome(FdEntry& e) { e.name = strings_.intern(e.name.view()); }

void ContextRows::begin_section() {
    ++threads_.gen;
    ++fds_.gen;
}

// What the event may have changed (before its own context is frozen: the
// model has applied it already), and what the model removes at the start of
// the next one (threads after their exit, fds after their close).
void ContextRows::mark_stale(const event::EventView& ev, const state::EventContext& ctx) {
    const EventEffect effect = state::event_traits(ev.type).effect;
    if (prev_changed_) {
        ++threads_.gen;
        ++fds_.gen;
        ++stale_epoch_;
        prev_changed_ = false;
    }
    if (effect != EventEffect::None && effect != EventEffect::Meta) ++stale_epoch_;
    switch (effect) {
        case EventEffect::None:
        case EventEffect::Meta: return;
        case EventEffect::ProcInfo:
        case EventEffect::Switch:
        case EventEffect::MemoryExit:
        case EventEffect::CwdChange:
            threads_.current.erase(ctx.thread);
            threads_.current.erase(ctx.main_thread);
            return;
        case EventEffect::FdOrSocket:
            threads_.current.erase(ctx.thread);
            threads_.current.erase(ctx.main_thread);
            ++fds_.gen;
            prev_changed_ = true;
            return;
        case EventEffect::CloneExit:
        case EventEffect::ExecveExit:
        case EventEffect::ProcExit:
            ++threads_.gen;
            ++fds_.gen;
            prev_changed_ = true;
            return;
    }
}

void ContextRows::add(const event::EventView& ev, const state::EventContext& ctx, const state::Model& model,
                      const uint8_t* kept_body) {
    mark_stale(ev, ctx);
    // A thread made up or removed where no effect says so: copies by address may be of another thread.
    const size_t live_threads = model.threads().threads().size();
    if (live_threads != thread_count_) {
        thread_count_ = live_threads;
        ++threads_.gen;
        ++stale_epoch_;
    }
    Key k;
    const std::string_view name = event::display_type_name(ev, ctx.enter);
    k.type_name = name.data();
    k.tid = ev.tid;
    k.cpu_delta = ctx.procinfo_cpu_delta;
    k.fd = ctx.fd;
    // The call's outcome, as evt.rawres reads it: evt.failed, evt.res and
    // error.* are then the same for every event of a context.
    static const filter::FieldDef* rawres = filter::resolve_field("evt.rawres", std::nullopt)->def;
    static const filter::BoundArg kNoArg;
    result_.clear();
    rawres->extract(filter::FieldContext{ev, ctx, model, nullptr, &scratch_, 0}, kNoArg, result_);
    k.error = result_.empty() ? INT64_MIN : std::min<int64_t>(result_[0].i, 0);
    k.type = ev.type;
    // issue 15 (colwalk): the state-only flag too, so that a context's events are all shown or none.
    const bool state_only = (ev.block_flags & event::kEventFlagStateOnly) != 0;
    k.flags = static_cast<uint8_t>(ctx.thread_known | ctx.fd_related << 1 | ctx.has_fallback_name << 2 |
                                   ctx.fallback_overrides_entry << 3 | state_only << 4);
    k.typechar = ctx.fallback_typechar;
    // The same live objects, nothing marked stale since, the same facts of
    // the event: the same context, without freezing anything (most events:
    // a thread's reads and writes in a row). `fallback` holds the epoch here.
    Live* live = nullptr;
    if (!ctx.has_fallback_name) {
        Key lk = k;
        lk.thread = ctx.thread;
        lk.main = ctx.main_thread;
        lk.fd_entry = ctx.fd_entry;
        lk.fallback = stale_epoch_;
        live = &live_[KeyHash{}(lk) & (kRecent - 1)];
        if (live->cid != UINT32_MAX && live->key == lk) {
            push(live->cid, ev, ctx);
            return;
        }
        live->key = lk;
        live->cid = UINT32_MAX;
    }
    k.thread = freeze(threads_, ctx.thread, same_thread, thread_hash);
    k.main = ctx.main_thread == ctx.thread ? k.thread : freeze(threads_, ctx.main_thread, same_thread, thread_hash);
    k.fd_entry = ctx.fd_entry ? freeze(fds_, ctx.fd_entry, same_fd, fd_hash) : nullptr;
    std::string_view fallback;  // the name's copy: a key of fallback_ids_ (nodes never move)
    if (ctx.has_fallback_name) {
        auto [it, fresh] = fallback_ids_.try_emplace(std::string(ctx.fallback_name),
                                                     static_cast<uint32_t>(fallback_ids_.size()));
        k.fallback = it->second;
        fallback = it->first;
    }
    uint32_t cid = last_cid_;
    if (cid == UINT32_MAX || !(k == last_key_)) {
        // The recent keys first (a small table that stays in the cache), then all of them.
        const size_t h = KeyHash{}(k);
        Recent& recent = recent_[h & (kRecent - 1)];
        if (recent.cid != UINT32_MAX && recent.key == k) {
            last_key_ = k;
            last_cid_ = recent.cid;
            if (live) live->cid = recent.cid;
            push(recent.cid, ev, ctx);
            return;
        }
        auto [it, fresh] = ids_.try_emplace(k, static_cast<uint32_t>(frozen_.size()));
        if (fresh) {
            Frozen& f = frozen_.emplace_back();
            f.ctx = ctx;
            f.ctx.thread = k.thread;
            f.ctx.main_thread = k.main;
            f.ctx.fd_entry = k.fd_entry;
            f.ctx.latency = 0;
            f.ctx.enter = nullptr;
            if (ctx.has_fallback_name) f.ctx.fallback_name = fallback;
            // issue 15 (colwalk): one event of the context, for a walk that reads no kept event.
            f.shown = !state_only && !event::is_never_shown(ev.type);
            shown_.push_back(f.shown);
            f.sample = ev;
            if (!kept_body) {
                const auto body = ev.body();
                f.own = std::make_unique<uint8_t[]>(body.size());
                std::copy(body.begin(), body.end(), f.own.get());
                kept_body = f.own.get();
            }
            f.sample.rebase(kept_body);
            // Only the generic calls' evt.type reads the enter (the native
            // call of an unnumbered one): keep it where it names the type.
            if (ctx.enter && event::display_type_name(ev, nullptr) != name) {
                Enter& e = enters_.emplace_back();
                const auto body = ctx.enter->body();
                e.body.assign(body.begin(), body.end());
                e.view = *ctx.enter;
                e.view.rebase(e.body.data());
                f.ctx.enter = &e.view;
            }
        }
        cid = it->second;
        recent = Recent{k, cid};
        last_key_ = k;
        last_cid_ = cid;
    }
    if (live) live->cid = cid;
    push(cid, ev, ctx);
}

// issue 15 (colwalk)
void ContextRows::push(uint32_t cid, const event::EventView& ev, const state::EventContext& ctx) {
    const size_t i = cid_.size();
    cid_.push_back(cid);
    latency_.push_back(ctx.latency);
    ts_.push_back(ev.ts);
    if (i % block_ == 0) blocks_.emplace_back();
    if (ev.ts == 0) {
        if (shown_[cid]) zero_shown_.push_back(static_cast<uint32_t>(i));
        return;
    }
    if (first_ts_ == 0) first_ts_ = ev.ts;
    Block& b = blocks_.back();
    b.last_ts = ev.ts;
    if (shown_[cid]) b.max_shown_ts = std::max(b.max_shown_ts, ev.ts);
}

uint64_t ContextRows::bytes() const {
    return cid_.capacity() * sizeof(uint32_t) + latency_.capacity() * sizeof(uint64_t) +
           ts_.capacity() * sizeof(uint64_t) + blocks_.capacity() * sizeof(Block) +
           frozen_.size() * (sizeof(Frozen) + 2 * sizeof(Key)) + threads_.store.size() * sizeof(ThreadInfo) +
           fds_.store.size() * sizeof(FdEntry);
}

}  // namespace tracetop::engine
