#include "echo_pane.h"

#include <algorithm>
#include <cctype>

#include <curses.h>
#include <fmt/format.h>

#include "analysis/value_format.h"
#include "colours.h"
#include "function_bar.h"
#include "text_fit.h"

namespace tracetop::ui {
namespace {

constexpr int kTopLines = 2;  // title and the snap-length line

bool contains_nocase(const std::string& hay, const std::string& needle) {
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != hay.end();
}

}  // namespace

void EchoPane::reset() {
    mode_ = analysis::EchoMode::Ascii;
    laid_.reset();
    starts_.clear();
    cached_chunk_ = SIZE_MAX;
    top_ = 0;
    follow_ = true;
    searching_ = false;
    match_.reset();
    not_found_ = false;
}

size_t EchoPane::page() const { return static_cast<size_t>(std::max(height_ - kTopLines - 1, 1)); }

std::optional<EchoPane::Anchor> EchoPane::anchor_of(size_t line) const {
    if (!laid_ || line >= line_count()) return std::nullopt;
    const size_t k = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), line) - starts_.begin()) - 1;
    return Anchor{laid_->chunks[k]->num, line - starts_[k]};
}

std::optional<size_t> EchoPane::line_of(const Anchor& a, bool keep_offset) const {
    if (!laid_) return std::nullopt;
    const auto& chunks = laid_->chunks;
    // Chunks are kept in arrival order: by evt.num.
    const auto it = std::lower_bound(chunks.begin(), chunks.end(), a.num,
                                     [](const auto& c, uint64_t n) { return c->num < n; });
    if (it == chunks.end() || (*it)->num != a.num) return std::nullopt;
    const size_t k = static_cast<size_t>(it - chunks.begin());
    const size_t lines = starts_[k + 1] - starts_[k];
    return starts_[k] + (keep_offset ? std::min(a.offset, lines - 1) : 0);
}

const analysis::EchoLine& EchoPane::line_at(size_t i) {
    const size_t k = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), i) - starts_.begin()) - 1;
    if (k != cached_chunk_) {
        cached_lines_.clear();
        analysis::append_echo_lines(*laid_->chunks[k], lines_mode_, static_cast<size_t>(width_), cached_lines_);
        cached_chunk_ = k;
    }
    return cached_lines_[i - starts_[k]];
}

void EchoPane::relayout(int width) {
    const bool same_shape = mode_ == lines_mode_ && width == width_;
    if (data_ == laid_ && same_shape) return;
    // Where the screen and the match were, to find them again in the new layout.
    const auto top = anchor_of(top_);
    const auto match = match_ ? anchor_of(*match_) : std::nullopt;
    laid_ = data_;
    lines_mode_ = mode_;
    width_ = width;
    cached_chunk_ = SIZE_MAX;
    starts_.assign(1, 0);
    if (laid_) {
        starts_.reserve(laid_->chunks.size() + 1);
        for (const auto& c : laid_->chunks) {
            starts_.push_back(starts_.back() + analysis::echo_line_count(*c, mode_, static_cast<size_t>(width)));
        }
    }
    const auto new_top = top ? line_of(*top, same_shape) : std::nullopt;
    top_ = new_top.value_or(0);
    match_ = match ? line_of(*match, same_shape) : std::nullopt;
}

void EchoPane::search_next(bool include_current) {
    not_found_ = false;
    const size_t total = line_count();
    if (search_.empty() || total == 0) return;
    const size_t start = match_ ? *match_ : top_;
    for (size_t k = include_current ? 0 : 1; k <= total; ++k) {
        const size_t i = (start + k) % total;
        if (contains_nocase(line_at(i).text, search_)) {
            match_ = i;
            follow_ = false;
            // The match a few lines below the top, with its call's header in sight.
            top_ = i > 2 ? i - 2 : 0;
            return;
        }
    }
    not_found_ = true;
}

void EchoPane::start_search() {
    searching_ = true;
    editor_.open("Search: ", "");
    not_found_ = false;
}

