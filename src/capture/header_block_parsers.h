// Decoders for the bodies of the header blocks (scap-format.md §3–8): the
// section header, machine info, interface, user, process and fd lists.
// Each reads only within the body it is given; a malformed body yields a
// message (the caller adds the file name and block offset).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "capture/block_codes.h"
#include "event/header_records.h"

namespace tracetop::capture::detail {

// nullopt on success, else what is wrong.
using ParseError = std::optional<std::string>;

struct SectionHeaderError {
    enum class Kind { None, Malformed, BadMagic, UnsupportedVersion } kind = Kind::None;
    std::string message;
};

// Reads the SHB body into header.major/minor_version; pcapng options after
// the 16 fixed bytes are skipped.
SectionHeaderError parse_section_header(std::span<const uint8_t> body, event::CaptureHeader& header);

// MI, IL, UL, PL or FDL (`info.kind`), adding what it holds to `header`.
ParseError parse_header_block(const BlockInfo& info, std::span<const uint8_t> body,
                              event::CaptureHeader& header);

}  // namespace tracetop::capture::detail
