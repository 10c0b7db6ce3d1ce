#include "engine/context_rows.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <string_view>

#include "event/arg_format.h"
#include "event/event_table.h"
#include "filter/field_context.h"
#include "filter/field_registry.h"
#include "filter/result_param.h"
#include "state/container_table.h"
#include "state/event_codes.h"
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

// Numbers first: a copy that differs mostly differs there (memory), and
// fails before any text is compared.
bool same_thread(const ThreadInfo& a, const ThreadInfo& b) {
    return a.tid == b.tid && a.pid == b.pid && a.vmsize_kb == b.vmsize_kb && a.vmrss_kb == b.vmrss_kb &&
           a.vmswap_kb == b.vmswap_kb && a.ptid == b.ptid && a.sid == b.sid && a.vpgid == b.vpgid &&
           a.vtid == b.vtid && a.vpid == b.vpid && a.container_runtime == b.container_runtime &&
           a.fdlimit == b.fdlimit && a.flags == b.flags && a.uid == b.uid && a.gid == b.gid &&
           a.loginuid == b.loginuid && a.clone_ts == b.clone_ts && a.nchilds == b.nchilds && a.exited == b.exited &&
           same(a.comm, b.comm) && same(a.exe, b.exe) && same(a.exepath, b.exepath) && same(a.args, b.args) &&
           same(a.env, b.env) && same(a.cgroups, b.cgroups) && same(a.root, b.root) &&
           same(a.container_id, b.container_id) && same(a.cwd, b.cwd);
}

// issue 15 (pass): what a thread's memory_version says may have moved.
bool same_memory(const ThreadInfo& a, const ThreadInfo& b) {
    return a.vmsize_kb == b.vmsize_kb && a.vmrss_kb == b.vmrss_kb && a.vmswap_kb == b.vmswap_kb;
}

// `connected` is left out: fd.connected is a Model field, never read from a copy.
bool same_fd(const FdEntry& a, const FdEntry& b) {
    return a.type == b.type && a.open_flags == b.open_flags && a.ino == b.ino && a.dev == b.dev &&
           a.dev_known == b.dev_known && a.socket.sip == b.socket.sip && a.socket.dip == b.socket.dip &&
           a.socket.sport == b.socket.sport && a.socket.dport == b.socket.dport &&
           a.socket.l4proto == b.socket.l4proto && a.socket.unix_source == b.socket.unix_source &&
           a.socket.unix_dest == b.socket.unix_dest &&
           a.role == b.role && a.bound_port_unknown == b.bound_port_unknown && same(a.name, b.name);
}

uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 0x100000001b3ULL + (h >> 29); }
uint64_t text_hash(const state::InternedString& s) { return std::hash<std::string_view>{}(s.view()); }

// Over part of what same_thread/same_fd compare: equal content, equal hash.
// A thread's numbers only: its texts rarely change without them (an execve
// moves its memory too), and hashing them would read them whole.
uint64_t thread_hash(const ThreadInfo& t) {
    uint64_t h = mix(0xcbf29ce484222325ULL, static_cast<uint64_t>(t.tid));
    h = mix(h, static_cast<uint64_t>(t.pid));
    h = mix(h, static_cast<uint64_t>(t.ptid));
    h = mix(h, (uint64_t{t.vmsize_kb} << 32) | t.vmrss_kb);
    h = mix(h, t.clone_ts);
    h = mix(h, (uint64_t{t.nchilds} << 32) | t.uid);
    // The table indexes by the low bits: every word must reach them.
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 31);
}

uint64_t fd_hash(const FdEntry& e) {
    uint64_t h = mix(0xcbf29ce484222325ULL, static_cast<uint64_t>(e.type));
    h = mix(h, text_hash(e.name));
    h = mix(h, e.ino);
    h = mix(h, (uint64_t{e.socket.sport} << 16) | e.socket.dport);
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 31);
}

}  // namespace

