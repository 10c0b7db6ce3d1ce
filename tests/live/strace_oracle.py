#!/usr/bin/env python3
"""The live capture checked against strace, an oracle nobody here wrote.

tt_oracle (a deterministic workload) runs three times in the same empty
directory, from the same open files: under `strace -f -c` (how many times
each system call was made), under `strace -f -ff -yy` (what each call was
given and returned, one file per process) and under live `tracetop --print`.
Then, per system call, tracetop's count for the workload's processes must
equal strace's, and for each process, call by call in order, the arguments a
person reads (paths, fd numbers and names, socket ends, byte counts, flags,
signal numbers, pids, results) must equal what strace printed.

Pids and ports differ between runs: the workload reports them, and both
sides are read through its report (pid -> role, port -> name). Addresses
differ too (ASLR): brk results are compared relative to the process's first
brk, munmap addresses relative to the last mmap result.

Conventions that are sysdig's and not differences: pread64/pwrite64 are
named pread/pwrite, accept4 is "accept" with a flags argument, a TCP tuple is
written client first whatever the side (compared as a pair), the child's side
of fork/clone/vfork is an exit event strace does not print, a call that does
not return (exit_group, rt_sigreturn) has no exit event.

Calls tracetop records as generic events carry only their ID: their counts
are compared, their arguments are not (each one is listed as a note). The
calls sysdig 0.29.3 has events for (and sendmmsg/recvmmsg, which have the
current libs' exit parameters) must not be generic.

One difference is declared (README.md, "Differences from sysdig"): a socket
bound to port 0 is named by bind's argument until an event carries its tuple
read from the kernel, and the events of listen and of a receive's enter carry
none; there the name shows port 0 where strace shows the kernel's port. It
must show exactly at DECLARED_PORT0 and nowhere else.
"""
import difflib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

# Calls that have events of their own (fd, sizes, results): a generic event
# for one of them is a failure.
HAS_EVENTS = {'preadv', 'pwritev', 'select', 'poll', 'ppoll', 'epoll_wait', 'sendmmsg', 'recvmmsg'}
# The declared difference (see above): (role, call, argument) where the fd of
# a socket bound to port 0 shows port 0, in the order tt_oracle makes them:
# the TCP and TCP6 listeners' listen, the first receive on the UDP socket.
DECLARED_PORT0 = [('main', 'listen', 'fd'), ('main', 'listen', 'fd'), ('main', 'recvfrom', 'fd')]

TRACETOP = os.environ.get('TRACETOP')
ORACLE = os.environ.get('ORACLE')
SCALE = float(os.environ.get('TRACETOP_TIME_SCALE', '1'))
FORMAT = '*%thread.tid|%evt.dir|%evt.type|%fd.name|%evt.args'
# Events that are not system calls.
NOT_CALLS = {'signaldeliver', 'procexit', 'switch', 'pagefault', 'notification', 'container', 'procinfo'}
# tracetop's (sysdig's) name -> strace's.
SYSDIG_NAMES = {'pread': 'pread64', 'pwrite': 'pwrite64'}
NO_RETURN = {'exit_group', 'exit', 'rt_sigreturn'}
# strace -c leaves out calls that never return.
STRACE_C_OMITS = {'exit_group', 'exit'}

failures = []
notes = []
declared = []


def fail(msg):
    failures.append(msg)
    print('FAIL: ' + msg)


def ok(msg):
    print('ok: ' + msg)


def note(msg):
    if msg not in notes:
        notes.append(msg)
        print('note: ' + msg)


def workload(prefix, work, report):
    """Runs tt_oracle under the command prefix in the empty directory work,
    its stdout the report file; returns the report as a dict."""
    if os.path.isdir(work):
        subprocess.run(['rm', '-rf', work], check=True)
    os.mkdir(work)
    with open(os.devnull) as null, open(report, 'w') as out:
        rc = subprocess.run(prefix + [ORACLE, work], stdin=null, stdout=out, timeout=30 * SCALE).returncode
    if rc != 0:
        fail(f'tt_oracle under {prefix[:1] or "tracetop"} exited with {rc}')
    with open(report) as f:
        return dict(line.split('=', 1) for line in f.read().split('\n') if '=' in line and not line.startswith('#'))


class Run:
    """The names a run's numbers stand for: pids -> roles, ports -> names."""

    def __init__(self, report):
        self.roles = {}
        self.ports = {}
        for k, v in report.items():
            if k == 'pid' or k.endswith('_child'):
                self.roles[int(v)] = 'main' if k == 'pid' else k
            elif 'port' in k or k.startswith('udp_'):
                self.ports[int(v)] = k

    def pid(self, v):
        return self.roles.get(int(v), f'other pid {v}')

    def endpoint(self, host, port):
        port = int(port)
        return f'{host}:{self.ports.get(port, port)}'


