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
#include <vector>

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
    // Equal for equal strings of one pool, without holding the string. A
    // node released stays in the pool's idle ring for a while, so within one
    // event a released name's identity is not given to another string.
    const void* identity() const { return node_; }

    friend bool operator==(const InternedString& a, const InternedString& b) { return a.node_ == b.node_; }

private:
    friend class StringPool;
    struct Node {
        std::string text;
        uint32_t refs = 0;
        StringPool* pool = nullptr;
        int32_t idle_slot = -1;  // its place among the pool's idle nodes, -1 if none
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

    // Distinct strings that have a holder.
    size_t size() const;

private:
    friend class InternedString;
    void forget(InternedString::Node* node);

    // Keys view the node's own text, which never moves (the node is heap-held).
    std::unordered_map<std::string_view, std::unique_ptr<InternedString::Node>> nodes_;

    // The last strings to lose their last holder stay a while: a file opened
    // and closed again and again (the usual pattern) then costs one lookup
    // per open instead of an allocation, an insertion and an erasure. A
    // string is freed when it leaves this ring still without a holder, so the
    // pool stays bounded by what the model knows plus kIdleNodes.
    static constexpr size_t kIdleNodes = 256;
    std::vector<InternedString::Node*> idle_;
    size_t next_idle_ = 0;
};

}  // namespace tracetop::state
