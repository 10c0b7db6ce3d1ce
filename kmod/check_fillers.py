#!/usr/bin/env python3
"""Holds the BPF fillers to the event schema (src/event/events.toml).

For every event a filler starts (ev_begin(&e, NAME), or a helper's
ev_start(&e, type, nparams) reached through a call that passes EV(NAME)) it
follows the parameter writes on every path to ev_submit and fails, naming the
filler, when their number differs from the schema's count for NAME or a
write's size does not fit the schema's parameter type. Run by meson at build
time; exit status 1 and one line per disagreement when there is one.
"""
import argparse
import os
import re
import sys

# Writes whose kind is known without reading their bodies: one parameter each.
PRIMITIVES = {'push_empty': 'empty', 'push_u8': 'u8', 'push_u16': 'u16', 'push_u32': 'u32',
              'push_u64': 'u64', 'ev_commit': 'var'}
# Where an event starts (and the index of its type among the arguments)
# and where it is sent (event_builder.bpf.h).
BEGINS = {'ev_begin': 1, 'ev_start': 1, 'FILL_BEGIN': 0, 'FILL_START': 0}
SUBMITS = {'ev_submit', 'ev_submit_as', 'FILL_SUBMIT'}
# What each write kind may carry, by the schema's parameter type; types not
# listed are not checked for size.
SIZES = {
    'u8': {'Int8', 'Uint8', 'Flags8', 'EnumFlags8', 'SigType'},
    'u16': {'Int16', 'Uint16', 'Flags16', 'EnumFlags16', 'Port', 'SyscallId'},
    'u32': {'Int32', 'Uint32', 'Flags32', 'EnumFlags32', 'Mode', 'Uid', 'Gid'},
    'u64': {'Int64', 'Uint64', 'Errno', 'Fd', 'Pid', 'RelTime', 'AbsTime'},
    'var': {'CharBuf', 'ByteBuf', 'FsPath', 'FsRelPath', 'SockAddr', 'SockTuple'},
}
KNOWN_TYPES = set().union(*SIZES.values())

TOKEN = re.compile(r'\s+|(?P<t>[A-Za-z_]\w*|0[xX][0-9a-fA-F]+\w*|\d+\w*|"(?:\\.|[^"\\])*"|'
                   r"'(?:\\.|[^'\\])*'|->|\+\+|--|&&|\|\||[<>=!]=|<<|>>|##|.)")


class CheckError(Exception):
    pass


def tokenize(text):
    return [m.group('t') for m in TOKEN.finditer(text) if m.group('t')]


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group().count('\n'), text, flags=re.S)
    return re.sub(r'//[^\n]*', '', text)


def matching(tokens, i):
    """Index of the bracket closing the one at tokens[i]."""
    pairs = {'(': ')', '{': '}', '[': ']'}
    want, depth = pairs[tokens[i]], 0
    for j in range(i, len(tokens)):
        if tokens[j] in pairs:
            depth += 1
        elif tokens[j] in (')', '}', ']'):
            depth -= 1
            if depth == 0:
                if tokens[j] != want:
                    raise CheckError(f'unbalanced {tokens[i]}')
                return j
    raise CheckError(f'unclosed {tokens[i]}')


def split_args(tokens):
    """Top-level comma-separated pieces of an argument list (without parens)."""
    args, cur, depth = [], [], 0
    for t in tokens:
        if t in '([{':
            depth += 1
        elif t in ')]}':
            depth -= 1
        if t == ',' and depth == 0:
            args.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur or args:
        args.append(cur)
    return args


def expand_ev(args):
    """EV(NAME) stands for two arguments, NAME and NAME_NPARAMS."""
    out = []
    for a in args:
        if len(a) == 4 and a[0] == 'EV' and a[1] == '(' and a[3] == ')':
            out += [[a[2]], [a[2] + '_NPARAMS']]
        else:
            out.append(a)
    return out


class Body:
    """A function (or function-like macro) with a braced body."""

    def __init__(self, label, name, params, tokens, where):
        self.label, self.name, self.params = label, name, params
        self.tokens, self.where = tokens, where