Reply EchoPane::handle(const Input& in) {
    if (searching_) {
        const LineEditor::Result r = editor_.key(in);
        if (r == LineEditor::Result::Changed) {
            search_ = editor_.text();
            search_next(true);
        } else if (r == LineEditor::Result::Accepted || r == LineEditor::Result::Cancelled) {
            search_ = editor_.text();
            searching_ = false;
        }
        return {};
    }
    const size_t pg = page();
    const size_t last_top = line_count() > pg ? line_count() - pg : 0;
    auto up = [&](size_t n) {
        top_ = top_ > n ? top_ - n : 0;
        follow_ = false;
    };
    auto down = [&](size_t n) {
        top_ = std::min(top_ + n, last_top);
        follow_ = top_ == last_top;
    };
    switch (in.action) {
        case Action::Close: return Reply::close();
        case Action::Hex:
            mode_ = mode_ == analysis::EchoMode::Ascii ? analysis::EchoMode::Hex : analysis::EchoMode::Ascii;
            match_.reset();
            break;
        case Action::Search: start_search(); break;
        case Action::SearchNext:
            if (search_.empty()) {
                start_search();
            } else {
                search_next(false);
            }
            break;
        case Action::Up: up(1); break;
        case Action::Down: down(1); break;
        case Action::PageUp: up(pg); break;
        case Action::PageDown: down(pg); break;
        case Action::Home: top_ = 0; follow_ = false; break;
        case Action::End: top_ = last_top; follow_ = true; break;
        // The wheel scrolls three lines, as in the table.
        case Action::Mouse:
            if (in.mouse.kind == MouseEvent::Kind::WheelUp) up(3);
            if (in.mouse.kind == MouseEvent::Kind::WheelDown) down(3);
            break;
        default: return Reply::ignored();
    }
    return {};
}

void EchoPane::draw(int height, int width) {
    height_ = height;
    relayout(width);
    erase();
    const bool hex = mode_ == analysis::EchoMode::Hex;
    // Title: what, the mode and the snap length (a capture holds only that much of each call).
    std::string snap;
    if (!data_ || data_->snaplen == 0) {
        snap = live_ ? "snaplen ?" : "snaplen: no buffer was cut";
    } else {
        snap = fmt::format("snaplen {} B", data_->snaplen);
    }
    // The snap length first: a long selection name is what a narrow screen cuts.
    const std::string title = fmt::format("Echo [{}, {}]: {}", hex ? "hex" : "ASCII", snap, what_);
    attrset(attr(Role::Titles));
    mvaddstr(0, 0, fit(sanitize(title), static_cast<size_t>(width)).c_str());
    attrset(attr(Role::Normal));
    std::string info;
    if (data_ && data_->snaplen) {
        info = fmt::format("Only the first {} bytes of each read/write are captured{}. ", data_->snaplen,
                           live_ ? " (-s)" : "");
    }
    if (data_) {
        const uint64_t calls = data_->chunks.size() + data_->dropped;
        info += fmt::format("{} call{}, {} moved. < read  > write", calls, calls == 1 ? "" : "s",
                            analysis::format_number(analysis::CellFormat::Bytes, static_cast<double>(data_->bytes_moved)));
        if (data_->dropped) info += fmt::format(" ({} oldest forgotten)", data_->dropped);
    }
    if (loading_ && !live_) info += "  reading...";
    mvaddstr(1, 0, fit(info, static_cast<size_t>(width)).c_str());

    const size_t pg = page();
    const size_t last_top = line_count() > pg ? line_count() - pg : 0;
    if (follow_) top_ = last_top;
    top_ = std::min(top_, last_top);
    if (line_count() == 0 && live_) {
        mvaddstr(kTopLines + 1, 2, "Waiting for this selection's reads and writes...");
    } else if (line_count() == 0 && !loading_) {
        mvaddstr(kTopLines + 1, 2, "No reads or writes with data in this selection.");
    }
    for (size_t k = 0; k < pg && top_ + k < line_count(); ++k) {
        const analysis::EchoLine& line = line_at(top_ + k);
        int a = attr(line.write ? Role::EchoWrite : Role::EchoRead);
        if (line.header) a |= A_BOLD | A_UNDERLINE;
        if (match_ && *match_ == top_ + k) a = attr(Role::Selection);
        attrset(a);
        // Echo lines are printable ASCII by construction (echo_text.cpp).
        mvaddstr(kTopLines + static_cast<int>(k), 0, fit(line.text, static_cast<size_t>(width)).c_str());
        attrset(attr(Role::Normal));
    }
    if (searching_) {
        editor_.draw(height - 1, width);
        if (not_found_ && width > 12) {
            attrset(attr(Role::Error));
            mvaddstr(height - 1, width - 12, "not found");
            attrset(attr(Role::Normal));
            editor_.draw(height - 1, width - 12);
        }
        curs_set(1);
        return;
    }
    curs_set(0);
    // The bar's labels say the state: the mode F2 switches to, a failed search, following.
    std::vector<BarItem> bar = bar_items(keymap(), Scope::Echo);
    for (BarItem& item : bar) {
        if (item.action == Action::Hex) item.label = hex ? "ASCII" : "Hex";
        if (item.action == Action::SearchNext && not_found_) item.label += " (not found)";
        if (item.action == Action::End && follow_) item.label = "Following";
    }
    draw_function_bar(height - 1, width, std::move(bar));
}

}  // namespace tracetop::ui
