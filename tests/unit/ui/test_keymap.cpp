// The binding table: every key name known, no key meaning two things in one
// scope, the lookup order of scopes, and a rebinding (what a settings file
// does) changing what the keys do and what help says.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include <curses.h>

#include "key_docs.h"
#include "key_names.h"
#include "keymap.h"

using namespace tracetop::ui;

TEST_CASE("every key name in the table is known, and no key is bound twice in a scope") {
    std::map<std::pair<Scope, int>, std::string> seen;
    for (const Binding& b : keymap().rows()) {
        CAPTURE(b.keys);
        REQUIRE_FALSE(key_names(b.keys).empty());
        for (const std::string& name : key_names(b.keys)) {
            CAPTURE(name);
            const auto codes = key_codes(name);
            CHECK_FALSE(codes.empty());
            for (int code : codes) {
                const auto [it, fresh] = seen.emplace(std::pair{b.scope, code}, b.keys);
                CHECK_MESSAGE(fresh, name << " is bound twice in one scope: " << it->second << " and " << b.keys);
            }
        }
    }
}

TEST_CASE("key names") {
    CHECK(key_codes("F1") == std::vector<int>{KEY_F(1)});
    CHECK(key_codes("F12") == std::vector<int>{KEY_F(12)});
    CHECK(key_codes("Ctrl-L") == std::vector<int>{12});
    CHECK(key_codes("Backspace").size() == 3);
    CHECK(key_codes("\\") == std::vector<int>{'\\'});
    CHECK(key_codes("F0").empty());
    CHECK(key_codes("F99").empty());
    CHECK(key_codes("Ctrl-").empty());
    CHECK(key_codes("nosuchkey").empty());
    CHECK(function_key_number("F10") == 10);
    CHECK(function_key_number("F") == 0);
    CHECK(function_key_number("h") == 0);
    CHECK(key_names("  F1  h ? ") == std::vector<std::string>{"F1", "h", "?"});
}

TEST_CASE("a key means what the scope on top says, then every list, then anywhere") {
    const Keymap& map = keymap();
    CHECK(map.action(Scope::Table, 'h') == Action::Help);
    CHECK(map.action(Scope::Spectro, 'h') == Action::Left);
    CHECK(map.action(Scope::Echo, 'h') == Action::None);
    CHECK(map.action(Scope::Table, KEY_F(2)) == Action::Views);
    CHECK(map.action(Scope::Echo, KEY_F(2)) == Action::Hex);
    CHECK(map.action(Scope::Menu, KEY_F(2)) == Action::Close);
    CHECK(map.action(Scope::Table, 'k') == Action::Up);
    CHECK(map.action(Scope::Pager, 'k') == Action::Up);
    CHECK(map.action(Scope::Table, ' ') == Action::Fold);
    CHECK(map.action(Scope::Pager, ' ') == Action::PageDown);
    CHECK(map.action(Scope::Table, 27) == Action::Cancel);
    CHECK(map.action(Scope::Table, 127) == Action::Back);
    CHECK(map.action(Scope::Pager, 127) == Action::None);
    CHECK(map.action(Scope::Echo, 127) == Action::Close);
    CHECK(map.action(Scope::Table, 12) == Action::Redraw);
    CHECK(map.action(Scope::Table, KEY_MOUSE) == Action::Mouse);
    // Typing: letters and Space are text, editing keys edit, Ctrl-L still redraws.
    CHECK(map.action(Scope::Prompt, 'k') == Action::Insert);
    CHECK(map.action(Scope::Prompt, ' ') == Action::Insert);
    CHECK(map.action(Scope::Prompt, 'q') == Action::Insert);
    CHECK(map.action(Scope::Prompt, 127) == Action::Erase);
    CHECK(map.action(Scope::Prompt, 21) == Action::ClearLine);
    CHECK(map.action(Scope::Prompt, 12) == Action::Redraw);
    CHECK(map.action(Scope::Prompt, KEY_RESIZE) == Action::Resize);
}

TEST_CASE("rebinding a key changes what it does, the help and the bar") {
    Keymap map = Keymap::defaults();
    CHECK_FALSE(map.rebind(Scope::Table, Action::Help, "F1 nosuchkey"));
    CHECK_FALSE(map.rebind(Scope::Table, Action::Help, ""));
    CHECK_FALSE(map.rebind(Scope::Pager, Action::Help, "F1"));
    REQUIRE(map.rebind(Scope::Table, Action::Help, "F1 H"));
    CHECK(map.action(Scope::Table, 'H') == Action::Help);
    CHECK(map.action(Scope::Table, 'h') == Action::None);
    CHECK(map.action(Scope::Table, KEY_F(1)) == Action::Help);
    bool listed = false;
    for (const std::string& line : help_text(map)) listed = listed || line.rfind("  F1 H  ", 0) == 0;
    CHECK(listed);
    CHECK(bar_items(map, Scope::Table).front().keys == "F1 H");
    // The shipped table is untouched.
    CHECK(keymap().action(Scope::Table, 'h') == Action::Help);
}
