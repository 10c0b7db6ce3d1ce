#!/usr/bin/env bash
# tracetop's one set-up script: installs what is missing (Debian packages by
# name), builds, then runs tracetop or the whole test suite.
#
#   ./setup.sh run [tracetop options]   build and run tracetop (live; -r FILE offline)
#   ./setup.sh test                     build and run every test (release build, then again
#                                       under ASan+UBSan), then each fuzz target for 30 s;
#                                       ends with "N passed, N failed" counting all of them
#   ./setup.sh build                    only install and build
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

# Build and runtime dependencies (DESIGN.md), plus what the tests drive:
# sysdig 0.29.3 is the oracle for captures, tmux drives the TUI, clang builds
# the BPF programs and the libFuzzer targets; strace, perf and bpftrace are
# what bench/live_overhead.sh compares live capture with; cmake is how meson
# finds doctest (Debian's doctest-dev has no pkg-config file).
packages=(
  build-essential meson ninja-build pkg-config cmake clang llvm lld
  libbpf-dev bpftool libelf-dev
  libncurses-dev libboost-program-options-dev doctest-dev zlib1g-dev
  libtomlplusplus-dev nlohmann-json3-dev libfmt-dev libbenchmark-dev
  tmux python3 python3-pyte hyperfine
  strace linux-perf bpftrace
  # chisels (D): sysdig's Lua chisels run on LuaJIT
  libluajit-5.1-dev
  libpcre2-dev
  # containers (issue 13, ctrlive): the live test's docker daemon and the
  # busybox root filesystem its image is imported from
  docker.io busybox-static
  # issue 17 items 1-2 (serve): the HTTP server library of --serve, and the
  # Prometheus tests/live/prometheus_scrapes.sh starts on loopback (curl asks it)
  libcpp-httplib-dev prometheus curl
  # issue 17 items 3-4 (remote): tracetop --remote runs ssh; its live test
  # starts an sshd of its own on 127.0.0.1
  openssh-client openssh-server
)

