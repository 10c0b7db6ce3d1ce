#include "chisel/chisel_dirs.h"

#include <climits>
#include <cstdlib>
#include <filesystem>

namespace tracetop::chisel {
namespace {

std::string with_slash(std::string dir) {
    if (!dir.empty() && dir.back() != '/') dir += '/';
    return dir;
}

// sysdig resolves ~/.chisels and keeps it only when it exists.
std::optional<std::string> home_chisels() {
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') return std::nullopt;
    std::error_code ec;
    const auto resolved = std::filesystem::canonical(std::filesystem::path(home) / ".chisels", ec);
    if (ec) return std::nullopt;
    return with_slash(resolved.string());
}

}  // namespace

std::vector<std::string> chisel_dirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("SYSDIG_CHISEL_DIR")) {
        std::string_view rest(env);
        while (true) {
            const size_t semi = rest.find(';');
            const std::string_view one = rest.substr(0, semi);
            if (!one.empty()) dirs.insert(dirs.begin(), with_slash(std::string(one)));
            if (semi == std::string_view::npos) break;
            rest.remove_prefix(semi + 1);
        }
    }
    dirs.emplace_back("");
    dirs.emplace_back("./chisels/");
    if (auto home = home_chisels()) dirs.push_back(*home);
    dirs.emplace_back(kSystemChiselDir);
    return dirs;
}

std::optional<std::string> find_chisel_file(std::string_view name, const std::vector<std::string>& dirs) {
    if (name.empty()) return std::nullopt;
    for (const char* suffix : {".lua", ""}) {
        for (const std::string& dir : dirs) {
            std::string path = dir + std::string(name) + suffix;
            std::error_code ec;
            if (std::filesystem::is_regular_file(path, ec)) return path;
        }
    }
    return std::nullopt;
}

}  // namespace tracetop::chisel
