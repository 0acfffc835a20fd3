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
        if "..." not in items:
            continue
        k = items.index("...")
        root = [re.sub(r"\(.*\)", "", i).strip() for i in items[:k]]
        ext = [re.sub(r"\(.*\)", "", i).strip() for i in items[k + 1:]]
        out[rust_type_name(m.group(1))] = (root, ext)
    return out


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


def fix_open(block, stats):
    name = item_name(block)
    vs = variants(block)
    body = enum_body(name, vs, "A value whose id this release does not define.",
                     "Unknown(crate::ext::UnknownValue)")
    arms = ", ".join(f"{v}({t}) = {key_of(a)}" for a, v, t in vs)
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
    exts = enum_extensions(open(spec_path).read())
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
                block = fix_enumerated(block, asn_attr, params, exts, stats)
            elif t == "CHOICE" and params.get("extensible") == "true":
                block = fix_choice(block, asn_attr, params, stats)
            elif t == "OPEN":
                block = fix_open(block, stats)
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
    header = (
        "// S1AP (TS 36.413 Rel-14.4) generated by rs-asn1c 0.7.2 (hampi) from\n"
        "// spec/s1ap_14_4_0.asn and rewritten by fixup.py. Do not edit: run asn1/regen.\n"
        "// Fixups: " + ", ".join(f"{k} {v}" for k, v in stats.items()) + "\n"
    )
    open(out_path, "w").write(header + "\n" + "\n\n".join(out) + "\n")


if __name__ == "__main__":
    main()
