#include "chisel/chisel_catalog.h"

#include <algorithm>
#include <filesystem>

#include "chisel/chisel_dirs.h"
#include "chisel/chisel_host.h"
#include "chisel/lua_api.h"

namespace tracetop::chisel {
namespace {

// sysdig's layout: names in a 16-column field, text wrapped at 79.
constexpr size_t kTextStart = 16;
constexpr size_t kLineLen = 79;

bool read_one(const std::string& path, std::string name, const std::vector<std::string>& dirs, ChiselDesc& out) {
    ChiselHost host;  // no run: API calls at load time find no model
    LuaPtr ls = new_lua_state();
    if (!ls) return false;
    register_chisel_api(ls.get(), &host, dirs);
    if (!run_file(ls.get(), path)) return false;
    auto desc = read_desc(ls.get(), std::move(name));
    if (!desc || desc->hidden) return false;
    out = std::move(*desc);
    return true;
}

}  // namespace

std::vector<ChiselDesc> list_chisels(const std::vector<std::string>& dirs) {
    std::vector<ChiselDesc> out;
    for (const std::string& dir : dirs) {
        if (dir.empty()) continue;
        std::error_code ec;
        std::vector<std::filesystem::path> files;
        for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
             it.increment(ec)) {
            if (it->path().extension() == ".lua") files.push_back(it->path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            const std::string name = file.stem().string();
            if (std::any_of(out.begin(), out.end(), [&](const ChiselDesc& d) { return d.name == name; })) continue;
            ChiselDesc desc;
            if (read_one(file.string(), name, dirs, desc)) out.push_back(std::move(desc));
        }
    }
    return out;
}

std::optional<ChiselDesc> find_chisel(std::string_view name, const std::vector<std::string>& dirs) {
    const auto path = find_chisel_file(name, dirs);
    ChiselDesc desc;
    if (!path || !read_one(*path, std::string(name), dirs, desc)) return std::nullopt;
    return desc;
}

std::string format_chisel_list(std::vector<ChiselDesc> chisels, bool verbose) {
    std::sort(chisels.begin(), chisels.end(), [](const ChiselDesc& a, const ChiselDesc& b) {
        return a.category == b.category ? a.name < b.name : a.category < b.category;
    });
    std::string out;
    std::string last_category;
    bool first = true;
    for (const ChiselDesc& c : chisels) {
        if (first || c.category != last_category) {
            const std::string title = "Category: " + c.category;
            out += "\n" + title + "\n" + std::string(title.size(), '-') + "\n";
            last_category = c.category;
            first = false;
        }
        out += c.name;
        size_t used = c.name.size();
        if (used >= kTextStart) {
            out += '\n';
            used = 0;
        }
        out += std::string(kTextStart - used, ' ');
        for (size_t i = 0; i < c.short_description.size(); ++i) {
            if (i % (kLineLen - kTextStart) == 0 && i != 0) out += "\n" + std::string(kTextStart, ' ');
            out += c.short_description[i];
        }
        out += '\n';
    }
    if (verbose) out += "\nUse the -i flag to get detailed information about a specific chisel\n";
    return out;
}

std::string format_chisel_info(const ChiselDesc& chisel) {
    std::string out = format_chisel_list({chisel}, false);
    out += '\n';
    for (size_t i = 0; i < chisel.description.size(); ++i) {
        if (i % kLineLen == 0 && i != 0) out += '\n';
        out += chisel.description[i];
    }
    out += '\n';
    std::string args = "Args:\n";
    if (chisel.args.empty()) {
        args += "(None)";
    } else {
        for (const ChiselArg& a : chisel.args) args += "[" + a.type + "] " + a.name + " - " + a.description + "\n";
    }
    // Wrapped at 64 columns, continuation lines indented by 16 (sysdig).
    size_t column = 0;
    for (const char c : args) {
        if (c == '\n') {
            out += c;
            column = 0;
            continue;
        }
        if (column % (kLineLen - kTextStart) == 0 && column != 0) out += "\n" + std::string(kTextStart, ' ');
        out += c;
        ++column;
    }
    out += '\n';
    return out;
}

}  // namespace tracetop::chisel
