#include "state/interned_string.h"

namespace tracetop::state {

InternedString& InternedString::operator=(const InternedString& other) {
    if (node_ != other.node_) {
        release();
        node_ = other.node_;
        acquire();
    }
    return *this;
}

InternedString& InternedString::operator=(InternedString&& other) noexcept {
    if (this != &other) {
        release();
        node_ = other.node_;
        other.node_ = nullptr;
    }
    return *this;
}

std::string_view InternedString::view() const {
    return node_ == nullptr ? std::string_view{} : std::string_view{node_->text};
}

void InternedString::release() {
    if (node_ != nullptr && --node_->refs == 0) node_->pool->forget(node_);
    node_ = nullptr;
}

InternedString StringPool::intern(std::string_view text) {
    if (text.empty()) return {};
    auto it = nodes_.find(text);
    if (it == nodes_.end()) {
        auto node = std::make_unique<InternedString::Node>();
        node->text.assign(text);
        node->pool = this;
        const std::string_view key{node->text};
        it = nodes_.emplace(key, std::move(node)).first;
    }
    return InternedString{it->second.get()};
}

void StringPool::forget(InternedString::Node* node) {
    if (node->idle_slot >= 0) return;  // still in the ring since it was last idle
    if (idle_.size() < kIdleNodes) {
        node->idle_slot = static_cast<int32_t>(idle_.size());
        idle_.push_back(node);
        return;
    }
    // The oldest idle node makes room; it goes if nobody took it up again.
    InternedString::Node* old = idle_[next_idle_];
    old->idle_slot = -1;
    if (old->refs == 0) {
        // Find first, then erase: the key views the text the erase destroys.
        auto it = nodes_.find(std::string_view{old->text});
        if (it != nodes_.end()) nodes_.erase(it);
    }
    node->idle_slot = static_cast<int32_t>(next_idle_);
    idle_[next_idle_] = node;
    next_idle_ = (next_idle_ + 1) % kIdleNodes;
}

size_t StringPool::size() const {
    size_t idle = 0;
    for (const InternedString::Node* n : idle_) idle += n->refs == 0 ? 1 : 0;
    return nodes_.size() - idle;
}

}  // namespace tracetop::state
