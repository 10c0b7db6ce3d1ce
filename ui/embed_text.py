#!/usr/bin/env python3
"""embed_text.py OUT FUNCTION FILE: a C++ file whose tracetop::ui::FUNCTION()
returns FILE's text, so the binary carries it (ui/keys.toml)."""
import sys

out_path, function, source = sys.argv[1:4]
data = open(source, 'rb').read()
# Bytes, not a raw string: no delimiter can clash with the text.
chars = ','.join(str(b) for b in data)
with open(out_path, 'w') as out:
    out.write(f'// Made from {source.split("/")[-1]} by embed_text.py; do not edit.\n'
              '#include <string_view>\n\n'
              'namespace tracetop::ui {\n\n'
              f'static constexpr char kText[] = {{{chars}}};\n\n'
              f'std::string_view {function}() {{ return {{kText, sizeof kText}}; }}\n\n'
              '}  // namespace tracetop::ui\n')
