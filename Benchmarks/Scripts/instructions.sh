#!/bin/sh
# Instructions per operation of each SwitchboardProfile workload, counted by callgrind.
# Counts are repeatable whatever the machine's load (unlike wall-clock time), so this is how
# engine changes are compared. Each workload runs twice, N and 2N times; the difference divided
# by N is the steady-state cost of one operation (start-up and the first-call costs cancel).
#
#   Scripts/instructions.sh [workload ...]      (from Benchmarks/, after swift build -c release)
set -eu
bin=.build/release/SwitchboardProfile
n=${N:-2000}
[ $# -gt 0 ] || set -- typed:log typed:nolog dynamic:log stubcall:log callback:log pipelined:log dup:log target:log
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" "$3" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for spec in "$@"; do
    w=${spec%%:*}; mode=${spec#*:}; [ "$mode" = "$spec" ] && mode=log
    a=$(count "$w" "$n" "$mode"); b=$(count "$w" $((2 * n)) "$mode")
    echo "$w ($mode): $(( (b - a) / n )) instructions/op"
done
