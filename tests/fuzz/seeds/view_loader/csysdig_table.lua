-- A csysdig table view: key, group-by key, derived fields, TIME_AVG.
view_info = {
  id = "fuzz_table", name = "Fuzz Table", view_type = "table", use_defaults = true,
  filter = "evt.type != switch", drilldown_target = "procs",
  columns = {
    { name = "NA", field = "thread.tid", is_key = true },
    { name = "NA", field = "proc.pid", is_groupby_key = true },
    { name = "CALLS", field = "evt.count", aggregation = "TIME_AVG", is_sorting = true, colsize = 8 },
    { name = "IN", field = "evt.buflen.net.in", aggregation = "SUM", groupby_aggregation = "SUM" },
    { name = "LAT", field = "evt.latency", aggregation = "MAX" },
    { name = "CONTAINER", field = "container.name", colsize = 20 },
    { name = "Command", field = "proc.name", aggregation = "MAX", colsize = 0 },
  },
}
