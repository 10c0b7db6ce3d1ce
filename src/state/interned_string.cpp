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
    // Find first, then erase: the key views the text the erase destroys.
    auto it = nodes_.find(std::string_view{node->text});
    if (it != nodes_.end()) nodes_.erase(it);
}

}  // namespace tracetop::state
