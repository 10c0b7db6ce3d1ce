#include "setup_screen.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include <fmt/format.h>

#include "menu_list.h"

namespace tracetop::ui {
namespace {

constexpr uint32_t kRefreshSteps[] = {100, 250, 500, 1000, 2000, 3000, 5000, 10000};

// The entry `by` steps from `now` in `choices` (round the ends); the first
// when `now` is none of them.
template <class T, class Range>
T stepped(const Range& choices, const T& now, int by) {
    const auto b = std::begin(choices), e = std::end(choices);
    const auto n = static_cast<long>(std::distance(b, e));
    const auto at = std::find(b, e, now);
    if (at == e) return *b;
    const long i = (std::distance(b, at) + by + n) % n;
    return *std::next(b, i);
}

}  // namespace

void SetupScreen::open(engine::Settings& settings, const Current& current, std::vector<std::string> view_ids,
                       std::string path, Hooks hooks) {
    settings_ = &settings;
    current_ = current;
    views_ = std::move(view_ids);
    path_ = std::move(path);
    hooks_ = std::move(hooks);
    selected_ = 0;
}

void SetupScreen::step(int by) {
    switch (selected_) {
        case Refresh: {
            const uint32_t now = settings_->refresh_ms.value_or(current_.refresh_ms);
            settings_->refresh_ms = stepped(kRefreshSteps, now, by);
            current_.refresh_ms = *settings_->refresh_ms;
            if (hooks_.refresh_changed) hooks_.refresh_changed(*settings_->refresh_ms);
            break;
        }
        case Scheme: {
            const std::string now = settings_->scheme.value_or(current_.scheme);
            settings_->scheme = std::string(stepped(engine::kSchemes, std::string_view(now), by));
            current_.scheme = *settings_->scheme;
            if (hooks_.scheme_changed) hooks_.scheme_changed(*settings_->scheme);
            break;
        }
        case DefaultView:
            if (!views_.empty()) settings_->default_view = stepped(views_, settings_->default_view.value_or(current_.view), by);
            break;
        default: break;
    }
}

Reply SetupScreen::handle(const Input& in) {
    if (!settings_) return Reply::close();
    if (move_in_list(in.action, kRows, selected_)) return {};
    switch (in.action) {
        case Action::Left: step(-1); return {};
        case Action::Right: step(1); return {};
        case Action::Enter:
            if (selected_ == Columns) {
                if (hooks_.closed) hooks_.closed();
                return Reply::close({Request::Kind::Columns});
            }
            step(1);
            return {};
        case Action::Close:
            if (hooks_.closed) hooks_.closed();
            return Reply::close();
        default: return Reply::ignored();
    }
}

void SetupScreen::draw(int height, int width) {
    if (!settings_) return;
    const engine::Settings& s = *settings_;
    const std::vector<std::string> lines = {
        fmt::format(" Refresh interval   {} ms", s.refresh_ms.value_or(current_.refresh_ms)),
        fmt::format(" Colour scheme      {}", s.scheme.value_or(current_.scheme)),
        fmt::format(" Default view       {} (at the next start)", s.default_view.value_or(current_.view)),
        fmt::format(" Columns            {} chosen views (Enter: this view's)", s.columns.size()),
        "",
        fmt::format(" Saved to {} when this screen closes", path_.empty() ? "(no home directory)" : path_),
    };
    const std::string title = fmt::format("Setup: {} {} change, {} saves and closes", menu_key(Action::Left),
                                          menu_key(Action::Right), menu_key(Action::Close));
    draw_menu_list(title, lines, selected_, height, width,
                   {{Action::Left, "Less"}, {Action::Right, "More"}, {Action::Enter, "Columns"}, {Action::Close, "Save"}});
}

}  // namespace tracetop::ui
