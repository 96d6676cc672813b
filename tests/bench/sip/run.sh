#!/usr/bin/env bash
# `make bench-sip`: issue #3 §8. The peers' sipp harness (../shared/reference/peers, see its README.md and
# RESULTS.md) run against the appliance (SUT=external) and against Kamailio + rtpengine (the harness's own
# start-up) in one session, step by step, then a side-by-side summary with ratios.
#
# Steps (STEPS, in this order):
#   idle  idle memory: the appliance with the benchmark users, 5 s after `ready`; kamailio/rtpengine by 04_idle.sh
#   reg   REGISTER with digest auth per second (01_register.sh), SUT CPU and memory at each rate
#   prof  the appliance only: one REGISTER run at PROF_RATE with per-thread CPU from /proc (and `perf` with PERF=1)
#   cpsm  calls per second with media anchored (02_cps.sh; peers: kamailio + rtpengine offer/answer/delete)
#   media concurrent G.711 calls relayed, packet loss (03_media.sh)
# cpsm and media need the B2BUA: they are skipped for the appliance (with a note) while it answers INVITE
# with anything but a call (a one-call probe first, `appliance_sets_up_calls`).
#
# Environment (defaults in brackets):
#   STEPS ["idle reg prof cpsm media"]   SIDES ["appliance peers"]   DUR [15] s per rate step   REPS [3]
#   REG_RATES ["1000 2000 3000 4000 5000 6000 7000 8000 10000 12000"]   CPSM_RATES ["200 400 600 700 800 900 1000 1200"]
#   MEDIA_COUNTS ["200 300 400 500 600 700"]   PROF_RATE [2000] after PROF_WARM_S [8] s of warm-up   PERF [0]: 1 adds perf
#   PEER_INVITE_AUTH [1]: kamailio challenges INVITEs with 407 as the appliance does (0: the RESULTS.md setting)
#   PEERS [the first shared/reference/peers above the repository], copied into the work directory (it compiles and writes beside itself)
#   OUT [<repo>/artifacts/bench/sip]: results; WORK [mktemp]: run files, kept for inspection
#   APP_SIP_PORT [0 = any free port], APP_RTP_PORTS [40000-47999], BUILD [1]: 0 uses the existing Release build
# Needs root (iptables counters for media loss) and the Debian packages sip-tester, kamailio, rtpengine-daemon, gcc.
# Every load step is bounded in count and time by the harness; the appliance and the peers are stopped by PID.
# With the defaults a full run takes about 90 minutes on 2 cores (docs/benchmarks.md has the figures and shorter runs).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/tests/bench/sip"
# The peers' harness lives in shared/ beside the repository (or beside a folder of worktrees further up).
find_peers() {
    local dir=$ROOT
    while [ "$dir" != / ]; do
        dir=$(dirname "$dir")
        [ -f "$dir/shared/reference/peers/lib.sh" ] && { echo "$dir/shared/reference/peers"; return; }
    done
    echo "$ROOT/../shared/reference/peers"
}
PEERS="${PEERS:-$(find_peers)}"
OUT="${OUT:-$ROOT/artifacts/bench/sip}"
WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/cc-bench-sip.XXXXXX")}"
STEPS="${STEPS:-idle reg prof cpsm media}"
SIDES="${SIDES:-appliance peers}"
export DUR="${DUR:-15}" REPS="${REPS:-3}"
REG_RATES="${REG_RATES:-1000 2000 3000 4000 5000 6000 7000 8000 10000 12000}"
CPSM_RATES="${CPSM_RATES:-200 400 600 700 800 900 1000 1200}"
MEDIA_COUNTS="${MEDIA_COUNTS:-200 300 400 500 600 700}"
PROF_RATE="${PROF_RATE:-2000}"
PROF_WARM_S="${PROF_WARM_S:-8}"
PERF="${PERF:-0}"
PEER_INVITE_AUTH="${PEER_INVITE_AUTH:-1}"
APP_SIP_PORT="${APP_SIP_PORT:-0}"   # 0: a free port, read from the ready line
APP_RTP_PORTS="${APP_RTP_PORTS:-40000-47999}"
BUILD="${BUILD:-1}"
USER_BASE=1000
NUSERS=1000
PASSWORD="bench-Pw-7319"   # one password for every benchmark user, on both sides
export QUIET_MAX_S="${QUIET_MAX_S:-20}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { echo "[$(date +%H:%M:%S)] $*"; }
want() { case " $STEPS " in *" $1 "*) return 0;; esac; return 1; }
side() { case " $SIDES " in *" $1 "*) return 0;; esac; return 1; }
die() { echo "error: $*" >&2; exit 1; }