def param_names(tokens):
    names = []
    for a in split_args(tokens):
        idents = [t for t in a if re.fullmatch(r'[A-Za-z_]\w*', t)]
        names.append(idents[-1] if idents else '')
    return names


def collect(path, macros):
    """Functions with a braced body in one file; function-like macros with a
    braced body go into `macros`, and the file scope (where such macros are
    invoked) comes last, with its line numbers."""
    text = strip_comments(open(path, encoding='utf-8').read())
    # Continuation lines joined onto their first line; each consumed line
    # stays as a blank, so line numbers still point into the file.
    lines, open_line = [], None
    for line in text.split('\n'):
        if open_line is not None:
            lines[open_line] += ' ' + line.rstrip('\\')
            lines.append('')
        else:
            lines.append(line.rstrip('\\'))
            open_line = len(lines) - 1
        if not line.endswith('\\'):
            open_line = None
    bodies, rest = [], []
    for n, line in enumerate(lines, 1):
        m = re.match(r'\s*#\s*define\s+(\w+)\(([^)]*)\)(.*)', line)
        if m:
            toks = tokenize(m.group(3))
            if '{' in toks:
                i = toks.index('{')
                macros[m.group(1)] = (param_names(tokenize(m.group(2))), toks[:i], toks[i + 1:matching(toks, i)])
            rest.append('')
        elif re.match(r'\s*#', line):
            rest.append('')
        else:
            rest.append(line)
    tokens, lines_of = [], []
    for n, line in enumerate(rest, 1):
        for t in tokenize(line):
            tokens.append(t)
            lines_of.append(n)
    i, outside, outside_lines = 0, [], []
    while i < len(tokens):
        if tokens[i] != '{':
            outside.append(tokens[i])
            outside_lines.append(lines_of[i])
        if tokens[i] == '{':
            j = matching(tokens, i)
            outside += ['{', '}']
            outside_lines += [lines_of[i], lines_of[j]]
            if i >= 1 and tokens[i - 1] == ')':
                k = i - 1
                depth = 0
                while k >= 0:  # back to the '(' of the parameter list
                    depth += tokens[k] == ')'
                    depth -= tokens[k] == '('
                    if depth == 0:
                        break
                    k -= 1
                name = tokens[k - 1]
                params = param_names(tokens[k + 1:i - 1])
                label = f'{name}({" ".join(tokens[k + 1:i - 1])})' if name.isupper() else name
                bodies.append(Body(label, name, params, tokens[i + 1:j], f'{path}:{lines_of[i]}'))
            i = j + 1
        else:
            i += 1
    return bodies, (path, outside, outside_lines)


def expand(scope, macros):
    """The fillers that invocations such as ENTER_FD(close, NAME) at file
    scope define: each macro body with the invocation's arguments."""
    path, toks, lines = scope
    bodies = []
    for i, t in enumerate(toks[:-1]):
        if t in macros and toks[i + 1] == '(':
            params, header, body = macros[t]
            args = split_args(toks[i + 2:matching(toks, i + 1)])
            if len(args) != len(params):
                raise CheckError(f'{path}:{lines[i]}: {t} takes {len(params)} arguments')
            subst = dict(zip(params, args))
            tokens = [x for tok in body for x in subst.get(tok, [tok])]
            head = [x for tok in header for x in subst.get(tok, [tok])]
            label = f'{t}({", ".join(" ".join(a) for a in args)})'
            bodies.append(Body(label, head[0] if head else label, [], tokens, f'{path}:{lines[i]}'))
    return bodies


def merge(paths):
    """Paths of equal length merged position by position (kinds as sets)."""
    by_len = {}
    for p in paths:
        if len(p) in by_len:
            by_len[len(p)] = tuple(a | b for a, b in zip(by_len[len(p)], p))
        else:
            by_len[len(p)] = p
    return set(by_len.values())


