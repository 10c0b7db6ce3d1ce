#include "analysis/echo_collector.h"

#include "event/event_table.h"
#include "filter/output_format.h"

namespace tracetop::analysis {

std::optional<IoBytes> io_bytes(const event::EventView& ev) {
    if (event::is_enter(ev.type)) return std::nullopt;
    const event::EventInfo* info = ev.info();
    if (!info) return std::nullopt;
    const uint32_t cls = info->category & event::kCategoryClassMask;
    if (cls != event::kCatIoRead && cls != event::kCatIoWrite) return std::nullopt;
    const uint32_t n = std::min<uint32_t>(ev.nparams(), static_cast<uint32_t>(info->params.size()));
    if (n == 0 || info->params[0].name != "res") return std::nullopt;
    uint64_t bytes = 0;
    if (!event::exit_byte_count(ev, bytes) || bytes == 0) return std::nullopt;
    for (uint32_t i = 1; i < n; ++i) {
        if (info->params[i].name != "data") continue;
        const auto raw = ev.param(i);
        if (raw.empty()) return std::nullopt;
        // A buffer never holds more than the call moved; a corrupt event may claim so.
        const size_t len = std::min<size_t>(raw.size(), bytes);
        return IoBytes{cls == event::kCatIoWrite, bytes,
                       std::string_view(reinterpret_cast<const char*>(raw.data()), len)};
    }
    return std::nullopt;
}

Result<std::unique_ptr<EchoCollector>> EchoCollector::create(const std::string& scope, bool live,
                                                             uint32_t snaplen) {
    std::unique_ptr<EchoCollector> c(new EchoCollector());
    c->scope_text_ = scope;
    c->live_ = live;
    c->snaplen_ = live ? snaplen : 0;
    if (!scope.empty()) {
        auto compiled = filter::CompiledFilter::compile(scope);
        if (!compiled) return compiled.error();
        c->scope_ = std::move(*compiled);
    }
    for (auto [field, name] : {std::pair{&c->fd_num_, "fd.num"}, std::pair{&c->fd_name_, "fd.name"},
                               std::pair{&c->proc_name_, "proc.name"}, std::pair{&c->proc_pid_, "proc.pid"}}) {
        auto b = bind_field(name);
        if (!b) return b.error();
        *field = *b;
    }
    return c;
}

// Rendered through the filter layer: the same text -p prints, sanitized there.
std::string EchoCollector::render(const filter::BoundField& f, const filter::FieldContext& ctx) {
    values_.clear();
    f.def->extract(ctx, f.arg, values_);
    if (values_.empty()) return "<NA>";
    buf_.clear();
    filter::render_value(*f.def, values_[0], buf_);
    return std::string(buf_.data(), buf_.size());
}

void EchoCollector::on_event(const filter::FieldContext& ctx, bool internal) {
    if (internal) return;
    const auto io = io_bytes(ctx.ev);
    if (!io) return;
    if (scope_ && !scope_->matches(ctx)) return;
    auto chunk = std::make_shared<EchoChunk>();
    chunk->num = ctx.ev.num;
    chunk->ts = ctx.ev.ts;
    chunk->write = io->write;
    chunk->moved = io->moved;
    chunk->bytes.assign(io->bytes);
    chunk->fd = render(fd_num_, ctx);
    chunk->fd_name = render(fd_name_, ctx);
    chunk->proc = render(proc_name_, ctx) + " (" + render(proc_pid_, ctx) + ")";
    // Offline the capture does not say its snap length: a buffer shorter
    // than what the call moved was cut there.
    if (!live_ && io->bytes.size() < io->moved) snaplen_ = std::max<uint32_t>(snaplen_, static_cast<uint32_t>(io->bytes.size()));
    moved_ += io->moved;
    const size_t size = sizeof(EchoChunk) + chunk->bytes.size() + chunk->fd_name.size() + chunk->proc.size();
    while (!chunks_.empty() && (chunks_.size() >= kMaxChunks || bytes_ + size > kMaxBytes)) {
        const auto& old = *chunks_.front();
        bytes_ -= sizeof(EchoChunk) + old.bytes.size() + old.fd_name.size() + old.proc.size();
        chunks_.pop_front();
        ++dropped_;
    }
    bytes_ += size;
    chunks_.push_back(std::move(chunk));
}

void EchoCollector::fill(PaneData& out, uint64_t) const {
    out.kind = PaneKind::Echo;
    out.scope = scope_text_;
    auto data = std::make_shared<EchoData>();
    data->chunks.assign(chunks_.begin(), chunks_.end());
    data->dropped = dropped_;
    data->bytes_moved = moved_;
    data->snaplen = snaplen_;
    data->snaplen_inferred = !live_;
    out.echo = std::move(data);
}

}  // namespace tracetop::analysis
