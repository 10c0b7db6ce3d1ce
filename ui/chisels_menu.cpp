#include "chisels_menu.h"

#include <curses.h>
#include <fmt/format.h>

#include "colours.h"
#include "key_names.h"
#include "text_fit.h"

namespace tracetop::ui {

void ChiselsMenu::open() {
    chisels_ = engine::explorer_chisels();
    selected_ = 0;
    top_ = 0;
    asking_ = false;
    chosen_args_.reset();
}

Reply ChiselsMenu::handle(const Input& in) { return asking_ ? argument_key(in) : list_key(in); }

Reply ChiselsMenu::list_key(const Input& in) {
    const size_t n = chisels_.size();
    switch (in.action) {
        case Action::Close: return Reply::close();
        case Action::Up: if (selected_ > 0) --selected_; break;
        case Action::Down: if (selected_ + 1 < n) ++selected_; break;
        case Action::PageUp: selected_ = selected_ > 10 ? selected_ - 10 : 0; break;
        case Action::PageDown: selected_ = n == 0 ? 0 : std::min(selected_ + 10, n - 1); break;
        case Action::Home: selected_ = 0; break;
        case Action::End: selected_ = n ? n - 1 : 0; break;
        case Action::Enter:
            if (n == 0) return Reply::close();
            chosen_args_.reset();
            if (chisels_[selected_].args.empty()) {
                return Reply::close({Request::Kind::RunChisel, {}, chisels_[selected_].name});
            }
            values_.assign(chisels_[selected_].args.size(), std::string());
            asking_ = true;
            ask(0);
            break;
        default: return Reply::ignored();
    }
    return {};
}

void ChiselsMenu::ask(size_t arg) {
    arg_ = arg;
    problem_.clear();
    const chisel::ChiselArg& a = chisels_[selected_].args[arg];
    // The name comes from the chisel file: shown as text.
    editor_.open(fmt::format("{}{}: ", sanitize(a.name), a.optional ? " (optional)" : ""), values_[arg]);
}

Reply ChiselsMenu::argument_key(const Input& in) {
    const engine::ChiselEntry& c = chisels_[selected_];
    switch (editor_.key(in)) {
        case LineEditor::Result::Editing:
        case LineEditor::Result::Changed: return {};
        case LineEditor::Result::Cancelled:
            // Back to the list, as it was.
            asking_ = false;
            return {};
        case LineEditor::Result::Accepted: break;
    }
    values_[arg_] = editor_.text();
    if (values_[arg_].empty() && !c.args[arg_].optional) {
        problem_ = fmt::format("{} needs a value", c.args[arg_].name);
        return {};
    }
    if (arg_ + 1 < c.args.size()) {
        ask(arg_ + 1);
        return {};
    }
    asking_ = false;
    chosen_args_ = engine::join_chisel_args(values_);
    return Reply::close({Request::Kind::RunChisel, {}, c.name});
}

void ChiselsMenu::draw(int height, int width) {
    erase();
    if (asking_) {
        draw_arguments(height, width);
        return;
    }
    curs_set(0);
    const Binding* run = keymap().find(Scope::Menu, Action::Enter);
    const Binding* cancel = keymap().find(Scope::Menu, Action::Close);
    const std::string title =
        fmt::format("Chisels (on the current scope): {} runs, {} cancels", run ? key_names(run->keys).front() : "",
                    cancel ? key_names(cancel->keys).front() : "");
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit(title, static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
    if (chisels_.empty()) {
        mvaddstr(1, 0, fit(" No chisel found (SYSDIG_CHISEL_DIR, ~/.chisels, /usr/share/sysdig/chisels).",
                           static_cast<size_t>(width)).c_str());
        return;
    }
    const size_t rows = height > 2 ? static_cast<size_t>(height - 2) : 1;
    if (selected_ < top_) top_ = selected_;
    if (selected_ >= top_ + rows) top_ = selected_ - rows + 1;
    for (size_t i = top_; i < chisels_.size() && i < top_ + rows; ++i) {
        const auto& c = chisels_[i];
        attrset(attr(i == selected_ ? Role::Selection : Role::Normal));
        // A chisel that asks for arguments says how many.
        const std::string asks = c.args.empty() ? "" : fmt::format("({} arg{}) ", c.args.size(),
                                                                   c.args.size() == 1 ? "" : "s");
        const std::string line = fmt::format(" {:<20} {:<16} {}{}", c.name, c.category, asks, c.short_description);
        mvaddstr(static_cast<int>(i - top_) + 1, 0, fit(line, static_cast<size_t>(width)).c_str());
    }
    attrset(attr(Role::Normal));
}

// The chisel's arguments as its -i describes them, the one being typed
// marked, the values given so far, and the line editor at the bottom.
// Names and descriptions come from chisel files: fit() shows them as text.
void ChiselsMenu::draw_arguments(int height, int width) {
    const engine::ChiselEntry& c = chisels_[selected_];
    const Binding* accept = keymap().find(Scope::Prompt, Action::Enter);
    const Binding* cancel = keymap().find(Scope::Prompt, Action::Cancel);
    const size_t w = static_cast<size_t>(width);
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit(fmt::format("Chisel {}: argument {} of {} ({} next, {} back to the list)", c.name, arg_ + 1,
                                   c.args.size(), accept ? key_names(accept->keys).front() : "",
                                   cancel ? key_names(cancel->keys).front() : ""),
                       w).c_str());
    attrset(attr(Role::Normal));
    int y = 1;
    for (size_t i = 0; i < c.args.size() && y < height - 2; ++i) {
        const chisel::ChiselArg& a = c.args[i];
        attrset(attr(i == arg_ ? Role::Selection : Role::Normal));
        const std::string value = i < arg_ ? fmt::format(" = {}", values_[i]) : "";
        mvaddstr(y++, 0, fit(fmt::format(" {} [{}{}]{}", a.name, a.type, a.optional ? ", optional" : "", value), w)
                             .c_str());
        attrset(attr(Role::Normal));
        if (y < height - 2) mvaddstr(y++, 0, fit("     " + a.description, w).c_str());
    }
    if (!problem_.empty()) {
        attrset(attr(Role::Error));
        mvaddstr(height - 2, 0, fit(problem_, w).c_str());
        attrset(attr(Role::Normal));
    }
    editor_.draw(height - 1, width);
    curs_set(1);
}

}  // namespace tracetop::ui
