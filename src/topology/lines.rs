//! Which line each field of a YAML file is on, so a finding can point at
//! it. serde_yaml gives values without positions; this reads the same text
//! once more with a position-aware event parser and records the line of
//! every mapping key and sequence item under the path the checker uses
//! (`nodes.enb1.mme`, `ues[0].apns[1]`).

use std::collections::HashMap;
use yaml_rust2::parser::{Event, Parser};

/// Field path -> 1-based line.
#[derive(Debug, Default, Clone)]
pub(crate) struct LineMap {
    lines: HashMap<String, usize>,
    /// Keys that appear twice in one mapping: (path, first line, second line).
    duplicates: Vec<(String, usize, usize)>,
}

enum Frame {
    Mapping {
        path: String,
        key: Option<String>,
        seen: HashMap<String, usize>,
    },
    Sequence {
        path: String,
        next: usize,
    },
    /// A mapping or sequence used as a key: its contents have no path.
    ComplexKey {
        depth: usize,
    },
}

impl LineMap {
    /// Reads the first document of `text`. Positions are a help, not a
    /// requirement: on a syntax error the map keeps what it saw so far.
    pub(crate) fn build(text: &str) -> Self {
        let mut map = Self::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        while let Ok((event, mark)) = parser.next_token() {
            let line = mark.line();
            match event {
                Event::StreamEnd | Event::DocumentEnd => break,
                Event::Nothing | Event::StreamStart | Event::DocumentStart => {}
                Event::Scalar(value, ..) => map.on_node(&mut stack, line, Some(value), None),
                Event::Alias(_) => map.on_node(&mut stack, line, None, None),
                Event::MappingStart(..) => map.on_node(&mut stack, line, None, Some(true)),
                Event::SequenceStart(..) => map.on_node(&mut stack, line, None, Some(false)),
                Event::MappingEnd | Event::SequenceEnd => map.on_end(&mut stack),
            }
        }
        map
    }

    /// A scalar, alias, or the start of a collection (`open`: mapping or
    /// sequence) at `line`.
    fn on_node(
        &mut self,
        stack: &mut Vec<Frame>,
        line: usize,
        scalar: Option<String>,
        open: Option<bool>,
    ) {
        // The path of this node, and whether it is a mapping key.
        let path = match stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::ComplexKey { depth }) => {
                if open.is_some() {
                    *depth += 1;
                }
                return;
            }
            Some(Frame::Sequence { path, next }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                self.lines.entry(p.clone()).or_insert(line);
                Some(p)
            }
            Some(Frame::Mapping { path, key, seen }) => match key.take() {
                Some(k) => Some(child(path, &k)),
                None => {
                    // This node is a key.
                    match (scalar, open) {
                        (Some(k), _) => {
                            let p = child(path, &k);
                            if let Some(first) = seen.get(&k) {
                                self.duplicates.push((p.clone(), *first, line));
                            } else {
                                seen.insert(k.clone(), line);
                            }
                            self.lines.entry(p).or_insert(line);
                            *key = Some(k);
                        }
                        (None, Some(_)) => {
                            *key = Some("?".into());
                            stack.push(Frame::ComplexKey { depth: 1 });
                        }
                        (None, None) => *key = Some("?".into()),
                    }
                    return;
                }
            },
        };
        let Some(path) = path else { return };
        self.lines.entry(path.clone()).or_insert(line);
        match open {
            Some(true) => stack.push(Frame::Mapping {
                path,
                key: None,
                seen: HashMap::new(),
            }),
            Some(false) => stack.push(Frame::Sequence { path, next: 0 }),
            None => {}
        }
    }

    fn on_end(&mut self, stack: &mut Vec<Frame>) {
        if let Some(Frame::ComplexKey { depth }) = stack.last_mut() {
            *depth -= 1;
            if *depth > 0 {
                return;
            }
        }
        stack.pop();
    }

    /// The line of `path`, or of its nearest ancestor that has one.
    pub(crate) fn line_of(&self, path: &str) -> Option<usize> {
        let mut p = path;
        loop {
            if let Some(l) = self.lines.get(p) {
                return Some(*l);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    /// The first key that appears twice in one mapping: its path, the line
    /// of its first and of its second appearance.
    pub(crate) fn first_duplicate(&self) -> Option<&(String, usize, usize)> {
        self.duplicates.first()
    }
}

fn child(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
name: x
nodes:
  enb1: { kind: enb, mme: mme1 }
  mme1:
    kind: mme
    nas: { integrity: [eia2] }
ues:
  - { imsi: \"1\", apns: [internet, ims] }
  - imsi: \"2\"
    enb: enb1
";

    #[test]
    fn line_map_records_keys_and_items() {
        let m = LineMap::build(TEXT);
        assert_eq!(m.line_of("name"), Some(1));
        assert_eq!(m.line_of("nodes"), Some(2));
        assert_eq!(m.line_of("nodes.enb1"), Some(3));
        assert_eq!(m.line_of("nodes.enb1.mme"), Some(3));
        assert_eq!(m.line_of("nodes.mme1.kind"), Some(5));
        assert_eq!(m.line_of("nodes.mme1.nas.integrity[0]"), Some(6));
        assert_eq!(m.line_of("ues[0]"), Some(8));
        assert_eq!(m.line_of("ues[0].apns[1]"), Some(8));
        assert_eq!(m.line_of("ues[1]"), Some(9));
        assert_eq!(m.line_of("ues[1].enb"), Some(10));
    }

    #[test]
    fn line_map_falls_back_to_the_nearest_ancestor() {
        let m = LineMap::build(TEXT);
        assert_eq!(m.line_of("nodes.mme1.gateway"), Some(4));
        assert_eq!(m.line_of("ues[1].apns[3]"), Some(9));
        assert_eq!(m.line_of("nowhere"), None);
    }

    #[test]
    fn line_map_finds_duplicate_keys() {
        let m = LineMap::build("nodes:\n  a: 1\n  b: 2\n  a: 3\n");
        assert_eq!(m.first_duplicate(), Some(&("nodes.a".to_string(), 2, 4)));
    }

    #[test]
    fn line_map_survives_complex_keys_and_bad_syntax() {
        let m = LineMap::build("? [a, b]\n: 1\nc: 2\n");
        assert_eq!(m.line_of("c"), Some(3));
        let m = LineMap::build("a: [1\nb: 2");
        assert_eq!(m.line_of("a"), Some(1));
    }
}
