"""Who a pid is: alive or not, when it started, and which boot of this machine.

A pid alone does not identify a process: once a studio dies, its pid is
free for any other program (pid reuse), and after a reboot pids start over.
A lock records the pid together with the process's start time and the boot
id, and a lock whose pid now names a different process is stale.

What each platform gives (all without third-party packages):

* Linux: ``/proc/sys/kernel/random/boot_id`` and ``/proc/<pid>/stat``
  field 22 (start time in clock ticks since boot).
* Windows: the process creation time (``GetProcessTimes``, absolute, so no
  boot id is needed) and liveness through ``OpenProcess`` (``os.kill`` would
  terminate the process there).
* macOS: ``kern.boottime`` and the process start time through ``sysctl``.
* Anything else, or any failure: ``None``; the lock then falls back to the
  pid check alone (a live pid is taken as the owner).
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import time
from pathlib import Path

MAX_PID = 2**31 - 1  # larger values are never valid pids (and overflow os.kill)


def boot_id() -> str | None:
    """An id of the current boot of this machine, None if unknown."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, UnicodeDecodeError):
            text = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
            return text or None
        return None
    if sys.platform == "darwin":
        boot = _darwin_boot_time()
        return None if boot is None else f"boottime-{boot}"
    return None


def start_time(pid: int) -> int | None:
    """When process ``pid`` started (platform units, comparable on one machine), None if unknown.

    None also when no such process exists; use :func:`pid_alive` for that.
    """
    if not 0 < pid <= MAX_PID:
        return None
    if sys.platform.startswith("linux"):
        return _linux_start(pid)
    if sys.platform == "win32":
        return _win_process(pid)[1]
    if sys.platform == "darwin":
        return _darwin_start(pid)
    return None


def pid_alive(pid: int) -> bool:
    """True if a process with ``pid`` exists on this machine."""
    if not 0 < pid <= MAX_PID:
        return False
    if sys.platform == "win32":
        return _win_process(pid)[0]
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


# --- Linux ------------------------------------------------------------------------------------
def _linux_start(pid: int) -> int | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_bytes()
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses; field 22 is starttime
        fields = raw[raw.rindex(b")") + 2 :].split()
        return int(fields[19])
    except (OSError, ValueError, IndexError):
        return None


# --- Windows ----------------------------------------------------------------------------------
def _win_process(pid: int) -> tuple[bool, int | None]:
    """(alive, creation time as a FILETIME integer) of ``pid``."""
    if sys.platform != "win32":  # keeps mypy on other platforms from checking the Windows API
        return True, None
    try:
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.OpenProcess.restype = wintypes.HANDLE
        kernel32.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
        kernel32.GetExitCodeProcess.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD)]
        kernel32.GetProcessTimes.argtypes = [wintypes.HANDLE, *[ctypes.POINTER(wintypes.FILETIME)] * 4]
        kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5, None  # access denied: it exists
        try:
            code = wintypes.DWORD()
            if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != 259:
                return False, None  # exited (STILL_ACTIVE is 259)
            times = [wintypes.FILETIME() for _ in range(4)]
            if not kernel32.GetProcessTimes(handle, *[ctypes.byref(t) for t in times]):
                return True, None
            created = times[0]
            return True, (int(created.dwHighDateTime) << 32) | int(created.dwLowDateTime)
        finally:
            kernel32.CloseHandle(handle)
    except (OSError, AttributeError, ValueError, TypeError):
        return True, None  # cannot tell: never call a lock stale on a guess


# --- macOS ------------------------------------------------------------------------------------
def _darwin_sysctl(mib: list[int]) -> bytes | None:
    try:
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        names = (ctypes.c_int * len(mib))(*mib)
        size = ctypes.c_size_t(0)
        if libc.sysctl(names, len(mib), None, ctypes.byref(size), None, ctypes.c_size_t(0)) != 0:
            return None
        buf = ctypes.create_string_buffer(max(size.value, 1))
        if libc.sysctl(names, len(mib), buf, ctypes.byref(size), None, ctypes.c_size_t(0)) != 0:
            return None
        return buf.raw[: size.value]
    except (OSError, AttributeError, ValueError, TypeError):
        return None


def _timeval_us(raw: bytes | None) -> int | None:
    """A ``struct timeval`` (64-bit seconds, 32-bit microseconds) at the start of ``raw``."""
    if raw is None or len(raw) < 16:
        return None
    sec, usec = struct.unpack_from("=qi", raw, 0)
    if not (0 < sec <= time.time() + 86400 and 0 <= usec < 1_000_000):
        return None  # not a plausible time: the layout is not what we expect
    return int(sec) * 1_000_000 + int(usec)


def _darwin_boot_time() -> int | None:
    return _timeval_us(_darwin_sysctl([1, 21]))  # CTL_KERN, KERN_BOOTTIME


def _darwin_start(pid: int) -> int | None:
    # CTL_KERN, KERN_PROC, KERN_PROC_PID: struct kinfo_proc, whose first member
    # (kp_proc.p_un.__p_starttime) is the process start time
    started = _timeval_us(_darwin_sysctl([1, 14, 1, pid]))
    boot = _darwin_boot_time()
    if started is None or boot is None or started < boot:
        return None
    return started
