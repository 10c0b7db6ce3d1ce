#include "filter/pcre_regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace tracetop::filter {

// The compiled code, the limits and the match data a search fills. One
// match-data block per pattern: filters are evaluated on one thread.
struct PcreRegex::Parts {
    pcre2_code* code = nullptr;
    pcre2_match_context* context = nullptr;
    pcre2_match_data* data = nullptr;
    ~Parts() {
        pcre2_match_data_free(data);
        pcre2_match_context_free(context);
        pcre2_code_free(code);
    }
};

PcreRegex::~PcreRegex() = default;

Result<std::shared_ptr<const PcreRegex>> PcreRegex::compile(const std::string& pattern) {
    std::shared_ptr<PcreRegex> re(new PcreRegex());
    re->parts_ = std::make_unique<Parts>();
    int code = 0;
    PCRE2_SIZE offset = 0;
    // PCRE2_NEVER_UTF: a pattern cannot switch on UTF mode with (*UTF), whose
    // checks would refuse the raw bytes traced values may hold.
    re->parts_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                     PCRE2_NEVER_UTF | PCRE2_NEVER_BACKSLASH_C, &code, &offset, nullptr);
    if (re->parts_->code == nullptr) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(code, message, sizeof message);
        return Error(std::string(reinterpret_cast<const char*>(message)) + " at offset " + std::to_string(offset));
    }
    re->parts_->context = pcre2_match_context_create(nullptr);
    re->parts_->data = pcre2_match_data_create_from_pattern(re->parts_->code, nullptr);
    if (re->parts_->context == nullptr || re->parts_->data == nullptr) return Error("out of memory");
    pcre2_set_match_limit(re->parts_->context, kMatchLimit);
    pcre2_set_depth_limit(re->parts_->context, kDepthLimit);
    return std::shared_ptr<const PcreRegex>(std::move(re));
}

bool PcreRegex::search(std::string_view text) const {
    // An empty view may have no storage; PCRE2 wants a pointer even then.
    const char* subject = text.data() != nullptr ? text.data() : "";
    const int rc = pcre2_match(parts_->code, reinterpret_cast<PCRE2_SPTR>(subject), text.size(), 0, 0,
                               parts_->data, parts_->context);
    if (rc >= 0) return true;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT) ++limit_hits_;
    return false;
}

}  // namespace tracetop::filter
