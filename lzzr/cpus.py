"""How many CPUs this process can use now: those it may run on, less those others keep busy."""

from __future__ import annotations

import math
import os


def free_cpus() -> int:
    """The CPUs this process may run on (`os.sched_getaffinity`) less those the other processes
    keep busy (the 1-minute load average, less this process itself); at least 1.

    A second process that only takes turns with another job costs more than it gains: workers
    that outnumbered the free CPUs lost 1.14-1.27x against one process on a shared machine.
    """
    return max(1, math.floor(idle_cpus() + 1e-9))


def idle_cpus() -> float:
    """`free_cpus` before rounding down: 1.6 when this process runs alone on two CPUs whose
    1-minute load (still counting a run that just ended) is 1.4."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    try:
        busy = max(0.0, os.getloadavg()[0] - 1.0)
    except (AttributeError, OSError):
        busy = 0.0
    return max(1.0, min(float(cpus), cpus - busy))
