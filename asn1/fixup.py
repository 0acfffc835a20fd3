#!/usr/bin/env python3
"""Rewrites hampi's generated S1AP code where hampi 0.7.2 gets APER wrong.

Usage: fixup.py SPEC.asn RAW.rs OUT.rs

hampi derives a codec for every type. For the kinds of types listed in
src/ext.rs, this script removes the derived codec (and its #[asn] attribute)
and invokes one of the macros of src/ext.rs instead:

  extensible ENUMERATED  -> aper_enumerated!   (+ constants for extension values,
                                                read from the ASN.1)
  extensible CHOICE      -> aper_choice!       (+ UnknownExtension variant)
  OPEN                   -> aper_open!         (+ Unknown variant)
  unbounded OCTET STRING -> aper_octets!
  empty *IE_Extensions_Entry {} -> a real ProtocolExtensionField

and adds ie_field! for every ProtocolIE-Field / ProtocolExtensionField struct.
The output is deterministic, so CI regenerates and diffs it.
"""
import re
import sys

DERIVE = "#[derive(asn1_codecs_derive :: AperCodec, Debug, Clone, PartialEq, Eq)]"
PLAIN_DERIVE = "#[derive(Debug, Clone, PartialEq, Eq)]"


def const_name(asn_name):
    """ASN.1 identifier -> hampi-style constant name (mo-VoiceCall -> MO_VOICE_CALL)."""
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", asn_name)
    s = re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", "_", s)
    return s.replace("-", "_").upper()


def rust_type_name(asn_name):
    return asn_name.replace("-", "_")


def enum_extensions(spec_text):
    """Top-level `Name ::= ENUMERATED { root..., ..., ext... }` -> {RustName: (root, ext)}."""
    text = re.sub(r"--.*", "", spec_text)
    out = {}
    for m in re.finditer(r"([A-Za-z][\w-]*)\s*::=\s*ENUMERATED\s*\{([^}]*)\}", text):
        items = [i.strip() for i in m.group(2).split(",") if i.strip()]
        k = items.index("...") if "..." in items else len(items)
        root = [re.sub(r"\(.*\)", "", i).strip() for i in items[:k]]
        ext = [re.sub(r"\(.*\)", "", i).strip() for i in items[k + 1:]]
        out[rust_type_name(m.group(1))] = (root, ext)
    return out


CRIT = {"reject": 0, "ignore": 1, "notify": 2}


def norm(name):
    return name.replace("-", "_").lower()


def criticality_tables(spec_text):
    """Generated open-type enum name -> {normalised id name: criticality}.

    The criticality of every IE comes from the IE set (TS 36.413 9.3) the
    container is parameterised with; that of a procedure from its
    S1AP-ELEMENTARY-PROCEDURE definition."""
    text = re.sub(r"--.*", "", spec_text)
    sets = {}
    for m in re.finditer(r"([\w-]+)\s+S1AP-PROTOCOL-(?:IES|EXTENSION)\s*::=\s*\{(.*?)\n\}", text, re.S):
        entries = re.findall(r"ID\s+(id-[\w-]+)\s+CRITICALITY\s+(\w+)", m.group(2))
        sets[m.group(1)] = {norm(i): CRIT[c] for i, c in entries}
    tables = {}
    for m in re.finditer(r"([\w-]+)\s*::=\s*SEQUENCE\s*\{\s*protocolIEs\s+ProtocolIE-Container\s*\{\s*\{\s*([\w-]+)\s*\}", text):
        tables[rust_type_name(m.group(1)) + "ProtocolIEs_EntryValue"] = sets.get(m.group(2))
    for m in re.finditer(r"([\w-]+)\s*::=\s*(?:SEQUENCE\s*\(SIZE\s*\([^)]*\)\)\s*OF\s*ProtocolIE-SingleContainer|E-RAB-IE-ContainerList)\s*\{\s*\{\s*([\w-]+)\s*\}", text):
        tables[rust_type_name(m.group(1)) + "_EntryValue"] = sets.get(m.group(2))
    for m in re.finditer(r"([\w-]+)\s*::=\s*ProtocolIE-SingleContainer\s*\{\s*\{\s*([\w-]+)\s*\}", text):
        tables[rust_type_name(m.group(1)) + "Value"] = sets.get(m.group(2))
    for m in re.finditer(r"([\w-]+)\s*::=\s*SEQUENCE\s*\{[^{}]*?iE-Extensions\s+ProtocolExtensionContainer\s*\{\s*\{\s*([\w-]+)\s*\}", text, re.S):
        tables[rust_type_name(m.group(1)) + "IE_Extensions_EntryExtensionValue"] = sets.get(m.group(2))
    procs = {}
    for m in re.finditer(r"S1AP-ELEMENTARY-PROCEDURE\s*::=\s*\{(.*?)\}", text, re.S):
        code = re.search(r"PROCEDURE CODE\s+(id-[\w-]+)", m.group(1))
        crit = re.search(r"CRITICALITY\s+(\w+)", m.group(1))
        if code and crit:
            procs[norm(code.group(1))] = CRIT[crit.group(1)]
    for outcome in ["InitiatingMessageValue", "SuccessfulOutcomeValue", "UnsuccessfulOutcomeValue"]:
        tables[outcome] = procs
    return tables


