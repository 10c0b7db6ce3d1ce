// What the user set once and finds at every start (issue 16): refresh
// interval, colour scheme, the view to start in, and each view's columns.
// Kept in $XDG_CONFIG_HOME/tracetop/tracetoprc (~/.config/... without it), a
// TOML file the setup screen writes; the command line overrides it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cli_options.h"

namespace tracetop::engine {

struct Settings {
    std::optional<uint32_t> refresh_ms;
    std::optional<std::string> scheme;  // one of kSchemes
    std::optional<std::string> default_view;
    // A view's id → the ids of the columns it shows, left to right (the
    // others are hidden). Views not here show all their columns.
    std::map<std::string, std::vector<std::string>> columns;

    bool operator==(const Settings&) const = default;
};

// The colour schemes, the default first.
inline constexpr std::string_view kSchemes[] = {"default", "monochrome", "256"};

// A file read: its settings, or the defaults and one line saying why.
struct SettingsRead {
    Settings settings;
    std::string warning;  // "" when the file was good or missing
};

// The file's path ("" when there is neither XDG_CONFIG_HOME nor HOME).
std::string settings_path();

// `text` as a settings file; `origin` names it in the warning.
SettingsRead parse_settings(std::string_view text, std::string_view origin);
// The file at `path`; one that does not exist gives the defaults silently.
SettingsRead read_settings(const std::string& path);

// The settings as the file holds them.
std::string format_settings(const Settings& settings);
// Writes the file whole or not at all (a temporary file renamed over it),
// making its directory. "" or what went wrong.
std::string write_settings(const std::string& path, const Settings& settings);

// The command line wins over the file, NO_COLOR (no-color.org: set and not
// empty) over the file's colour scheme: `options` after the file's settings,
// with the colour scheme to draw in.
struct Applied {
    Options options;
    std::string scheme;
};
Applied apply_settings(const Options& options, const Settings& settings, const char* no_color);

}  // namespace tracetop::engine
