#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Run the kernel's YNL C generator (ynl_gen_c.py) on the sctpnl spec.

    scripts/ynl-gen.py --mode uapi --header -o uapi/linux/sctpnl.h
    scripts/ynl-gen.py --mode kernel --source -o /tmp/sctpnl-nl.c

Any ynl_gen_c.py argument is passed on; --spec defaults to the project's
Documentation/netlink/specs/sctpnl.yaml.  The generator comes from
.cache/ynl (scripts/ynl.sh; SCTPNL_YNL names another copy).

Two things are done around the generator, in this file only:

 - it runs on a copy of the spec in a scratch tree shaped like the
   kernel's: Documentation/netlink/specs/, the schema one directory up
   (the generator validates the spec against it) and an empty MAINTAINERS
   at the top.  The generator walks up from the spec to the directory
   holding MAINTAINERS to name the spec in its banner, and never stops
   walking when there is none: that is why it spun forever on the spec
   in this tree.

 - in uapi mode the header gets what the 7.3 generator leaves out:
   kernel-doc for the attribute sets and the commands (from the doc: of
   each set, attribute and operation, each attribute's type stated from
   its spec type), the family's doc as the header's opening comment, and
   the definitions' structs (members in order, with kernel-doc; the
   7.3 generator writes none in uapi mode).  Enums, defines, names and
   values are the generator's own; its banner's "To regenerate" line is
   pointed at `make uapi`.
"""

import gc
import os
import shutil
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(TOP, 'Documentation/netlink/specs/sctpnl.yaml')
YNL = os.environ.get('SCTPNL_YNL', os.path.join(TOP, '.cache/ynl'))
GEN = os.path.join(YNL, 'tools/net/ynl/pyynl')

# The generator's banner points at the kernel's regeneration script.
REGEN_KERNEL = '/* To regenerate run: tools/net/ynl/ynl-regen.sh */'
REGEN_HERE = '/* To regenerate run: make uapi */'

C_SCALAR = {
    'u8': '__u8', 'u16': '__u16', 'u32': '__u32', 'u64': '__u64',
    's8': '__s8', 's16': '__s16', 's32': '__s32', 's64': '__s64',
}
C_BE = {'u16': '__be16', 'u32': '__be32', 'u64': '__be64'}
C_LE = {'u16': '__le16', 'u32': '__le32', 'u64': '__le64'}


def paragraphs(doc):
    """A doc string's paragraphs (folded YAML: one per line)."""
    return [p.strip() for p in doc.strip().split('\n') if p.strip()]


def write_doc(cw, head, doc):
    """One kernel-doc item: HEAD: DOC, wrapped, paragraphs joined."""
    cw.write_doc_line(head + (' ' + ' '.join(paragraphs(doc)) if doc else ''))