# ---------------------------------------------------------------- strace

def split_top(s):
    """Splits strace's argument list at commas outside brackets and quotes."""
    out, depth, cur, quote, i = [], 0, '', False, 0
    while i < len(s):
        c = s[i]
        if quote:
            cur += c
            if c == '\\':
                cur += s[i + 1]
                i += 1
            elif c == '"':
                quote = False
        elif c == '"':
            quote, cur = True, cur + c
        elif c in '([{<':
            depth, cur = depth + 1, cur + c
        elif c in ')]}>' and not (c == '>' and i > 0 and s[i - 1] == '-'):
            depth, cur = depth - 1, cur + c
        elif c == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
        else:
            cur += c
        i += 1
    if cur.strip():
        out.append(cur.strip())
    return out


def parse_strace_file(path):
    """The calls of one process, (name, [args], result) in order, and the
    signals delivered to it, (signal, sender pid)."""
    calls, signals, pending = [], [], None
    with open(path) as f:
        for line in f:
            line = line.rstrip('\n')
            m = re.match(r'--- (SIG\w+) \{.*si_pid=(\d+)', line)
            if m:
                signals.append((m.group(1), int(m.group(2))))
            if line.startswith(('---', '+++')):
                continue
            m = re.match(r'<\.\.\. \w+ resumed>(.*)', line)
            if m and pending is not None:
                line, pending = pending + m.group(1), None
            elif line.endswith('<unfinished ...>'):
                pending = line[:-len('<unfinished ...>')].rstrip()
                continue
            m = re.match(r'(\w+)\((.*)\)\s+= (.*)$', line)
            if not m:
                continue
            calls.append((m.group(1), split_top(m.group(2)), m.group(3)))
    return calls, signals


def s_fd(run, text):
    """strace -yy's fd '4</path>' or '5<TCP:[a->b]>' as (number, name)."""
    m = re.match(r'(-?\d+|AT_FDCWD)(?:<(.*)>)?$', text)
    if not m:
        return ('?', text)
    num = -100 if m.group(1) == 'AT_FDCWD' else int(m.group(1))
    name = m.group(2) or ''
    sm = re.match(r'(TCP|UDP|TCPv6|UDPv6):\[(.*)\]$', name)
    if sm:
        return (num, endpoints(run, sm.group(2)))
    if re.match(r'[a-z_]+:\[', name) or num == -100:
        return (num, None)  # inodes, anon inodes, the cwd: the number only
    return (num, re.sub(r'<char [\d:]+>$', '', name))


def endpoints(run, text):
    """The ends of a tuple 'a:p->b:q' (strace brackets IPv6 hosts, tracetop
    does not) as a set of names."""
    ends = set()
    for part in text.split('->'):
        m = re.match(r'\[?([0-9a-f.:]+?)\]?:(\d+)$', part)
        if m:
            ends.add(run.endpoint(m.group(1), m.group(2)))
    return frozenset(ends)


def s_sockaddr(run, text):
    m = re.search(r'sin6?_port=htons\((\d+)\).*?(?:inet_addr\("([\d.]+)"\)|inet_pton\(AF_INET6, "([0-9a-f:]+)")', text)
    return run.endpoint(m.group(2) or m.group(3), m.group(1)) if m else None


def s_result(run, text, kind='int'):
    """strace's result: a number, a pid, an fd with its name, or an errno."""
    m = re.match(r'-1 (E[A-Z0-9]+) ', text + ' ')
    if m:
        return m.group(1)
    if kind == 'fd':
        return s_fd(run, text.split(' ')[0])
    if kind == 'pid':
        return run.pid(text.split(' ')[0])
    word = text.split(' ')[0]
    return int(word, 16) if word.startswith('0x') else (int(word) if re.match(r'-?\d+$', word) else word)


def s_flags(text):
    return frozenset(f for f in text.split('|') if f not in ('', '0'))


def s_signal(text):
    return int(text) if text.isdigit() else int(getattr(signal.Signals, text))


def s_str(text):
    return text[1:-1] if text.startswith('"') else text


# ---------------------------------------------------------------- tracetop

