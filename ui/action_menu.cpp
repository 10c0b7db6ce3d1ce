#include "action_menu.h"

#include <algorithm>

#include <curses.h>
#include <fmt/format.h>

#include "analysis/aggregator.h"
#include "clipboard.h"
#include "colours.h"
#include "text_fit.h"

namespace tracetop::ui {
namespace {

using engine::RowAction;

constexpr int kNiceValues[] = {19, 15, 10, 5, 0, -5, -10, -15, -20};

// `proc.pid = "1234"` -> 1234, when the term is about `field`.
std::optional<std::string> term_value(const std::string& term, const std::string& field) {
    const std::string head = field + " = \"";
    if (term.rfind(head, 0) != 0 || term.size() < head.size() + 1 || term.back() != '"') return std::nullopt;
    std::string out;
    for (size_t i = head.size(); i + 1 < term.size(); ++i) {
        if (term[i] == '\\' && i + 2 < term.size()) ++i;
        out.push_back(term[i]);
    }
    return out;
}

bool applies(const RowAction& a, const analysis::Snapshot& snap, const analysis::Row& row) {
    if (!a.views.empty() && std::find(a.views.begin(), a.views.end(), snap.view_id) == a.views.end()) return false;
    if (a.kind == RowAction::Kind::Copy && a.copy == "row") return true;
    return row_value(snap, row, a.field).has_value();
}

std::optional<int64_t> as_id(const std::string& text) {
    if (text.empty() || text.size() > 10 || !std::all_of(text.begin(), text.end(), ::isdigit)) return std::nullopt;
    return std::stoll(text);
}

}  // namespace

std::optional<std::string> row_value(const analysis::Snapshot& snap, const analysis::Row& row,
                                     const std::string& field) {
    for (const std::string& t : row.key_terms) {
        if (auto v = term_value(t, field)) return v;
    }
    for (size_t i = 0; i < snap.columns.size() && i < row.cells.size(); ++i) {
        const analysis::Cell& c = row.cells[i];
        if (snap.columns[i].field != field || !c.present) continue;
        if (c.is_number) return fmt::format("{}", static_cast<int64_t>(c.number));
        return c.text;
    }
    return std::nullopt;
}

bool ActionMenu::open(const std::vector<RowAction>& actions, const analysis::Snapshot& snap,
                      std::vector<analysis::Row> targets, std::string& why) {
    actions_.clear();
    if (targets.empty()) {
        why = "no row to act on";
        return false;
    }
    for (const RowAction& a : actions) {
        if (applies(a, snap, targets.front())) actions_.push_back(a);
    }
    if (actions_.empty()) {
        why = fmt::format("no action for the rows of {} (views/actions.toml)", snap.view_name);
        return false;
    }
    snap_ = snap;
    snap_.rows.clear();
    targets_ = std::move(targets);
    chosen_ = nullptr;
    show_items(Step::Pick);
    return true;
}

void ActionMenu::show_items(Step step) {
    step_ = step;
    items_.clear();
    selected_ = 0;
    switch (step) {
        case Step::Pick:
            for (size_t i = 0; i < actions_.size(); ++i) {
                items_.push_back({fmt::format("{}  {}", actions_[i].key, actions_[i].name), static_cast<int>(i),
                                  actions_[i].key[0]});
            }
            break;
        case Step::Signal:
            for (const engine::SignalName& s : engine::signal_menu()) {
                items_.push_back({fmt::format("{:>2} {}", s.number, s.name), s.number, 0});
            }
            break;
        case Step::Nice:
            for (int n : kNiceValues) items_.push_back({fmt::format("{:>3}", n), n, 0});
            selected_ = 4;  // 0, the usual
            break;
        case Step::Confirm:
            items_.push_back({"Yes, do it", 1, 'y'});
            items_.push_back({"No, cancel", 0, 'n'});
            selected_ = 0;
            break;
    }
}

std::string ActionMenu::target_text() const {
    std::string out;
    for (size_t i = 0; i < targets_.size(); ++i) {
        if (i) out += ", ";
        out += sanitize(i < values_.size() ? values_[i] : targets_[i].key);
        if (!targets_[i].label.empty()) out += " (" + sanitize(targets_[i].label) + ")";
    }
    return out;
}

Reply ActionMenu::handle(const Input& in) {
    switch (in.action) {
        case Action::Close: return Reply::close({Request::Kind::Status, {}, "cancelled"});
        case Action::Up: if (selected_ > 0) --selected_; break;
        case Action::Down: if (selected_ + 1 < items_.size()) ++selected_; break;
        case Action::Home: selected_ = 0; break;
        case Action::End: selected_ = items_.empty() ? 0 : items_.size() - 1; break;
        case Action::Enter: return choose(selected_);
        case Action::Mouse: {
            // ui16: a click on an entry picks it, as Enter on it would.
            if (in.mouse.kind != MouseEvent::Kind::Press || in.mouse.y < 1) return {};
            const size_t i = static_cast<size_t>(in.mouse.y - 1);
            if (i >= items_.size()) return {};
            selected_ = i;
            return choose(i);
        }
        case Action::Insert:
            // Text typed (as in a prompt), matched against the menu's letters from actions.toml.
            for (size_t i = 0; i < items_.size(); ++i) {
                if (items_[i].letter != 0 && items_[i].letter == static_cast<char>(in.text)) return choose(i);
            }
            return Reply::ignored();
        default: return Reply::ignored();
    }
    return {};
}

Reply ActionMenu::choose(size_t index) {
    if (index >= items_.size()) return {};
    const Item& item = items_[index];
    switch (step_) {
        case Step::Pick: {
            chosen_ = &actions_[static_cast<size_t>(item.value)];
            values_.clear();
            for (const analysis::Row& r : targets_) {
                values_.push_back(row_value(snap_, r, chosen_->field).value_or(""));
            }
            if (chosen_->changes_system() && !snap_.source.live) {
                return Reply::close({Request::Kind::Status, {},
                                     fmt::format("{}: only live (this is the capture {}; nothing on this machine "
                                                 "is that process)",
                                                 chosen_->name, sanitize(snap_.source.name))});
            }
            if (chosen_->kind == RowAction::Kind::Signal) {
                show_items(Step::Signal);
                return {};
            }
            if (chosen_->kind == RowAction::Kind::Renice) {
                show_items(Step::Nice);
                return {};
            }
            break;
        }
        case Step::Signal:
        case Step::Nice: argument_ = item.value; break;
        case Step::Confirm:
            if (item.value == 0) return Reply::close({Request::Kind::Status, {}, "cancelled"});
            return run();
    }
    if (chosen_->confirm) {
        show_items(Step::Confirm);
        return {};
    }
    return run();
}

Reply ActionMenu::run() {
    const RowAction& a = *chosen_;
    std::vector<std::string> results;
    switch (a.kind) {
        case RowAction::Kind::Signal:
        case RowAction::Kind::Renice:
            for (const std::string& v : values_) {
                const auto id = as_id(v);
                if (!id) {
                    results.push_back(fmt::format("{}: not a process id", sanitize(v)));
                } else {
                    results.push_back(a.kind == RowAction::Kind::Signal ? engine::send_signal(*id, argument_)
                                                                          : engine::set_nice(*id, argument_));
                }
            }
            break;
        case RowAction::Kind::Command:
            for (const std::string& v : values_) results.push_back(engine::run_command(a.command, v));
            break;
        case RowAction::Kind::View: {
            // One scoped view at a time: the first row (a drill-down level).
            analysis::Row scoped;
            scoped.key = values_.front();
            scoped.label = targets_.front().label.empty() ? values_.front() : targets_.front().label;
            scoped.key_terms.push_back(analysis::key_term(a.field, values_.front(), false));
            Request open{Request::Kind::ScopedView, PaneSelection{std::move(scoped), ""}, a.view};
            open.follow = a.follow;
            return Reply::close(std::move(open));
        }
        case RowAction::Kind::Copy: {
            std::string text;
            for (const analysis::Row& r : targets_) {
                if (!text.empty()) text += "\n";
                if (a.copy == "cmdline") {
                    // The command line as executed where the view has it (Executed Commands), else proc.cmdline.
                    auto line = row_value(snap_, r, "proc.exeline");
                    if (!line) line = row_value(snap_, r, "proc.cmdline");
                    text += line.value_or("");
                    continue;
                }
                std::string line;
                for (const analysis::Cell& c : r.cells) line += (line.empty() ? "" : " ") + c.text;
                text += line;
            }
            const bool ok = copy_to_clipboard(text);
            results.push_back(ok ? fmt::format("copied to the terminal's clipboard (OSC 52): {}", sanitize(text))
                                 : "could not write to the terminal");
            break;
        }
    }
    std::string status;
    for (const std::string& r : results) status += (status.empty() ? "" : "; ") + r;
    return Reply::close({Request::Kind::Status, {}, status});
}

void ActionMenu::draw(int height, int width) {
    erase();
    curs_set(0);
    std::string title;
    switch (step_) {
        case Step::Pick:
            title = fmt::format("Actions on {}: Enter or the letter picks, Esc cancels", target_text());
            break;
        case Step::Signal:
            title = fmt::format("Send which signal to {}? Enter sends, Esc cancels", target_text());
            break;
        case Step::Nice: title = fmt::format("Nice value for {}? (higher is nicer)", target_text()); break;
        case Step::Confirm: {
            std::string what = chosen_ ? chosen_->name : "";
            if (chosen_ && chosen_->kind == RowAction::Kind::Signal) {
                for (const engine::SignalName& s : engine::signal_menu()) {
                    if (s.number == argument_) what = fmt::format("Send {}", s.name);
                }
            } else if (chosen_ && chosen_->kind == RowAction::Kind::Renice) {
                what = fmt::format("Renice to {}", argument_);
            }
            title = fmt::format("{} to {}? y or Enter confirms, n or Esc cancels", what, target_text());
            break;
        }
    }
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit(title, static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
    for (size_t i = 0; i < items_.size() && static_cast<int>(i) + 1 < height - 1; ++i) {
        attrset(attr(i == selected_ ? Role::Selection : Role::Normal));
        mvaddstr(static_cast<int>(i) + 1, 0, fit(" " + items_[i].text, static_cast<size_t>(width)).c_str());
    }
    attrset(attr(Role::Normal));
}

}  // namespace tracetop::ui
