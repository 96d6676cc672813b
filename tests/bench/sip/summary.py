#!/usr/bin/env python3
"""Side-by-side summary (markdown) of one `tests/bench/sip/run.sh` session: OUT/appliance and OUT/peers, as written by
the peers' harness (*.best, *.tsv) plus the driver's own idle.tsv / *.after / *.skipped / log-checks.txt files.
Ratios are appliance / peers (above 1 = the appliance does more, or for memory uses more)."""
import os, statistics as st, sys

out = sys.argv[1] if len(sys.argv) > 1 else 'artifacts/bench/sip'
A, P = os.path.join(out, 'appliance'), os.path.join(out, 'peers')


def path(side, name):
    return os.path.join(side, name)


def lines(p):
    if not os.path.exists(p):
        return []
    return [l.split() for l in open(p) if l.strip() and not l.startswith('#')]


def num(x):
    try:
        return float(x.rstrip('%'))
    except (ValueError, AttributeError):
        return None


def med(v):
    v = [x for x in v if x is not None]
    return st.median(v) if v else None


def fmt(x, unit=''):
    if x is None:
        return 'n/a'
    return ('%.0f' % x if abs(x) >= 10 or x == int(x) else '%.1f' % x) + unit


def mm(v):
    v = [x for x in v if x is not None]
    if not v:
        return 'n/a'
    return '%s (%s-%s, %d runs)' % (fmt(med(v)), fmt(min(v)), fmt(max(v)), len(v))


def ratio(a, p):
    return '%.2f' % (a / p) if a is not None and p else 'n/a'


def mib(kib):
    return None if kib is None else kib / 1024


def search(side, name, rate_col, cols):
    """best per rep, and the median of each column over each rep's best passing row,
    plus the same columns over the first failing row of each rep."""
    best = [int(x) for x in open(path(side, name + '.best')).read().split()] if os.path.exists(path(side, name + '.best')) else []
    rows = lines(path(side, name + '.tsv'))
    at = [r for r in rows if r[-1] == 'PASS' and int(r[0]) <= len(best) and int(r[rate_col]) == best[int(r[0]) - 1]]
    failing = [r for r in rows if r[-1] != 'PASS']
    def pick(rs):
        d = {c: med([num(r[i]) for r in rs]) for c, i in cols.items()}
        # CPU per 1000 (registrations or calls) per second: comparable between different rates
        d['cpu_per_k'] = med([num(r[cols['cpu']]) * 1000 / int(r[rate_col]) for r in rs if num(r[cols['cpu']]) is not None]) if 'cpu' in cols else None
        return d
    others = [r[cols['others']].split('/')[0] for r in at] if 'others' in cols else []
    return best, pick(at), pick(failing), [int(r[rate_col]) for r in failing], med([num(x) for x in others])


def skipped(name):
    p = path(A, name + '.skipped')
    return open(p).read().strip() if os.path.exists(p) else None


def after_load(name, what):
    for r in lines(path(A, name + '.after')):
        print('| appliance %s after the %s run: RSS / PSS, MiB | %s / %s | - | - |'
              % (r[0].replace('s', ' s').replace('after_load', '5 s'), what, fmt(mib(num(r[1]))), fmt(mib(num(r[3])))))


print('| figure | appliance | Kamailio / rtpengine | ratio appliance/peers |')
print('|---|---|---|---|')

# ---- REGISTER -----------------------------------------------------------------------------------------------------
reg_cols = {'cpu': 8, 'main_rss': 9, 'sum_rss': 10, 'sum_pss': 11, 'sipp': 13, 'others': 15}
ra = search(A, 'register', 1, reg_cols)
rp = search(P, 'register', 1, reg_cols)
if ra[0] or rp[0]:
    print('| REGISTER with digest auth per second (median of the best passing rate per repetition) | %s | %s | %s |'
          % (mm(ra[0]), mm(rp[0]), ratio(med(ra[0]), med(rp[0]))))
    print('| SUT CPU at the best passing rate, %% of one core (median over repetitions) | %s | %s (kamailio, all processes) | %s |'
          % (fmt(ra[1]['cpu']), fmt(rp[1]['cpu']), '-'))
    print('| SUT CPU per 1000 registrations/s, %% of one core (at those rates) | %s | %s | %s |'
          % (fmt(ra[1]['cpu_per_k']), fmt(rp[1]['cpu_per_k']), ratio(ra[1]['cpu_per_k'], rp[1]['cpu_per_k'])))
    print('| SUT CPU at the first failing rate (%s / %s per s) | %s | %s | - |'
          % (','.join(map(str, ra[3])) or '-', ','.join(map(str, rp[3])) or '-', fmt(ra[2]['cpu']), fmt(rp[2]['cpu'])))
    print('| sipp UAC CPU at that rate, %% | %s | %s | - |' % (fmt(ra[1]['sipp']), fmt(rp[1]['sipp'])))
    print('| other tenants\' CPU during those steps, %% of one core | %s | %s | - |' % (fmt(ra[4]), fmt(rp[4])))
    print('| memory during REGISTER at the best passing rate: RSS / PSS, MiB (1000 users) | %s / %s | %s / %s (kamailio RSS sum / PSS sum) | PSS %s |'
          % (fmt(mib(ra[1]['main_rss'])), fmt(mib(ra[1]['sum_pss'])), fmt(mib(rp[1]['sum_rss'])), fmt(mib(rp[1]['sum_pss'])),
             ratio(ra[1]['sum_pss'], rp[1]['sum_pss'])))
    after_load('register', 'REGISTER')

