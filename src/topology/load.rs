//! Entry points: YAML text or a file in, a validated [`Topology`] and its
//! warnings out, or every error found.

use super::diag::{Diagnostic, Report, TopologyError};
use super::lines::LineMap;
use super::model::Topology;
use super::validate::{Origin, validate};
use serde_yaml::Value;
use std::path::{Path, PathBuf};

/// A topology that passed validation, with the warnings found on the way
/// (teaching cases show up here: a USIM key that differs, an APN outside the
/// subscription...).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The validated topology.
    pub topology: Topology,
    /// Warnings, in file order.
    pub warnings: Vec<Diagnostic>,
}

/// Reads and validates a topology file. Messages name the file as given;
/// relative paths inside it (the HSS's `db`) resolve against its folder.
pub fn load_from_path(path: impl AsRef<Path>) -> Result<Loaded, TopologyError> {
    let path = path.as_ref();
    match std::fs::read_to_string(path) {
        Ok(text) => load_from_str_as(&text, path),
        Err(e) => {
            let mut report = Report::new(&path.display().to_string(), LineMap::default());
            report.error_at(None, None, format!("cannot read the file: {e}"));
            Err(report.into_error())
        }
    }
}

/// Validates YAML text that was not read from a file (messages say
/// `<input>`; the name defaults to `topology`).
pub fn load_from_str(text: &str) -> Result<Loaded, TopologyError> {
    load(text, "<input>".into(), None)
}

/// Validates YAML text as if it had been read from `path`: messages name
/// that file, the name defaults to its stem and relative paths resolve
/// against its folder.
pub fn load_from_str_as(text: &str, path: impl AsRef<Path>) -> Result<Loaded, TopologyError> {
    let path = path.as_ref();
    load(text, path.display().to_string(), Some(path.to_path_buf()))
}

fn load(text: &str, label: String, source: Option<PathBuf>) -> Result<Loaded, TopologyError> {
    let lines = LineMap::build(text);
    let duplicate = lines.first_duplicate().cloned();
    let mut report = Report::new(&label, lines);
    let mut doc: Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            syntax_error(&mut report, text, &e, duplicate);
            return Err(report.into_error());
        }
    };
    if let Err(e) = doc.apply_merge() {
        report.error_at(None, None, format!("cannot apply a merge key (<<): {e}"));
        return Err(report.into_error());
    }
    let origin = Origin { source };
    match validate(&doc, &mut report, &origin) {
        Some(topology) if !report.has_errors() => Ok(Loaded {
            topology,
            warnings: report.into_warnings(),
        }),
        _ => Err(report.into_error()),
    }
}

/// A YAML syntax error, with serde_yaml's line and column, in plain words.
fn syntax_error(
    report: &mut Report,
    text: &str,
    e: &serde_yaml::Error,
    duplicate: Option<(String, usize, usize)>,
) {
    let full = e.to_string();
    let pos = e.location().map(|l| (l.line(), l.column()));
    let mut msg = match pos {
        Some((line, column)) => full.replacen(&format!(" at line {line} column {column}"), "", 1),
        None => full.clone(),
    };
    if msg.contains("duplicate entry with key")
        && let Some((path, first, second)) = duplicate
    {
        report.error_at(
            Some(second),
            None,
            format!("{path}: appears twice in the same mapping (first on line {first})"),
        );
        return;
    }
    if let Some((path, _)) = msg.split_once(": invalid type: integer")
        && msg.contains("as u128")
    {
        msg = format!(
            "{path}: this number is too large; if it is a key or an identity, write it in quotes"
        );
    }
    let line = pos.map(|p| p.0);
    let tab = line
        .and_then(|l| text.lines().nth(l.saturating_sub(1)))
        .is_some_and(|t| t.starts_with('\t') || t.trim_start_matches(' ').starts_with('\t'));
    if tab {
        msg.push_str(" (YAML does not allow tabs for indentation: use spaces)");
    }
    report.error_at(line, pos.map(|p| p.1), format!("syntax error: {msg}"));
}
