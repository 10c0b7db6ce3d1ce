#!/usr/bin/env python3
"""The schema's checks must be able to fail: check_fillers.py passes on the
real tree and fails on a copy with one filler parameter too many or too few,
with a write of the wrong size, with an event of the wrong direction, or
with a schema entry one parameter short;
gen_events.py --check-man passes on the real man page and fails on a copy
whose event list lacks one event."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.environ.get('SOURCE_ROOT') or os.path.join(os.path.dirname(__file__), '..', '..')
KMOD = os.path.join(ROOT, 'kmod')
SCHEMA = os.path.join(ROOT, 'src', 'event', 'events.toml')
FLAGS = os.path.join(ROOT, 'src', 'event', 'flag_tables.toml')
MAN = os.path.join(ROOT, 'man', 'tracetop.8')
failures = []


def run(args):
    return subprocess.run([sys.executable] + args, capture_output=True, text=True)


def check_fillers(kmod_dir, schema=SCHEMA):
    files = sorted(os.path.join(kmod_dir, f) for f in os.listdir(kmod_dir)
                   if f.endswith('.bpf.h') or f.endswith('.bpf.c'))
    return run([os.path.join(KMOD, 'check_fillers.py'), '--schema', schema, '--flags', FLAGS] + files)


def expect(what, result, ok, needle=''):
    passed = result.returncode == 0
    if passed != ok or needle not in result.stdout + result.stderr:
        failures.append(f'{what}: exit {result.returncode}, expected {"success" if ok else "failure"}'
                        f' mentioning {needle!r}\n{result.stdout}{result.stderr}')
    else:
        print(f'ok: {what}')


def mutated_kmod(tmp, name, old, new):
    """A copy of kmod/ with one replacement in one file."""
    d = os.path.join(tmp, name)
    shutil.copytree(KMOD, d)
    path = os.path.join(d, 'fill_file.bpf.h')
    text = open(path).read()
    assert old in text, old
    open(path, 'w').write(text.replace(old, new, 1))
    return d


with tempfile.TemporaryDirectory() as tmp:
    expect('the real fillers agree with the schema', check_fillers(KMOD), True, 'agree')
    openat_x = '\tpush_u64(&e, ret);\n\tpush_u64(&e, arg_fd(ARG0));\n\tpush_open_args(&e, ARG1, ARG2, ARG3);'
    expect('one parameter too many', check_fillers(mutated_kmod(
        tmp, 'many', openat_x, openat_x + '\n\tpush_empty(&e);')), False, 'writes 7 parameters for PPME_OPENAT_2_X')
    expect('one parameter too few', check_fillers(mutated_kmod(
        tmp, 'few', openat_x, '\tpush_u64(&e, ret);\n\tpush_open_args(&e, ARG1, ARG2, ARG3);')), False,
        'writes 5 parameters for PPME_OPENAT_2_X')
    expect('a write of the wrong size', check_fillers(mutated_kmod(
        tmp, 'size', openat_x, openat_x.replace('push_u64(&e, arg_fd', 'push_u32(&e, arg_fd'))), False,
        '(dirfd, Fd) is written as u32')
    expect('a helper reached with the wrong event', check_fillers(mutated_kmod(
        tmp, 'helper', 'io_enter(regs, EV(PPME_READ_E))', 'pio_enter(regs, EV(PPME_READ_E))')), False,
        'through pio_enter')

    expect('an enter filler writing an exit event', check_fillers(mutated_kmod(
        tmp, 'direction', 'ENTER_FD(close, PPME_CLOSE_E)', 'ENTER_FD(close, PPME_CLOSE_X)')), False,
        'an ENTER_FILLER writes PPME_CLOSE_X')

    schema = open(SCHEMA).read()
    short = re.sub(r'(id = "OPENAT_2"\n(?:.*\n)*?exit = \[\n(?:.*\n)*?)  \{ name = "dev".*\n', r'\1', schema, count=1)
    assert short != schema
    short_path = os.path.join(tmp, 'events.toml')
    open(short_path, 'w').write(short)
    shutil.copy(os.path.join(ROOT, 'src', 'event', 'gen_events.py'), tmp)
    expect('a schema entry one parameter short', check_fillers(KMOD, short_path), False,
           'writes 6 parameters for PPME_OPENAT_2_X, the schema says 5')

    gen = os.path.join(ROOT, 'src', 'event', 'gen_events.py')
    expect('the man page lists the schema\'s events',
           run([gen, '--schema', SCHEMA, '--flags', FLAGS, '--check-man', MAN]), True, 'matches')
    man = open(MAN).read()
    bad_man = os.path.join(tmp, 'tracetop.8')
    open(bad_man, 'w').write(man.replace('openat2, ', '', 1))
    assert open(bad_man).read() != man
    expect('a man page missing one event',
           run([gen, '--schema', SCHEMA, '--flags', FLAGS, '--check-man', bad_man]), False, 'differs')

if failures:
    print('\n'.join(failures), file=sys.stderr)
    sys.exit(1)
