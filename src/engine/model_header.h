// The state model written back as capture header records (issue 15, live
// rewind): the threads, their fds and the users a replay of the live history
// starts from, so that a thread created before the history began keeps its
// name, command line and files in a rewound view.
#pragma once

#include "event/header_records.h"
#include "state/model.h"

namespace tracetop::engine {

// `base`'s machine, interfaces, users and groups, with the threads and fd
// lists `model` holds now. Model::load_header of the result gives back the
// same threads and files (sockets are named again from their ends, as from a
// capture's fd list).
event::CaptureHeader header_from_model(const state::Model& model, const event::CaptureHeader& base);

}  // namespace tracetop::engine