def tracetop_calls(path):
    """Per thread, the calls in order: dicts of type, enter args, exit args,
    fd name; a call whose enter was not seen (the first execve, made while
    the process had its parent's name) has only its exit."""
    threads, signals = {}, {}
    with open(path, errors='replace') as f:
        for line in f:
            parts = line.rstrip('\n').split('|', 4)
            if len(parts) != 5 or not parts[0].isdigit():
                continue
            tid, direction, etype, fdname, args = int(parts[0]), parts[1], parts[2], parts[3], parts[4]
            argv = parse_args(args)
            if etype == 'signaldeliver':
                signals.setdefault(tid, []).append(argv)
            if etype in NOT_CALLS:
                continue
            calls = threads.setdefault(tid, [])
            if direction == '>':
                calls.append({'type': etype, 'enter': argv, 'exit': None, 'fdname': fdname})
            elif calls and calls[-1]['type'] == etype and calls[-1]['exit'] is None:
                calls[-1]['exit'] = argv
            else:
                calls.append({'type': etype, 'enter': None, 'exit': argv, 'fdname': fdname})
    for tid, calls in threads.items():
        for c in calls:
            c['name'] = t_name(c)
    return threads, signals


def parse_args(text):
    args, key = {}, None
    for tok in text.strip().split(' '):
        m = re.match(r'(\w+)=(.*)$', tok)
        if m and m.group(1) not in args:
            key = m.group(1)
            args[key] = m.group(2)
        elif key is not None:
            args[key] += ' ' + tok
    return args


def t_name(call):
    name = SYSDIG_NAMES.get(call['type'], call['type'])
    if name == 'accept' and call['enter'] is not None and 'flags' in call['enter']:
        return 'accept4'
    return name


def child_side(call):
    """The child's return from fork/clone/vfork: strace prints no call."""
    return call['name'] in ('fork', 'vfork', 'clone') and call['enter'] is None and \
        (call['exit'] or {}).get('res', '').startswith('0')


def t_arg(call, key):
    for side in ('exit', 'enter'):
        if call[side] is not None and key in call[side]:
            return call[side][key]
    return None


def t_fd(run, text):
    """tracetop's fd '4(<f>/path)' or '5(<4t>a->b)' as (number, name)."""
    if text is None:
        return None
    m = re.match(r'(-?\d+)(?:\((.*)\))?$', text)
    if not m:
        return ('?', text)
    num, name = int(m.group(1)), m.group(2) or ''
    if num < 0 and re.match(r'E[A-Z0-9]+$', name):
        return name
    tm = re.match(r'<(\d)[tu]?>(.*)$', name)
    if tm:
        return (num, endpoints(run, tm.group(2)))
    return (num, re.sub(r'^<\w+>', '', name))


def t_result(run, text, kind='int'):
    if text is None:
        return None
    m = re.match(r'-\d+\((E[A-Z0-9]+)\)$', text)
    if m:
        return m.group(1)
    if kind == 'fd':
        return t_fd(run, text)
    num = re.match(r'-?[0-9A-Fa-f]+', text).group(0)
    if kind == 'pid':
        return run.pid(num)
    if kind == 'hex':
        return int(num, 16)
    return int(num)


def t_raw(text):
    """A path argument 'a(/resolved/a)' as given: 'a'."""
    if text is None:
        return None
    m = re.match(r'(.*?)\((.*)\)$', text)
    return m.group(1) if m else text


def t_flags(text):
    if text is None:
        return None
    m = re.match(r'[0-9A-Fa-fx]+\((.*)\)$', text)
    return frozenset(f for f in m.group(1).split('|')) if m else frozenset()


# PPM_POLL* bits of an FDLIST entry (scap-format.md §10).
POLL_BITS = {0x1: 'POLLIN', 0x2: 'POLLPRI', 0x4: 'POLLOUT', 0x8: 'POLLRDHUP', 0x10: 'POLLERR', 0x20: 'POLLHUP',
             0x40: 'POLLNVAL', 0x80: 'POLLRDNORM', 0x100: 'POLLRDBAND', 0x200: 'POLLWRNORM', 0x400: 'POLLWRBAND'}


def s_pollfds(text, key):
    """strace's pollfd array: [(fd, {flags})] of the entries showing `key`."""
    return [(int(fd), s_flags(flags)) for fd, flags in re.findall(r'\{fd=(\d+)[^,]*, ' + key + r'=([A-Z|]+)\}', text)]


def t_pollfds(side, nonzero_only):
    """tracetop's fds=5:41 6:p4 (fd, type letter, PPM_POLL* bits in hex) of
    one side of a call as [(fd, {flags})]; strace shows revents only when set."""
    out = []
    for fd, bits in re.findall(r'(-?\d+):.([0-9a-f]+)', (side or {}).get('fds', '')):
        names = frozenset(n for b, n in POLL_BITS.items() if int(bits, 16) & b)
        if names or not nonzero_only:
            out.append((int(fd), names))
    return out


