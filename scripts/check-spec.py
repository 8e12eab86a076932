#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Check Documentation/netlink/specs/sctpnl.yaml against uapi/linux/sctpnl.h.

The header is the contract; the spec must describe exactly it.  Checked:
  - family name and version, multicast group names;
  - every command of enum sctpnl_cmd <-> operations (name and value);
  - every enum sctpnl_*_attrs <-> an attribute-set with that enum-name:
    same attributes, same values (SCTPNL_STATUS_A_RWND <-> set "status",
    name-prefix "sctpnl-status-a-", attribute "rwnd");
  - the list-entry #defines (SCTPNL_A_*_ENTRY) <-> the "entry" attribute
    of the list sets, SCTPNL_PROBE_FILTER_MAX <-> const probe-filter-max;
  - enum sctpnl_style <-> definitions enum "style";
  - where the header's kernel-doc gives an attribute's type (u8, u16,
    u32, u64, string, binary, nest), the spec's type agrees;
  - the spec is self-consistent: nested-attributes, enum references,
    operation attribute-sets and the attributes operations list exist.

Usage: check-spec.py [UAPI_HEADER [SPEC]]; exit 1 with one line per
problem, silent on success unless -v.
"""
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit("check-spec: python3-yaml is needed (apt-get install python3-yaml)")

TYPES = {"u8", "u16", "u32", "u64", "string", "binary", "nest"}


def c_name(prefix, name):
    return (prefix + name).upper().replace("-", "_")


def parse_header(path):
    src = open(path).read()
    docs = {}   # constant -> kernel-doc description
    for m in re.finditer(r"/\*\*\n(.*?)\*/", src, re.S):
        text = re.sub(r"(?m)^ \* ?", "", m.group(1))
        for mm in re.finditer(r"(?ms)^@(\w+):\s*(.*?)(?=^@|\Z)", text):
            docs[mm.group(1)] = " ".join(mm.group(2).split())
    code = re.sub(r"/\*.*?\*/", "", src, flags=re.S)
    code = re.sub(r"//[^\n]*", "", code)
    enums = {}
    for m in re.finditer(r"enum\s+(\w+)\s*\{(.*?)\}\s*;", code, re.S):
        val = -1
        entries = []
        for ent in m.group(2).split(","):
            ent = ent.strip()
            if not ent:
                continue
            if "=" in ent:
                name, expr = (x.strip() for x in ent.split("=", 1))
                val = int(expr, 0)
            else:
                name = ent
                val += 1
            entries.append((name, val))
        enums[m.group(1)] = entries
    defines = {}
    for m in re.finditer(r"(?m)^#define\s+(\w+)\s+(.+?)\s*$", code):
        defines[m.group(1)] = m.group(2)
    return enums, defines, docs


def real_entries(entries):
    """Drop UNSPEC and the __*_MAX sentinel: they are not on the wire."""
    return [(n, v) for n, v in entries
            if not n.endswith("_UNSPEC") and not n.startswith("__")]


def implicit_values(items, first=1):
    """Spec numbering: explicit value, else previous + 1 (first: 1)."""
    out = []
    nxt = first
    for it in items:
        v = it.get("value", nxt)
        out.append((it["name"], v))
        nxt = v + 1
    return out


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    hdr = args[0] if args else "uapi/linux/sctpnl.h"
    spec_path = args[1] if len(args) > 1 else \
        "Documentation/netlink/specs/sctpnl.yaml"
    enums, defines, docs = parse_header(hdr)
    spec = yaml.safe_load(open(spec_path))
    errs = []

    def err(msg):
        errs.append(msg)

    # -- family
    fam = defines.get("SCTPNL_FAMILY_NAME", "").strip('"')
    if spec.get("name") != fam:
        err("family name: header %r, spec %r" % (fam, spec.get("name")))
    ver = defines.get("SCTPNL_FAMILY_VERSION")
    if ver is None or spec.get("version") != int(ver, 0):
        err("family version: header %s, spec %s" % (ver, spec.get("version")))
    if spec.get("protocol") not in ("genetlink", "genetlink-legacy",
                                    "genetlink-c"):
        err("protocol %r is not a genetlink protocol" % spec.get("protocol"))

    # -- multicast groups
    hdr_groups = sorted(v.strip('"') for k, v in defines.items()
                        if k.startswith("SCTPNL_MCGRP_"))
    spec_groups = sorted(g["name"] for g in
                         spec.get("mcast-groups", {}).get("list", []))
    if hdr_groups != spec_groups:
        err("multicast groups: header %s, spec %s" % (hdr_groups, spec_groups))

    # -- definitions
    defs = {d["name"]: d for d in spec.get("definitions", [])}
    for cname, ents in enums.items():
        if cname == "sctpnl_cmd" or cname.endswith("_attrs"):
            continue
        d = next((d for d in defs.values() if d.get("enum-name") == cname),
                 None)
        if d is None or d.get("type") not in ("enum", "flags"):
            err("enum %s: no definitions entry with that enum-name" % cname)
            continue
        prefix = d.get("name-prefix", "sctpnl-%s-" % d["name"])
        want = [(n, v) for n, v in ents]
        # enum: value-start + i; flags: bit value-start + i.
        flags = d.get("type") == "flags"
        got = [(c_name(prefix, e if isinstance(e, str) else e["name"]),
                (1 << (i + d.get("value-start", 0))) if flags else
                i + d.get("value-start", 0))
               for i, e in enumerate(d.get("entries", []))]
        if want != got:
            err("enum %s: header %s, spec %s" % (cname, want, got))
    pmax = defines.get("SCTPNL_PROBE_FILTER_MAX")
    pdef = defs.get("probe-filter-max")
    if pmax is None or pdef is None or pdef.get("value") != int(pmax, 0):
        err("SCTPNL_PROBE_FILTER_MAX %s, spec const probe-filter-max %s" %
            (pmax, pdef and pdef.get("value")))

    # -- attribute sets
    sets = {s["name"]: s for s in spec.get("attribute-sets", [])}
    set_attrs = {}
    for s in sets.values():
        prefix = s.get("name-prefix", "sctpnl-%s-a-" % s["name"])
        vals = implicit_values(s.get("attributes", []))
        set_attrs[s["name"]] = {a["name"]: a for a in s.get("attributes", [])}
        s["_c"] = [(c_name(prefix, n), v) for n, v in vals]
    covered = set()
    for cname, ents in enums.items():
        if not cname.endswith("_attrs"):
            continue
        s = next((s for s in sets.values() if s.get("enum-name") == cname),
                 None)
        if s is None:
            err("%s: no attribute-set with enum-name %s" % (cname, cname))
            continue
        covered.add(s["name"])
        want = dict(real_entries(ents))
        got = dict(s["_c"])
        for n in sorted(set(want) - set(got), key=want.get):
            err("%s: %s (= %d) missing from set %r" %
                (cname, n, want[n], s["name"]))
        for n in sorted(set(got) - set(want), key=got.get):
            err("set %r: %s (= %d) not in %s" % (s["name"], n, got[n], cname))
        for n in sorted(set(want) & set(got), key=want.get):
            if want[n] != got[n]:
                err("%s: header %d, spec %d" % (n, want[n], got[n]))
        # types documented by the header
        prefix = s.get("name-prefix", "")
        for a in s.get("attributes", []):
            cn = c_name(prefix, a["name"])
            m = re.match(r"(u8|u16|u32|u64|string|binary|nest)\b",
                         docs.get(cn, ""))
            if m and a.get("type") != m.group(1):
                err("%s: header says %s, spec type %s" %
                    (cn, m.group(1), a.get("type")))
    # list sets <-> *_ENTRY defines
    for k, v in defines.items():
        m = re.match(r"SCTPNL_A_(\w+)_ENTRY$", k)
        if not m:
            continue
        lname = m.group(1).lower().replace("_", "-")
        if lname not in sets:
            err("%s: no attribute-set %r" % (k, lname))
            continue
        covered.add(lname)
        got = dict(sets[lname]["_c"])
        if got.get(k) != int(v, 0):
            err("%s = %s, spec set %r has %s" % (k, v, lname, got))
    for name in sets:
        if name not in covered:
            err("attribute-set %r matches nothing in the header" % name)

    # self-consistency
    for s in sets.values():
        for a in s.get("attributes", []):
            where = "%s.%s" % (s["name"], a["name"])
            t = a.get("type")
            if t not in TYPES | {"pad", "flag", "unused"}:
                err("%s: unknown type %r" % (where, t))
            if t == "nest" and a.get("nested-attributes") not in sets:
                err("%s: nested-attributes %r is not a set" %
                    (where, a.get("nested-attributes")))
            if "enum" in a and a["enum"] not in defs:
                err("%s: enum %r is not defined" % (where, a["enum"]))

    # -- operations
    ops = spec.get("operations", {})
    oprefix = ops.get("name-prefix", "sctpnl-cmd-")
    got = implicit_values(ops.get("list", []))
    got = [(c_name(oprefix, n), v) for n, v in got]
    want = real_entries(enums.get("sctpnl_cmd", []))
    if want != got:
        for n, v in sorted(set(want) - set(got), key=lambda x: x[1]):
            err("command %s (= %d) missing or misnumbered in the spec" % (n, v))
        for n, v in sorted(set(got) - set(want), key=lambda x: x[1]):
            err("spec operation %s (= %d) not in enum sctpnl_cmd" % (n, v))
    groups = set(spec_groups)
    for op in ops.get("list", []):
        aset = op.get("attribute-set")
        if aset not in sets:
            err("operation %s: attribute-set %r unknown" % (op["name"], aset))
            continue
        if op.get("mcgrp") is not None and op["mcgrp"] not in groups:
            err("operation %s: mcgrp %r unknown" % (op["name"], op["mcgrp"]))
        for f in op.get("flags", []):
            if f not in ("admin-perm", "uns-admin-perm"):
                err("operation %s: unknown flag %r" % (op["name"], f))
        msgs = []
        for mode in ("do", "dump"):
            for part in ("request", "reply"):
                msgs.append(((op.get(mode) or {}).get(part) or {}))
        msgs.append(op.get("event") or {})
        for msg in msgs:
            for a in msg.get("attributes", []):
                if a not in set_attrs[aset]:
                    err("operation %s: attribute %r not in set %r" %
                        (op["name"], a, aset))

    for e in errs:
        print("check-spec: %s" % e)
    if verbose and not errs:
        print("check-spec: %s matches %s: %d attribute sets, %d operations" %
              (spec_path, hdr, len(sets), len(got)))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