# ---- prerequisites ------------------------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || die "run as root (the media step counts packets with iptables on lo)"
[ -f "$PEERS/lib.sh" ] || die "the peers' harness is not at $PEERS (set PEERS=...)"
for tool in sipp python3 gcc iptables; do
    command -v "$tool" >/dev/null || die "$tool is missing (apt-get install sip-tester gcc iptables)"
done
if side peers; then
    for tool in kamailio rtpengine; do
        command -v "$tool" >/dev/null || die "$tool is missing (apt-get install kamailio rtpengine-daemon)"
    done
fi

mkdir -p "$OUT/appliance" "$OUT/peers" "$WORK"
# Results of the steps and sides run now are replaced (the harness appends to its .tsv files); others are kept, so
# a later run of one step or one side completes an earlier session's summary.
fresh() {  # fresh SIDE NAME...
    local who=$1 name; shift
    for name in "$@"; do rm -f "$OUT/$who/$name".*; done
}
# The harness compiles its C helpers and writes its pcap beside itself: work on a copy. Its accounting counts every
# process not named like a load generator or a peer as "others"; the appliance's process is named contactcenter.
cp -r "$PEERS/." "$WORK/peers/"
mkdir -p "$WORK/peers/media"   # 03_media.sh generates its pcap there and does not create the folder
sed -i "s/ours = ('sipp', /ours = ('sipp', 'contactcenter', /" "$WORK/peers/tools/pstat.py"
grep -q "'contactcenter'" "$WORK/peers/tools/pstat.py" || die "could not teach the harness's pstat.py the appliance's name"
exec > >(tee -a "$OUT/run.log") 2>&1
log "work directory $WORK, results $OUT, steps: $STEPS, sides: $SIDES, DUR=$DUR REPS=$REPS"

# ---- the appliance ----------------------------------------------------------------------------------------------
APP_DIR="$ROOT/firmware/ContactCenter.Firmware/bin/Release/net10.0"
SEED_DLL="$ROOT/tests/bench/ContactCenter.Bench.Seed/bin/Release/net10.0/ContactCenter.Bench.Seed.dll"
if side appliance && [ "$BUILD" = 1 ]; then
    log "building the appliance and the seeding tool (Release)"
    dotnet build "$ROOT/firmware/ContactCenter.Firmware" -c Release -nologo -v q >"$WORK/build.log" 2>&1 \
        && dotnet build "$ROOT/tests/bench/ContactCenter.Bench.Seed" -c Release -nologo -v q >>"$WORK/build.log" 2>&1 \
        || { tail -30 "$WORK/build.log"; die "build failed"; }
fi
# The apphost gives the process its own name (contactcenter), which keeps it apart from other dotnet processes.
APP_CMD=("$APP_DIR/contactcenter")
[ -x "${APP_CMD[0]}" ] || APP_CMD=(dotnet "$APP_DIR/contactcenter.dll")

