// Typed reads of members of a runtime's JSON files: a member is taken only
// when it has the expected kind (the files come from the traced machine).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace tracetop::capture::json_members {

using Json = nlohmann::json;

// The parsed file, or nullopt when it is missing, too big, not JSON or (with
// want_object) not an object.
std::optional<Json> parse_file(const std::string& path, bool want_object = true);

std::string string_at(const Json& obj, const char* key);
int64_t int_at(const Json& obj, const char* key);
bool bool_at(const Json& obj, const char* key);
const Json* object_at(const Json& obj, const char* key);
// String members of an object member ({"a":"b",...}); others are skipped.
std::map<std::string, std::string> string_map_at(const Json& obj, const char* key);

}  // namespace tracetop::capture::json_members
