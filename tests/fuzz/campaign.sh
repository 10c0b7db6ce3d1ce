#!/usr/bin/env bash
# A long fuzzing campaign, one target at a time at the lowest priority:
#
#   tests/fuzz/campaign.sh [RUNS] [TARGET...]     # RUNS default 10,000,000; BUILD default build-fuzz
#   FUZZ_EXTRA='-max_len=16384' tests/fuzz/campaign.sh 10000000 fuzz_scap_reader   # more libFuzzer options
#
# Each target starts from the seeds setup.sh gives it, in a corpus folder kept
# under $BUILD/campaign/NAME (so a later campaign continues from it), runs
# RUNS executions (-jobs=1, nice 19; libFuzzer's log in fuzz-0.log there) and prints one line: executions, time,
# executions per second, corpus size, and the result (ok, or the artifact
# that failed, kept in $BUILD/campaign/NAME/).
set -uo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10000000}
shift || true
build=${BUILD:-build-fuzz}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_scap_reader fuzz_filter_parser fuzz_filter_compile fuzz_event_decoder fuzz_view_loader)
# The seeds, exactly as CI makes them.
eval "$(sed -n '/^fuzz_seeds() {/,/^}/p' setup.sh)"
for name in "${targets[@]}"; do
  exe="$build/tests/fuzz/$name"
  [ -x "$exe" ] || { echo "$name: $exe missing (build $build first)"; continue; }
  dir="$build/campaign/$name"
  mkdir -p "$dir/corpus"
  [ -n "$(ls -A "$dir/corpus")" ] || fuzz_seeds "$name" "$dir/corpus"
  start=$(date +%s)
  # With -jobs, libFuzzer runs the job in a child that logs to ./fuzz-0.log:
  # run from the target's folder so that the log stays there.
  (cd "$dir" && nice -n 19 "$(realpath "../../tests/fuzz/$name")" -runs="$runs" -jobs=1 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 ${FUZZ_EXTRA:-} -artifact_prefix=./ corpus >log 2>&1)
  status=$?
  took=$(($(date +%s) - start))
  done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/fuzz-0.log" | tail -1)
  grep -q 'ERROR: libFuzzer\|==ERROR\|runtime error' "$dir/fuzz-0.log" && status=1
  result=ok
  [ "$status" -eq 0 ] || result="FAILED (status $status): $(ls "$dir" | grep -E '^(crash|timeout|oom|leak)-' | head -3 | tr '\n' ' ')"
  printf '%s: %s executions in %d s (%s/s), corpus %s inputs: %s\n' "$name" "${done_runs:-?}" "$took" \
    "$(awk -v r="${done_runs:-0}" -v t="$took" 'BEGIN { printf "%.0f", t ? r / t : 0 }')" \
    "$(ls "$dir/corpus" | wc -l)" "$result"
done
