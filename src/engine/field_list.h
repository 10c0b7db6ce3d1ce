// -l / --list-fields: the fields filters and formats accept, with a line each.
#pragma once

namespace tracetop::engine {

void print_field_list();

}  // namespace tracetop::engine
