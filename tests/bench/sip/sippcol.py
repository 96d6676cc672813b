#!/usr/bin/env python3
"""Values of named columns in the last line of a sipp -trace_stat CSV: sippcol.py FILE COLUMN..."""
import sys
rows = [l.rstrip('\n').split(';') for l in open(sys.argv[1]) if l.strip()]
print(' '.join(rows[-1][rows[0].index(c)] for c in sys.argv[2:]))