APP_PID=""
APP_DATA=""
REALM=""
APP_SUPPORTS_CALLS=""
SIP_PORT=""
stop_appliance() {
    [ -n "$APP_PID" ] || return 0
    kill -TERM "$APP_PID" 2>/dev/null
    local i
    for i in $(seq 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$APP_PID" 2>/dev/null && { log "appliance $APP_PID did not stop in 20 s: killed"; kill -KILL "$APP_PID"; }
    wait "$APP_PID" 2>/dev/null
    APP_PID=""
}
trap 'stop_appliance' EXIT

# start_appliance NAME: fresh data directory with the benchmark users, then the appliance on APP_SIP_PORT.
start_appliance() {
    local name=$1
    APP_DATA="$WORK/appliance-$name/data"
    rm -rf "$WORK/appliance-$name"; mkdir -p "$APP_DATA"
    local seeded
    seeded=$(dotnet "$SEED_DLL" --data "$APP_DATA" --base "$USER_BASE" --count "$NUSERS" --password "$PASSWORD") || die "seeding failed"
    REALM="${seeded##*realm=}"
    # sipp 3.6.1 computes MD5 only, answers the first challenge it reads, and writes the server's address into the
    # digest uri (not the Request-URI, which the appliance checks by default).
    echo '{ "Registrar": { "DigestAlgorithms": "MD5", "DigestUriMustMatch": false } }' >"$WORK/appliance-$name/appliance.json"
    local args=(--data "$APP_DATA" --config "$WORK/appliance-$name/appliance.json" --bind 127.0.0.1 --sip-port "$APP_SIP_PORT")
    "${APP_CMD[@]}" --help 2>/dev/null | grep -q -- '--rtp-ports' && args+=(--rtp-ports "$APP_RTP_PORTS")
    "${APP_CMD[@]}" "${args[@]}" >"$WORK/appliance-$name/stdout" 2>"$WORK/appliance-$name/stderr" </dev/null &
    APP_PID=$!
    local i
    for i in $(seq 300); do
        grep -q '^ready ' "$WORK/appliance-$name/stdout" 2>/dev/null && break
        kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$WORK/appliance-$name/stderr"; die "the appliance exited before ready"; }
        sleep 0.2
    done
    grep -q '^ready ' "$WORK/appliance-$name/stdout" || { stop_appliance; die "no ready line within 60 s"; }
    SIP_PORT=$(sed -n 's/^ready .*sip=\([0-9]*\).*/\1/p' "$WORK/appliance-$name/stdout")
    log "appliance pid $APP_PID: $(grep '^ready ' "$WORK/appliance-$name/stdout") realm=$REALM users=$NUSERS"
}

# After a step: bans and errors the appliance logged (a ban of 127.0.0.1 would spoil the rest of the run).
check_appliance_log() {
    local name=$1 f="$WORK/appliance-$1/stderr"
    local bans errors
    bans=$(grep -c 'Banned ' "$f" 2>/dev/null); errors=$(grep -c '\[ERR\]\|\[FTL\]' "$f" 2>/dev/null)
    echo "$name bans=${bans:-0} errors=${errors:-0} auth_failures=$(grep -c 'Authentication failed' "$f" 2>/dev/null)" >>"$OUT/appliance/log-checks.txt"
    [ "${bans:-0}" = 0 ] || log "WARNING: the appliance banned a source during $name: $(grep -m1 'Banned ' "$f")"
    kill -0 "$APP_PID" 2>/dev/null || log "WARNING: the appliance exited during $name"
}

mem_of() { (cd "$WORK/peers" && python3 tools/pstat.py mem "$@"); }

# Memory after a load step: 5 s after, and 40 s after (past Timer J, 64*T1 = 32 s, when the UDP server transactions
# of the last requests are gone).
after_load() {
    local name=$1
    echo "# when main_rss_kib sum_rss_kib sum_pss_kib nprocs threads" >"$OUT/appliance/$name.after"
    sleep 5; echo "5s $(mem_of "$APP_PID") $(ls "/proc/$APP_PID/task" | wc -l)" >>"$OUT/appliance/$name.after"
    sleep 35; echo "40s $(mem_of "$APP_PID") $(ls "/proc/$APP_PID/task" | wc -l)" >>"$OUT/appliance/$name.after"
}

# The appliance's environment for the harness: users 1000..1999, one password, CPU/memory of its PID.
# SIP_DOMAIN is the appliance's address: sipp 3.6.1 puts "sip:REMOTE_IP:REMOTE_PORT" into the digest uri, and the
# appliance checks that uri against the Request-URI (RFC 2617 §3.2.2.5) unless told not to (appliance.json above):
# with the address as domain, REGISTER's Request-URI matches even where that setting does not exist yet.
# The realm comes from the challenge.
appliance_env() {
    echo SUT=external TARGET="127.0.0.1:$SIP_PORT" SIP_DOMAIN="127.0.0.1:$SIP_PORT" SIP_PASSWORD="$PASSWORD" USER_PREFIX= \
        USER_BASE="$USER_BASE" NUSERS="$NUSERS" SUT_PIDS="$APP_PID" RUN="$WORK/run-appliance" RES="$OUT/appliance"
}
peers_env() {
    echo SUT=kamailio SIP_PASSWORD="$PASSWORD" USER_BASE="$USER_BASE" NUSERS="$NUSERS" KAM_WORKERS=2 \
        RUN="$WORK/run-peers" RES="$OUT/peers"
}
harness() {  # harness appliance|peers SCRIPT VAR=VALUE...
    local who=$1 script=$2; shift 2
    (cd "$WORK/peers" && env $(${who}_env) "$@" "./$script")
}

# Does the appliance set up calls? A single INVITE through it (after registering the callees) must reach the
# sipp UAS and complete; until the B2BUA is wired it answers INVITE with an error (the UnroutedCallResponder).
appliance_sets_up_calls() {
    [ -n "$APP_SUPPORTS_CALLS" ] && { [ "$APP_SUPPORTS_CALLS" = yes ]; return; }
    start_appliance probe
    local r=no
    if harness appliance 02_cps.sh NAME=probe RATES=1 DUR=4 REPS=1 >"$WORK/probe.log" 2>&1 \
        && grep -q ' PASS$' "$OUT/appliance/probe.tsv" 2>/dev/null; then
        r=yes
    fi
    stop_appliance
    rm -f "$OUT/appliance/probe."*
    APP_SUPPORTS_CALLS=$r
    log "appliance call probe (one call through it): $r (log $WORK/probe.log, run files $WORK/run-appliance/probe.*)"
    [ "$r" = yes ]
}

udp_rcvbuf_errors() { awk '/^Udp:/{n++} /^Udp:/&&n==2{print $6}' /proc/net/snmp; }

log "versions: $(kamailio -v 2>/dev/null | head -1) | rtpengine $(rtpengine --version 2>&1 | head -1) | $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*') | dotnet $(dotnet --version) | appliance $(git -C "$ROOT" rev-parse --short HEAD)"
log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB, kernel $(uname -r)"

# ---- idle memory ------------------------------------------------------------------------------------------------
if want idle; then
    if side appliance; then
        fresh appliance idle
        echo "# what rep main_rss_kib sum_rss_kib sum_pss_kib nprocs threads" >"$OUT/appliance/idle.tsv"
        for rep in $(seq "$REPS"); do
            start_appliance "idle$rep"
            sleep 5
            echo "appliance $rep $(mem_of "$APP_PID") $(ls "/proc/$APP_PID/task" | wc -l)" >>"$OUT/appliance/idle.tsv"
            stop_appliance
        done
        cat "$OUT/appliance/idle.tsv"
    fi
    side peers && { log "peers: idle memory"; fresh peers idle; harness peers 04_idle.sh; }
fi

# ---- REGISTER with digest ---------------------------------------------------------------------------------------
if want reg; then
    if side appliance; then
        log "appliance: REGISTER with digest, rates $REG_RATES"
        fresh appliance register
        start_appliance reg
        harness appliance 01_register.sh NAME=register RATES="$REG_RATES"
        after_load register
        check_appliance_log reg
        stop_appliance
    fi
    side peers && { log "peers: REGISTER with digest, rates $REG_RATES"; fresh peers register; harness peers 01_register.sh NAME=register RATES="$REG_RATES"; }
fi

# ---- where the appliance's time goes at one REGISTER rate ------------------------------------------------------
if want prof && side appliance; then
    log "appliance: REGISTER at $PROF_RATE/s for $DUR s with per-thread CPU$([ "$PERF" = 1 ] && echo ' and perf')"
    # PERF=1: the runtime writes /tmp/perf-PID.map so perf can name JIT-compiled methods; without W^X the JIT code
    # lives in anonymous memory, which is where perf looks those names up (not in the double-mapped memfd).
    [ "$PERF" = 1 ] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
    start_appliance prof
    unset DOTNET_PerfMapEnabled DOTNET_EnableWriteXorExecute
    (cd "$WORK/peers" && env $(appliance_env) bash -c 'source lib.sh; make_users')
    timeout $((DUR + PROF_WARM_S + 40)) sipp "127.0.0.1:$SIP_PORT" -sf "$WORK/peers/scenarios/reg_auth.xml" -inf "$WORK/run-appliance/users.csv" \
        -key domain "127.0.0.1:$SIP_PORT" -key contact 127.0.0.1:15081 -key expires 3600 -ap "$PASSWORD" -i 127.0.0.1 -p 15081 -t u1 \
        -r "$PROF_RATE" -m $((PROF_RATE * (DUR + PROF_WARM_S))) -timeout $((DUR + PROF_WARM_S + 30)) -nostdin \
        -trace_stat -stf "$WORK/prof.csv" -fd 1 >/dev/null 2>&1 &
    sp=$!
    sleep $((PROF_WARM_S + 2))   # tiered JIT settles in the first seconds; measure after it
    python3 "$HERE/threads.py" snap "$APP_PID" >"$WORK/prof.threads0"
    t0=$(date +%s.%N); e0=$(udp_rcvbuf_errors)
    if [ "$PERF" = 1 ] && command -v perf >/dev/null; then
        # CPU samples with call graphs, then (off-CPU) every file-sync and file-write system call of the appliance
        # that took 5 ms or more: the registrar writes each binding through to SQLite on the request's path.
        timeout $((DUR + 10)) perf record -F 499 -g -p "$APP_PID" -o "$WORK/prof.perf" -- sleep $(((DUR - 4) / 2)) >/dev/null 2>&1
        timeout $((DUR + 10)) perf trace -p "$APP_PID" -e fsync,fdatasync,pwrite64,write --duration 5 -o "$WORK/prof.slow-syscalls" \
            -- sleep $(((DUR - 4) / 2)) >/dev/null 2>&1
    else
        sleep $((DUR - 4))
    fi
    python3 "$HERE/threads.py" snap "$APP_PID" >"$WORK/prof.threads1"
    t1=$(date +%s.%N); e1=$(udp_rcvbuf_errors)
    wait "$sp"
    {
        echo "# REGISTER at $PROF_RATE/s, window $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b - a}') s; sipp: created ok failed retrans elapsed rate = $(cd "$WORK/peers" && python3 tools/sippstat.py "$WORK/prof.csv")"
        echo "# registration time (first REGISTER sent to 200 received), mean and std dev: $(python3 "$HERE/sippcol.py" "$WORK/prof.csv" 'CallLength(C)' 'CallLengthStDev(C)')"
        echo "# UDP receive-buffer drops on this machine in the window (all sockets): $((e1 - e0))"
        python3 "$HERE/threads.py" diff "$WORK/prof.threads0" "$WORK/prof.threads1" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b - a}')"
        if [ -f "$WORK/prof.slow-syscalls" ]; then
            echo "# system calls of 5 ms or more in $(((DUR - 4) / 2)) s (perf trace): $(grep -c ' ms)' "$WORK/prof.slow-syscalls")"
            grep ' ms)' "$WORK/prof.slow-syscalls" | sed -n 's/.*( *\([0-9.]*\) ms): [^ ]* \([a-z0-9]*\)(.*/\2 \1/p' \
                | awk '{n[$1]++; t[$1]+=$2; if ($2>m[$1]) m[$1]=$2} END{for (k in n) printf "#   %s: %d calls, %.0f ms in all, longest %.0f ms\n", k, n[k], t[k], m[k]}'
        fi
    } | tee "$OUT/appliance/prof.threads.txt"
    if [ -f "$WORK/prof.perf" ]; then
        perf report -i "$WORK/prof.perf" --no-children -g none --sort dso,symbol --stdio 2>/dev/null | grep '%' | head -80 >"$OUT/appliance/prof.perf.txt"
        perf report -i "$WORK/prof.perf" --no-children -g none --sort dso --stdio 2>/dev/null | grep '%' | head -20 >"$OUT/appliance/prof.perf-dso.txt"
        perf report -i "$WORK/prof.perf" --children -g none --sort symbol --stdio 2>/dev/null | grep '%' | head -80 >"$OUT/appliance/prof.perf-inclusive.txt"
    fi
    check_appliance_log prof
    stop_appliance