// Called two or three times per event: the key's words folded into two,
// each multiplied once, then splitmix64's finalizer, so that every bit of
// the key reaches both the low bits (the small caches) and the high half
// (the table of all contexts).
size_t ContextRows::KeyHash::operator()(const Key& k) const {
    const auto ptr = [](const void* p) { return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(p)); };
    const uint64_t objects = ptr(k.thread) ^ std::rotl(ptr(k.main), 13) ^ std::rotl(ptr(k.fd_entry), 29) ^
                             std::rotl(ptr(k.type_name), 43);
    const uint64_t facts = k.tid ^ std::rotl(static_cast<uint64_t>(k.fd), 17) ^
                           std::rotl(static_cast<uint64_t>(k.error), 31) ^ std::rotl(k.cpu_delta, 47) ^
                           ((uint64_t{k.fallback} << 32 | uint64_t{k.type} << 16 | uint64_t{k.flags} << 8 |
                             static_cast<uint8_t>(k.typechar)) *
                            0x9e3779b97f4a7c15ULL) ^
                           uint64_t{k.lookup} * 0xd6e8feb86659fd93ULL;  // issue 15 (procsfast)
    uint64_t h = objects * 0xff51afd7ed558ccdULL ^ facts * 0xc4ceb9fe1a85ec53ULL;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<size_t>(h ^ (h >> 31));
}

// issue 15 (pass): the live shortcut's slot, from what most often tells two
// events' contexts apart; cheaper than KeyHash, which every event paid here.
// A slot is only a guess: the whole key is compared.
size_t ContextRows::live_slot(const Key& k) {
    const auto ptr = [](const void* p) { return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(p)); };
    uint64_t h = ptr(k.thread) * 0x9e3779b97f4a7c15ULL ^ ptr(k.fd_entry) * 0xc2b2ae3d27d4eb4fULL ^
                 (uint64_t{k.type} << 32 ^ static_cast<uint64_t>(k.fd) ^ static_cast<uint64_t>(k.error) << 40) *
                     0x165667b19e3779f9ULL;
    h ^= h >> 29;
    return static_cast<size_t>(h * 0xbf58476d1ce4e5b9ULL >> (64 - kRecentBits));
}

template <class T, class Same, class SameVersioned, class Hash>
const T* ContextRows::freeze(Copies<T>& c, const T* live, uint64_t version, Same same, SameVersioned same_versioned,
                             Hash hash) {
    auto& cur = c.current[Copies<T>::slot(live)];
    if (cur.live == live) {
        if (cur.gen == c.gen && cur.version == version) return cur.copy;
        // Stale: most often the object is as it was when last copied, or
        // as the time before (a main thread's memory, told by its own calls
        // and by its threads' context switches in turn).
        if (cur.gen == c.gen) {
            // issue 15 (pass): only the version moved, so only what it
            // covers may differ from the copy (the rest, by the same account
            // that lets an unmoved version keep the copy, is as copied); and
            // from the copy before, when that one differs from this one in
            // versioned fields only.
            if (!same_versioned(*cur.copy, *live)) {
                if (cur.before && cur.before_differs_in_version_only && same_versioned(*cur.before, *live)) {
                    std::swap(cur.copy, cur.before);
                } else {
                    cur.before = cur.copy;
                    cur.copy = by_content(c, live, same, hash);
                    cur.before_differs_in_version_only = true;
                }
            }
        } else if (!same(*cur.copy, *live)) {
            if (!cur.before || !same(*cur.before, *live)) {
                cur.before = cur.copy;
                cur.copy = by_content(c, live, same, hash);
                cur.before_differs_in_version_only = false;
            } else {
                std::swap(cur.copy, cur.before);
            }
        }
    } else {
        cur = {live, by_content(c, live, same, hash), nullptr};
    }
    cur.gen = c.gen;
    cur.version = version;
    return cur.copy;
}

