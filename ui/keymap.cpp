#include "keymap.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "key_names.h"

namespace tracetop::ui {
namespace {

using A = Action;
using S = Scope;

// Names in keys.toml, in the order of the enums.
constexpr std::string_view kActionNames[] = {
    "none", "help", "views", "search", "search_next", "text_filter", "sysdig_filter", "events", "echo", "spectro",
    "tree", "expand", "collapse", "fold", "sort_next", "sort_prev", "invert", "pause", "clear", "quit",
    // issue 16 (uilook)
    "sort_menu", "columns", "setup", "line_home", "line_end", "toggle", "move_up", "move_down",
    "up", "down",
    "left", "right", "page_up", "page_down", "home", "end", "enter", "back", "cancel", "close", "hex", "insert",
    "erase", "erase_forward", "clear_line", "redraw", "resize", "mouse",
    "chisels",  // chisels (D)
    // Time ranges (issue 15, part big).
    "range_earlier", "range_later", "range_narrow", "range_widen", "range_whole",
    // issue 16 (uiact)
    "row_actions", "sort_memory", "sort_cpu", "sort_time", "jump_pid", "pick_user", "hide_user_threads",
    "hide_kernel_threads",
    "live_now"};  // issue 15 live history (rewind)
static_assert(std::size(kActionNames) == static_cast<size_t>(A::LiveNow) + 1);
constexpr std::string_view kScopeNames[] = {"table", "echo", "spectro", "pager", "menu", "prompt", "lists", "anywhere"};
static_assert(std::size(kScopeNames) == kScopes);

template <class E, size_t N>
std::optional<E> by_name(const std::string_view (&names)[N], std::string_view name) {
    for (size_t i = 0; i < N; ++i) {
        if (names[i] == name) return static_cast<E>(i);
    }
    return std::nullopt;
}

// One [[scope]] entry of keys.toml; "" when it is good.
std::string read_binding(const toml::table& entry, Scope scope, Binding& out) {
    for (const auto& [field, value] : entry) {
        static constexpr std::string_view kFields[] = {"keys", "action", "label", "keep", "help", "more"};
        if (std::find(std::begin(kFields), std::end(kFields), field.str()) == std::end(kFields)) {
            return fmt::format("unknown setting \"{}\"", field.str());
        }
        if (field.str() == "keep" ? !value.is_integer() : !value.is_string()) {
            return fmt::format("\"{}\" must be {}", field.str(), field.str() == "keep" ? "a number" : "a string");
        }
    }
    const std::string_view name = entry["action"].value_or(std::string_view());
    const auto action = by_name<Action>(kActionNames, name);
    if (!action || *action == A::None) return fmt::format("unknown action \"{}\"", name);
    out = Binding{scope, *action, entry["keys"].value_or(std::string()), entry["label"].value_or(std::string()),
                  entry["keep"].value_or(0), entry["help"].value_or(std::string()),
                  entry["more"].value_or(std::string())};
    if (key_names(out.keys).empty()) return "no keys";
    for (const std::string& name : key_names(out.keys)) {
        if (key_codes(name).empty()) return fmt::format("unknown key name \"{}\"", name);
    }
    return "";
}

constexpr Scope kTableChain[] = {S::Table, S::Lists, S::Anywhere};
constexpr Scope kEchoChain[] = {S::Echo, S::Lists, S::Anywhere};
constexpr Scope kSpectroChain[] = {S::Spectro, S::Lists, S::Anywhere};
constexpr Scope kPagerChain[] = {S::Pager, S::Lists, S::Anywhere};
constexpr Scope kMenuChain[] = {S::Menu, S::Lists, S::Anywhere};
// Typing: letters are text, not moves.
constexpr Scope kPromptChain[] = {S::Prompt, S::Anywhere};
constexpr Scope kListsChain[] = {S::Lists, S::Anywhere};
constexpr Scope kAnywhereChain[] = {S::Anywhere};

}  // namespace

std::span<const Scope> scope_chain(Scope scope) {
    switch (scope) {
        case S::Table: return kTableChain;
        case S::Echo: return kEchoChain;
        case S::Spectro: return kSpectroChain;
        case S::Pager: return kPagerChain;
        case S::Menu: return kMenuChain;
        case S::Prompt: return kPromptChain;
        case S::Lists: return kListsChain;
        case S::Anywhere: break;
    }
    return kAnywhereChain;
}

std::string_view scope_title(Scope scope) {
    switch (scope) {
        case S::Table: return "In the table";
        case S::Echo: return "In the Echo pane";
        case S::Spectro: return "In the latency spectrogram";
        case S::Pager: return "In help and an event's fields";
        case S::Menu: return "In the menus (views, sort, columns, setup)";
        case S::Prompt: return "While typing a search or a filter";
        case S::Lists: return "In every list, page and pane";
        case S::Anywhere: break;
    }
    return "Anywhere";
}

Keymap::Keymap(std::vector<Binding> rows) : rows_(std::move(rows)) { index(); }

Keymap::Parsed Keymap::parse(std::string_view text, std::string_view origin) {
    toml::table doc;
    try {
        doc = toml::parse(text, origin);
    } catch (const toml::parse_error& e) {
        return {std::nullopt, fmt::format("{}:{}: {}", origin, e.source().begin.line, e.description())};
    }
    std::vector<Binding> rows;
    for (const auto& [name, node] : doc) {
        const auto scope = by_name<Scope>(kScopeNames, name.str());
        const toml::array* entries = node.as_array();
        if (!scope || !entries) return {std::nullopt, fmt::format("{}: unknown scope \"{}\"", origin, name.str())};
        for (size_t i = 0; i < entries->size(); ++i) {
            const toml::table* entry = (*entries)[i].as_table();
            Binding b{};
            const std::string bad = entry ? read_binding(*entry, *scope, b) : "not a table";
            if (!bad.empty()) return {std::nullopt, fmt::format("{}: [[{}]] entry {}: {}", origin, name.str(), i + 1, bad)};
            rows.push_back(std::move(b));
        }
    }
    // One meaning a key and scope: a second would be silently dead.
    std::set<std::pair<Scope, int>> bound;
    for (const Binding& b : rows) {
        for (const std::string& name : key_names(b.keys)) {
            for (int code : key_codes(name)) {
                if (!bound.emplace(b.scope, code).second) {
                    return {std::nullopt, fmt::format("{}: {} is bound twice in [[{}]]", origin, name,
                                                      kScopeNames[static_cast<size_t>(b.scope)])};
                }
            }
        }
    }
    return {Keymap(std::move(rows)), ""};
}

const Keymap& Keymap::defaults() {
    static const Keymap map = [] {
        Parsed parsed = parse(embedded_keys_toml(), "keys.toml");
        // The file is compiled in and checked by the unit tests: failing here is a build gone wrong.
        if (!parsed.map) {
            std::fprintf(stderr, "tracetop: the built-in key table is broken: %s\n", parsed.error.c_str());
            std::abort();
        }
        return std::move(*parsed.map);
    }();
    return map;
}

const Keymap& keymap() { return Keymap::defaults(); }

void Keymap::index() {
    for (auto& codes : by_code_) codes.clear();
    for (const Binding& b : rows_) {
        for (const std::string& name : key_names(b.keys)) {
            for (int code : key_codes(name)) by_code_[static_cast<size_t>(b.scope)].emplace(code, b.action);
        }
    }
}

Action Keymap::action(Scope scope, int code) const {
    for (Scope s : scope_chain(scope)) {
        const auto& codes = by_code_[static_cast<size_t>(s)];
        if (const auto it = codes.find(code); it != codes.end()) return it->second;
    }
    return scope == S::Prompt ? A::Insert : A::None;
}

const Binding* Keymap::find(Scope scope, Action action) const {
    for (const Binding& b : rows_) {
        if (b.scope == scope && b.action == action) return &b;
    }
    return nullptr;
}

bool Keymap::rebind(Scope scope, Action action, const std::string& keys) {
    const auto names = key_names(keys);
    if (names.empty()) return false;
    for (const std::string& name : names) {
        if (key_codes(name).empty()) return false;
    }
    for (Binding& b : rows_) {
        if (b.scope == scope && b.action == action) {
            b.keys = keys;
            index();
            return true;
        }
    }
    return false;
}

}  // namespace tracetop::ui
