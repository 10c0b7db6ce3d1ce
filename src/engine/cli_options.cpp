#include "engine/cli_options.h"

#include <cstdio>
#include <iostream>
#include <sstream>
#include <vector>

#include <boost/program_options.hpp>

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
        ("read,r", po::value<std::string>()->value_name("FILE"),
         "read events from a .scap capture (raw or gzip); - reads standard input")
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
    return desc;
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
    po::variables_map vm;
    try {
        const std::vector<std::string> args(words.begin() + (words.empty() ? 0 : 1), words.end());
        po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "tracetop: " << e.what() << "\nTry 'tracetop --help'.\n";
        return {std::nullopt, 2};
    }

    if (vm.count("help")) {
        std::cout << desc << "\nSee tracetop(8) for the full manual.\n";
        return {std::nullopt, 0};
    }
    if (vm.count("version")) {
        std::cout << "tracetop " << TRACETOP_VERSION << "\n";
        return {std::nullopt, 0};
    }

    if (vm.count("list-fields")) {
        print_field_list();
        return {std::nullopt, 0};
    }

    Options opts;
    if (vm.count("read")) opts.read_file = vm["read"].as<std::string>();
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
    if (vm.count("filter")) {
        std::ostringstream joined;
        const auto& words = vm["filter"].as<std::vector<std::string>>();
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
    if (opts.compress && !opts.write_file) {
        std::cerr << "tracetop: -z compresses the file written with -w; give -w FILE too\n";
        return {std::nullopt, 2};
    }
    return {std::move(opts), 0};
}

}  // namespace tracetop::engine