fi

# ---- calls per second with media anchored ----------------------------------------------------------------------
if want cpsm; then
    if side appliance; then
        fresh appliance cps_media
        if appliance_sets_up_calls; then
            log "appliance: CPS (B2BUA, media anchored), rates $CPSM_RATES"
            start_appliance cpsm
            harness appliance 02_cps.sh NAME=cps_media RATES="$CPSM_RATES"
            after_load cps_media
            check_appliance_log cpsm
            stop_appliance
        else
            echo "skipped: the appliance does not set up calls yet" >"$OUT/appliance/cps_media.skipped"
        fi
    fi
    side peers && { log "peers: CPS with rtpengine, rates $CPSM_RATES"; fresh peers cps_media; harness peers 02_cps.sh NAME=cps_media MEDIA=1 INVITE_AUTH="$PEER_INVITE_AUTH" RATES="$CPSM_RATES"; }
fi

# ---- concurrent calls with relayed G.711 ---------------------------------------------------------------------------
if want media; then
    if side appliance; then
        fresh appliance media
        if appliance_sets_up_calls; then
            log "appliance: concurrent relayed G.711 calls, counts $MEDIA_COUNTS"
            start_appliance media
            harness appliance 03_media.sh NAME=media COUNTS="$MEDIA_COUNTS" RAMP=100 PCAP_S="${PCAP_S:-20}"
            after_load media
            check_appliance_log media
            stop_appliance
        else
            echo "skipped: the appliance does not set up calls yet" >"$OUT/appliance/media.skipped"
        fi
    fi
    side peers && { log "peers: concurrent relayed G.711 calls, counts $MEDIA_COUNTS"; fresh peers media; harness peers 03_media.sh NAME=media INVITE_AUTH="$PEER_INVITE_AUTH" COUNTS="$MEDIA_COUNTS" RAMP=100 PCAP_S="${PCAP_S:-20}"; }
fi

python3 "$HERE/summary.py" "$OUT" | tee "$OUT/SUMMARY.md"
log "done: $OUT/SUMMARY.md (run files in $WORK)"
