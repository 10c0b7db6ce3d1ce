// The actions menu (F8 or a on a row; csysdig's F8, htop's F9): the actions
// of views/actions.toml that fit the view and the row, then for a signal the
// list of signals (SIGTERM first), for renice the nice values, then the
// confirmation of what changes the system. The tagged rows, when there are
// any, receive the action together; else the selected row. What it did (or
// why not) comes back as a request for the status line.
#pragma once

#include <string>
#include <vector>

#include "analysis/snapshot.h"
#include "engine/row_actions.h"
#include "panel.h"

namespace tracetop::ui {

// The row's value of `field`: its key term, else its column's cell.
std::optional<std::string> row_value(const analysis::Snapshot& snap, const analysis::Row& row,
                                     const std::string& field);

class ActionMenu : public Panel {
public:
    // The actions that apply to `snap`'s view and rows `targets`; false (and
    // `why` says it) when there is none or no row.
    bool open(const std::vector<engine::RowAction>& actions, const analysis::Snapshot& snap,
              std::vector<analysis::Row> targets, std::string& why);

    Scope scope() const override { return Scope::Menu; }
    // Enter (or an action's letter) picks; Esc cancels. Done, it closes with
    // Request::Status (the result) or Request::ScopedView.
    Reply handle(const Input& in) override;
    void draw(int height, int width) override;

private:
    enum class Step { Pick, Signal, Nice, Confirm };
    struct Item {
        std::string text;
        int value = 0;  // a signal number or nice value; the action's index
        char letter = 0;  // typed, it picks the item
    };
    Reply choose(size_t index);
    Reply run();
    void show_items(Step step);
    std::string target_text() const;

    std::vector<engine::RowAction> actions_;
    analysis::Snapshot snap_;
    std::vector<analysis::Row> targets_;
    std::vector<std::string> values_;  // each target's value of the action's field
    Step step_ = Step::Pick;
    std::vector<Item> items_;
    size_t selected_ = 0;
    const engine::RowAction* chosen_ = nullptr;
    int argument_ = 0;  // the signal or nice value picked
};

}  // namespace tracetop::ui
