#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Is libsctpnl's ABI (abidw XML) a compatible growth of its baseline?

    abi-check.py BASELINE CURRENT

Compatible means that a program built against the baseline runs on the
current library: every exported function is still there, under the same
symbol version, with the same parameter and return types; every public
struct (those of sctpnl.h) keeps its size and every member its offset and
type, new members taking only bytes of the struct's "reserved" room, from
its front (see "Growth" in sctpnl.h); every enumerator keeps its value.

Exit status: 0 when CURRENT equals BASELINE; 3 when CURRENT adds to it
compatibly (new functions, enumerators or members in the room: record
them with make abi-baseline); 1 when it breaks it (then only a new SONAME
will do); 2 on bad input.  abidiff reports any change but cannot tell
growth into reserved room from a layout change, hence this script.
"""

import sys
import xml.etree.ElementTree as ET

TYPE_TAGS = ('type-decl', 'typedef-decl', 'class-decl', 'union-decl',
             'pointer-type-def', 'qualified-type-def', 'array-type-def',
             'enum-decl', 'function-type')


class Corpus:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.soname = root.get('soname', '')
        self.types = {}
        self.funcs = {}
        self.structs = {}
        self.enums = {}
        for el in root.iter():
            if el.tag in TYPE_TAGS and el.get('id'):
                # A declaration-only twin must not hide the definition.
                old = self.types.get(el.get('id'))
                if old is None or old.get('is-declaration-only') == 'yes':
                    self.types[el.get('id')] = el
        for el in root.iter('function-decl'):
            sym = el.get('elf-symbol-id')
            if sym:
                self.funcs[sym] = self.signature(el)
        for el in root.iter('class-decl'):
            if (el.get('is-declaration-only') != 'yes' and
                    el.get('filepath', '').endswith('sctpnl.h') and
                    not el.get('is-anonymous')):
                self.structs[el.get('name')] = el
        for el in root.iter('enum-decl'):
            for e in el.iter('enumerator'):
                self.enums[e.get('name')] = int(e.get('value'))

    def canon(self, tid, depth=0):
        el = self.types.get(tid)
        if el is None or depth > 16:
            return '?'
        tag = el.tag
        if tag == 'type-decl':
            return el.get('name')
        if tag == 'typedef-decl':
            return el.get('name')
        if tag in ('class-decl', 'union-decl'):
            kind = 'struct' if tag == 'class-decl' else 'union'
            if el.get('is-anonymous') == 'yes':
                inner = ';'.join(
                    '%s %s@%s' % (self.canon(v.get('type-id'), depth + 1),
                                  v.get('name'),
                                  m.get('layout-offset-in-bits'))
                    for m in el.findall('data-member')
                    for v in m.findall('var-decl'))
                return '%s{%s}' % (kind, inner)
            return '%s %s' % (kind, el.get('name'))
        if tag == 'enum-decl':
            return 'enum %s' % el.get('name')
        if tag == 'pointer-type-def':
            return self.canon(el.get('type-id'), depth + 1) + '*'
        if tag == 'qualified-type-def':
            q = ' '.join(k for k in ('const', 'volatile', 'restrict')
                         if el.get(k) == 'yes')
            return '%s %s' % (q, self.canon(el.get('type-id'), depth + 1))
        if tag == 'array-type-def':
            dims = ''.join('[%s]' % s.get('length')
                           for s in el.findall('subrange'))
            return self.canon(el.get('type-id'), depth + 1) + dims
        if tag == 'function-type':
            return 'fn(%s)' % self.signature(el, depth + 1)
        return '?'

    def signature(self, el, depth=0):
        parts = [self.canon(p.get('type-id'), depth)
                 for p in el.findall('parameter')]
        ret = el.find('return')
        return '%s -> %s' % (', '.join(parts),
                             self.canon(ret.get('type-id'), depth)
                             if ret is not None else 'void')

    def size(self, tid):
        el = self.types.get(tid)
        while el is not None and el.get('size-in-bits') is None:
            el = self.types.get(el.get('type-id'))
        return int(el.get('size-in-bits')) if el is not None else 0

    def members(self, st):
        out = {}
        for m in st.findall('data-member'):
            for v in m.findall('var-decl'):
                off = int(m.get('layout-offset-in-bits'))
                out[v.get('name')] = (off, self.canon(v.get('type-id')),
                                      self.size(v.get('type-id')))
        return out


def check_struct(name, old, new, oc, nc, broken, added):
    if old.get('size-in-bits') != new.get('size-in-bits'):
        broken.append('struct %s: size %s -> %s bits' %
                      (name, old.get('size-in-bits'),
                       new.get('size-in-bits')))
        return
    om, nm = oc.members(old), nc.members(new)
    room = om.get('reserved')
    for m, (off, typ, _) in om.items():
        if m == 'reserved':
            continue
        if m not in nm:
            broken.append('struct %s: member %s gone' % (name, m))
        elif nm[m][:2] != (off, typ):
            broken.append('struct %s: member %s was %s at bit %d, now %s '
                          'at bit %d' % (name, m, typ, off, nm[m][1],
                                         nm[m][0]))
    for m, (off, typ, bits) in nm.items():
        if m in om and m != 'reserved':
            continue
        if m == 'reserved':
            if room and off + bits != room[0] + room[2]:
                broken.append('struct %s: the room moved its end' % name)
            continue
        if not room or off < room[0] or off + bits > room[0] + room[2]:
            broken.append('struct %s: new member %s outside the reserved '
                          'room' % (name, m))
        else:
            added.append('struct %s: %s %s (bits %d..%d of the room)' %
                         (name, typ, m, off - room[0],
                          off - room[0] + bits - 1))


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        oc, nc = Corpus(sys.argv[1]), Corpus(sys.argv[2])
    except (OSError, ET.ParseError) as e:
        print('abi-check: %s' % e, file=sys.stderr)
        return 2
    broken, added = [], []
    if oc.soname != nc.soname:
        print('abi-check: SONAME %s -> %s: a new ABI, no comparison' %
              (oc.soname, nc.soname))
        return 3
    for sym, sig in sorted(oc.funcs.items()):
        if sym not in nc.funcs:
            broken.append('function %s: gone or re-versioned' % sym)
        elif nc.funcs[sym] != sig:
            broken.append('function %s: (%s) is now (%s)' %
                          (sym, sig, nc.funcs[sym]))
    old_nodes = {s.split('@')[-1] for s in oc.funcs}
    for sym in sorted(set(nc.funcs) - set(oc.funcs)):
        if sym.split('@')[-1] in old_nodes:
            broken.append('function %s: new, but in a released version '
                          'node (add a node to the version script)' % sym)
        else:
            added.append('function %s' % sym)
    for name, st in sorted(oc.structs.items()):
        if name not in nc.structs:
            broken.append('struct %s: gone' % name)
        else:
            check_struct(name, st, nc.structs[name], oc, nc, broken, added)
    for e, v in sorted(oc.enums.items()):
        if e in nc.enums and nc.enums[e] != v:
            broken.append('enumerator %s: %d -> %d' % (e, v, nc.enums[e]))
    added += ['enumerator %s' % e for e in sorted(set(nc.enums) -
                                                   set(oc.enums))]
    for b in broken:
        print('abi-check: BREAKS %s' % b)
    for a in added:
        print('abi-check: adds %s' % a)
    if broken:
        return 1
    return 3 if added else 0


if __name__ == '__main__':
    sys.exit(main())
