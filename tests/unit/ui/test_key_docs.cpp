// The help screen, the function bars and the man page's Keys section list
// the same bindings: each is read back as a user reads it (the help lines,
// the bar items, the man page file in the tree) and held to the table.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "key_docs.h"
#include "key_names.h"
#include "keymap.h"

using namespace tracetop::ui;

namespace {

// A binding as a document lists it: where, which keys, what it does.
using Listed = std::tuple<std::string, std::string, std::string>;

constexpr Scope kAllScopes[] = {Scope::Table, Scope::Echo,  Scope::Spectro, Scope::Pager,
                             Scope::Menu,  Scope::Prompt, Scope::Lists,  Scope::Anywhere};

std::set<Listed> from_table(const Keymap& map) {
    std::set<Listed> out;
    for (const Binding& b : map.rows()) {
        if (!b.help.empty()) out.emplace(std::string(scope_title(b.scope)), b.keys, b.help);
    }
    return out;
}

std::string trim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

// The help screen: "Heading:" lines, then "  KEYS<padding> text".
std::set<Listed> from_help(const std::vector<std::string>& lines) {
    std::set<Listed> out;
    std::string heading;
    for (const std::string& line : lines) {
        if (!line.empty() && line.back() == ':' && line[0] != ' ') {
            heading = line.substr(0, line.size() - 1);
        } else if (line.rfind("  ", 0) == 0 && line.size() > kHelpKeysWidth + 3) {
            out.emplace(heading, trim(line.substr(2, kHelpKeysWidth)), line.substr(kHelpKeysWidth + 3));
        }
    }
    return out;
}

std::string unroff(std::string s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char c = s[++i];
            if (c == 'e') out += '\\';
            if (c == '-') out += '-';
            continue;  // \& is nothing
        }
        out += s[i];
    }
    return out;
}

// A request's arguments: blank-separated, "quoted" ones may hold blanks.
std::vector<std::string> roff_args(const std::string& line) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < line.size()) {
        if (line[i] == ' ') {
            ++i;
        } else if (line[i] == '"') {
            const size_t close = line.find('"', i + 1);
            out.push_back(line.substr(i + 1, close - i - 1));
            i = close == std::string::npos ? line.size() : close + 1;
        } else {
            const size_t blank = line.find(' ', i);
            out.push_back(line.substr(i, blank - i));
            i = blank == std::string::npos ? line.size() : blank;
        }
    }
    return out;
}

std::string read_man_page() {
    const char* root = std::getenv("SOURCE_ROOT");
    REQUIRE_MESSAGE(root, "SOURCE_ROOT is set by tests/meson.build");
    std::ifstream in(std::string(root) + "/man/tracetop.8");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The man page's Keys section: ".B Heading" after .PP, ".TP", the keys
// (".B k" or ".BR a \", \" b"), then the text: the help line as a sentence,
// maybe with more after it.
std::set<Listed> from_man(const std::string& section, const std::set<Listed>& expected) {
    std::set<Listed> out;
    std::istringstream in(section);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    std::string heading;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i] == ".PP" && i + 1 < lines.size() && lines[i + 1].rfind(".B ", 0) == 0) {
            heading = unroff(lines[++i].substr(3));
        } else if (lines[i] == ".TP" && i + 2 < lines.size()) {
            std::string keys = lines[++i];
            const std::string text = unroff(lines[++i]);
            if (keys.rfind(".BR ", 0) == 0) {
                // Bold keys between roman ", " separators.
                std::string joined;
                const std::vector<std::string> args = roff_args(keys.substr(4));
                for (size_t a = 0; a < args.size(); a += 2) {
                    if (a) joined += ' ';
                    joined += unroff(args[a]);
                }
                keys = joined;
            } else {
                keys = unroff(keys.substr(3));
            }
            // Which help line the text starts with (as a sentence).
            std::string help = text;
            for (const auto& [h, k, what] : expected) {
                std::string sentence = what;
                sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
                if (h == heading && k == keys && text.rfind(sentence, 0) == 0) help = what;
            }
            out.emplace(heading, keys, help);
        }
    }
    return out;
}

// Equal sets, and the entries that differ named when not.
void check_same(const std::set<Listed>& got, const std::set<Listed>& want, const char* what) {
    auto text = [](const Listed& l) { return std::get<0>(l) + " / " + std::get<1>(l) + " / " + std::get<2>(l); };
    for (const Listed& l : got) CHECK_MESSAGE(want.count(l), std::string(what) << " lists what the table lacks: " << text(l));
    for (const Listed& l : want) CHECK_MESSAGE(got.count(l), std::string(what) << " lacks the binding: " << text(l));
}

}  // namespace

TEST_CASE("the help screen lists every binding of the table, by scope") {
    const std::set<Listed> table = from_table(keymap());
    check_same(from_help(help_text(keymap())), table, "help");
    // What the TUI tests and users look for.
    bool echo = false;
    for (const std::string& line : help_text(keymap())) echo = echo || line.find("F5 e") != std::string::npos;
    CHECK(echo);
}

TEST_CASE("every function bar shows bindings of its scope, all of those with a label") {
    const std::set<Listed> help = from_help(help_text(keymap()));
    for (Scope scope : kAllScopes) {
        CAPTURE(scope_title(scope));
        size_t labelled = 0;
        for (const Binding& b : keymap().rows()) labelled += b.scope == scope && !b.label.empty();
        const std::vector<BarItem> bar = bar_items(keymap(), scope);
        CHECK(bar.size() == labelled);
        for (const BarItem& item : bar) {
            CAPTURE(item.keys);
            // The bar's keys begin a binding the help lists in this scope, with this action.
            bool found = false;
            for (const auto& [heading, keys, what] : help) {
                if (heading != scope_title(scope) || (keys + " ").rfind(item.keys + " ", 0) != 0) continue;
                const Binding* b = keymap().find(scope, item.action);
                found = found || (b && b->keys == keys && b->label == item.label);
            }
            CHECK(found);
        }
    }
    // The table's bar: by function key, F10 q there, the least needed left out first.
    const std::vector<BarItem> bar = bar_items(keymap(), Scope::Table);
    REQUIRE(bar.size() == 10);  // with F8 Actions (issue 16)
    CHECK(bar.front().keys == "F1 h");
    CHECK(bar.back().keys == "F12 s");
    std::string shown;
    for (const BarItem& item : fit_bar(bar, 80)) shown += item.keys + " " + item.label + " ";
    CHECK(shown.find("F5 e Echo") != std::string::npos);
    CHECK(shown.find("F10 q Quit") != std::string::npos);
    CHECK(shown.find("Sort") == std::string::npos);
    CHECK(shown.size() <= 80);
}

TEST_CASE("the man page's Keys section is the one the table makes, and lists the same bindings") {
    const std::string page = read_man_page();
    const size_t begin = page.find(kManBegin);
    const size_t end = page.find(kManEnd, begin == std::string::npos ? 0 : begin);
    REQUIRE_MESSAGE(begin != std::string::npos, "man/tracetop.8 lacks the line that opens the Keys section");
    REQUIRE_MESSAGE(end != std::string::npos, "man/tracetop.8 lacks the line that closes the Keys section");
    const std::string section = page.substr(begin, end - begin + std::string(kManEnd).size() + 1);
    const std::set<Listed> table = from_table(keymap());
    // Read as a reader would: the same bindings, each with the help line's words.
    check_same(from_man(section, table), table, "the man page");
    CHECK_MESSAGE(section == man_keys_section(keymap()),
                  "man/tracetop.8 differs from the binding table: run `meson compile -C build man-keys`");
}