def t_signal(text):
    return None if text is None else int(re.match(r'\d+', text).group(0))


# ---------------------------------------------------------------- checks

def same_fd(s, t):
    """strace's fd against tracetop's: the number, and the name where
    strace has one; a socket's ends as a set (sysdig writes client first),
    all of an unconnected socket's single end among tracetop's."""
    if t is None or isinstance(s, str) or isinstance(t, str):
        return s == t
    if s[0] != t[0]:
        return False
    if s[1] is None:
        return True
    if isinstance(s[1], frozenset):
        if not isinstance(t[1], frozenset):
            return False
        return s[1] == t[1] if len(s[1]) == 2 else s[1] <= t[1]
    return s[1] == t[1]


def file_checks(srun, trun, sa, sr, c, dirfd, mode_at, flags_at):
    checks = []
    if dirfd:
        checks.append(('dirfd', s_fd(srun, sa[0]), t_fd(trun, t_arg(c, 'dirfd')), same_fd))
    path_at = 1 if dirfd else 0
    checks.append(('path', s_str(sa[path_at]), t_raw(t_arg(c, 'name'))))
    if flags_at is not None:
        checks.append(('flags', s_flags(sa[flags_at]), t_flags(t_arg(c, 'flags'))))
    if mode_at is not None and len(sa) > mode_at:
        checks.append(('mode', int(sa[mode_at], 8), int((t_arg(c, 'mode') or '-1'), 8)))
    checks.append(('result', s_result(srun, sr, 'fd'), t_fd(trun, t_arg(c, 'fd')), same_fd))
    return checks


def openat2_checks(srun, trun, sa, sr, c):
    how = dict(re.findall(r'(\w+)=([^,}]+)', sa[2]))
    checks = file_checks(srun, trun, sa[:2], sr, c, True, None, None)
    checks.append(('flags', s_flags(how['flags']), t_flags(t_arg(c, 'flags'))))
    checks.append(('mode', int(how.get('mode', '0'), 8), int(t_arg(c, 'mode') or '-1', 8)))
    checks.append(('resolve', s_flags(how.get('resolve', '0')), t_flags(t_arg(c, 'resolve'))))
    return checks


def io_checks(srun, trun, sa, sr, c, size_at=2, pos_at=None):
    checks = [('fd', s_fd(srun, sa[0]), t_fd(trun, t_arg(c, 'fd')), same_fd)]
    if size_at is not None:
        checks.append(('size', int(sa[size_at]), t_result(trun, t_arg(c, 'size'))))
    if pos_at is not None:
        checks.append(('pos', int(sa[pos_at]), t_result(trun, t_arg(c, 'pos'))))
    checks.append(('result', s_result(srun, sr), t_result(trun, t_arg(c, 'res'))))
    return checks


def addr_in_tuple(srun, trun, s_addr, c):
    """A datagram's other end (strace's address argument) is one end of
    tracetop's tuple for the call."""
    tup = t_arg(c, 'tuple')
    ends = endpoints(trun, tup) if tup and tup != 'NULL' else frozenset()
    return ('other end in the tuple', s_addr, s_addr if s_addr in ends else f'not in {show(ends) if ends else tup}')


def sock_checks(srun, trun, name, sa, sr, c):
    checks = []
    if name in ('sendto', 'recvfrom'):
        checks = io_checks(srun, trun, sa, sr, c)
        addr = s_sockaddr(srun, sa[4])
        if addr:
            checks.append(addr_in_tuple(srun, trun, addr, c))
    elif name in ('sendmsg', 'recvmsg'):
        checks = io_checks(srun, trun, sa, sr, c, size_at=None)
        addr = s_sockaddr(srun, sa[1].split('msg_namelen')[0])
        if addr:
            checks.append(addr_in_tuple(srun, trun, addr, c))
    elif name == 'connect':
        checks = [('fd', s_fd(srun, sa[0]), t_fd(trun, t_arg(c, 'fd')), same_fd),
                  ('address', s_sockaddr(srun, sa[1]), t_endpoint1(trun, t_arg(c, 'addr'))),
                  ('result', s_result(srun, sr), t_result(trun, t_arg(c, 'res')))]
    elif name in ('accept', 'accept4'):
        # sysdig's accept events carry no listener fd: the new fd is compared.
        checks = [('result', s_result(srun, sr, 'fd'), t_fd(trun, t_arg(c, 'fd')), same_fd)]
        if name == 'accept4':
            checks.append(('flags', 0x80000 if 'SOCK_CLOEXEC' in sa[3] else int(sa[3], 0),
                           int(t_arg(c, 'flags') or '-1', 16)))
    elif name == 'bind':
        checks = [('fd', s_fd(srun, sa[0]), t_fd(trun, t_arg(c, 'fd')), same_fd),
                  ('address', s_sockaddr(srun, sa[1]), t_endpoint1(trun, t_arg(c, 'addr'))),
                  ('result', s_result(srun, sr), t_result(trun, t_arg(c, 'res')))]
    elif name == 'listen':
        checks = [('fd', s_fd(srun, sa[0]), t_fd(trun, t_arg(c, 'fd')), same_fd),
                  ('backlog', int(sa[1]), t_result(trun, t_arg(c, 'backlog'))),
                  ('result', s_result(srun, sr), t_result(trun, t_arg(c, 'res')))]
    elif name in ('sendmmsg', 'recvmmsg'):
        checks = [('fd', s_fd(srun, sa[0]), t_fd(trun, t_arg(c, 'fd')), same_fd),
                  ('result', s_result(srun, sr), t_result(trun, t_arg(c, 'res')))]
        if isinstance(s_result(srun, sr), int):
            # The bytes of the messages handled (each one's msg_len).
            checks.append(('size', sum(int(n) for n in re.findall(r'msg_len=(\d+)', sa[1])),
                           t_result(trun, t_arg(c, 'size'))))
            addr = s_sockaddr(srun, sa[1].split('msg_namelen')[0])
            if addr:
                checks.append(addr_in_tuple(srun, trun, addr, c))
    return checks


