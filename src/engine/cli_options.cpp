#include "engine/cli_options.h"

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

#include "engine/chisel_run.h"
#include "engine/event_list.h"
#include "engine/field_list.h"
#include "engine/sysdig_argv.h"

namespace po = boost::program_options;

namespace tracetop::engine {
namespace {

constexpr const char* kUsage =
    "Usage: tracetop [options] [filter]\n"
    "\n"
    "An htop-style explorer of what the machine does at the system-call level.\n"
    "Reads sysdig/falco .scap captures (-r) and writes them (-w).\n"
    "\n"
    "Examples:\n"
    "  tracetop -r capture.scap --print           list every event, like sysdig -r\n"
    "  tracetop -r in.scap -w out.scap            re-record a capture\n"
    "  tracetop -r in.scap -w out.scap proc.name=curl  record curl's events only\n"
    "  tracetop -r in.scap | head                 not a terminal: event lines, as sysdig\n"
    "  tracetop -r in.scap --print 'evt.type=connect and fd.port=80'\n"
    "  tracetop -r in.scap -p '%proc.name %fd.name' 'fd.type=file'\n"
    "  tracetop -r in.scap                        browse a capture in the explorer\n"
    "  tracetop -r in.scap --json -v syscalls     a view as JSON\n"
    "\n"
    "Options";

po::options_description describe_options() {
    po::options_description desc(kUsage);
    desc.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("read,r", po::value<std::vector<std::string>>()->value_name("FILE"),
         "read events from a .scap capture (raw or gzip); - reads standard input; repeated, or a "
         "directory: the files as one capture in time order")
        ("write,w", po::value<std::string>()->value_name("FILE"),
         "write the events the filter accepts (all without one) to a .scap capture (mode 0600); "
         "- writes to standard output")
        ("compress,z", "gzip the file written with -w")
        ("print", "print one line per event instead of opening the explorer (the default when "
         "standard output is not a terminal)")
        ("unbuffered", "with --print: write each line as soon as it is made (lines otherwise go out in "
         "large blocks while events flow, and at once when they pause)")
        ("explore", "live, with -w: open the explorer while recording (the filter selects what is recorded)")
        ("numevents,n", po::value<uint64_t>()->value_name("N"), "stop after N events")
        ("print-format,p", po::value<std::string>()->value_name("FORMAT"),
         "with --print: print FORMAT per event, %field tokens replaced (e.g. '%proc.name %fd.name'); "
         "a leading * prints events whose fields are missing too")
        ("list-fields,l", "list the fields usable in filters and formats, and exit")
        ("duration", po::value<double>()->value_name("SECONDS"), "live: stop after SECONDS")
        ("snaplen,s", po::value<uint32_t>()->value_name("BYTES")->default_value(TRACETOP_DEFAULT_SNAPLEN),
         "live: bytes of each read/write buffer to capture")
        ("buffer-mb", po::value<uint32_t>()->value_name("MB")->default_value(TRACETOP_DEFAULT_BUFFER_MB),
         "live: size of each per-CPU ring buffer in MiB")
        ("context-switches", "live: also capture the scheduler's context switches (switch events; many)")
        ("debug,D", "also print internal events (process info), like sysdig -D")
        ("view,v", po::value<std::string>()->value_name("VIEW"),
         "the view to start the explorer in, or the one --json prints (see --list-views)")
        ("json", "print the view (-v, default procs) as one JSON object instead of opening the explorer; "
         "live, aggregate over --duration SECONDS")
        ("list-views", "list the views (built in and from ~/.config/tracetop/views) and exit")
        ("delay,d", po::value<uint32_t>()->value_name("MS")->default_value(1000),
         "explorer: refresh interval in milliseconds (live)")
        // issue 16 (uilook): colour schemes and the settings file.
        ("scheme", po::value<std::string>()->value_name("NAME"),
         "explorer: colour scheme default, monochrome or 256 (over the settings file and NO_COLOR)")
        ("color", "explorer: colours even when NO_COLOR is set (the default scheme)")
        ("no-color", "explorer: no colours (the monochrome scheme)");
    // Containers (issue 13, ctrmodel): sysdig's -pc and -pk, which
    // sysdig_argv.cpp rewrites to these.
    desc.add_options()
        ("print-container", "print sysdig's container line per event (also -pc): the container's name and id "
         "after the CPU, the thread's tid:vtid")
        ("print-k8s", "print sysdig's Kubernetes line per event (also -pk): the pod's name and the container's id "
         "after the CPU");
    desc.add_options()
        // chisels (D)
        ("chisel,c", po::value<std::vector<std::string>>()->value_name("NAME"),
         "run sysdig's chisel NAME (-c NAME [ARGS] [filter]); the word after NAME is its arguments when it takes "
         "any (sysdig's rule, see tracetop(8)); several -c run side by side")
        ("list-chisels", "list the chisels (-cl) by category and exit")
        ("chisel-info,i", po::value<std::string>()->value_name("NAME"), "describe chisel NAME and its arguments, and exit");
    desc.add_options()
        // Big captures, time ranges, capture sets (issue 15, part big).
        ("from", po::value<std::string>()->value_name("TIME"),
         "only events at or after TIME: +SECONDS after the first event, HH:MM:SS[.F] as event lines "
         "print it, 'YYYY-MM-DD HH:MM:SS[.F]', or nanoseconds since the epoch")
        ("to", po::value<std::string>()->value_name("TIME"), "only events before TIME (as --from)")
        ("memory-budget", po::value<uint64_t>()->value_name("MB"),
         "explorer, from a file: memory kept for answering views without reading the file again "
         "(default: the file's size); past it the file is read again for each view");
    // Part cli2 (issue 14): sysdig's output options.
    desc.add_options()
        ("timetype,t", po::value<std::string>()->value_name("h|a|r|d|D"),
         "the time column of event lines: h wall clock (default), a absolute epoch seconds, "
         "r since the capture's first event, d an exit's latency, D since the previous line")
        ("print-ascii,A", "event lines show byte buffers whole, as text: printable bytes and line ends")
        ("print-hex,x", "event lines show byte buffers whole, in hex")
        ("print-hex-ascii,X", "event lines show byte buffers whole, in hex and as text")
        ("print-base64,b", "event lines show byte buffers whole, in base64")
        ("file-size,C", po::value<uint64_t>()->value_name("MB"),
         "with -w: start a new file (FILE0, FILE1, ...) once the current one holds MB million bytes of events")
        ("limit,W", po::value<uint32_t>()->value_name("N"),
         "with -C, -e or -G: a ring of N files, the oldest overwritten; with -G and a time format in FILE: "
         "stop after N files")
        ("seconds,G", po::value<uint64_t>()->value_name("S"),
         "with -w: start a new file every S seconds of capture time; FILE may hold strftime(3) formats")
        ("events,e", po::value<uint64_t>()->value_name("N"), "with -w: start a new file every N events")
        ("progress,P", "while reading a file (-r), show the share read on standard error")
        ("list-events,L", "list the event types and their parameters, as sysdig -L, and exit")
        ("summary,S", "print a table of how many events of each type were read (the filter's) at the end")
        ("quiet,q", "print no events (with -w: record only; with -S: only the table)")
        ("json-events,j", "print events as JSON lines, as sysdig -j (--json prints a view instead)");
    desc.add_options()
        // issue 17 items 1-2 (serve): the OpenMetrics endpoint
        ("serve", po::value<std::string>()->value_name("[ADDR:]PORT"),
         "no screen: serve the views' figures at http://ADDR:PORT/metrics for Prometheus (ADDR defaults to "
         "127.0.0.1); live, or the totals of a capture with -r")
        ("serve-token", po::value<std::string>()->value_name("FILE"),
         "with --serve: answer only requests carrying \"Authorization: Bearer TOKEN\", TOKEN being FILE's first line")
        ("serve-max-processes", po::value<size_t>()->value_name("N")->default_value(1000),
         "with --serve: at most N processes get series of their own; the others are summed into pid=\"other\"")
        ("serve-grace", po::value<double>()->value_name("SECONDS")->default_value(30),
         "with --serve: how long an exited process keeps its series");
    // issue 17 items 3-4 (remote): capture on another host through ssh.
    desc.add_options()
        ("remote", po::value<std::vector<std::string>>()->value_name("[USER@]HOST[:PORT]"),
         "capture live on HOST: run tracetop there through ssh (tracetop -w -, compressed; root needed there) and "
         "explore, print, record (-w) or --json its events here; repeated: several hosts as one capture "
         "(field host.name, view hosts)")
        ("remote-tracetop", po::value<std::string>()->value_name("PATH"),
         "with --remote: the tracetop program on the host (default: tracetop, found in the remote PATH)")
        ("ssh-option", po::value<std::vector<std::string>>()->value_name("OPTION"),
         "with --remote: pass -o OPTION to ssh (repeated), e.g. IdentityFile=~/.ssh/key")
        ("remote-timeout", po::value<uint32_t>()->value_name("SECONDS"),
         "with --remote: give up connecting after SECONDS (ssh's ConnectTimeout; default 10)")
        ("remote-filter", po::value<std::string>()->value_name("FILTER"),
         "with --remote: the host records only what FILTER accepts (less on the wire; names of processes "
         "and files whose events it drops may then be missing here)");
    // issue 15 live history (rewind): the explorer keeps the recent past live.
    desc.add_options()
        ("history", po::value<uint32_t>()->value_name("SECONDS"),
         "explorer, live: keep the last SECONDS of events in memory (default 300; 0: none) for the timeline strip "
         "and browsing a past range while capture goes on (live rewind); --memory-budget MB bounds it too "
         "(default 512)");
    return desc;
}

// Part cli2 (issue 14): sysdig 0.29.3 options tracetop does not take, each
// refused with the reason instead of being misparsed (a "-b" read as a
// filter word, "-M 5" as -M and the filter "5"). `glued`: the option takes
// a value that may follow without a space (-Bprobe.o).
struct UnsupportedOption {
    std::string_view short_name, long_name;
    bool glued;
    std::string_view reason;
};
constexpr UnsupportedOption kUnsupportedSysdigOptions[] = {
    {"-B", "--bpf", true, "tracetop always captures with its own BPF programs; there is no probe to choose"},
    {"-E", "--exclude-users", false, "user names come from the capture's user list; nothing to exclude"},
    {"-F", "--fatfile", false, "fatfile mode (keeping unused state in -w files) is not implemented"},
    {"", "--filter-proclist", false, "-w files keep the whole process list, as sysdig does without it"},
    {"-H", "--plugin", true, "plugins are not supported: tracetop reads system calls only"},
    {"-I", "--input", true, "plugins are not supported: tracetop reads system calls only"},
    {"", "--plugin-config-file", false, "plugins are not supported: tracetop reads system calls only"},
    {"", "--libs-version", false, "tracetop does not use falcosecurity/libs (tracetop --version)"},
    {"", "--large-environment", false, "environments are read as sysdig 0.29.3 reads them, cut to the snap length"},
    {"", "--list-markdown", false, "the field list is printed by -l only"},
    {"-M", "", true, "use --duration SECONDS (live)"},
    {"", "--page-faults", false, "page-fault events are not captured"},
    {"-R", "--resolve-ports", false, "ports are shown as numbers; filters take service names (fd.port=http)"},
    {"-T", "--force-tracers-capture", false, "sysdig tracers are not supported"},
    {"-U", "--suppress-comm", true, "suppressing processes by name is not implemented; filter with not proc.name=NAME"},
    // Containers: metadata comes from the runtimes' own files, never a daemon or an API.
    {"", "--cri", false, "container metadata is read from the runtimes' files (CONTAINERS), never from a socket"},
    {"", "--cri-timeout", false, "container metadata is read from the runtimes' files (CONTAINERS), never from a socket"},
    {"-k", "--k8s-api", true, "the Kubernetes API is not queried: k8s.pod.name and k8s.ns.name come from container labels"},
    {"-K", "--k8s-api-cert", true, "the Kubernetes API is not queried: k8s.pod.name and k8s.ns.name come from container labels"},
    {"", "--node-name", false, "the Kubernetes API is not queried: k8s.pod.name and k8s.ns.name come from container labels"},
    {"-m", "--mesos-api", true, "Mesos is not supported"},
    {"-pm", "-pmesos", false, "Mesos is not supported (-pc and -pk are)"},
};

// The reason `word` is refused, or empty when tracetop takes it.
std::string_view unsupported_reason(std::string_view word) {
    for (const UnsupportedOption& o : kUnsupportedSysdigOptions) {
        if (!o.short_name.empty() && (word == o.short_name || (o.glued && word.substr(0, 2) == o.short_name &&
                                                               word.size() > 2 && word[1] != '-'))) {
            return o.reason;
        }
        if (!o.long_name.empty() && (word == o.long_name || word.substr(0, o.long_name.size() + 1) ==
                                                                 std::string(o.long_name) + "=")) {
            return o.reason;
        }
    }
    return {};
}

}  // namespace

CliOutcome parse_command_line(int argc, const char* const* argv) {
    const po::options_description desc = describe_options();
    po::options_description hidden;
    hidden.add_options()("filter", po::value<std::vector<std::string>>(), "filter words");
    po::options_description all;
    all.add(desc).add(hidden);
    po::positional_options_description positional;
    positional.add("filter", -1);

    const std::vector<std::string> words = rewrite_sysdig_words(argc, argv);
    for (size_t i = 1; i < words.size() && words[i] != "--"; ++i) {
        const std::string_view reason = unsupported_reason(words[i]);
        if (!reason.empty()) {
            std::cerr << "tracetop: sysdig's " << words[i] << " is not supported: " << reason
                      << "\nSee SYSDIG OPTIONS in tracetop(8).\n";
            return {std::nullopt, 2};
        }
    }
    po::variables_map vm;
    std::vector<po::option> in_order;  // lua14: which words follow each -c NAME
    try {
        const std::vector<std::string> args(words.begin() + (words.empty() ? 0 : 1), words.end());
        const po::parsed_options parsed = po::command_line_parser(args).options(all).positional(positional).run();
        in_order = parsed.options;
        po::store(parsed, vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "tracetop: " << e.what() << "\nTry 'tracetop --help'.\n";
        return {std::nullopt, 2};
    }

    if (vm.count("help")) {
        std::cout << desc << "\nThe explorer's settings (setup screen, S) are kept in $XDG_CONFIG_HOME/tracetop/tracetoprc\n"
                             "(~/.config/tracetop/tracetoprc); the options above override them.\n"
                             "See tracetop(8) for the full manual.\n";
        return {std::nullopt, 0};
    }
    if (vm.count("version")) {
        std::cout << "tracetop " << TRACETOP_VERSION << "\n";
        return {std::nullopt, 0};
    }

    if (vm.count("list-events")) {
        print_event_list(stdout);
        return {std::nullopt, 0};
    }
    if (vm.count("list-fields")) {
        print_field_list();
        return {std::nullopt, 0};
    }
    // chisels (D)
    if (vm.count("list-chisels")) return {std::nullopt, print_chisel_list()};
    if (vm.count("chisel-info")) return {std::nullopt, print_chisel_info(vm["chisel-info"].as<std::string>())};

    Options opts;
    if (vm.count("read")) {
        opts.read_files = vm["read"].as<std::vector<std::string>>();
        opts.read_file = opts.read_files.front();
    }
    if (vm.count("write")) opts.write_file = vm["write"].as<std::string>();
    opts.compress = vm.count("compress") > 0;
    opts.print = vm.count("print") > 0;
    opts.unbuffered = vm.count("unbuffered") > 0;
    opts.explore = vm.count("explore") > 0;
    opts.debug = vm.count("debug") > 0;
    if (vm.count("numevents")) opts.max_events = vm["numevents"].as<uint64_t>();
    if (vm.count("duration")) opts.duration_s = vm["duration"].as<double>();
    opts.snaplen = vm["snaplen"].as<uint32_t>();
    opts.buffer_mb = vm["buffer-mb"].as<uint32_t>();
    opts.context_switches = vm.count("context-switches") > 0;
    if (vm.count("view")) opts.view = vm["view"].as<std::string>();
    opts.json = vm.count("json") > 0;
    opts.list_views = vm.count("list-views") > 0;
    opts.delay_ms = vm["delay"].as<uint32_t>();
    // issue 16 (uilook): the settings file yields to what is given here.
    opts.delay_given = !vm["delay"].defaulted();
    if (vm.count("color") + vm.count("no-color") + vm.count("scheme") > 1) {
        std::cerr << "tracetop: --scheme, --color and --no-color each choose the colours: give one\n";
        return {std::nullopt, 2};
    }
    if (vm.count("color")) opts.scheme = "default";
    if (vm.count("no-color")) opts.scheme = "monochrome";
    if (vm.count("scheme")) {
        opts.scheme = vm["scheme"].as<std::string>();
        if (*opts.scheme != "default" && *opts.scheme != "monochrome" && *opts.scheme != "256") {
            std::cerr << "tracetop: --scheme takes default, monochrome or 256\n";
            return {std::nullopt, 2};
        }
    }
    if (opts.delay_ms < 50 || opts.delay_ms > 3600000) {
        std::cerr << "tracetop: -d takes a refresh interval from 50 to 3600000 milliseconds\n";
        return {std::nullopt, 2};
    }
    // issue 17 items 1-2 (serve)
    if (vm.count("serve")) opts.serve = vm["serve"].as<std::string>();
    if (vm.count("serve-token")) opts.serve_token_file = vm["serve-token"].as<std::string>();
    opts.serve_max_processes = vm["serve-max-processes"].as<size_t>();
    opts.serve_grace_s = vm["serve-grace"].as<double>();
    if ((vm.count("serve-token") || !vm["serve-max-processes"].defaulted() || !vm["serve-grace"].defaulted()) &&
        !opts.serve) {
        std::cerr << "tracetop: --serve-token, --serve-max-processes and --serve-grace go with --serve\n";
        return {std::nullopt, 2};
    }
    if (opts.serve && (opts.print || opts.write_file || opts.json || opts.explore || opts.list_views ||
                       vm.count("print-format"))) {
        std::cerr << "tracetop: --serve runs without a screen; it does not combine with --print, -p, -w, --json or "
                     "--explore\n";
        return {std::nullopt, 2};
    }
    if (opts.serve && (opts.serve_max_processes < 1 || opts.serve_max_processes > 1000000 ||
                       !(opts.serve_grace_s >= 0) || opts.serve_grace_s > 86400)) {
        std::cerr << "tracetop: --serve-max-processes takes 1 to 1000000, --serve-grace 0 to 86400 seconds\n";
        return {std::nullopt, 2};
    }
    if (opts.json && (opts.print || opts.write_file)) {
        std::cerr << "tracetop: --json prints a view; it does not combine with --print or -w\n";
        return {std::nullopt, 2};
    }
    if (opts.snaplen > 65000) {
        std::cerr << "tracetop: -s takes at most 65000 bytes\n";
        return {std::nullopt, 2};
    }
    if (opts.buffer_mb == 0 || opts.buffer_mb > 1024 || (opts.buffer_mb & (opts.buffer_mb - 1)) != 0) {
        std::cerr << "tracetop: --buffer-mb takes a power of two from 1 to 1024\n";
        return {std::nullopt, 2};
    }
    if (opts.duration_s && !(*opts.duration_s > 0)) {
        std::cerr << "tracetop: --duration takes a positive number of seconds\n";
        return {std::nullopt, 2};
    }
    if (vm.count("print-format")) {
        opts.format = vm["print-format"].as<std::string>();
        opts.print = true;
    }
    // Containers (issue 13, ctrmodel): -pc/-pk are sysdig's -p formats for
    // container hosts, field for field what sysdig 0.29.3 prints.
    if (vm.count("print-container") || vm.count("print-k8s")) {
        if (vm.count("print-format") || (vm.count("print-container") && vm.count("print-k8s"))) {
            std::cerr << "tracetop: -pc, -pk and -p FORMAT each choose the line format; give one\n";
            return {std::nullopt, 2};
        }
        const char* who = vm.count("print-container") ? "%container.name" : "%k8s.pod.name";
        opts.format = std::string("*%evt.num %evt.time %evt.cpu ") + who +
                      " (%container.id) %proc.name (%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.args";
        opts.print = true;
    }
    // chisels (D): the chisel takes its argument word before the rest
    // becomes the filter.
    std::vector<std::string> filter_words;
    if (vm.count("filter")) filter_words = vm["filter"].as<std::vector<std::string>>();
    if (vm.count("chisel")) {
        // lua14: each -c takes its word by sysdig's rule, which looks at
        // the command line's words after NAME as they stand (later options
        // included: sysdig reads them before getopt moves them); the word
        // taken is the filter word that follows NAME.
        std::vector<std::vector<std::string>> after_name;
        for (size_t i = 1; i < words.size() && words[i] != "--"; ++i) {
            const std::string& w = words[i];
            if ((w == "-c" || w == "--chisel") && i + 1 < words.size()) {
                after_name.emplace_back(words.begin() + static_cast<std::ptrdiff_t>(i + 2), words.end());
                ++i;
            } else if (w.rfind("--chisel=", 0) == 0 || (w.size() > 2 && w.rfind("-c", 0) == 0 && w[2] != '-')) {
                after_name.emplace_back(words.begin() + static_cast<std::ptrdiff_t>(i + 1), words.end());
            }
        }
        std::vector<bool> taken_word(filter_words.size(), false);
        size_t words_seen = 0;
        size_t calls = 0;
        for (size_t i = 0; i < in_order.size(); ++i) {
            if (in_order[i].position_key != -1) {
                ++words_seen;
                continue;
            }
            if (in_order[i].string_key != "chisel" || in_order[i].value.empty()) continue;
            const bool word_follows = i + 1 < in_order.size() && in_order[i + 1].position_key != -1;
            const std::vector<std::string> none;
            const std::vector<std::string>& after = calls < after_name.size() ? after_name[calls] : none;
            ++calls;
            auto taken = chisel_args_at(in_order[i].value.front(), word_follows ? after : none, 0);
            if (!taken) {
                std::cerr << "tracetop: " << taken.error().message << "\n";
                return {std::nullopt, 2};
            }
            if (*taken && words_seen < taken_word.size()) taken_word[words_seen] = true;
            opts.chisels.push_back({in_order[i].value.front(), std::move(*taken)});
        }
        std::vector<std::string> rest;
        for (size_t i = 0; i < filter_words.size(); ++i) {
            if (!taken_word[i]) rest.push_back(std::move(filter_words[i]));
        }
        filter_words = std::move(rest);
        if (opts.write_file || opts.json || opts.explore || opts.print) {
            std::cerr << "tracetop: -c runs a chisel; it does not combine with -w, --json, --explore, --print or -p\n";
            return {std::nullopt, 2};
        }
    }
    if (!filter_words.empty()) {
        std::ostringstream joined;
        const auto& words = filter_words;
        for (size_t i = 0; i < words.size(); ++i) joined << (i ? " " : "") << words[i];
        opts.filter = joined.str();
    }
    if (opts.explore && (opts.print || opts.json || vm.count("print-format"))) {
        std::cerr << "tracetop: --explore opens the explorer; it does not combine with --print, -p or --json\n";
        return {std::nullopt, 2};
    }
    // Offline the explorer reads the file again for every view it computes:
    // re-recording belongs to the batch mode, which reads it once.
    if (opts.explore && opts.write_file && opts.read_file) {
        std::cerr << "tracetop: the explorer records live capture only; to re-record a file: "
                     "tracetop -r IN -w OUT [filter]\n";
        return {std::nullopt, 2};
    }
    if (opts.write_file == "-" && (opts.print || opts.explore)) {
        std::cerr << "tracetop: -w - writes the capture to standard output; it does not combine with "
                     "--print, -p or --explore\n";
        return {std::nullopt, 2};
    }
    // Part cli2 (issue 14): sysdig's output options.
    if (vm.count("timetype")) {
        const auto time_format = parse_time_format(vm["timetype"].as<std::string>());
        if (!time_format) {
            std::cerr << "tracetop: -t takes h, a, r, d or D\n";
            return {std::nullopt, 2};
        }
        opts.time_format = *time_format;
    }
    const int buffer_flags = static_cast<int>(vm.count("print-ascii") + vm.count("print-hex") +
                                              vm.count("print-hex-ascii") + vm.count("print-base64"));
    if (buffer_flags > 1) {
        std::cerr << "tracetop: -A, -x, -X and -b each choose how buffers print; give one\n";
        return {std::nullopt, 2};
    }
    if (vm.count("file-size")) opts.rotation.max_bytes = vm["file-size"].as<uint64_t>() * 1000000ULL;
    if (vm.count("events")) opts.rotation.max_events = vm["events"].as<uint64_t>();
    if (vm.count("seconds")) opts.rotation.max_seconds = vm["seconds"].as<uint64_t>();
    if (vm.count("limit")) opts.rotation.file_limit = vm["limit"].as<uint32_t>();
    if ((vm.count("file-size") && opts.rotation.max_bytes == 0) || (vm.count("events") && !opts.rotation.max_events) ||
        (vm.count("seconds") && !opts.rotation.max_seconds) || (vm.count("limit") && !opts.rotation.file_limit)) {
        std::cerr << "tracetop: -C, -e, -G and -W take a positive number\n";
        return {std::nullopt, 2};
    }
    if ((opts.rotation.active() || opts.rotation.file_limit) && (!opts.write_file || *opts.write_file == "-")) {
        std::cerr << "tracetop: -C, -e, -G and -W rotate the file written with -w FILE\n";
        return {std::nullopt, 2};
    }
    if (opts.rotation.file_limit && !opts.rotation.active()) {
        std::cerr << "tracetop: -W limits the files of -C, -e or -G; give one of them\n";
        return {std::nullopt, 2};
    }
    if (opts.rotation.active() && opts.explore) {
        std::cerr << "tracetop: rotation (-C, -e, -G) records in the batch mode, not with --explore\n";
        return {std::nullopt, 2};
    }
    opts.progress = vm.count("progress") > 0;
    opts.summary = vm.count("summary") > 0;
    opts.quiet = vm.count("quiet") > 0;
    if ((opts.summary || opts.quiet) && opts.json) {
        std::cerr << "tracetop: -S and -q apply to event output; --json prints a view\n";
        return {std::nullopt, 2};
    }
    // Like sysdig: -S or -q never opens the explorer.
    if ((opts.summary || opts.quiet) && !opts.write_file) opts.print = true;
    opts.event_json = vm.count("json-events") > 0;
    if (opts.event_json && (opts.json || !opts.format.empty())) {
        std::cerr << "tracetop: -j prints events as sysdig's JSON lines; it does not combine with --json or -p\n";
        return {std::nullopt, 2};
    }
    if (opts.event_json) opts.print = true;
    if (vm.count("print-ascii")) opts.buffer_format = BufferFormat::Ascii;
    if (vm.count("print-hex")) opts.buffer_format = BufferFormat::Hex;
    if (vm.count("print-hex-ascii")) opts.buffer_format = BufferFormat::HexAscii;
    if (vm.count("print-base64")) opts.buffer_format = BufferFormat::Base64;
    // issue 17 items 3-4 (remote)
    if (vm.count("remote")) {
        opts.remotes = vm["remote"].as<std::vector<std::string>>();
        opts.remote = opts.remotes.front();
    }
    if (vm.count("remote-tracetop")) opts.remote_tracetop = vm["remote-tracetop"].as<std::string>();
    if (vm.count("ssh-option")) opts.ssh_options = vm["ssh-option"].as<std::vector<std::string>>();
    if (vm.count("remote-timeout")) opts.remote_connect_timeout_s = vm["remote-timeout"].as<uint32_t>();
    if (vm.count("remote-filter")) opts.remote_filter = vm["remote-filter"].as<std::string>();
    if (!opts.remote && (vm.count("remote-tracetop") || vm.count("ssh-option") || vm.count("remote-timeout") ||
                         vm.count("remote-filter"))) {
        std::cerr << "tracetop: --remote-tracetop, --ssh-option, --remote-timeout and --remote-filter go with "
                     "--remote HOST\n";
        return {std::nullopt, 2};
    }
    if (opts.remote && opts.read_file) {
        std::cerr << "tracetop: --remote captures live on a host; it does not combine with -r\n";
        return {std::nullopt, 2};
    }
    // host.name tells the hosts apart: the same name twice would be one host with two pasts.
    for (size_t i = 0; i < opts.remotes.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
            if (opts.remotes[i] != opts.remotes[j]) continue;
            std::cerr << "tracetop: --remote " << opts.remotes[i] << " is given twice\n";
            return {std::nullopt, 2};
        }
    }
    if (opts.remotes.size() > 1 && opts.write_file) {
        // One file holds one machine's threads and fds: two hosts' pid 1 in
        // one file would be one process to every reader.
        std::cerr << "tracetop: -w records one host: with several --remote hosts, record each with its own "
                     "tracetop --remote HOST -w FILE\n";
        return {std::nullopt, 2};
    }
    // Their series and the chisel's tables are per process, with no host in the key.
    if (opts.remotes.size() > 1 && (opts.serve || !opts.chisels.empty())) {
        std::cerr << "tracetop: " << (opts.serve ? "--serve" : "-c") << " takes one --remote host\n";
        return {std::nullopt, 2};
    }
    if (opts.remote && (opts.remote_connect_timeout_s == 0 || opts.remote_connect_timeout_s > 3600)) {
        std::cerr << "tracetop: --remote-timeout takes 1 to 3600 seconds\n";
        return {std::nullopt, 2};
    }
    if (opts.compress && !opts.write_file) {
        std::cerr << "tracetop: -z compresses the file written with -w; give -w FILE too\n";
        return {std::nullopt, 2};
    }
    // Big captures, time ranges, capture sets (issue 15, part big).
    for (const char* name : {"from", "to"}) {
        if (!vm.count(name)) continue;
        auto spec = parse_time_spec(vm[name].as<std::string>());
        if (!spec) {
            std::cerr << "tracetop: --" << name << ": " << spec.error().message << "\n";
            return {std::nullopt, 2};
        }
        (std::string_view(name) == "from" ? opts.from : opts.to) = *spec;
    }
    // An inverted range is told at once when both ends are of a kind that
    // compares before the capture is read (clock times may cross midnight:
    // the run says so instead, when nothing was inside).
    if (opts.from && opts.to) {
        using Kind = TimeSpec::Kind;
        const auto absolute = [](Kind k) { return k == Kind::DateTime || k == Kind::Epoch; };
        const bool comparable = (opts.from->kind == Kind::Offset && opts.to->kind == Kind::Offset) ||
                                (absolute(opts.from->kind) && absolute(opts.to->kind));
        if (comparable && opts.to->value <= opts.from->value) {
            std::cerr << "tracetop: --to must be after --from (the range is half-open: [from, to))\n";
            return {std::nullopt, 2};
        }
    }
    if (vm.count("memory-budget")) opts.memory_budget_mb = vm["memory-budget"].as<uint64_t>();
    // issue 15 live history (rewind)
    if (vm.count("history")) {
        opts.history_s = vm["history"].as<uint32_t>();
        if (opts.history_s > 86400) {
            std::cerr << "tracetop: --history takes 0 to 86400 seconds\n";
            return {std::nullopt, 2};
        }
    }
    return {std::move(opts), 0};
}

}  // namespace tracetop::engine