def attr_params(block):
    m = re.search(r"#\[asn\((.*?)\)\]", block, re.S)
    if not m:
        return None, {}
    return m.group(0), dict(re.findall(r'(\w+)\s*=\s*"?([^",\s]+)"?', m.group(1)))


def item_name(block):
    m = re.search(r"pub (?:struct|enum) (\w+)", block)
    return m.group(1) if m else None


def strip_codec(block, asn_attr):
    block = block.replace(DERIVE, PLAIN_DERIVE, 1)
    return block.replace(asn_attr + "\n", "", 1)


def variants(block):
    """(attrs, Name, Type) for each variant of a generated enum."""
    return re.findall(r"#\[asn\(([^)]*)\)\]\s*(\w+)\(([^)]*)\),", block)


def key_of(attrs):
    return re.search(r"key = (\d+)", attrs).group(1)


def enum_body(name, vs, extra_doc, extra_variant):
    lines = [PLAIN_DERIVE, f"pub enum {name} {{"]
    for _, v, t in vs:
        lines.append(f"    {v}({t}),")
    lines.append(f"    /// {extra_doc}")
    lines.append(f"    {extra_variant},")
    lines.append("}")
    return "\n".join(lines)


def add_names(block, exts):
    """Adds NAMES (the ASN.1 identifiers, in value order) and name()."""
    name = item_name(block)
    if name not in exts:
        return block
    root, ext = exts[name]
    names = ", ".join(f'"{n}"' for n in root + ext)
    return block + (
        f"\nimpl {name} {{\n"
        f"    /// The ASN.1 identifiers of the values, in value order.\n"
        f"    pub const NAMES: &'static [&'static str] = &[{names}];\n"
        f"    /// The ASN.1 identifier of this value, if it is one this release defines.\n"
        f"    pub fn name(&self) -> Option<&'static str> {{\n"
        f"        Self::NAMES.get(usize::from(self.0)).copied()\n"
        f"    }}\n"
        f"}}"
    )


def fix_enumerated(block, asn_attr, params, exts, stats):
    name = item_name(block)
    ub = params["ub"]
    block = strip_codec(block, asn_attr)
    if name in exts:
        root, ext = exts[name]
        declared = re.findall(r"pub const (\w+): u8 = (\d+)u8;", block)
        # Our naming must agree with hampi's for the root values.
        if [c for c, _ in declared] != [const_name(r) for r in root]:
            raise SystemExit(f"fixup: root names of {name} differ from hampi's: {declared} vs {root}")
        if ext:
            consts = "".join(
                f"    pub const {const_name(e)}: u8 = {int(ub) + 1 + i}u8;\n" for i, e in enumerate(ext)
            )
            block = re.sub(r"\n\}$", "\n" + consts.rstrip("\n") + "\n}", block)
            stats["enum_ext_values"] += len(ext)
    stats["enumerated"] += 1
    return block + f"\ncrate::aper_enumerated!({name}, {ub});"


def fix_choice(block, asn_attr, params, stats):
    name = item_name(block)
    vs = variants(block)
    root = [(v, t, key_of(a)) for a, v, t in vs if "extended = false" in a]
    ext = [(v, t, key_of(a)) for a, v, t in vs if "extended = true" in a]
    body = enum_body(name, vs, "An extension alternative this release does not define.",
                     "UnknownExtension(crate::ext::UnknownAlternative)")
    r = ", ".join(f"{v}({t}) = {k}" for v, t, k in root)
    e = ", ".join(f"{v}({t}) = {k}" for v, t, k in ext)
    stats["choice"] += 1
    stats["choice_ext_alternatives"] += len(ext)
    return body + f"\ncrate::aper_choice!({name}, {params['ub']}, root {{ {r} }}, ext {{ {e} }});"