// The copy equal to `live`, made if there is none.
template <class T, class Same, class Hash>
const T* ContextRows::by_content(Copies<T>& c, const T* live, Same same, Hash hash) {
    const uint64_t h = hash(*live);
    size_t mask = c.known.size() - 1;
    for (size_t i = h & mask; c.known[i].copy; i = (i + 1) & mask) {
        if (c.known[i].hash == h && same(*c.known[i].copy, *live)) return c.known[i].copy;
    }
    c.store.push_back(*live);
    rehome(c.store.back());
    const T* copy = &c.store.back();
    if (2 * (c.known_count + 1) > c.known.size()) {
        std::vector<typename Copies<T>::Known> bigger(c.known.size() * 2);
        mask = bigger.size() - 1;
        for (const auto& k : c.known) {
            if (!k.copy) continue;
            size_t i = k.hash & mask;
            while (bigger[i].copy) i = (i + 1) & mask;
            bigger[i] = k;
        }
        c.known = std::move(bigger);
    }
    size_t i = h & mask;
    while (c.known[i].copy) i = (i + 1) & mask;
    c.known[i] = {h, copy};
    ++c.known_count;
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

void ContextRows::begin_section(const event::CaptureHeader& header) {
    ++threads_.gen;
    ++fds_.gen;
    // issue 15 (procsfast): what the model's lookups read of a header.
    lookup_header_ = event::CaptureHeader{};
    lookup_header_.machine = header.machine;
    lookup_header_.users = header.users;
    lookup_header_.groups = header.groups;
    container_events_.clear();
    new_lookup();
}

// issue 15 (procsfast) ---------------------------------------------------------

// The tables as Model::load_header and the container events leave them: the
// same code fills them as in the model the first pass runs.
void ContextRows::new_lookup() {
    lookup_used_ = false;
    if (lookups_.size() >= kMaxLookups) {
        // Containers that come and go all the time: the tables cost more
        // than they save. The contexts no longer answer (every view replays).
        lookups_complete_ = false;
        return;
    }
    auto m = std::make_unique<state::Model>();
    m->load_header(lookup_header_);
    for (const Enter& e : container_events_) m->apply(e.view);
    lookups_.push_back(std::move(m));
}

void ContextRows::finish(const state::Model& model) {
    if (lookups_.empty()) begin_section(event::CaptureHeader{});
    idle_.clear();
    const uint32_t lookup = static_cast<uint32_t>(lookups_.size() - 1);
    // Copies of their own (a few hundred threads), not shared with the
    // events' copies: whatever went stale since, these are as the model is.
    std::unordered_map<const state::ThreadInfo*, const state::ThreadInfo*> copies;
    const auto copy_of = [&](const state::ThreadInfo* live) {
        auto [it, fresh] = copies.try_emplace(live, nullptr);
        if (fresh) {
            idle_threads_.push_back(*live);
            rehome(idle_threads_.back());
            it->second = &idle_threads_.back();
        }
        return it->second;
    };
    // As ViewPipeline::feed_idle_rows: threads only ever named by an event
    // (no uid) are left out; secondary threads first, main threads last.
    for (const bool main_threads : {false, true}) {
        for (const auto& [tid, thread] : model.threads().threads()) {
            if (thread->uid == state::kNoId || (thread->tid == thread->pid) != main_threads) continue;
            const state::ThreadInfo* main = model.main_thread_of(*thread);
            Frozen& f = frozen_.emplace_back();
            f.ctx.thread = copy_of(thread.get());
            f.ctx.main_thread = copy_of(main ? main : thread.get());
            f.ctx.thread_known = true;
            f.lookup = lookup;
            idle_.push_back(static_cast<uint32_t>(frozen_.size() - 1));
        }
    }
    finished_ = true;
}

// -----------------------------------------------------------------------------

// What the event may have changed of the fds (before its own context is
// frozen: the model has applied it already), and what the model removes at
// the start of the next one (fds after their close). Threads go stale by the
// model's own account (thread_epoch, memory_version): see add().
size_t ContextRows::table_slot(const state::EventContext& ctx) {
    const void* table = ctx.thread ? ctx.thread->fds.get() : nullptr;
    return static_cast<size_t>((reinterpret_cast<uintptr_t>(table) >> 4) * 0x9e3779b97f4a7c15ULL >> 54) &
           (kTableSlots - 1);
}

bool ContextRows::names_own_socket_only(event::EventType type) {
    switch (type) {
        case state::codes::kSendtoE:
        case state::codes::kSendmsgE:
        case state::codes::kSendtoX:
        case state::codes::kSendmsgX:
        case state::codes::kRecvfromX:
        case state::codes::kRecvmsgX: return true;
        default: return false;
    }
}

bool ContextRows::fd_copy_current(const state::FdEntry* live) const {
    const auto& cur = fds_.current[Copies<FdEntry>::slot(live)];
    return cur.live == live && cur.gen == fds_.gen && cur.copy != nullptr && same_fd(*cur.copy, *live);
}

void ContextRows::mark_stale(const event::EventView& ev, const state::EventContext& ctx) {
    if (prev_changed_) {
        ++fds_.gen;
        prev_changed_ = false;
    }
    if (prev_table_ != SIZE_MAX) {
        table_versions_[prev_table_] = ++table_bumps_;
        prev_table_ = SIZE_MAX;
    }
    switch (state::event_traits(ev.type).effect) {
        case EventEffect::None:
        case EventEffect::Meta:
        case EventEffect::ProcInfo:  // the tick count only, which the key holds (cpu_delta)
            return;
        case EventEffect::Switch:
        case EventEffect::MemoryExit:
        case EventEffect::CwdChange:
            // A thread's memory_version or the model's thread epoch moved:
            // the threads' copies see to it (add(), freeze()).
            return;
        case EventEffect::FdOrSocket:
            // A socket's sends and receives name it from their tuple at
            // most, or add the socket a send names: the event's own entry, or
            // a new one (issue 15, session 11). Most of them name an entry
            // named already: when it still equals its last copy, no copy of
            // the table went stale (every earlier change to it moved the
            // version, so the contexts since hold a copy equal to this one).
            if (ctx.thread && ctx.fd_entry && names_own_socket_only(ev.type) && fd_copy_current(ctx.fd_entry)) return;
            // Opens, closes, names: the entries of the calling thread's table
            // only (test_event_effects lists what acts on fds; every handler
            // there works on the event's thread's table).
            if (ctx.thread) {
                prev_table_ = table_slot(ctx);
                table_versions_[prev_table_] = ++table_bumps_;
                return;
            }
            [[fallthrough]];  // no thread to name the table: every fd copy
        case EventEffect::CloneExit:
        case EventEffect::ExecveExit:
        case EventEffect::ProcExit:
            // Tables made, shared, replaced or dropped: every fd copy.
            ++fds_.gen;
            prev_changed_ = true;
            return;
    }
}

uint64_t ContextRows::long_latency(size_t i) const {
    auto it = std::lower_bound(long_latencies_.begin(), long_latencies_.end(), std::pair<uint64_t, uint64_t>{i, 0});
    return it != long_latencies_.end() && it->first == i ? it->second : kLongLatency;
}

// The context with key k (hash: KeyHash's), made when new (`fresh`: then
// the caller fills frozen_'s new entry).
uint32_t ContextRows::find_or_add(const Key& k, size_t hash, bool& fresh) {
    const uint32_t tag = static_cast<uint32_t>(hash >> 32);
    size_t mask = slots_.size() - 1;
    for (size_t i = tag & mask;; i = (i + 1) & mask) {
        Slot& s = slots_[i];
        if (s.cid == UINT32_MAX) break;
        if (s.hash == tag && keys_[s.cid] == k) {
            fresh = false;
            return s.cid;
        }
    }
    // Half full at most: probes stay short.
    if (2 * (keys_.size() + 1) > slots_.size()) {
        std::vector<Slot> bigger(slots_.size() * 2);
        mask = bigger.size() - 1;
        for (const Slot& s : slots_) {
            if (s.cid == UINT32_MAX) continue;
            size_t i = s.hash & mask;
            while (bigger[i].cid != UINT32_MAX) i = (i + 1) & mask;
            bigger[i] = s;
        }
        slots_ = std::move(bigger);
    }
    size_t i = tag & mask;
    while (slots_[i].cid != UINT32_MAX) i = (i + 1) & mask;
    const auto cid = static_cast<uint32_t>(frozen_.size());  // the caller makes frozen_[cid]
    slots_[i] = Slot{tag, cid};
    keys_.grow_to(cid);  // contexts made without a key (finish's idle ones) keep a default one
    keys_.push_back(k);
    fresh = true;
    return cid;
}

void ContextRows::add(const event::EventView& ev, const state::EventContext& ctx, const state::Model& model,
                      const uint8_t* kept_body) {
    mark_stale(ev, ctx);
    // issue 15 (procsfast)
    if (ev.ts > max_ts_) max_ts_ = ev.ts;
    if (lookups_.empty()) [[unlikely]] begin_section(event::CaptureHeader{});
    if (state::ContainerTable::is_container_event(ev.type)) [[unlikely]] {
        // The model's container table changed (it applied the event).
        Enter& e = container_events_.emplace_back();
        const auto body = ev.body();
        e.body.assign(body.begin(), body.end());
        e.view = ev;
        e.view.rebase(e.body.data());
        // A burst of them (sysdig writes every container at the start) changes one model.
        if (lookup_used_ || lookups_.size() >= kMaxLookups) {
            new_lookup();
        } else {
            lookups_.back()->apply(e.view);
        }
    }
    if (!(ev.block_flags & event::kEventFlagStateOnly)) lookup_used_ = true;
    // The model moves its thread epoch whenever any thread's identity,
    // process or container, or the thread table itself, may have changed
    // (a thread made, removed, or its address reused), and a thread's
    // memory_version when its memory does: a thread copy is good while
    // both stay (issue 15, firstpass).
    if (model.thread_epoch() != thread_epoch_) {
        thread_epoch_ = model.thread_epoch();
        ++threads_.gen;
    }
    Key k;
    k.type = ev.type;
    // issue 15 (colwalk): the state-only flag too, so that a context's events are all shown or none.
    const bool state_only = (ev.block_flags & event::kEventFlagStateOnly) != 0;
    k.flags = static_cast<uint8_t>(ctx.thread_known | ctx.fd_related << 1 | ctx.has_fallback_name << 2 |
                                   ctx.fallback_overrides_entry << 3 | state_only << 4);
    k.typechar = ctx.fallback_typechar;
    k.lookup = static_cast<uint32_t>(lookups_.size() - 1);  // issue 15 (procsfast)
    // Only a generic call's name is not its type's (issue 15, pass: the
    // others' name is left out of the key, which holds their type).
    const bool generic = event::has_dynamic_type_name(ev.type);
    const std::string_view name = generic ? event::display_type_name(ev, ctx.enter) : std::string_view();
    k.type_name = generic ? name.data() : nullptr;
    k.tid = ev.tid;
    k.cpu_delta = ctx.procinfo_cpu_delta;
    k.fd = ctx.fd;
    // The call's outcome, as evt.rawres reads it: evt.failed, evt.res and
    // error.* are then the same for every event of a context. Types without
    // a result (enters among them) have none.
    int64_t result = 0;
    k.error = filter::event_result(ev, result) ? std::min<int64_t>(result, 0) : INT64_MIN;
    last_failed_ = k.error < 0 && k.error != INT64_MIN;  // evt.failed (issue 15, pass)
    // The same live objects, none of their copies stale since, the same
    // facts of the event: the same context, without freezing anything (most
    // events: a thread's reads and writes in a row).
    const auto version = [](const ThreadInfo* t) { return t ? t->memory_version : 0; };
    Live* live = nullptr;
    if (!ctx.has_fallback_name) {
        // The live objects in the key itself (their copies replace them
        // below): a copy of the key made here would read it back in wide
        // loads over the narrow stores just made, and stall the CPU at
        // every event (store forwarding).
        k.thread = ctx.thread;
        k.main = ctx.main_thread;
        k.fd_entry = ctx.fd_entry;
        const uint32_t thread_version = version(ctx.thread);
        const uint32_t main_version = version(ctx.main_thread);
        // A context without an fd entry holds no fd copy: fd events leave it good.
        const uint64_t fds_gen = ctx.fd_entry ? fds_.gen : 0;
        const uint64_t table = ctx.fd_entry ? table_version(ctx) : 0;
        live = &live_[live_slot(k)];
        if (live->cid != UINT32_MAX && live->threads_gen == threads_.gen && live->fds_gen == fds_gen &&
            live->table_version == table && live->thread_version == thread_version &&
            live->main_version == main_version && live->key == k) {
            push(live->cid, ev, ctx);
            return;
        }
        *live = Live{k, threads_.gen, fds_gen, table, thread_version, main_version, UINT32_MAX};
    }
    k.thread = ctx.thread ? freeze(threads_, ctx.thread, version(ctx.thread), same_thread, same_memory, thread_hash)
                          : nullptr;
    k.main = ctx.main_thread == ctx.thread ? k.thread
             : ctx.main_thread
                 ? freeze(threads_, ctx.main_thread, version(ctx.main_thread), same_thread, same_memory, thread_hash)
                 : nullptr;
    // An fd entry's version is its table's (issue 15, session 11).
    k.fd_entry = ctx.fd_entry ? freeze(fds_, ctx.fd_entry, table_version(ctx), same_fd, same_fd, fd_hash) : nullptr;
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
        Recent& recent = recent_[h & (kRecentSlots - 1)];
        if (recent.cid != UINT32_MAX && recent.key == k) {
            last_key_ = k;
            last_cid_ = recent.cid;
            if (live) live->cid = recent.cid;
            push(recent.cid, ev, ctx);
            return;
        }
        bool fresh = false;
        cid = find_or_add(k, h, fresh);
        if (fresh) {
            Frozen& f = frozen_.emplace_back();
            f.ctx = ctx;
            f.ctx.thread = k.thread;
            f.ctx.main_thread = k.main;
            f.ctx.fd_entry = k.fd_entry;
            f.ctx.latency = 0;
            f.ctx.enter = nullptr;
            f.lookup = k.lookup;  // issue 15 (procsfast)
            if (ctx.has_fallback_name) f.ctx.fallback_name = fallback;
            // issue 15 (colwalk): one event of the context, for a walk that reads no kept event.
            f.shown = !state_only;
            shown_.push_back(f.shown);
            if (!kept_body) {
                const auto body = ev.body();
                f.own = std::make_unique<uint8_t[]>(body.size());
                std::copy(body.begin(), body.end(), f.own.get());
                kept_body = f.own.get();
                side_bytes_ += body.size();
            }
            f.sample = KeptSample::of(ev, kept_body);
            // Only the generic calls' evt.type reads the enter (the native
            // call of an unnumbered one): keep it where it names the type.
            if (generic && ctx.enter && event::display_type_name(ev, nullptr) != name) {
                Enter& e = enters_.emplace_back();
                const auto body = ctx.enter->body();
                e.body.assign(body.begin(), body.end());
                side_bytes_ += sizeof(Enter) + body.size();
                e.view = *ctx.enter;
                e.view.rebase(e.body.data());
                f.ctx.enter = &e.view;
            }
        }
        recent.key = k;
        recent.cid = cid;
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
    // issue 15 (firstpass): latency in 4 bytes, long ones aside.
    if (ctx.latency < kLongLatency) {
        latency_.push_back(static_cast<uint32_t>(ctx.latency));
    } else {
        long_latencies_.emplace_back(latency_.size(), ctx.latency);
        latency_.push_back(kLongLatency);
    }
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

// What the rows hold, counted against the explorer's --memory-budget
// (issue 15): the arrays at their capacity, the tables at their size, and
// rough figures for what is counted by the piece (an interned string, a
// lookup model without threads). Cheap: asked every batch of the pass.
uint64_t ContextRows::bytes() const {
    constexpr uint64_t kPerString = 96;      // a pool node, its text and its map entry
    constexpr uint64_t kPerLookup = 16 << 10;  // a model with the header's tables and no threads
    constexpr uint64_t kPerFallback = 96;
    return cid_.capacity() * sizeof(uint32_t) + latency_.capacity() * sizeof(uint32_t) +
           long_latencies_.capacity() * sizeof(long_latencies_[0]) + ts_.capacity() * sizeof(uint64_t) +
           blocks_.capacity() * sizeof(Block) + frozen_.capacity() * sizeof(Frozen) + keys_.capacity() * sizeof(Key) +
           slots_.size() * sizeof(Slot) + recent_.size() * sizeof(Recent) + live_.size() * sizeof(Live) +
           table_versions_.size() * sizeof(uint64_t) + shown_.capacity() + zero_shown_.capacity() * sizeof(uint32_t) +
           threads_.store.capacity() * sizeof(ThreadInfo) + fds_.store.capacity() * sizeof(FdEntry) +
           (threads_.known.size() + fds_.known.size()) * sizeof(Copies<FdEntry>::Known) +
           (threads_.current.size() + fds_.current.size()) * sizeof(Copies<FdEntry>::Current) +
           strings_.size() * kPerString + lookups_.size() * kPerLookup + fallback_ids_.size() * kPerFallback +
           idle_threads_.size() * sizeof(ThreadInfo) + idle_.capacity() * sizeof(uint32_t) +
           container_events_.size() * (sizeof(Enter) + kPerString) + side_bytes_;
}

uint64_t ContextRows::growing_bytes() const {
    return cid_.size() * (sizeof(uint32_t) * 2 + sizeof(uint64_t)) + frozen_.size() * (sizeof(Frozen) + sizeof(Key) + 1) +
           threads_.store.size() * sizeof(ThreadInfo) + fds_.store.size() * sizeof(FdEntry) + side_bytes_;
}

}  // namespace tracetop::engine
