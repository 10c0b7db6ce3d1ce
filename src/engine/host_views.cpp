#include "engine/host_views.h"

#include <algorithm>

namespace tracetop::engine {

void key_views_by_host(analysis::ViewSet& views) {
    for (analysis::ViewDef& v : views.views) {
        if (v.kind != analysis::ViewKind::Table) continue;
        const bool by_process = std::any_of(v.keys.begin(), v.keys.end(), [](const std::string& k) {
            return k.starts_with("proc.") || k.starts_with("thread.");
        });
        if (!by_process || std::find(v.keys.begin(), v.keys.end(), "host.name") != v.keys.end()) continue;
        v.keys.insert(v.keys.begin(), "host.name");
        if (!v.column_index("host")) {
            analysis::ColumnDef host;
            host.id = "host";
            host.title = "HOST";
            host.field = "host.name";
            host.aggregation = analysis::Aggregation::Last;
            host.width = 20;
            host.format = analysis::CellFormat::Text;
            v.columns.insert(v.columns.begin(), std::move(host));
        }
    }
}

}  // namespace tracetop::engine
