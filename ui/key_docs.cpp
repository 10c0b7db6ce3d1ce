#include "key_docs.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "key_names.h"

namespace tracetop::ui {
namespace {

// The order help and the man page take the scopes in: what the user sees
// first, then what every part shares, then each overlay's own.
constexpr Scope kDocOrder[] = {Scope::Table, Scope::Lists,  Scope::Anywhere, Scope::Echo,
                               Scope::Spectro, Scope::Pager, Scope::Menu,     Scope::Prompt};

bool documented(const Binding& b) { return !b.help.empty(); }

// Words for roff: backslashes and minus signs spelled out.
std::string roff_words(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
    }
    return out;
}

// A line of text for roff: as words, and never taken for a request.
std::string roff(std::string_view text) {
    std::string out = roff_words(text);
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
    return out;
}

// "this help" as a sentence: "This help."
std::string sentence(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    if (!text.empty() && text.back() != '.') text += '.';
    return text;
}

}  // namespace

std::string bar_keys(const Binding& b) {
    const auto names = key_names(b.keys);
    std::string out;
    for (size_t i = 0; i < names.size() && i < 2; ++i) {
        if (i) out += ' ';
        out += names[i];
    }
    return out;
}

std::vector<BarItem> bar_items(const Keymap& map, Scope scope) {
    std::vector<BarItem> items;
    for (const Binding& b : map.rows()) {
        if (b.scope != scope || b.label.empty()) continue;
        items.push_back({bar_keys(b), b.label, b.action, b.keep});
    }
    auto fkey = [](const BarItem& i) {
        const int n = function_key_number(key_names(i.keys).front());
        return n ? n : 1000;
    };
    std::stable_sort(items.begin(), items.end(), [&](const BarItem& a, const BarItem& b) { return fkey(a) < fkey(b); });
    return items;
}

size_t bar_item_width(const BarItem& item) { return item.keys.size() + item.label.size() + 2; }

std::vector<BarItem> fit_bar(std::vector<BarItem> items, int width) {
    auto total = [&] {
        size_t n = 0;
        for (const BarItem& i : items) n += bar_item_width(i);
        return n;
    };
    while (!items.empty() && total() > static_cast<size_t>(std::max(width, 0))) {
        // Of equals, the last goes first: the bar keeps its start.
        const auto least = std::min_element(items.rbegin(), items.rend(),
                                            [](const BarItem& a, const BarItem& b) { return a.keep < b.keep; });
        items.erase(std::next(least).base());
    }
    return items;
}

std::vector<std::string> help_text(const Keymap& map) {
    std::vector<std::string> out;
    out.push_back("tracetop: an htop-style explorer of system calls. Keys:");
    for (Scope scope : kDocOrder) {
        out.push_back("");
        out.push_back(fmt::format("{}:", scope_title(scope)));
        for (const Binding& b : map.rows()) {
            if (b.scope != scope || !documented(b)) continue;
            out.push_back(fmt::format("  {:<{}} {}", b.keys, kHelpKeysWidth, b.help));
        }
    }
    out.push_back("");
    out.push_back("Views are TOML files; ~/.config/tracetop/views/*.toml adds or replaces them.");
    out.push_back("See tracetop(8).");
    return out;
}

std::string man_keys_section(const Keymap& map) {
    std::string out = fmt::format("{}\n.SS Keys\n", kManBegin);
    out += "Every function key has a letter twin, for terminals that eat F\\-keys.\n";
    out += "A key does what it does in the part of the screen on top (the table, a pane,\n";
    out += "a page, the views menu, a prompt); failing that, what it does in every list,\n";
    out += "page and pane; failing that, what it does anywhere. The help screen\n";
    out += "and the function bars are made from the same table (ui/keys.toml).\n";
    for (Scope scope : kDocOrder) {
        out += fmt::format(".PP\n.B {}\n", roff(scope_title(scope)));
        for (const Binding& b : map.rows()) {
            if (b.scope != scope || !documented(b)) continue;
            const auto names = key_names(b.keys);
            if (names.size() == 1) {
                out += fmt::format(".TP\n.B {}\n", roff_words(names[0]));
            } else {
                out += ".TP\n.BR";
                for (size_t i = 0; i < names.size(); ++i) out += (i ? " \", \" " : " ") + roff_words(names[i]);
                out += '\n';
            }
            std::string text = sentence(b.help);
            if (!b.more.empty()) text += " " + b.more;
            out += roff(text) + '\n';
        }
    }
    out += kManEnd;
    out += '\n';
    return out;
}

}  // namespace tracetop::ui
