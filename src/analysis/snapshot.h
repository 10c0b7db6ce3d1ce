// What the engine hands the screen (or --json) once per refresh: the active
// view's table, already computed, plus where the data came from. Immutable
// once published; the UI only reads it (DESIGN.md §4).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/pane_data.h"
#include "analysis/view_def.h"

namespace tracetop::analysis {

struct Cell {
    bool present = false;    // false: no event gave this column a value
    bool is_number = false;  // raw value is `number`; else `text`
    double number = 0;
    std::string text;        // display text (numbers formatted per the column)
};

struct Row {
    std::string key;                     // the key as sysdig prints it ("17497", "open")
    std::vector<std::string> key_terms;  // "proc.pid = 17497": what drilling into the row pushes
    std::string label;                   // breadcrumb name ("curl"), may be empty
    std::vector<Cell> cells;             // one per column
    uint64_t event_num = 0;              // list views: the row's evt.num (what Enter asks details of)
};

struct ColumnInfo {
    std::string id;
    std::string title;
    std::string field;
    Aggregation aggregation = Aggregation::Last;
    uint32_t width = 8;
    CellFormat format = CellFormat::Number;
};

struct SourceInfo {
    std::string name;          // capture file or "live"
    bool live = false;
    uint64_t first_ts = 0;     // ns since the epoch; 0 before the first event
    uint64_t last_ts = 0;
    uint64_t events = 0;       // events read so far
    double events_per_s = 0;
    uint64_t drops = 0;        // kernel drops, total
    double drops_per_s = 0;
    uint64_t malformed = 0;    // live ring records that did not parse (skipped)
    uint32_t cpus = 0;
    // Big captures, time ranges (issue 15, part big). Offline, after the
    // first pass: events per slot over the whole capture (TimelineCounts),
    // the selected range (ns since the epoch; 0 and max: all of it), and
    // what the engine says about its in-memory copy of the file.
    std::vector<uint32_t> timeline;
    std::vector<uint32_t> timeline_errors;  // failed calls per slot
    uint64_t timeline_start = 0;
    uint64_t timeline_slot_ns = 0;
    uint64_t capture_first_ts = 0;
    uint64_t capture_last_ts = 0;
    uint64_t range_from = 0;
    uint64_t range_to = UINT64_MAX;
    std::string memory_note;
    // While a file is read: bytes of it read and in all, and the seconds
    // left at the pace so far (negative: not known yet).
    uint64_t bytes_read = 0;
    uint64_t bytes_total = 0;
    double seconds_left = -1;
};

struct Snapshot {
    uint64_t seq = 0;                 // increases with every publication
    std::string view_id;
    std::string view_name;
    ViewKind kind = ViewKind::Table;
    bool can_drill = false;           // the view has a drill target
    std::vector<ColumnInfo> columns;
    size_t sort_column = 0;           // the view's default sort
    bool sort_descending = true;
    std::vector<Row> rows;            // sorted by the default sort
    std::vector<Cell> totals;         // per column, over all rows
    uint64_t rows_dropped = 0;        // list views keep the newest rows only
    double sample_seconds = 0;        // time the numbers cover (rates divide by it)
    SourceInfo source;
    std::string filter;               // the user's sysdig filter
    std::string scope;                // everything applied: user filter and drill-down terms
    // Which level this snapshot shows, all stamped together when its table
    // was made (so they never disagree with its rows): the drill-down path
    // as names, the depth below the first view, the identity of the level
    // and of each level above it (level_path, depth + 1 of them, ending
    // with level_id), and the generation: the number of the last navigation
    // command the engine had taken (ExplorerEngine::send numbers them).
    std::vector<std::string> breadcrumb;
    size_t depth = 0;
    uint64_t level_id = 0;
    std::vector<uint64_t> level_path;
    uint64_t generation = 0;
    double progress = 1;              // offline: share of the file read
    bool loading = false;             // offline: still reading
    bool paused = false;
    std::string error;                // a source failure, shown once
    // Every field=value of one listed event, one a line, when the screen asked
    // for them (engine Command EventDetails): its evt.num as text, and the lines.
    std::string details_key;
    std::string details;
    // The Echo pane or spectrogram of a selection, when the screen opened one.
    PaneData pane;
};

}  // namespace tracetop::analysis
