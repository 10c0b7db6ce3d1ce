#include "capture/docker_data_roots.h"

#include <sys/stat.h>

#include <algorithm>

#include "capture/container_json_members.h"
#include "capture/proc_files.h"

namespace tracetop::capture {
namespace {

constexpr const char* kDefaultConfig = "/etc/docker/daemon.json";
constexpr const char* kDefaultRoot = "/var/lib/docker";
constexpr size_t kMaxProcesses = 100'000;

bool is_dir(const std::string& p) {
    struct stat st{};
    return !p.empty() && stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// "data-root" (older daemons: "graph") of a daemon.json.
std::string root_in_config(const std::string& path) {
    auto cfg = json_members::parse_file(path);
    if (!cfg) return {};
    std::string root = json_members::string_at(*cfg, "data-root");
    return root.empty() ? json_members::string_at(*cfg, "graph") : root;
}

// The value of --name VALUE or --name=VALUE among the words.
std::string option_value(const std::vector<std::string_view>& words, std::initializer_list<std::string_view> names) {
    for (size_t i = 0; i < words.size(); ++i) {
        for (std::string_view n : names) {
            if (words[i] == n && i + 1 < words.size()) return std::string(words[i + 1]);
            if (words[i].size() > n.size() && words[i].starts_with(n) && words[i][n.size()] == '=')
                return std::string(words[i].substr(n.size() + 1));
        }
    }
    return {};
}

}  // namespace

std::string docker_data_root_of(std::string_view cmdline) {
    std::vector<std::string_view> words;
    for (std::string_view w : split(cmdline, '\0'))
        if (!w.empty()) words.push_back(w);
    std::string root = option_value(words, {"--data-root", "--graph", "-g"});
    if (!root.empty()) return root;
    std::string config = option_value(words, {"--config-file"});
    return root_in_config(config.empty() ? kDefaultConfig : config);
}

std::vector<std::string> docker_data_roots() {
    std::vector<std::string> roots;
    auto add = [&](const std::string& r) {
        if (is_dir(r) && std::find(roots.begin(), roots.end(), r) == roots.end()) roots.push_back(r);
    };
    for (long pid : numeric_entries("/proc", kMaxProcesses)) {
        const std::string dir = "/proc/" + std::to_string(pid);
        auto comm = read_bounded(dir + "/comm", 64);
        if (!comm || comm->rfind("dockerd", 0) != 0) continue;
        if (auto cmdline = read_bounded(dir + "/cmdline", 64 << 10)) add(docker_data_root_of(*cmdline));
    }
    add(root_in_config(kDefaultConfig));
    add(kDefaultRoot);
    return roots;
}

}  // namespace tracetop::capture
