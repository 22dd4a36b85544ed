"""A test hook: make the export fail at a named step, as a kill or a full disk would.

Why in the code and not in a mock: the fault tests run the real CLI in a real
process and kill it (SIGKILL, nothing cleaned up) or fail a write at each step
of the export, then check that the output folder holds the old run or the new
one, never a mix. ``PLANS_FAULT=<step>:kill`` or ``<step>:enospc`` arms it; with
the variable unset :func:`checkpoint` does nothing.
"""

from __future__ import annotations

import errno
import os
import signal

FAULT_ENV = "PLANS_FAULT"
# The steps of an export, in order (see pipeline.export.publish and write_outputs).
STEPS = ("staging", "csv", "duckdb", "text", "verify", "carry", "sync", "swap", "cleanup")


def checkpoint(step: str) -> None:
    """Die or fail here when the test hook names this step."""
    where, _, action = os.environ.get(FAULT_ENV, "").partition(":")
    if where != step:
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