def t_endpoint1(trun, text):
    ends = endpoints(trun, text) if text else ()
    return next(iter(ends)) if len(ends) == 1 else text


def checks_for(srun, trun, name, sa, sr, c, mem):
    """(label, strace's value, tracetop's value[, comparison]) per argument
    a person reads, for the calls the issue names and a few around them."""
    def res():
        return ('result', s_result(srun, sr), t_result(trun, t_arg(c, 'res')))
    if name == 'open':
        return file_checks(srun, trun, sa, sr, c, False, 2, 1)
    if name == 'creat':
        return file_checks(srun, trun, sa, sr, c, False, 1, None)
    if name == 'openat':
        return file_checks(srun, trun, sa, sr, c, True, 3, 2)
    if name == 'openat2':
        return openat2_checks(srun, trun, sa, sr, c)
    if name in ('chdir', 'unlink', 'mkdir'):
        return [('path', s_str(sa[0]), t_raw(t_arg(c, 'path'))), res()]
    if name == 'fchdir':
        return [('fd', s_fd(srun, sa[0]), t_fd(trun, t_arg(c, 'fd')), same_fd), res()]
    if name == 'unlinkat':
        return [('dirfd', s_fd(srun, sa[0]), t_fd(trun, t_arg(c, 'dirfd')), same_fd),
                ('path', s_str(sa[1]), t_raw(t_arg(c, 'name'))),
                ('flags', s_flags(sa[2]), t_flags(t_arg(c, 'flags'))), res()]
    if name == 'rename':
        return [('oldpath', s_str(sa[0]), t_raw(t_arg(c, 'oldpath'))),
                ('newpath', s_str(sa[1]), t_raw(t_arg(c, 'newpath'))), res()]
    if name in ('renameat', 'renameat2'):
        checks = [('olddirfd', s_fd(srun, sa[0]), t_fd(trun, t_arg(c, 'olddirfd')), same_fd),
                  ('oldpath', s_str(sa[1]), t_raw(t_arg(c, 'oldpath'))),
                  ('newdirfd', s_fd(srun, sa[2]), t_fd(trun, t_arg(c, 'newdirfd')), same_fd),
                  ('newpath', s_str(sa[3]), t_raw(t_arg(c, 'newpath'))), res()]
        if name == 'renameat2':
            checks.append(('flags', s_flags(sa[4]), t_flags(t_arg(c, 'flags'))))
        return checks
    if name in ('read', 'write'):
        return io_checks(srun, trun, sa, sr, c)
    if name in ('pread64', 'pwrite64'):
        return io_checks(srun, trun, sa, sr, c, pos_at=3)
    if name in ('readv', 'writev'):
        return io_checks(srun, trun, sa, sr, c, size_at=None)
    if name in ('preadv', 'pwritev'):
        return io_checks(srun, trun, sa, sr, c, size_at=None, pos_at=3)
    if name == 'close':
        return [('fd', s_fd(srun, sa[0]), t_fd(trun, t_arg(c, 'fd')), same_fd), res()]
    if name in ('sendto', 'recvfrom', 'sendmsg', 'recvmsg', 'connect', 'accept', 'accept4', 'bind', 'listen',
                'sendmmsg', 'recvmmsg'):
        return sock_checks(srun, trun, name, sa, sr, c)
    if name == 'brk':
        base = mem.setdefault('brk', (s_result(srun, sr), t_result(trun, t_arg(c, 'res'), 'hex')))
        return [('result - first brk', s_result(srun, sr) - base[0], t_result(trun, t_arg(c, 'res'), 'hex') - base[1])]
    if name == 'mmap':
        s_res, t_res = s_result(srun, sr), t_result(trun, t_arg(c, 'res'), 'hex')
        mem['mmap'] = (s_res, t_res)
        return [('length', int(sa[1]), t_result(trun, t_arg(c, 'length'))),
                ('prot', s_flags(sa[2]), t_flags(t_arg(c, 'prot'))),
                ('flags', s_flags(sa[3]), t_flags(t_arg(c, 'flags'))),
                ('fd', int(sa[4]), int(re.match(r'-?\d+', t_arg(c, 'fd') or '99').group(0))),
                ('result is an address', isinstance(s_res, int) and s_res > 0, isinstance(t_res, int) and t_res > 0)]
    if name == 'munmap':
        base = mem.get('mmap', (0, 0))
        return [('addr - last mmap', int(sa[0], 16) - base[0], t_result(trun, t_arg(c, 'addr'), 'hex') - base[1]),
                ('length', int(sa[1]), t_result(trun, t_arg(c, 'length'))), res()]
    if name in ('poll', 'ppoll'):
        checks = [('fds and events', s_pollfds(sa[0], 'events'), t_pollfds(c['enter'], False)),
                  ('fds with revents', s_pollfds(sr, 'revents'), t_pollfds(c['exit'], True)), res()]
        if name == 'poll':
            checks.append(('timeout', int(sa[2]), t_result(trun, (c['enter'] or {}).get('timeout'))))
        return checks
    if name == 'epoll_wait':
        return [('maxevents', int(sa[2]), t_result(trun, (c['enter'] or {}).get('maxevents'))), res()]
    if name in ('select', 'pselect6'):
        return [res()]
    if name == 'kill':
        return [('pid', srun.pid(sa[0]), trun.pid(t_result(trun, t_arg(c, 'pid')))),
                ('sig', s_signal(sa[1]), t_signal(t_arg(c, 'sig'))), res()]
    if name == 'tkill':
        return [('tid', srun.pid(sa[0]), trun.pid(t_result(trun, t_arg(c, 'tid')))),
                ('sig', s_signal(sa[1]), t_signal(t_arg(c, 'sig'))), res()]
    if name == 'tgkill':
        return [('pid', srun.pid(sa[0]), trun.pid(t_result(trun, t_arg(c, 'pid')))),
                ('tid', srun.pid(sa[1]), trun.pid(t_result(trun, t_arg(c, 'tid')))),
                ('sig', s_signal(sa[2]), t_signal(t_arg(c, 'sig'))), res()]
    if name in ('fork', 'vfork', 'clone'):
        return [('result', s_result(srun, sr, 'pid'), t_result(trun, t_arg(c, 'res'), 'pid'))]
    if name in ('execve', 'execveat'):
        path_at = 1 if name == 'execveat' else 0
        argv = re.findall(r'"((?:[^"\\]|\\.)*)"', sa[path_at + 1])
        t_args = t_arg(c, 'args')
        # tracetop writes each argument after the first NUL-terminated, a NUL as '.'.
        checks = [('path', s_str(sa[path_at]), t_arg(c, 'exe')),
                  ('argv[1:]', ''.join(a + '.' for a in argv[1:]), t_args), res()]
        if c['enter'] is not None:
            checks.append(('path as given', s_str(sa[path_at]),
                           t_arg(c, 'filename' if name == 'execve' else 'pathname')))
        if name == 'execveat':
            checks.append(('dirfd', s_fd(srun, sa[0]), t_fd(trun, t_arg(c, 'dirfd')), same_fd))
            checks.append(('flags', int(sa[4], 0) if sa[4].isdigit() else sa[4], t_result(trun, t_arg(c, 'flags'))))
        return checks
    return []


