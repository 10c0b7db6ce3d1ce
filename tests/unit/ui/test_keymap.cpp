// The binding table: every key name known, no key meaning two things in one
// scope, the lookup order of scopes, and a rebinding (what a settings file
// does) changing what the keys do and what help says.
#include <doctest/doctest.h>

#include <initializer_list>
#include <map>
#include <string>
#include <utility>

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
                // Plain names, not a structured binding: clang's doctest lambdas cannot capture those.
                const auto inserted = seen.emplace(std::pair{b.scope, code}, b.keys);
                const std::string& first = inserted.first->second;
                CHECK_MESSAGE(inserted.second, name << " is bound twice in one scope: " << first << " and " << b.keys);
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

// What each key code does while a panel of `scope` is on top.
void check_keys(Scope scope, std::initializer_list<std::pair<int, Action>> want) {
    for (const auto& pair : want) {
        const int code = pair.first;
        CAPTURE(code);
        CHECK(keymap().action(scope, code) == pair.second);
    }
}

TEST_CASE("a key means what the scope on top says, then every list, then anywhere") {
    using A = Action;
    check_keys(Scope::Table, {{'h', A::Help}, {KEY_F(2), A::Views}, {'k', A::Up}, {' ', A::Fold}, {27, A::Cancel},
                              {127, A::Back}, {12, A::Redraw}, {KEY_MOUSE, A::Mouse}});
    check_keys(Scope::Spectro, {{'h', A::Left}, {'l', A::Right}, {KEY_ENTER, A::Enter}});
    check_keys(Scope::Echo, {{'h', A::None}, {KEY_F(2), A::Hex}, {127, A::Close}});
    check_keys(Scope::Menu, {{KEY_F(2), A::Close}, {'j', A::Down}});
    check_keys(Scope::Pager, {{'k', A::Up}, {' ', A::PageDown}, {127, A::None}});
    // Typing: letters and Space are text, editing keys edit, Ctrl-L still redraws.
    check_keys(Scope::Prompt, {{'k', A::Insert}, {' ', A::Insert}, {'q', A::Insert}, {127, A::Erase},
                               {21, A::ClearLine}, {12, A::Redraw}, {KEY_RESIZE, A::Resize}});
}

TEST_CASE("keys.toml's form: the built-in file is read whole; a bad settings file says what is wrong") {
    const auto built_in = Keymap::parse(embedded_keys_toml(), "keys.toml");
    REQUIRE(built_in.map);
    CHECK(built_in.map->rows().size() == keymap().rows().size());
    const auto good = Keymap::parse("[[echo]]\nkeys = \"F7 X\"\naction = \"hex\"\nlabel = \"Hex\"\n", "mine.toml");
    REQUIRE(good.map);
    CHECK(good.map->action(Scope::Echo, 'X') == Action::Hex);
    auto error_of = [](const char* text) { return Keymap::parse(text, "mine.toml").error; };
    CHECK(error_of("[[echo]]\nkeys = \"x\"\naction = \"fly\"\n") == "mine.toml: [[echo]] entry 1: unknown action \"fly\"");
    CHECK(error_of("[[echo]]\nkeys = \"x\"\n") == "mine.toml: [[echo]] entry 1: unknown action \"\"");
    CHECK(error_of("[[echo]]\nkeys = \"x\"\naction = \"hex\"\nkeep = \"a\"\n") ==
          "mine.toml: [[echo]] entry 1: \"keep\" must be a number");
    CHECK(error_of("[[echo]]\nkeys = 1\naction = \"hex\"\n") == "mine.toml: [[echo]] entry 1: \"keys\" must be a string");
    CHECK(error_of("[[echo]]\nkeys = \"Hyper-x\"\naction = \"hex\"\n") ==
          "mine.toml: [[echo]] entry 1: unknown key name \"Hyper-x\"");
    CHECK(error_of("[[echo]]\naction = \"hex\"\n") == "mine.toml: [[echo]] entry 1: no keys");
    CHECK(error_of("[[echo]]\nkeys = \"x\"\naction = \"hex\"\ncolour = 1\n") ==
          "mine.toml: [[echo]] entry 1: unknown setting \"colour\"");
    CHECK(error_of("[[nowhere]]\nkeys = \"x\"\naction = \"hex\"\n") == "mine.toml: unknown scope \"nowhere\"");
    CHECK(error_of("[[echo]\n").rfind("mine.toml:1: ", 0) == 0);
    CHECK(error_of("[[menu]]\nkeys = \"q\"\naction = \"close\"\n[[menu]]\nkeys = \"x q\"\naction = \"enter\"\n") ==
          "mine.toml: q is bound twice in [[menu]]");
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
