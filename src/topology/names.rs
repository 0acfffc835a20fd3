//! Node names and their resolution: `mme: mme1` becomes `NodeId(1)`, a
//! reference left out becomes the only node of that kind, and every way
//! this can go wrong gets a sentence that says what to write instead.

use super::diag::{Report, suggestion};
use super::read::{field_name, text};
use super::schema::Scalar;
use crate::nodes::NodeId;
use std::collections::HashMap;

/// One named node (network node or UE).
#[derive(Debug, Clone)]
pub(crate) struct Named {
    /// Its name.
    pub(crate) name: String,
    /// Its kind word; `None` when the kind was unknown (already reported).
    pub(crate) kind: Option<&'static str>,
    /// Where it is declared.
    pub(crate) path: String,
}

/// Every node name, in `NodeId` order.
#[derive(Debug, Default)]
pub(crate) struct Names {
    list: Vec<Named>,
    index: HashMap<String, usize>,
}

/// `an mme`, `a gateway`: the kind word with its article, as it is read
/// aloud (M-M-E, H-S-S, S-CSCF start with a vowel sound).
pub(crate) fn a(kind: &str) -> String {
    let article = match kind {
        "enb" | "mme" | "hss" | "icscf" | "scscf" => "an",
        _ => "a",
    };
    format!("{article} {kind}")
}

impl Names {
    /// Adds a node; a name used twice is an error naming both places.
    pub(crate) fn add(
        &mut self,
        report: &mut Report,
        name: &str,
        kind: Option<&'static str>,
        path: &str,
    ) -> usize {
        if let Some(&other) = self.index.get(name) {
            let first = &self.list[other];
            let line = report
                .line_of(&first.path)
                .map(|l| format!(" (line {l})"))
                .unwrap_or_default();
            report.error(
                path,
                format!("the name '{name}' is already used by {}{line}", first.path),
            );
        } else {
            self.index.insert(name.to_string(), self.list.len());
        }
        self.list.push(Named {
            name: name.to_string(),
            kind,
            path: path.to_string(),
        });
        self.list.len() - 1
    }

    /// The node called `name`.
    pub(crate) fn get(&self, name: &str) -> Option<(usize, &Named)> {
        self.index.get(name).map(|&i| (i, &self.list[i]))
    }

    /// The node with index `i`.
    pub(crate) fn at(&self, i: usize) -> Option<&Named> {
        self.list.get(i)
    }

    /// How many names.
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// Indexes and names of every node of `kind`.
    pub(crate) fn of_kind(&self, kind: &str) -> Vec<(usize, &str)> {
        self.list
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind == Some(kind))
            .map(|(i, n)| (i, n.name.as_str()))
            .collect()
    }

    fn network_names(&self) -> Vec<&str> {
        self.list
            .iter()
            .filter(|n| n.path.starts_with("nodes."))
            .map(|n| n.name.as_str())
            .collect()
    }

    /// Resolves the reference at `path` to a node of kind `want`.
    ///
    /// Given: the node must exist and be of that kind. Left out: the only
    /// node of that kind; none is an error when `required`, several is
    /// always an error that says which to choose.
    pub(crate) fn resolve(
        &self,
        report: &mut Report,
        path: &str,
        given: Option<&Scalar>,
        want: &'static str,
        required: bool,
    ) -> Option<NodeId> {
        let key = field_name(path);
        if let Some(s) = given {
            let name = text(s);
            return match self.get(&name) {
                None => {
                    let all = self.network_names();
                    report.error(
                        path,
                        format!(
                            "node '{name}' does not exist{} (nodes: {})",
                            suggestion(&name, &all),
                            all.join(", ")
                        ),
                    );
                    None
                }
                Some((_, n)) if n.kind.is_none() => None,
                Some((i, n)) if n.kind == Some(want) => Some(NodeId(i as u32)),
                Some((_, n)) => {
                    let mut msg =
                        format!("{name} is {}, not {}", a(n.kind.unwrap_or("?")), a(want));
                    let choices = self.of_kind(want);
                    if !choices.is_empty() {
                        let list: Vec<&str> = choices.iter().map(|(_, n)| *n).collect();
                        msg.push_str(&format!(" ({want} nodes: {})", list.join(", ")));
                    }
                    report.error(path, msg);
                    None
                }
            };
        }
        let choices = self.of_kind(want);
        match choices.as_slice() {
            [(i, _)] => Some(NodeId(*i as u32)),
            [] if required => {
                report.missing(
                    path,
                    format!("missing: there is no {want} node to default to; add one under nodes:"),
                );
                None
            }
            [] => None,
            many => {
                let list: Vec<&str> = many.iter().map(|(_, n)| *n).collect();
                report.missing(
                    path,
                    format!(
                        "missing, and there are {} {want} nodes ({}): say which one, e.g. `{key}: {}`",
                        many.len(),
                        list.join(", "),
                        list[0]
                    ),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topology::lines::LineMap;

    fn names() -> Names {
        let mut r = Report::new("f", LineMap::default());
        let mut n = Names::default();
        n.add(&mut r, "enb1", Some("enb"), "nodes.enb1");
        n.add(&mut r, "mme1", Some("mme"), "nodes.mme1");
        n.add(&mut r, "gw1", Some("gateway"), "nodes.gw1");
        n.add(&mut r, "hss1", Some("hss"), "nodes.hss1");
        n.add(&mut r, "hss2", Some("hss"), "nodes.hss2");
        n
    }

    fn errors(f: impl FnOnce(&mut Report)) -> Vec<String> {
        let mut r = Report::new("f", LineMap::default());
        f(&mut r);
        r.into_error()
            .errors
            .into_iter()
            .map(|e| e.message)
            .collect()
    }

    #[test]
    fn resolve_finds_given_and_only_nodes() {
        let n = names();
        let mut r = Report::new("f", LineMap::default());
        let mme = Scalar::Text("mme1".into());
        assert_eq!(
            n.resolve(&mut r, "nodes.enb1.mme", Some(&mme), "mme", true),
            Some(NodeId(1))
        );
        assert_eq!(
            n.resolve(&mut r, "nodes.mme1.gateway", None, "gateway", true),
            Some(NodeId(2))
        );
        assert_eq!(
            n.resolve(&mut r, "nodes.p.icscf", None, "icscf", false),
            None
        );
        assert!(!r.has_errors());
    }

    #[test]
    fn resolve_explains_every_failure() {
        let n = names();
        let e = errors(|r| {
            n.resolve(r, "x.mme", Some(&Scalar::Text("mme9".into())), "mme", true);
            n.resolve(r, "x.mme", Some(&Scalar::Text("gw1".into())), "mme", true);
            n.resolve(r, "x.hss", None, "hss", true);
            n.resolve(r, "x.icscf", None, "icscf", true);
        });
        assert_eq!(
            e,
            [
                "node 'mme9' does not exist (did you mean 'mme1'?) (nodes: enb1, mme1, gw1, hss1, hss2)",
                "gw1 is a gateway, not an mme (mme nodes: mme1)",
                "missing, and there are 2 hss nodes (hss1, hss2): say which one, e.g. `hss: hss1`",
                "missing: there is no icscf node to default to; add one under nodes:",
            ]
        );
    }

    #[test]
    fn names_reject_duplicates() {
        let mut n = names();
        let e = errors(|r| {
            n.add(r, "enb1", Some("ue"), "ues[0].name");
        });
        assert_eq!(e, ["the name 'enb1' is already used by nodes.enb1"]);
    }
}