def compare_signals(role, s_signals, t_signals, s_run, t_run):
    """The signals delivered, with their senders. SIGCHLD is left out: its
    default action is to ignore it, and the kernel drops an ignored signal
    when it is sent, except to a traced process (strace sees it delivered,
    nothing does without strace)."""
    s_list = [(int(getattr(signal.Signals, sig)), s_run.pid(spid)) for sig, spid in s_signals if sig != 'SIGCHLD']
    t_list = [(t_signal(a.get('sig')), t_run.pid(re.match(r'\d+', a.get('spid', '0')).group(0)))
              for a in t_signals if t_signal(a.get('sig')) != int(signal.SIGCHLD)]
    if s_list == t_list:
        if s_list:
            ok(f'{role}: signals delivered (number, sender): {s_list}')
    else:
        fail(f'{role}: signals delivered (number, sender): strace says {s_list}, tracetop says {t_list}')


def generic(c):
    return not (c['enter'] or {}) and not (c['exit'] or {})


def compare_role(role, s_calls, t_calls, s_run, t_run):
    s_names = [n for n, _, _ in s_calls]
    t_names = [c['name'] for c in t_calls]
    matcher = difflib.SequenceMatcher(a=s_names, b=t_names, autojunk=False)
    compared = 0
    mem = {}
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op != 'equal':
            fail(f'{role}: calls {a0}-{a1} differ: strace {s_names[a0:a1]}, tracetop {t_names[b0:b1]}')
            continue
        for k in range(a1 - a0):
            name, sa, sr = s_calls[a0 + k]
            c = t_calls[b0 + k]
            where = f'{role} call {a0 + k} {name}'
            if generic(c):
                if name in HAS_EVENTS:
                    fail(f'{where}: a generic event, no arguments (it has an event of its own)')
                elif name not in NO_RETURN:
                    note(f'{name} is a generic event in tracetop: only its count is compared')
                continue
            try:
                checks = checks_for(s_run, t_run, name, sa, sr, c, mem)
            except (ValueError, AttributeError, IndexError, TypeError) as e:
                fail(f'{where}: could not compare ({e!r}): strace {sa} = {sr}; tracetop {c}')
                continue
            for check in checks:
                label, sv, tv = check[:3]
                same = check[3](sv, tv) if len(check) > 3 else sv == tv
                compared += 1
                if not same and port0_where_strace_has_port(sv, tv):
                    declared.append((role, name, label))
                    print(f'declared: {where} {label}: strace says {show(sv)}, tracetop says {show(tv)}')
                elif not same:
                    fail(f'{where} {label}: strace says {show(sv)}, tracetop says {show(tv)}')
    return compared


