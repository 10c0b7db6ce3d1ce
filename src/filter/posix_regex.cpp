#include "filter/posix_regex.h"

namespace tracetop::filter {

Result<std::shared_ptr<const PosixRegex>> PosixRegex::compile(const std::string& pattern) {
    std::shared_ptr<PosixRegex> re(new PosixRegex());
    const int rc = regcomp(&re->re_, pattern.c_str(), REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
        char message[256];
        regerror(rc, &re->re_, message, sizeof message);
        // regcomp leaves nothing to free on failure; keep the destructor harmless.
        regcomp(&re->re_, "", REG_EXTENDED | REG_NOSUB);
        return Error(message);
    }
    return std::shared_ptr<const PosixRegex>(std::move(re));
}

bool PosixRegex::search(std::string_view text) const {
    // REG_STARTEND (glibc, BSD): match within [rm_so, rm_eo) instead of up to a NUL.
    regmatch_t range[1];
    range[0].rm_so = 0;
    range[0].rm_eo = static_cast<regoff_t>(text.size());
    return regexec(&re_, text.data(), 1, range, REG_STARTEND) == 0;
}

}  // namespace tracetop::filter
