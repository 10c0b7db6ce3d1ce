// Until the BPF probe lands, live capture says so clearly.
#include "capture/live_source.h"

namespace tracetop::capture {

Result<std::unique_ptr<Source>> open_live(const LiveOptions&) {
    return Error("live capture is not available in this build yet; read a capture with -r FILE");
}

}  // namespace tracetop::capture