def port0_where_strace_has_port(s, t):
    """The declared difference: tracetop's fd is strace's, with port 0 where
    strace has a port (a socket bound to port 0, named by bind's argument)."""
    if not (isinstance(s, tuple) and isinstance(t, tuple) and s[0] == t[0]):
        return False
    if not (isinstance(s[1], frozenset) and isinstance(t[1], frozenset) and len(s[1]) == len(t[1]) == 1):
        return False
    s_host, s_port = next(iter(s[1])).rsplit(':', 1)
    t_host, t_port = next(iter(t[1])).rsplit(':', 1)
    return s_host == t_host and t_port == '0' and s_port != '0'


def show(v):
    if isinstance(v, frozenset):
        return '{' + ', '.join(sorted(v)) + '}'
    if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], frozenset):
        return f'{v[0]}({show(v[1])})'
    return repr(v)


# ---------------------------------------------------------------- counts

def strace_counts(path):
    counts = {}
    with open(path) as f:
        for line in f:
            m = re.match(r'\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)\s*$', line)
            if m and m.group(2) != 'total':
                counts[m.group(2)] = int(m.group(1))
    return counts


def tracetop_counts(threads):
    """Per call name: enter or exit events (whichever the call has more
    of), the child's side of fork/clone/vfork left out."""
    counts = {}
    for calls in threads.values():
        for c in calls:
            if c['name'] in STRACE_C_OMITS or child_side(c):
                continue
            counts[c['name']] = counts.get(c['name'], 0) + 1
    return counts


# ---------------------------------------------------------------- main

def wait_for_capturing(proc, err_path):
    deadline = time.time() + 30 * SCALE
    while time.time() < deadline:
        with open(err_path) as f:
            if re.search(r'^tracetop: capturing \(', f.read(), re.M):
                return True
        if proc.poll() is not None:
            return False
        time.sleep(0.05)
    return False


def main():
    if os.geteuid() != 0:
        print("SKIP: live capture needs root (BPF); run 'meson test --suite live' as root")
        return 77
    if not TRACETOP or not ORACLE:
        print('FAIL: run through meson test (TRACETOP and ORACLE unset)')
        return 1
    if subprocess.run(['sh', '-c', 'command -v strace'], stdout=subprocess.DEVNULL).returncode != 0:
        print('FAIL: strace (the oracle) is not installed; ./setup.sh installs it')
        return 1
    keep = os.environ.get('KEEP_SCRATCH')
    scratch = tempfile.mkdtemp(prefix='strace_oracle.')
    try:
        return run_all(scratch)
    finally:
        if keep:
            print(f'scratch kept in {scratch}')
        else:
            subprocess.run(['rm', '-rf', scratch])


