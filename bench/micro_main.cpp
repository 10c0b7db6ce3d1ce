// micro_bench's entry point: runs the benchmarks, then prints each figure as
// ns/event and as a ratio to the baseline measured in the same run (the
// Iterate loop, or the Model loop for work done on top of the model).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "micro_fixture.h"

namespace {

class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.run_type != Run::RT_Iteration || run.iterations == 0 || run.error_occurred) continue;
            // One iteration replays every event once.
            const double per_pass = run.real_accumulated_time / static_cast<double>(run.iterations);
            ns_per_event_[run.benchmark_name()] = per_pass * 1e9 / static_cast<double>(events_);
        }
    }

    void Finalize() override {
        ConsoleReporter::Finalize();
        std::printf("\nPer event, %zu events per pass, %zu of them shown by --print and so filtered or printed\n"
                    "(ratios are to a baseline from this run):\n",
                    events_, shown_);
        const double iterate = get("BM_Iterate"), model = get("BM_Model");
        line("decode (parse header + params)", get("BM_Decode"), "iterate", iterate);
        line("state model update", model, "iterate", iterate);
        if (model > 0) std::printf("  state model: %.2f M events/s\n", 1e3 / model);
        if (const double apply = get("BM_ModelApply"); apply > 0 && model > 0) {
            std::printf("  %-34s %8.1f ns/event  = %6.2fx the model update\n", "state only (Model::apply)", apply,
                        apply / model);
        }
        extra("filter evaluation (5 clauses)", get("BM_ModelFilter"), model);
        extra("--print default line formatting", get("BM_ModelPrintLine"), model);
        extra("-p format line formatting", get("BM_ModelPrintFormat"), model);
        extra("view aggregation: procs", get("BM_ModelAggregateProcs"), model);
        extra("view aggregation: syscalls", get("BM_ModelAggregateSyscalls"), model);
    }

    size_t events_ = 0;
    size_t shown_ = 0;

private:
    double get(const std::string& name) const {
        auto it = ns_per_event_.find(name);
        return it == ns_per_event_.end() ? 0 : it->second;
    }
    static void line(const char* what, double ns, const char* base_name, double base) {
        if (ns <= 0 || base <= 0) return;
        std::printf("  %-34s %8.1f ns/event  = %6.1fx the %s loop (%.2f ns)\n", what, ns, ns / base, base_name, base);
    }
    // Work measured on top of the model: its own cost is the difference.
    static void extra(const char* what, double total, double model) {
        if (total <= 0 || model <= 0) return;
        std::printf("  %-34s %8.1f ns/event on top of the model (model+this = %.2fx model alone)\n", what,
                    total - model, total / model);
    }

    std::map<std::string, double> ns_per_event_;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    RatioReporter reporter;
    const auto& events = tracetop::bench::replay_events();
    reporter.events_ = events.views.size();
    for (bool shown : events.shown) reporter.shown_ += shown ? 1 : 0;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
