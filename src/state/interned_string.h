// Reference-counted string interning: the model keeps many copies of the same
// few strings (comm, exe, cwd, file names shared by forked fd tables). Each
// distinct text is stored once and freed when its last holder goes, so the
// pool is bounded by what the model currently knows. Single-threaded (the
// drain thread owns the model).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tracetop::state {

class StringPool;

class InternedString {
public:
    InternedString() = default;
    InternedString(const InternedString& other) : node_(other.node_) { acquire(); }
    InternedString(InternedString&& other) noexcept : node_(other.node_) { other.node_ = nullptr; }
    InternedString& operator=(const InternedString& other);
    InternedString& operator=(InternedString&& other) noexcept;
    ~InternedString() { release(); }

    std::string_view view() const;
    operator std::string_view() const { return view(); }  // NOLINT: a string is what it is
    bool empty() const { return node_ == nullptr; }

    friend bool operator==(const InternedString& a, const InternedString& b) { return a.node_ == b.node_; }

private:
    friend class StringPool;
    struct Node {
        std::string text;
        uint32_t refs = 0;
        StringPool* pool = nullptr;
    };
    explicit InternedString(Node* node) : node_(node) { acquire(); }
    void acquire() {
        if (node_ != nullptr) ++node_->refs;
    }
    void release();

    Node* node_ = nullptr;
};

class StringPool {
public:
    StringPool() = default;
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;

    // The empty string is represented without a node.
    InternedString intern(std::string_view text);

    size_t size() const { return nodes_.size(); }

private:
    friend class InternedString;
    void forget(InternedString::Node* node);

    // Keys view the node's own text, which never moves (the node is heap-held).
    std::unordered_map<std::string_view, std::unique_ptr<InternedString::Node>> nodes_;
};

}  // namespace tracetop::state
