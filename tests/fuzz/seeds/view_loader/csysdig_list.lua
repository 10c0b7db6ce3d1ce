-- A csysdig list view.
view_info = {
  id = "fuzz_list", name = "Fuzz List", view_type = "list",
  filter = "evt.type=open and evt.dir=<",
  columns = {
    { name = "TIME", field = "evt.time", colsize = 19 },
    { name = "FILE", field = "fd.name", colsize = 0 },
  },
}
