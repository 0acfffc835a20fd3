//! What the loader tells the user: errors and warnings, each pointing at a
//! file, a line and a field path (`nodes.enb1.mme`, `ues[2].apns[1]`).

use super::lines::LineMap;
use std::fmt;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The topology cannot be used.
    Error,
    /// The topology works but probably not as the user expects (or shows a
    /// teaching case on purpose).
    Warning,
}

/// One finding about a topology file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user named it (`<input>` for text not read from a file).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known (syntax errors).
    pub column: Option<usize>,
    /// Field path, e.g. `nodes.enb1.mme` or `subscribers[0].k`; empty for the
    /// whole file.
    pub path: String,
    /// A plain sentence.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    /// `file:line: path: message`, with `warning: ` before the message of a
    /// warning and `:column` after the line when known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        f.write_str(": ")?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        f.write_str(&self.message)
    }
}

/// A topology that could not be loaded: every error found (not just the
/// first) and the warnings found on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopologyError {
    /// The errors, in the order of the file as far as possible.
    pub errors: Vec<Diagnostic>,
    /// Warnings found while checking.
    pub warnings: Vec<Diagnostic>,
}

impl fmt::Display for TopologyError {
    /// One error per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TopologyError {}

/// The most errors kept; past it they are counted, not stored (a bad entry
/// with `count: 100000` must not print 100,000 lines).
const MAX_ERRORS: usize = 200;

/// Collects findings while a file is checked.
#[derive(Debug)]
pub(crate) struct Report {
    file: String,
    lines: LineMap,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    dropped: usize,
}

impl Report {
    /// A report for `file` whose field lines are in `lines`.
    pub(crate) fn new(file: &str, lines: LineMap) -> Self {
        Self {
            file: file.to_string(),
            lines,
            errors: Vec::new(),
            warnings: Vec::new(),
            dropped: 0,
        }
    }

    /// The line of `path`, or of its nearest ancestor that has one.
    pub(crate) fn line_of(&self, path: &str) -> Option<usize> {
        self.lines.line_of(path)
    }

    fn make(&self, severity: Severity, path: &str, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            file: self.file.clone(),
            line: self.line_of(path),
            column: None,
            path: path.to_string(),
            message,
        }
    }

    /// Records an error at `path`.
    pub(crate) fn error(&mut self, path: &str, message: impl Into<String>) {
        let d = self.make(Severity::Error, path, message.into());
        self.push_error(d);
    }

    /// Records an error with a known position (syntax errors).
    pub(crate) fn error_at(&mut self, line: Option<usize>, column: Option<usize>, msg: String) {
        let d = Diagnostic {
            severity: Severity::Error,
            file: self.file.clone(),
            line,
            column,
            path: String::new(),
            message: msg,
        };
        self.push_error(d);
    }

    fn push_error(&mut self, d: Diagnostic) {
        if self.errors.contains(&d) {
            return;
        }
        if self.errors.len() >= MAX_ERRORS {
            self.dropped += 1;
        } else {
            self.errors.push(d);
        }
    }

    /// Records that a required value at `path` is missing, unless its
    /// value was already reported as unreadable (and dropped).
    pub(crate) fn missing(&mut self, path: &str, message: impl Into<String>) {
        if !self.has_error_under(path) {
            self.error(path, message);
        }
    }

    /// Records a warning at `path`.
    pub(crate) fn warn(&mut self, path: &str, message: impl Into<String>) {
        let d = self.make(Severity::Warning, path, message.into());
        if !self.warnings.contains(&d) && self.warnings.len() < MAX_ERRORS {
            self.warnings.push(d);
        }
    }

    /// Whether an error was already recorded at `path` or below it (so a
    /// value that failed to parse is not also reported as missing).
    pub(crate) fn has_error_under(&self, path: &str) -> bool {
        self.errors.iter().any(|e| {
            e.path == path
                || e.path
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        })
    }

    /// Whether any error was recorded.
    pub(crate) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The warnings, in file order.
    pub(crate) fn into_warnings(mut self) -> Vec<Diagnostic> {
        self.warnings.sort_by_key(|d| d.line.unwrap_or(0));
        self.warnings
    }

    /// Everything found, as the error value.
    pub(crate) fn into_error(mut self) -> TopologyError {
        // File order; findings without a line (about the whole file) first.
        self.errors.sort_by_key(|d| d.line.unwrap_or(0));
        self.warnings.sort_by_key(|d| d.line.unwrap_or(0));
        if self.dropped > 0 {
            let d = Diagnostic {
                severity: Severity::Error,
                file: self.file.clone(),
                line: None,
                column: None,
                path: String::new(),
                message: format!("... and {} more errors", self.dropped),
            };
            self.errors.push(d);
        }
        TopologyError {
            errors: self.errors,
            warnings: self.warnings,
        }
    }
}

/// `parent.key`, or `key` at the top.
pub(crate) fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// `parent[index]`.
pub(crate) fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// The closest of `candidates` to `word`, if it is a likely typo.
pub(crate) fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let w = word.to_ascii_lowercase();
    candidates
        .iter()
        .map(|c| (edit_distance(&w, &c.to_ascii_lowercase()), *c))
        .filter(|(d, c)| *d <= 2 && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `" (did you mean 'x'?)"` or nothing.
pub(crate) fn suggestion(word: &str, candidates: &[&str]) -> String {
    did_you_mean(word, candidates)
        .map(|c| format!(" (did you mean '{c}'?)"))
        .unwrap_or_default()
}

/// Levenshtein distance (short words only: keys, kinds, node names).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostic_displays_file_line_path_message() {
        let d = Diagnostic {
            severity: Severity::Error,
            file: "topologies/x.yaml".into(),
            line: Some(12),
            column: None,
            path: "nodes.enb1.mme".into(),
            message: "node 'mme9' does not exist".into(),
        };
        assert_eq!(
            d.to_string(),
            "topologies/x.yaml:12: nodes.enb1.mme: node 'mme9' does not exist"
        );
        let w = Diagnostic {
            severity: Severity::Warning,
            line: None,
            ..d
        };
        assert_eq!(
            w.to_string(),
            "topologies/x.yaml: nodes.enb1.mme: warning: node 'mme9' does not exist"
        );
    }

    #[test]
    fn did_you_mean_finds_close_words_only() {
        assert_eq!(did_you_mean("mmme", &["kind", "mme", "tac"]), Some("mme"));
        assert_eq!(did_you_mean("gatway", &["gateway", "hss"]), Some("gateway"));
        assert_eq!(did_you_mean("zebra", &["kind", "mme"]), None);
        assert_eq!(did_you_mean("x", &["k"]), None);
    }

    #[test]
    fn report_caps_errors_and_counts_the_rest() {
        let mut r = Report::new("f.yaml", LineMap::default());
        for i in 0..MAX_ERRORS + 5 {
            r.error(&format!("ues[{i}]"), "bad");
        }
        let e = r.into_error();
        assert_eq!(e.errors.len(), MAX_ERRORS + 1);
        assert_eq!(e.errors.last().unwrap().message, "... and 5 more errors");
    }

    #[test]
    fn report_knows_errors_below_a_path() {
        let mut r = Report::new("f.yaml", LineMap::default());
        r.error("nodes.enb1.tac", "bad");
        assert!(r.has_error_under("nodes.enb1"));
        assert!(r.has_error_under("nodes.enb1.tac"));
        assert!(!r.has_error_under("nodes.enb"));
        assert!(!r.has_error_under("nodes.enb1.mme"));
    }
}