def fix_open(block, tables, stats):
    name = item_name(block)
    vs = variants(block)
    table = tables.get(name)
    if vs and table is None:
        raise SystemExit(f"fixup: no IE set found for open type {name}")
    crits = []
    for _, v, _ in vs:
        c = table.get(norm(v))
        if c is None:
            raise SystemExit(f"fixup: no criticality for {v} in {name}")
        crits.append(c)
    body = enum_body(name, vs, "A value whose id this release does not define.",
                     "Unknown(crate::ext::UnknownValue)")
    arms = ", ".join(f"{v}({t}) = {key_of(a)} @ {c}" for (a, v, t), c in zip(vs, crits))
    stats["open"] += 1
    return body + f"\ncrate::aper_open!({name} {{ {arms} }});"


def empty_extension_entry(name, stats):
    value = name + "ExtensionValue"
    stats["empty_extension_entries"] += 1
    return "\n".join([
        DERIVE,
        '#[asn(type = "SEQUENCE", extensible = false)]',
        f"pub struct {name} {{",
        "    #[asn(key_field = true)]",
        "    pub id: ProtocolExtensionID,",
        "    pub criticality: Criticality,",
        f"    pub extension_value: {value},",
        "}",
        "",
        PLAIN_DERIVE,
        f"pub enum {value} {{",
        "    /// A value whose id this release does not define.",
        "    Unknown(crate::ext::UnknownValue),",
        "}",
        f"crate::aper_open!({value} {{}});",
    ])


def main():
    spec_path, raw_path, out_path = sys.argv[1:4]
    spec = open(spec_path).read()
    exts = enum_extensions(spec)
    tables = criticality_tables(spec)
    raw = open(raw_path).read().strip("\n")
    stats = {k: 0 for k in ["enumerated", "enum_ext_values", "choice", "choice_ext_alternatives",
                            "open", "octets", "empty_extension_entries", "ie_fields"]}
    out = []
    for block in raw.split("\n\n"):
        asn_attr, params = attr_params(block)
        name = item_name(block)
        if DERIVE in block and asn_attr:
            t = params.get("type")
            if t == "ENUMERATED" and params.get("extensible") == "true":
                block = add_names(fix_enumerated(block, asn_attr, params, exts, stats), exts)
            elif t == "ENUMERATED":
                block = add_names(block, exts)
            elif t == "CHOICE" and params.get("extensible") == "true":
                block = fix_choice(block, asn_attr, params, stats)
            elif t == "OPEN":
                block = fix_open(block, tables, stats)
            elif t == "OCTET-STRING" and "sz_ub" not in params:
                block = strip_codec(block, asn_attr) + f"\ncrate::aper_octets!({name});"
                stats["octets"] += 1
            elif t == "SEQUENCE" and re.search(r"pub struct \w+IE_Extensions_Entry \{\}", block):
                block = empty_extension_entry(name, stats)
        m = re.search(r"pub id: Protocol(?:IE_|Extension)ID,\s*pub criticality: Criticality,\s*pub (value|extension_value): ", block)
        if m:
            block += f"\ncrate::ie_field!({name}, {m.group(1)});"
            stats["ie_fields"] += 1
        out.append(block)
    codes = sorted(
        (int(n), name[3:])
        for name, n in re.findall(r"(id-[\w-]+)\s+ProcedureCode\s*::=\s*(\d+)", re.sub(r"--.*", "", spec))
    )
    out.append(
        "/// The elementary procedure named by a procedure code (TS 36.413 9.3.7).\n"
        "pub fn procedure_name(code: u8) -> Option<&'static str> {\n"
        "    match code {\n"
        + "".join(f'        {n} => Some("{name}"),\n' for n, name in codes)
        + "        _ => None,\n    }\n}"
    )
    header = (
        "// S1AP (TS 36.413 Rel-14.4) generated by rs-asn1c 0.7.2 (hampi) from\n"
        "// spec/s1ap_14_4_0.asn and rewritten by fixup.py. Do not edit: run asn1/regen.\n"
        "// Fixups: " + ", ".join(f"{k} {v}" for k, v in stats.items()) + "\n"
    )
    open(out_path, "w").write(header + "\n" + "\n\n".join(out) + "\n")


if __name__ == "__main__":
    main()
