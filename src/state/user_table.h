// Users and groups of the traced machine, from the capture's user list
// (scap-format.md §6): what user.name and group.name resolve through.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "event/header_records.h"

namespace tracetop::state {

class UserTable {
public:
    void load(const std::vector<event::UserRecord>& users, const std::vector<event::GroupRecord>& groups);
    void clear();

    const event::UserRecord* user(uint32_t uid) const;
    const event::GroupRecord* group(uint32_t gid) const;

private:
    std::unordered_map<uint32_t, event::UserRecord> users_;
    std::unordered_map<uint32_t, event::GroupRecord> groups_;
};

}  // namespace tracetop::state
