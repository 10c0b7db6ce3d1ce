// Encoders for the header blocks a writer emits (scap-format.md §14): SHB 1.2
// without options, MI, IL v2, UL v2, PL v9 and FDL v2. Each appends one
// complete block (framing included) to a sink.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "capture/byte_sink.h"
#include "event/header_records.h"

namespace tracetop::capture::detail {

void write_section_header_block(ByteSink& out);

// A header without machine info gets one describing the running machine.
void write_machine_info_block(ByteSink& out, const std::optional<event::MachineInfo>& machine);

void write_interface_list_block(ByteSink& out, std::span<const event::InterfaceRecord> interfaces);
void write_user_list_block(ByteSink& out, std::span<const event::UserRecord> users,
                           std::span<const event::GroupRecord> groups);
void write_process_list_block(ByteSink& out, std::span<const event::ThreadRecord> threads);

// One thread's fd list; pass no fds for a thread that shares its process's table.
void write_fd_list_block(ByteSink& out, int64_t tid, std::span<const event::FdRecord> fds);

}  // namespace tracetop::capture::detail