def run_all(scratch):
    work = os.path.join(scratch, 'work')
    report = os.path.join(scratch, 'report')
    counts_file = os.path.join(scratch, 'strace-c.txt')
    trace = os.path.join(scratch, 'trace')
    seen = os.path.join(scratch, 'tracetop.txt')
    err = os.path.join(scratch, 'tracetop.err')

    workload(['strace', '-f', '-c', '-o', counts_file], work, report)
    s_report = workload(['strace', '-f', '-ff', '-yy', '-s', '80', '-o', trace], work, report)
    s_run = Run(s_report)

    rings = ['--buffer-mb', '256'] if SCALE != 1 else []
    with open(seen, 'w') as out, open(err, 'w') as errf:
        tt = subprocess.Popen([TRACETOP, *rings, '--print', '-p', FORMAT, 'proc.name=tt_oracle'],
                              stdout=out, stderr=errf, stdin=subprocess.DEVNULL)
    if not wait_for_capturing(tt, err):
        tt.kill()
        print(f'FAIL: tracetop did not start capturing: {open(err).read()}')
        return 1
    t_report = workload([], work, report)
    t_run = Run(t_report)
    tt.send_signal(signal.SIGINT)
    try:
        rc = tt.wait(timeout=30 * SCALE)
    except subprocess.TimeoutExpired:
        tt.kill()
        rc = 'a timeout'
    summary = open(err).read()
    if rc != 0:
        fail(f'tracetop exited with {rc}: {summary}')
    elif not re.search(r'events captured, 0 dropped', summary):
        fail(f'tracetop dropped events: {summary}')
    if failures:
        return 1

    # Counts: every call strace counted, and every call tracetop saw.
    s_counts = strace_counts(counts_file)
    threads, t_signals = tracetop_calls(seen)
    # Only the workload's own processes (single-threaded: tid = pid).
    threads = {tid: calls for tid, calls in threads.items() if tid in t_run.roles}
    t_counts = tracetop_counts(threads)
    for name in sorted(set(s_counts) | set(t_counts)):
        sc, tc = s_counts.get(name, 0), t_counts.get(name, 0)
        if sc == tc:
            ok(f'{name}: {sc} call(s) in both')
        else:
            fail(f'count of {name}: strace -c says {sc}, tracetop says {tc}')
    # Each call the issue names really happened.
    for name in ('clone', 'fork', 'vfork', 'execve', 'execveat', 'chdir', 'fchdir', 'open', 'openat', 'openat2',
                 'creat', 'connect', 'accept', 'accept4', 'read', 'write', 'readv', 'writev', 'pread64', 'pwrite64',
                 'preadv', 'pwritev', 'sendto', 'recvfrom', 'sendmsg', 'recvmsg', 'sendmmsg', 'recvmmsg', 'unlink',
                 'unlinkat', 'rename', 'renameat', 'renameat2', 'brk', 'mmap', 'munmap', 'select', 'pselect6',
                 'poll', 'ppoll', 'epoll_wait', 'kill', 'tkill', 'tgkill'):
        if s_counts.get(name, 0) == 0:
            fail(f'the workload never made {name} (strace counted none)')

    # Arguments, call by call, per process.
    s_pids = {role: pid for pid, role in s_run.roles.items()}
    t_pids = {role: pid for pid, role in t_run.roles.items()}
    compared = 0
    for role in sorted(s_pids):
        path = f'{trace}.{s_pids[role]}'
        if not os.path.exists(path):
            fail(f'strace wrote no trace of {role}')
            continue
        s_calls, s_signals = parse_strace_file(path)
        compare_signals(role, s_signals, t_signals.get(t_pids.get(role, -1), []), s_run, t_run)
        t_calls = [c for c in threads.get(t_pids.get(role, -1), []) if not child_side(c)]
        if not t_calls:
            fail(f'tracetop saw no call of {role}')
            continue
        n = compare_role(role, s_calls, t_calls, s_run, t_run)
        ok(f'{role}: {len(s_calls)} calls by strace, {len(t_calls)} by tracetop, {n} arguments compared')
        compared += n
    if compared < 200:
        fail(f'only {compared} arguments compared')
    if declared == DECLARED_PORT0:
        ok(f'the declared difference (port 0 of a socket bound to port 0) shows exactly at {DECLARED_PORT0}')
    else:
        fail(f'the declared difference (port 0 of a socket bound to port 0) shows at {declared}, '
             f'expected exactly {DECLARED_PORT0} (update README.md and this list)')
    if failures:
        print(f'{len(failures)} check(s) failed')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