log() { printf 'setup: %s\n' "$*" >&2; }

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  local need_sysdig=0
  dpkg-query -W -f='${Status}' sysdig 2>/dev/null | grep -q 'install ok installed' || need_sysdig=1
  if [ ${#missing[@]} -eq 0 ] && [ $need_sysdig -eq 0 ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    log "missing packages: ${missing[*]} $([ $need_sysdig -eq 1 ] && echo sysdig); run as root to install them"
    exit 1
  fi
  log "installing: ${missing[*]} $([ $need_sysdig -eq 1 ] && echo sysdig)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  if [ ${#missing[@]} -gt 0 ]; then apt-get install -y -qq "${missing[@]}" >/dev/null; fi
  # Without --no-install-recommends sysdig pulls in a kernel-module build.
  if [ $need_sysdig -eq 1 ]; then apt-get install -y -qq --no-install-recommends sysdig >/dev/null; fi
}

build() {
  if [ ! -f build/build.ninja ]; then
    meson setup build >/dev/null
  fi
  meson compile -C build >/dev/null || meson compile -C build
}

# Starting inputs for a fuzz target, made in its (temporary) corpus folder:
# the shared captures, decompressed, for anything that reads captures; the
# shipped views for the view loader; else tests/fuzz/seeds/NAME.
fuzz_seeds() {
  local name=$1 corpus=$2
  case "$name" in
    fuzz_scap_reader)
      for f in ../shared/captures/*.scap; do
        zcat -f "$f" >"$corpus/$(basename "$f").raw" 2>/dev/null || true
      done ;;
    fuzz_view_loader)
      cp views/*.toml tests/fuzz/seeds/view_loader/* "$corpus"/ ;;
    *) if [ -d "tests/fuzz/seeds/${name#fuzz_}" ]; then cp tests/fuzz/seeds/"${name#fuzz_}"/* "$corpus"/; fi ;;
  esac
}

# The instrumented build (clang; ASan, UBSan and libFuzzer coverage on every
# object): the whole test suite runs again in it, then each fuzz target. A
# build that fails counts as one failure; the summary line still comes.
build_instrumented() {
  if [ ! -f build-fuzz/build.ninja ] &&
      ! CC=clang CXX=clang++ meson setup build-fuzz -Dfuzz=true -Dbuildtype=debugoptimized >/dev/null; then
    log "instrumented build (build-fuzz): meson setup FAILED"; return 1
  fi
  if ! meson compile -C build-fuzz >/dev/null && ! meson compile -C build-fuzz; then
    log "instrumented build (build-fuzz): FAILED"; return 1
  fi
}

# Sanitizers make tracetop several times slower: timeouts and the tests' own
# time bounds scale by this (TRACETOP_TIME_SCALE is read by the tests).
san_scale=${SAN_TIME_SCALE:-4}
# An error stops the program with SIGABRT: never mistaken for tracetop's own
# error statuses, which the tests check.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-abort_on_error=1:halt_on_error=1:print_stacktrace=1}

run_fuzzers() {
  local seconds=${FUZZ_SECONDS:-30}  # session 10: 30 s, as the suite grew (CI stays under 45 minutes)
  for target in build-fuzz/tests/fuzz/fuzz_*; do
    [ -f "$target" ] && [ -x "$target" ] || continue
    local name corpus
    name=$(basename "$target")
    corpus=$(mktemp -d)
    fuzz_seeds "$name" "$corpus"
    if "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$corpus/" "$corpus" >"$corpus.log" 2>&1; then
      fuzz_passed=$((fuzz_passed + 1)); log "$name: ok ($(grep -o 'Done [0-9]* runs' "$corpus.log" | tail -1))"
    else
      fuzz_failed=$((fuzz_failed + 1)); log "$name: FAILED"; tail -40 "$corpus.log" >&2
      # Keep what crashed, to become a regression test.
      mkdir -p build-fuzz/crashes && cp "$corpus"/crash-* "$corpus"/timeout-* "$corpus"/oom-* build-fuzz/crashes/ 2>/dev/null
      log "inputs that failed are kept in build-fuzz/crashes/"
    fi
    rm -rf "$corpus" "$corpus.log"
  done
}

# count_results DIR LABEL: adds DIR's meson test results to the totals and
# names each failure with the build it came from.
count_results() {
  local log=$1/meson-logs/testlog.json label=$2 p f s
  p=$(grep -c '"result": "OK"' "$log" || true)
  f=$(grep -cE '"result": "(FAIL|TIMEOUT|ERROR|UNEXPECTEDPASS)"' "$log" || true)
  s=$(grep -c '"result": "SKIP"' "$log" || true)
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  log "$label: $p passed, $f failed, $s skipped"
  python3 - "$log" "$label" <<'PY' >&2
import json, sys
for line in open(sys.argv[1]):
    t = json.loads(line)
    if t.get("result") in ("FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS"):
        print(f"setup: FAILED in {sys.argv[2]}: {t['name']} ({t['result']})")
PY
}

run_tests() {
  local status=0 san_status=0
  passed=0 failed=0 skipped=0
  meson test -C build --print-errorlogs --num-processes 2 >build/test-output.txt 2>&1 || status=$?
  cat build/test-output.txt
  count_results build "build (release)"
  fuzz_passed=0
  fuzz_failed=0
  local t0=$SECONDS
  if build_instrumented; then
    log "instrumented build ready in $((SECONDS - t0)) s"
    t0=$SECONDS
    # Its output is prefixed, so that a failure shows which build it came from.
    TRACETOP_TIME_SCALE=$san_scale meson test -C build-fuzz --print-errorlogs --num-processes 2 \
      --timeout-multiplier "$san_scale" >build-fuzz/test-output.txt 2>&1 || san_status=$?
    sed 's/^/[asan+ubsan] /' build-fuzz/test-output.txt
    count_results build-fuzz "build-fuzz (ASan+UBSan)"
    log "sanitized test suite: $((SECONDS - t0)) s"
    run_fuzzers
  else
    fuzz_failed=1 san_status=1
  fi
  passed=$((passed + fuzz_passed))
  failed=$((failed + fuzz_failed))
  if { [ "$status" -ne 0 ] || [ "$san_status" -ne 0 ]; } && [ "$failed" -eq 0 ]; then failed=1; fi
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case "$cmd" in
  run)   install_missing; build; exec ./build/ui/tracetop "$@" ;;
  test)
    install_missing
    # A build that fails is a failed run, still closed by the summary line.
    if ! build; then echo "0 passed, 1 failed"; exit 1; fi
    run_tests ;;
  build) install_missing; build ;;
  *)     echo "usage: $0 run [tracetop options] | test | build" >&2; exit 2 ;;
esac