class Checker:
    def __init__(self, bodies, schema):
        self.funcs = {}
        for b in bodies:
            self.funcs.setdefault(b.name, b)
        self.bodies = bodies
        self.schema = schema  # macro name -> list of (param name, type) the probe writes
        self.writes = {}      # helper name -> set of paths
        self.busy = set()
        self.emitters = {}    # name -> (param index of the type, paths at submit)
        self.errors = []

    # -- what a body writes ------------------------------------------------
    def writes_of(self, name):
        if name in PRIMITIVES:
            return {(frozenset([PRIMITIVES[name]]),)}
        if name in self.writes:
            return self.writes[name]
        body = self.funcs.get(name)
        if body is None or name in self.busy or name in BEGINS.keys() | SUBMITS:
            return None
        self.busy.add(name)
        run = self.run(body)
        self.busy.discard(name)
        result = merge(run['returned'] | run['end']) if not run['begins'] else None
        if result is not None and result != {()}:
            if len(result) != 1:
                raise CheckError(f'{body.where}: {name} writes a number of parameters that depends on '
                                 f'its path ({sorted(len(p) for p in result)})')
        self.writes[name] = result if result != {()} else None
        return self.writes[name]

    def effects(self, tokens, paths, run):
        depth, open_cond = [], []  # paren depth of each token; depths holding a '?' so far
        d = 0
        for t in tokens:
            d -= t in ')]}'
            depth.append(d)
            d += t in '([{'
        for i, t in enumerate(tokens):
            if t == '?':
                open_cond.append(depth[i])
            if i + 1 >= len(tokens) or tokens[i + 1] != '(' or not re.fullmatch(r'[A-Za-z_]\w*', t):
                continue
            if t in BEGINS:
                args = expand_ev(split_args(tokens[i + 2:matching(tokens, i + 1)]))
                run['begins'].append([' '.join(a) for a in args[BEGINS[t]:]])
                paths = {()}
            elif t in SUBMITS:
                run['submits'].append((run['begins'][-1] if run['begins'] else None, merge(paths)))
            else:
                w = self.writes_of(t)
                if w:
                    if any(c <= depth[i] for c in open_cond):
                        raise CheckError(f'{run["where"]}: a write inside ?: cannot be followed')
                    paths = merge({p + q for p in paths for q in w})
        return paths

    def run(self, body):
        run = {'begins': [], 'submits': [], 'returned': set(), 'end': set(), 'where': body.where}
        run['end'] = self.block(body.tokens, 0, len(body.tokens), {()}, run)
        return run

    def block(self, toks, i, end, paths, run):
        while i < end:
            i, paths = self.stmt(toks, i, paths, run)
        return paths

    def stmt(self, toks, i, paths, run):
        t = toks[i]
        if t == '{':
            j = matching(toks, i)
            return j + 1, self.block(toks, i + 1, j, paths, run)
        if t == 'if':
            j = matching(toks, i + 1)
            paths = self.effects(toks[i + 2:j], paths, run)
            k, then = self.stmt(toks, j + 1, set(paths), run)
            if k < len(toks) and toks[k] == 'else':
                k, other = self.stmt(toks, k + 1, set(paths), run)
            else:
                other = paths
            return k, merge(then | other)
        if t in ('for', 'while'):
            j = matching(toks, i + 1)
            k, after = self.stmt(toks, j + 1, set(paths), run)
            if after != paths:
                raise CheckError(f'{run["where"]}: parameters written inside a loop cannot be counted')
            return k, paths
        if t == 'return':
            k = i
            while toks[k] != ';':
                k += 1
            paths = self.effects(toks[i + 1:k], paths, run)
            run['returned'] |= paths
            return k + 1, set()
        k, depth = i, 0
        while k < len(toks) and not (toks[k] == ';' and depth == 0):
            depth += toks[k] in '([{'
            depth -= toks[k] in ')]}'
            k += 1
        return k + 1, self.effects(toks[i:k], paths, run)

    # -- against the schema -----------------------------------------------
    def compare(self, label, name, paths, body=None):
        if name not in self.schema:
            self.errors.append(f'{label}: {name} is not an event of the schema')
            return
        want_dir = {'ENTER_FILLER': '_E', 'EXIT_FILLER': '_X'}.get(body.name if body else '')
        if want_dir and not name.endswith(want_dir):
            self.errors.append(f'{label}: an {body.name} writes {name}, an event of the other direction')
        want = self.schema[name]
        for p in paths:
            if len(p) != len(want):
                self.errors.append(f'{label}: writes {len(p)} parameters for {name}, the schema says '
                                   f'{len(want)} ({", ".join(n for n, _ in want)})')
                continue
            for pos, (kinds, (pname, ptype)) in enumerate(zip(p, want)):
                if ptype not in KNOWN_TYPES:
                    continue
                bad = [k for k in kinds if k != 'empty' and ptype not in SIZES[k]]
                if bad:
                    self.errors.append(f'{label}: parameter {pos} of {name} ({pname}, {ptype}) '
                                       f'is written as {"/".join(sorted(bad))}')

    def check(self):
        for b in self.bodies:
            if b.name in BEGINS.keys() | SUBMITS or not b.name:
                continue
            run = self.run(b)
            for begin, paths in run['submits']:
                if begin is None:
                    self.errors.append(f'{b.where}: {b.label} submits an event it did not begin')
                    continue
                arg = begin[0]
                if arg in b.params and b.name not in self.emitters:
                    self.emitters[b.name] = (b.params.index(arg), paths, b)
                elif arg.startswith('PPME_'):
                    self.compare(f'{b.where}: {b.label}', arg, paths, b)
                elif arg not in b.params:
                    self.errors.append(f'{b.where}: {b.label} begins an event with {arg!r}: use '
                                       f'ev_begin(&e, NAME) or pass EV(NAME) from the caller')
        self.check_calls()
        return self.errors

    def check_calls(self):
        used = set()
        for b in self.bodies:
            toks = b.tokens
            for i, t in enumerate(toks[:-1]):
                if t in self.emitters and toks[i + 1] == '(':
                    index, paths, emitter = self.emitters[t]
                    close = matching(toks, i + 1)
                    if close + 1 < len(toks) and toks[close + 1] == '{':
                        continue  # its definition
                    args = expand_ev(split_args(toks[i + 2:close]))
                    arg = ' '.join(args[index]) if index < len(args) else ''
                    used.add(t)
                    if not arg.startswith('PPME_'):
                        self.errors.append(f'{b.where}: {b.label} calls {t} with type {arg!r}, '
                                           f'not EV(NAME)')
                        continue
                    self.compare(f'{b.where}: {b.label} (through {t})', arg, paths, b)
        for name, (_, _, emitter) in self.emitters.items():
            if name not in used:
                self.errors.append(f'{emitter.where}: {name} begins events of its callers, and no '
                                   f'call passes it EV(NAME)')


