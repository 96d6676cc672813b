#!/usr/bin/env python3
"""Per-thread CPU of one process from /proc (no tracing tools needed).
  threads.py snap PID              -> JSON {tid: [name, utime+stime ticks]}
  threads.py diff OLD NEW SECONDS  -> CPU % of one core per thread name (grouped), busiest first, and the busiest threads
"""
import json, os, sys

def snap(pid):
    out = {}
    for tid in os.listdir('/proc/%d/task' % pid):
        try:
            s = open('/proc/%d/task/%s/stat' % (pid, tid)).read()
            f = s[s.rindex(')') + 2:].split()
            out[tid] = [s[s.index('(') + 1:s.rindex(')')], int(f[11]) + int(f[12])]
        except OSError:
            pass
    return out

if sys.argv[1] == 'snap':
    print(json.dumps(snap(int(sys.argv[2]))))
elif sys.argv[1] == 'diff':
    old, new = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
    secs, hz = float(sys.argv[4]), os.sysconf('SC_CLK_TCK')
    pct = lambda ticks: ticks / hz / secs * 100
    per = [(t - old.get(tid, [name, 0])[1], name, tid) for tid, (name, t) in new.items()]
    groups = {}
    for d, name, _ in per:
        n, c = groups.get(name, (0, 0))
        groups[name] = (n + 1, c + d)
    print('# total %.0f %% of one core over %.1f s, %d threads' % (pct(sum(d for d, _, _ in per)), secs, len(per)))
    print('# thread name | threads | CPU % of one core')
    for name, (n, c) in sorted(groups.items(), key=lambda x: -x[1][1]):
        if c > 0:
            print('%s | %d | %.0f' % (name, n, pct(c)))
    print('# busiest single threads: ' + ', '.join('%s/%s %.0f%%' % (name, tid, pct(d)) for d, name, tid in sorted(per, reverse=True)[:6] if d > 0))
