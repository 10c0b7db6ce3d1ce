#include "tree_glyphs.h"

namespace tracetop::ui {

std::string tree_prefix(const analysis::TreeRow& row, bool utf8) {
    std::string out;
    for (bool more : row.guides) out += more ? (utf8 ? "\u2502  " : "|  ") : "   ";
    if (row.depth > 0) out += row.last ? (utf8 ? "\u2514\u2500" : "`-") : (utf8 ? "\u251c\u2500" : "|-");
    // A folded process shows '+' where its branch would start.
    if (row.collapsed) {
        out += "+ ";
    } else if (row.depth > 0) {
        out += utf8 ? "\u2500 " : "- ";
    }
    return out;
}

}  // namespace tracetop::ui