def load_schema(schema, flags):
    sys.path.insert(0, os.path.dirname(os.path.abspath(schema)))
    import gen_events
    events = gen_events.load(schema, flags)[0]
    return {e.macro: [(p['name'], p['type']) for p in e.params[:e.nparams]] for e in events.values()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--schema', required=True)
    ap.add_argument('--flags', required=True)
    ap.add_argument('--stamp', help='file to write when the check passes')
    ap.add_argument('files', nargs='+')
    args = ap.parse_args()
    try:
        schema = load_schema(args.schema, args.flags)
        macros, bodies, scopes = {}, [], []
        for f in args.files:
            found, scope = collect(f, macros)
            bodies += found
            scopes.append(scope)
        for scope in scopes:
            bodies += expand(scope, macros)
            bodies.append(Body(f'{scope[0]} (file scope)', '', [], scope[1], scope[0]))
        checker = Checker(bodies, schema)
        errors = checker.check()
    except CheckError as err:
        errors = [str(err)]
    if errors:
        print('\n'.join(errors), file=sys.stderr)
        sys.exit(f'check_fillers: {len(errors)} disagreement(s) between the fillers and {args.schema}')
    n = sum(1 for b in bodies for t in b.tokens if t in BEGINS)
    print(f'check_fillers: {n} event starts in {len(args.files)} files agree with the schema')
    if args.stamp:
        with open(args.stamp, 'w', encoding='utf-8') as f:
            f.write('ok\n')


if __name__ == '__main__':
    main()
