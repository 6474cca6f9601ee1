"""No outbound connections from a process that evaluates client queries.

pyoxigraph offers no switch to turn federation off: its wheels are built with an HTTP
client, and ``Store.query`` has no service-handler option. So a ``SERVICE`` that the
guard missed would still reach the network from the engine. The query workers
(:mod:`kg.store.query_workers`) therefore drop that ability for good, in the kernel: a
seccomp filter makes ``socket()`` fail with ``EPERM`` for IPv4 and IPv6 (the worker's
pipe to the server, a Unix socket, stays allowed). Linux on x86-64 or AArch64; it needs
no privilege and binds the calling process and its children only.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import socket
import struct

# <linux/filter.h>, <linux/seccomp.h>, <linux/audit.h>
_LD_W_ABS, _JEQ_K, _JGE_K, _RET_K = 0x20, 0x15, 0x35, 0x06
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_X32_SYSCALL_BIT = 0x40000000
# machine -> (AUDIT_ARCH_*, number of socket())
_ARCHITECTURES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def sandbox_available() -> bool:
    """Whether this machine can take network access away from a process."""
    return platform.system() == "Linux" and platform.machine() in _ARCHITECTURES


def forbid_network() -> None:
    """From now on, the calling process cannot open IPv4 or IPv6 sockets.

    Raises:
        OSError: the machine has no seccomp (see :func:`sandbox_available`), or the
            kernel refused the filter.
    """
    if not sandbox_available():
        raise OSError(errno.ENOSYS, "seccomp filters need Linux on x86-64 or AArch64")
    arch, socket_call = _ARCHITECTURES[platform.machine()]
    deny = (_RET_K, 0, 0, _RET_ERRNO | errno.EPERM)
    allow = (_RET_K, 0, 0, _RET_ALLOW)
    program = [
        (_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
        (_JEQ_K, 1, 0, arch),
        deny,
        (_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
        (_JGE_K, 0, 1, _X32_SYSCALL_BIT),
        deny,
        (_JEQ_K, 0, 3, socket_call),  # not socket(): allow
        (_LD_W_ABS, 0, 0, 16),  # seccomp_data.args[0], its low word: the domain
        (_JEQ_K, 2, 0, socket.AF_INET),
        (_JEQ_K, 1, 0, socket.AF_INET6),
        allow,
        deny,
    ]
    packed = b"".join(struct.pack("HBBI", *instruction) for instruction in program)
    buffer = ctypes.create_string_buffer(packed, len(packed))
    prog = _SockFprog(len(program), ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP) failed")
