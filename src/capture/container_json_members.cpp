#include "capture/container_json_members.h"

#include "capture/container_metadata.h"
#include "capture/proc_files.h"

namespace tracetop::capture::json_members {

std::optional<Json> parse_file(const std::string& path, bool want_object) {
    auto text = read_bounded(path, kMaxRuntimeFileBytes + 1);
    if (!text || text->size() > kMaxRuntimeFileBytes) return std::nullopt;
    Json j = Json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || (want_object && !j.is_object())) return std::nullopt;
    return j;
}

std::string string_at(const Json& obj, const char* key) {
    if (!obj.is_object()) return {};
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int64_t int_at(const Json& obj, const char* key) {
    if (!obj.is_object()) return 0;
    auto it = obj.find(key);
    if (it == obj.end()) return 0;
    if (it->is_number_integer()) return it->get<int64_t>();
    if (it->is_number_unsigned()) return static_cast<int64_t>(it->get<uint64_t>());
    return 0;
}

bool bool_at(const Json& obj, const char* key) {
    if (!obj.is_object()) return false;
    auto it = obj.find(key);
    return it != obj.end() && it->is_boolean() && it->get<bool>();
}

const Json* object_at(const Json& obj, const char* key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it != obj.end() && it->is_object() ? &*it : nullptr;
}

std::map<std::string, std::string> string_map_at(const Json& obj, const char* key) {
    std::map<std::string, std::string> out;
    if (const Json* m = object_at(obj, key)) {
        for (auto it = m->begin(); it != m->end(); ++it) {
            if (it.value().is_string()) out.emplace(it.key(), it.value().get<std::string>());
        }
    }
    return out;
}

}  // namespace tracetop::capture::json_members
