#include "engine/settings_file.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "analysis/view_loader.h"

namespace tracetop::engine {
namespace {

// Limits like -d's: a file edited by hand gets no more than the command line.
constexpr int64_t kMinRefreshMs = 50;
constexpr int64_t kMaxRefreshMs = 3600000;
// A settings file is a few hundred bytes; a huge one is a mistake, not settings.
constexpr std::uintmax_t kMaxFileBytes = 1 << 20;

std::string where(const toml::node& n, std::string_view origin) {
    return fmt::format("{}:{}", origin, n.source().begin.line);
}

// "" when good, else the warning (without the file's name).
std::string read_into(const toml::table& doc, std::string_view origin, Settings& out) {
    for (const auto& [key, value] : doc) {
        const std::string_view k = key.str();
        if (k == "refresh_ms") {
            const auto ms = value.value<int64_t>();
            if (!value.is_integer() || !ms || *ms < kMinRefreshMs || *ms > kMaxRefreshMs) {
                return fmt::format("{}: refresh_ms takes a number of milliseconds from {} to {}", where(value, origin),
                                   kMinRefreshMs, kMaxRefreshMs);
            }
            out.refresh_ms = static_cast<uint32_t>(*ms);
        } else if (k == "color_scheme") {
            const auto s = value.value<std::string>();
            if (!value.is_string() || std::find(std::begin(kSchemes), std::end(kSchemes), *s) == std::end(kSchemes)) {
                return fmt::format("{}: color_scheme is one of \"default\", \"monochrome\", \"256\"", where(value, origin));
            }
            out.scheme = *s;
        } else if (k == "default_view") {
            const auto s = value.value<std::string>();
            if (!value.is_string() || s->empty()) return fmt::format("{}: default_view takes a view's id", where(value, origin));
            out.default_view = *s;
        } else if (k == "columns") {
            const toml::table* views = value.as_table();
            if (!views) return fmt::format("{}: [columns] lists view = [column ids]", where(value, origin));
            for (const auto& [view, ids] : *views) {
                const toml::array* list = ids.as_array();
                std::vector<std::string> cols;
                if (list) {
                    for (const auto& id : *list) {
                        if (!id.is_string()) {
                            list = nullptr;
                            break;
                        }
                        cols.push_back(*id.value<std::string>());
                    }
                }
                if (!list || cols.empty()) {
                    return fmt::format("{}: columns.{} takes a list of column ids", where(ids, origin), view.str());
                }
                out.columns[std::string(view.str())] = std::move(cols);
            }
        } else {
            return fmt::format("{}: unknown setting \"{}\"", where(value, origin), k);
        }
    }
    return "";
}

// A TOML string, quoted and escaped.
std::string toml_string(std::string_view s) {
    std::ostringstream o;
    o << toml::value<std::string>(std::string(s));
    return o.str();
}

}  // namespace

std::string settings_path() {
    // Beside the user's views: $XDG_CONFIG_HOME/tracetop or ~/.config/tracetop.
    const std::string views = analysis::default_user_view_dir();
    if (views.empty()) return {};
    return (std::filesystem::path(views).parent_path() / "tracetoprc").string();
}

SettingsRead parse_settings(std::string_view text, std::string_view origin) {
    const std::string_view fallback = "; using the default settings";
    toml::table doc;
    try {
        doc = toml::parse(text, origin);
    } catch (const toml::parse_error& e) {
        return {{}, fmt::format("{}:{}: {}{}", origin, e.source().begin.line, e.description(), fallback)};
    }
    Settings s;
    if (std::string bad = read_into(doc, origin, s); !bad.empty()) return {{}, bad + std::string(fallback)};
    return {std::move(s), ""};
}

SettingsRead read_settings(const std::string& path) {
    if (path.empty()) return {};
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return {};
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || !std::filesystem::is_regular_file(path, ec)) {
        return {{}, fmt::format("{}: not a readable file; using the default settings", path)};
    }
    if (size > kMaxFileBytes) return {{}, fmt::format("{}: too large for a settings file; using the default settings", path)};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return {{}, fmt::format("{}: cannot be read; using the default settings", path)};
    return parse_settings(text.str(), path);
}

std::string format_settings(const Settings& s) {
    std::string out = "# tracetop's settings, written by its setup screen (S); see tracetop(8), FILES.\n";
    if (s.refresh_ms) out += fmt::format("refresh_ms = {}\n", *s.refresh_ms);
    if (s.scheme) out += fmt::format("color_scheme = {}\n", toml_string(*s.scheme));
    if (s.default_view) out += fmt::format("default_view = {}\n", toml_string(*s.default_view));
    if (!s.columns.empty()) {
        out += "\n# Each view's columns, left to right; the others are hidden.\n[columns]\n";
        for (const auto& [view, ids] : s.columns) {
            std::vector<std::string> q;
            for (const auto& id : ids) q.push_back(toml_string(id));
            out += fmt::format("{} = [{}]\n", toml_string(view), fmt::join(q, ", "));
        }
    }
    return out;
}

std::string write_settings(const std::string& path, const Settings& settings) {
    if (path.empty()) return "no home directory to keep settings in (set HOME or XDG_CONFIG_HOME)";
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    if (ec) return fmt::format("{}: {}", fs::path(path).parent_path().string(), ec.message());
    const std::string tmp = fmt::format("{}.tmp{}", path, ::getpid());
    const std::string text = format_settings(settings);
    FILE* f = std::fopen(tmp.c_str(), "w");
    if (!f) return fmt::format("{}: {}", tmp, std::strerror(errno));
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0 &&
                    ::fsync(fileno(f)) == 0;
    const int err = errno;
    std::fclose(f);
    if (!ok) {
        fs::remove(tmp, ec);
        return fmt::format("{}: {}", tmp, std::strerror(err));
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return fmt::format("{}: {}", path, ec.message());
    }
    return "";
}

Applied apply_settings(const Options& options, const Settings& settings, const char* no_color) {
    Applied a{options, "default"};
    if (!options.delay_given && settings.refresh_ms) a.options.delay_ms = *settings.refresh_ms;
    if (options.view.empty() && settings.default_view) a.options.view = *settings.default_view;
    if (options.scheme) {
        a.scheme = *options.scheme;
    } else if (no_color && *no_color) {
        a.scheme = "monochrome";
    } else if (settings.scheme) {
        a.scheme = *settings.scheme;
    }
    return a;
}

}  // namespace tracetop::engine
