#include "state/user_table.h"

namespace tracetop::state {

void UserTable::load(const std::vector<event::UserRecord>& users, const std::vector<event::GroupRecord>& groups) {
    clear();
    // A later record for the same id wins, as in sinsp's map assignment.
    for (const auto& u : users) users_[u.uid] = u;
    for (const auto& g : groups) groups_[g.gid] = g;
}

void UserTable::clear() {
    users_.clear();
    groups_.clear();
}

const event::UserRecord* UserTable::user(uint32_t uid) const {
    auto it = users_.find(uid);
    return it == users_.end() ? nullptr : &it->second;
}

const event::GroupRecord* UserTable::group(uint32_t gid) const {
    auto it = groups_.find(gid);
    return it == groups_.end() ? nullptr : &it->second;
}

}  // namespace tracetop::state
