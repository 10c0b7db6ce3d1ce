#include "analysis/lua_view_loader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "analysis/lua_view_reader.h"
#include "analysis/lua_view_translate.h"

namespace tracetop::analysis {
namespace {

constexpr std::uintmax_t kMaxFileBytes = 1 << 20;  // sysdig's largest view file is 12 KiB

bool is_view_file(const std::filesystem::path& p) {
    const std::string name = p.filename().string();
    return name.size() > 6 && name.rfind("v_", 0) == 0 && p.extension() == ".lua";
}

std::optional<std::string> read_small_file(const std::filesystem::path& p, std::string& why) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec)) {
        why = "not a regular file";
        return std::nullopt;
    }
    if (std::filesystem::file_size(p, ec) > kMaxFileBytes || ec) {
        why = "larger than 1 MiB";
        return std::nullopt;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        why = "cannot read the file";
        return std::nullopt;
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

LuaViewScan scan_lua_views(const std::vector<std::string>& dirs) {
    LuaViewScan scan;
    auto known = [&](const std::string& id) {
        return std::any_of(scan.views.begin(), scan.views.end(), [&](const ViewDef& v) { return v.id == id; }) ||
               std::any_of(scan.notes.begin(), scan.notes.end(),
                           [&](const LuaViewNote& n) { return n.id == id && !n.usable; });
    };
    for (const std::string& dir : dirs) {
        std::error_code ec;
        if (dir.empty() || !std::filesystem::is_directory(dir, ec)) continue;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            if (is_view_file(entry.path())) files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& p : files) {
            // The id a broken file would have had: v_NAME.lua is view NAME.
            const std::string stem = p.stem().string().substr(2);
            std::string why;
            auto text = read_small_file(p, why);
            if (!text) {
                if (!known(stem)) scan.notes.push_back({stem, fmt::format("{}: {}", p.string(), why), false});
                continue;
            }
            auto info = read_lua_view(*text, p.string());
            if (!info) {
                if (!known(stem)) scan.notes.push_back({stem, info.error().message, false});
                continue;
            }
            if (known(info->id)) continue;
            auto view = translate_lua_view(*info, p.string());
            if (!view) {
                scan.notes.push_back({info->id, view.error().message, false});
                continue;
            }
            if (!view->left_out.empty()) {
                std::string cols;
                for (const std::string& l : view->left_out) cols += (cols.empty() ? "" : ", ") + l;
                scan.notes.push_back({info->id, fmt::format("{}: view \"{}\" shown without {}", p.string(), info->id, cols), true});
            }
            scan.views.push_back(std::move(view->view));
        }
    }
    return scan;
}

std::vector<std::string> default_lua_view_dirs(const std::string& user_view_dir) {
    std::vector<std::string> dirs;
    if (!user_view_dir.empty()) dirs.push_back(user_view_dir);
    if (const char* d = std::getenv("SYSDIG_CHISEL_DIR"); d && *d) dirs.emplace_back(d);
    if (const char* home = std::getenv("HOME"); home && *home) dirs.push_back(std::string(home) + "/.chisels");
    dirs.emplace_back("/usr/share/sysdig/chisels");
    return dirs;
}

}  // namespace tracetop::analysis