# ---- idle memory ------------------------------------------------------------------------------------------------------
ia = lines(path(A, 'idle.tsv'))
ip = lines(path(P, 'idle.tsv'))
if ia or ip:
    a_rss, a_pss = med([num(r[2]) for r in ia]), med([num(r[4]) for r in ia])
    k = [r for r in ip if r[0] == 'kamailio' and r[1] == '2']
    rt = [r for r in ip if r[0] == 'rtpengine']
    k_rss, k_pss = med([num(r[4]) for r in k]), med([num(r[5]) for r in k])
    r_rss, r_pss = med([num(r[3]) for r in rt]), med([num(r[5]) for r in rt])
    p_pss = (k_pss or 0) + (r_pss or 0) if k_pss or r_pss else None
    print('| idle memory, PSS MiB (appliance with 1000 users: signalling + media in one process) | %s | %s (kamailio 2 workers %s + rtpengine %s) | %s |'
          % (fmt(mib(a_pss)), fmt(mib(p_pss)), fmt(mib(k_pss)), fmt(mib(r_pss)), ratio(a_pss, p_pss)))
    print('| idle memory, RSS MiB | %s | kamailio RSS sum %s (shared memory counted once per process) + rtpengine %s | - |'
          % (fmt(mib(a_rss)), fmt(mib(k_rss)), fmt(mib(r_rss))))

# ---- CPS with media anchored -----------------------------------------------------------------------------------------
cps_cols = {'cpu': 8, 'sum_pss': 11, 'sipp': 13, 'others': 15, 'rtpe': 16}
ca = search(A, 'cps_media', 1, cps_cols)
cp = search(P, 'cps_media', 1, cps_cols)
if ca[0] or cp[0] or skipped('cps_media'):
    print('| calls per second through the SUT with media anchored (INVITE/180/200/ACK, 1 s, BYE) | %s | %s | %s |'
          % (skipped('cps_media') or mm(ca[0]), mm(cp[0]), ratio(med(ca[0]), med(cp[0]))))
    if ca[0] or cp[0]:
        print('| SUT CPU at the best passing rate, %% of one core | %s | kamailio %s + rtpengine %s | - |' % (fmt(ca[1]['cpu']), fmt(cp[1]['cpu']), fmt(cp[1]['rtpe'])))
        print('| SUT CPU at the first failing rate (%s / %s per s) | %s | kamailio %s + rtpengine %s | - |'
              % (','.join(map(str, ca[3])) or '-', ','.join(map(str, cp[3])) or '-', fmt(ca[2]['cpu']), fmt(cp[2]['cpu']), fmt(cp[2]['rtpe'])))
        print('| memory at that rate: PSS MiB | %s | kamailio PSS sum %s | - |' % (fmt(mib(ca[1]['sum_pss'])), fmt(mib(cp[1]['sum_pss']))))
        print('| other tenants\' CPU during those steps, %% of one core | %s | %s | - |' % (fmt(ca[4]), fmt(cp[4])))
        after_load('cps_media', 'CPS')

# ---- concurrent relayed G.711 calls ------------------------------------------------------------------------------------
med_cols = {'loss': 9, 'pps': 11, 'rtpe': 12, 'sut': 13, 'gen': 14, 'others': 19}
ma = search(A, 'media', 1, med_cols)
mp = search(P, 'media', 1, med_cols)
if ma[0] or mp[0] or skipped('media'):
    print('| concurrent G.711 20 ms calls relayed, loss < 1 %% | %s | %s | %s |'
          % (skipped('media') or mm(ma[0]), mm(mp[0]), ratio(med(ma[0]), med(mp[0]))))
    if ma[0] or mp[0]:
        print('| packet loss at that load, %% | %s | %s | - |' % (fmt(ma[1]['loss']), fmt(mp[1]['loss'])))
        print('| relay CPU at that load, %% of one core | %s | rtpengine %s (kamailio %s) | - |' % (fmt(ma[1]['sut']), fmt(mp[1]['rtpe']), fmt(mp[1]['sut'])))
        print('| at the first failing count (%s / %s calls): loss %%, relay CPU %% | %s, %s | %s, rtpengine %s | - |'
              % (','.join(map(str, ma[3])) or '-', ','.join(map(str, mp[3])) or '-', fmt(ma[2]['loss']), fmt(ma[2]['sut']), fmt(mp[2]['loss']), fmt(mp[2]['rtpe'])))
        print('| other tenants\' CPU during those steps, %% of one core | %s | %s | - |' % (fmt(ma[4]), fmt(mp[4])))
        after_load('media', 'media')

checks = path(A, 'log-checks.txt')
if os.path.exists(checks):
    print()
    print('Appliance log checks per step (bans, error lines, authentication failures): ' + '; '.join(l.strip() for l in open(checks)))
prof = path(A, 'prof.threads.txt')
if os.path.exists(prof):
    print()
    print('Appliance per-thread CPU during one REGISTER run (`prof` step):')
    print()
    print('```')
    print(open(prof).read().rstrip())
    print('```')
