//! JUnit XML, for CI test reports: one `<testsuite>` per file, one `<testcase>` per
//! rule and file (a `<failure>` when the rule found something, passing otherwise),
//! and an `<error>` testcase for a file that could not be checked.

use std::fmt::Write;

use super::FileResult;
use crate::diagnostics::Finding;
use crate::error::{InputError, LineIndex};
use crate::rules::Rule;

/// The whole run as one `<testsuites>` document.
pub fn render(results: &[FileResult], errors: &[InputError], rules: &[Rule]) -> String {
    let mut suites = String::new();
    let (mut tests, mut failures, mut errored) = (0usize, 0usize, 0usize);
    for r in results {
        let Some(src) = &r.source else { continue };
        let mut cases = String::new();
        let mut suite_failures = 0;
        for rule in rules {
            let found: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == rule.id).collect();
            let _ = write!(
                cases,
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
                escape(&rule.id),
                escape(&r.path),
                escape(&r.path)
            );
            if found.is_empty() {
                cases.push_str("/>\n");
                continue;
            }
            suite_failures += 1;
            let worst = found.iter().map(|f| f.severity).max().map_or("error", |s| s.as_str());
            let summary = match found.as_slice() {
                [one] => one.message.clone(),
                many => format!("{} findings", many.len()),
            };
            let mut body = String::new();
            let lines = LineIndex::new(&src.text);
            for f in &found {
                let (line, col) = lines.line_col(f.span.start as usize);
                let _ = writeln!(body, "{}:{line}:{col}: {}: {}", r.path, f.severity.as_str(), f.message);
                if let Some(fact) = &f.fact {
                    let _ = writeln!(body, "  ledger: {}; source: {}", fact.text, fact.source);
                }
                if let Some(fix) = &f.fix {
                    let _ = writeln!(body, "  fix: replace with \"{}\"", fix.replacement);
                }
            }
            let _ = write!(
                cases,
                ">\n      <failure message=\"{}\" type=\"{worst}\">{}</failure>\n    </testcase>\n",
                escape(&summary),
                escape(&body)
            );
        }
        tests += rules.len();
        failures += suite_failures;
        let _ = write!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{suite_failures}\" errors=\"0\">\n{cases}  </testsuite>\n",
            escape(&r.path),
            rules.len(),
        );
    }
    for e in errors {
        tests += 1;
        errored += 1;
        let _ = write!(
            suites,
            "  <testsuite name=\"{path}\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase name=\"factlint::{code}\" classname=\"{path}\" file=\"{path}\">\n      <error message=\"{msg}\" type=\"{code}\">{loc}</error>\n    </testcase>\n  </testsuite>\n",
            path = escape(&e.path),
            code = escape(e.code),
            msg = escape(&e.message),
            loc = escape(&e.location()),
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"factlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errored}\">\n{suites}</testsuites>\n"
    )
}

/// Escapes text for XML attributes and content. Characters XML 1.0 cannot hold (most
/// control characters) become U+FFFD.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\u{fffd}"
        );
    }
}