class Hooks:
    """What is added to the generator's uapi output (see above)."""

    def __init__(self, gen):
        self.gen = gen
        self.structs_done = False
        self.enum_start = gen.uapi_enum_start
        self.render_uapi = gen.render_uapi
        gen.uapi_enum_start = self.uapi_enum_start
        gen.render_uapi = self.render

    # -- the family's doc, above the include guard --------------------------
    def render(self, family, cw):
        if family.get('doc'):
            cw.p('/*')
            first = True
            for para in paragraphs(family['doc']):
                if not first:
                    cw.p(' *')
                cw.write_doc_line(para, indent=False)
                first = False
            cw.p(' */')
            cw.nl()
        if self.uapi_structs(family):
            # Their member types, right below the include guard (the
            # family name's define is the first thing written there).
            def types_first(lines):
                cw.p('#include <linux/types.h>')
                cw.nl()
                del cw.writes_defines
                cw.writes_defines(lines)
            cw.writes_defines = types_first
        self.render_uapi(family, cw)

    # -- kernel-doc ahead of attribute set and command enums ----------------
    def uapi_enum_start(self, family, cw, obj, ckey='', enum_name='enum-name'):
        if obj is family['operations']:
            self.ops_doc(family, cw)
        elif 'attributes' in obj:
            if not self.structs_done:
                self.structs(family, cw)
            self.attr_set_doc(family, cw, family.attr_sets[obj['name']])
        self.enum_start(family, cw, obj, ckey, enum_name)

    @staticmethod
    def enum_title(obj, default):
        """The kernel-doc title of an enum, None for an anonymous one."""
        if 'enum-name' in obj:
            return 'enum ' + obj['enum-name'] if obj['enum-name'] else None
        return default

    def attr_type(self, family, attr):
        """How the kernel-doc states an attribute's type."""
        yaml = attr.yaml
        kind = yaml['type']
        if kind == 'pad':
            return 'padding for 64-bit attributes'
        if kind == 'nest':
            nested = family.attr_sets[yaml['nested-attributes']]
            name = nested.yaml.get('enum-name')
            text = 'nest (enum ' + name + ')' if name else 'nest'
        elif kind == 'binary' and 'struct' in yaml:
            text = 'binary, struct ' + self.struct_name(family, yaml['struct'])
        else:
            text = kind
        if 'enum' in yaml:
            enum = family.consts[yaml['enum']]
            text += ', ' + enum.enum_name
            if yaml.get('enum-as-flags') or enum.type == 'flags':
                text += ' bits'
        if yaml.get('multi-attr'):
            text += ', repeated'
        return text

    def attr_set_doc(self, family, cw, attr_set):
        yaml = attr_set.yaml
        title = Hooks.enum_title(yaml, None)
        if title is None:
            if yaml.get('doc'):
                cw.p('/*')
                cw.write_doc_line(' '.join(paragraphs(yaml['doc'])),
                                  indent=False)
                cw.p(' */')
            return
        cw.p('/**')
        write_doc(cw, title + ' -', yaml.get('doc', ''))
        for _, attr in attr_set.items():
            if attr.yaml['type'] == 'unused':
                continue
            text = self.attr_type(family, attr)
            doc = ' '.join(paragraphs(attr.yaml.get('doc', '')))
            if doc:
                # "u32, ms" but "u16 (read only)"
                text += (' ' if doc.startswith('(') else ', ') + doc
            else:
                text += '.'
            write_doc(cw, '@' + attr.enum_name + ':', text)
        cw.p(' */')

    def ops_doc(self, family, cw):
        ops = family['operations']
        title = Hooks.enum_title(ops, None)
        if title is None:
            return
        cw.p('/**')
        cw.write_doc_line(title + ' - commands of the ' + family['name'] +
                          ' family')
        for op in family.msgs.values():
            if 'value' in op.yaml and op.yaml['value'] == 0:
                continue
            # (the generator mocks a 'do' up for every event)
            kinds = [k for k in ('do', 'dump') if k in op.yaml]
            if 'event' in op.yaml or 'notify' in op.yaml:
                kinds = [k for k in kinds if k != 'do' or 'notify' in op.yaml]
                grp = op.yaml.get('mcgrp')
                kinds.append('event' + (' (' + grp + ' group)' if grp else ''))
            if set(op.yaml.get('flags', [])) & {'admin-perm', 'uns-admin-perm'}:
                kinds.append('admin')
            write_doc(cw, '@' + op.enum_name + ': ' + ', '.join(kinds) + ':',
                      op.yaml.get('doc', ''))
        cw.p(' */')

    # -- structs of the definitions -----------------------------------------
    def struct_name(self, family, name):
        return family.c_name + '_' + name.replace('-', '_')

    def member_decl(self, family, member):
        name = member['name'].replace('-', '_')
        kind = member['type']
        if 'struct' in member:
            return 'struct ' + self.struct_name(family, member['struct']) + \
                ' ' + name
        if kind in ('binary', 'string'):
            size = member['len']
            if isinstance(size, str):
                size = family.consts[size]
                size = self.gen.c_upper(size.get('c-define-name',
                                                 family.ident_name + '-' +
                                                 size['name']))
            return ('char ' if kind == 'string' else '__u8 ') + \
                f'{name}[{size}]'
        order = member.get('byte-order')
        ctype = {'big-endian': C_BE, 'little-endian': C_LE}.get(order, C_SCALAR)
        return ctype.get(kind, C_SCALAR[kind]) + ' ' + name

    @staticmethod
    def uapi_structs(family):
        return [d for d in family['definitions']
                if d['type'] == 'struct' and not d.get('header') and
                d.get('scope', 'uapi') == 'uapi']

    def structs(self, family, cw):
        self.structs_done = True
        for struct in self.uapi_structs(family):
            name = self.struct_name(family, struct['name'])
            cw.p('/**')
            write_doc(cw, 'struct ' + name + ' -', struct.get('doc', ''))
            for member in struct['members']:
                doc = member.get('doc')
                if not doc:
                    doc = member['type']
                    if 'byte-order' in member:
                        doc += ', ' + member['byte-order']
                    doc += '.'
                write_doc(cw, '@' + member['name'].replace('-', '_') + ':',
                          doc)
            cw.p(' */')
            cw.block_start(line='struct ' + name)
            for member in struct['members']:
                cw.p(self.member_decl(family, member) + ';')
            cw.block_end(line=';')
            cw.nl()


def stage(spec, scratch):
    """The spec in a kernel-shaped scratch tree; returns its path there."""
    import yaml  # the generator needs it too

    with open(spec, encoding='utf-8') as f:
        proto = yaml.safe_load(f).get('protocol', 'genetlink')
    doc = os.path.join(scratch, 'Documentation/netlink')
    os.makedirs(os.path.join(doc, 'specs'))
    shutil.copy(os.path.join(YNL, 'Documentation/netlink', proto + '.yaml'),
                doc)
    staged = os.path.join(doc, 'specs', os.path.basename(spec))
    shutil.copy(spec, staged)
    open(os.path.join(scratch, 'MAINTAINERS'), 'w', encoding='utf-8').close()
    return staged


def main():
    if not os.path.exists(os.path.join(GEN, 'ynl_gen_c.py')):
        sys.exit(f'ynl-gen: no generator in {GEN}: run scripts/ynl.sh')
    args = sys.argv[1:]
    spec = SPEC
    if '--spec' in args:
        i = args.index('--spec')
        spec = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    out = None
    if '-o' in args:
        i = args.index('-o')
        out = os.path.abspath(args[i + 1])
        args[i + 1] = out

    sys.path.insert(0, GEN)
    import ynl_gen_c  # pylint: disable=import-outside-toplevel,import-error

    uapi = '--mode' in args and args[args.index('--mode') + 1] == 'uapi'
    if uapi:
        Hooks(ynl_gen_c)

    with tempfile.TemporaryDirectory(prefix='sctpnl-ynl.') as scratch:
        staged = stage(spec, scratch)
        # Relative to the scratch tree, as the banner names it.
        os.chdir(scratch)
        sys.argv = ['ynl_gen_c.py', '--spec',
                    os.path.relpath(staged, scratch)] + args
        ynl_gen_c.main()
        # The generator writes its output file when its writer is freed.
        gc.collect()
    if out and uapi:
        with open(out, encoding='utf-8') as f:
            text = f.read()
        with open(out, 'w', encoding='utf-8') as f:
            f.write(text.replace(REGEN_KERNEL, REGEN_HERE))


if __name__ == '__main__':
    main()
