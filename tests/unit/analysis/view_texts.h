// View files the analysis tests parse: the smallest valid table view, which
// tests alter (insert a line, replace a value) to reach each rule.
#pragma once

namespace tracetop::analysis::test {

// id "mine": one count column "n", sorted by it, drilling to Events.
inline const char* const kMinimalTable = R"(
id = "mine"
name = "Mine"
keys = ["proc.pid"]
sort = "n"
drill_target = "events"

[[columns]]
id = "n"
title = "N"
aggregation = "count"
)";

}  // namespace tracetop::analysis::test
