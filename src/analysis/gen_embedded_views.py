#!/usr/bin/env python3
"""Writes a C++ file holding the given view files as string literals."""
import os
import sys

out_path, inputs = sys.argv[1], sorted(sys.argv[2:], key=os.path.basename)
lines = ['// Generated from views/*.toml by gen_embedded_views.py; do not edit.',
         '#include "analysis/embedded_views.h"', '',
         'namespace tracetop::analysis {', 'namespace {', '']
names = []
for i, path in enumerate(inputs):
    data = open(path, 'rb').read()
    # A byte array avoids raw-string delimiter clashes and length limits.
    body = ','.join(str(b) for b in data)
    lines.append(f'constexpr char kFile{i}[] = {{{body},0}};')
    names.append((os.path.basename(path), i, len(data)))
lines.append('')
lines.append('constexpr EmbeddedFile kFiles[] = {')
for name, i, n in names:
    lines.append(f'    {{"{name}", std::string_view(kFile{i}, {n})}},')
lines += ['};', '', '}  // namespace', '',
          'std::span<const EmbeddedFile> embedded_view_files() { return kFiles; }', '',
          '}  // namespace tracetop::analysis', '']
open(out_path, 'w').write('\n'.join(lines))
