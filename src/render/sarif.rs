//! SARIF 2.1.0 output, for code-scanning upload (GitHub, Azure DevOps, IDE viewers).
//!
//! Typed with `serde-sarif`. One run: `tool.driver.rules` describes every loaded rule,
//! each result points at its rule by id and index, with a region whose columns are
//! UTF-16 code units (SARIF's default `columnKind`, stated explicitly), and a `fixes`
//! entry where the finding has a certain replacement. Problems with input files are
//! tool execution notifications of the one invocation.
//!
//! Streamed: the log's head, each result as its file is checked, then the rest. The
//! run's keys are in serde-sarif's order (`columnKind`, `results`, `tool`) except
//! `invocations`, which holds the input errors found while checking and so comes last
//! (serde-sarif writes it before `results`; key order means nothing in JSON, and the
//! tests validate the log against the SARIF schema).

use std::collections::BTreeMap;

use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix, Invocation, Location, Message, MultiformatMessageString,
    Notification, PhysicalLocation, Region, Replacement, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Tool, ToolComponent,
};

use super::{FileResult, Format, Renderer};
use crate::diagnostics::{Finding, Severity};
use crate::error::InputError;
use crate::lsp::position::LineIndex;
use crate::rules::Rule;
use crate::span::Span;

/// The schema the output declares (the OASIS 2.1.0 schema, with errata; the tests
/// validate against a vendored copy).
pub const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The whole run as one SARIF log.
pub fn render(results: &[FileResult], errors: &[InputError], rules: &[Rule]) -> String {
    super::render_all(&Renderer::new(Format::Sarif, rules, None, false), results, errors)
}

/// Where each element of `runs[0].results` starts.
pub(super) const INDENT: &str = "        ";

/// The log up to the opening bracket of the run's `results`.
pub(super) fn head() -> String {
    format!(
        "{{\n  \"$schema\": {},\n  \"runs\": [\n    {{\n      \"columnKind\": \"utf16CodeUnits\",\n      \"results\": [",
        serde_json::Value::from(SCHEMA)
    )
}

/// One file's results, pretty-printed and indented as elements of `results`,
/// separated by commas.
pub(super) fn fragment(path: &str, text: &str, findings: &[Finding], index: &BTreeMap<&str, usize>) -> String {
    let lines = LineIndex::new(text);
    let uri = uri(path);
    let mut out = String::new();
    for (i, f) in findings.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
            out.push_str(INDENT);
        }
        let r = result(f, text, &lines, &uri, index.get(f.rule.as_str()).copied());
        out.push_str(&super::pretty_at(&r, INDENT));
    }
    out
}

/// The rest of the log: `results` closed (`any`: it has elements), `tool` (every
/// loaded rule), then `invocations` (the input errors, known only at the end: written
/// last, where serde-sarif would write them before `results`), the log's `version`.
pub(super) fn tail(any: bool, errors: &[InputError], rules: &[Rule]) -> String {
    let close = if any { "\n      ]" } else { "]" };
    format!(
        "{close},\n      \"tool\": {},\n      \"invocations\": {}\n    }}\n  ],\n  \"version\": \"2.1.0\"\n}}\n",
        super::pretty_at(&tool(rules), "      "),
        super::pretty_at(&[invocation(errors)], "      "),
    )
}

fn tool(rules: &[Rule]) -> Tool {
    let driver = ToolComponent::builder()
        .name("factlint")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .short_description(text(env!("CARGO_PKG_DESCRIPTION")))
        .rules(rules.iter().map(descriptor).collect::<Vec<_>>())
        .build();
    Tool::builder().driver(driver).build()
}

fn invocation(errors: &[InputError]) -> Invocation {
    let notifications: Vec<Notification> = errors.iter().map(notification).collect();
    let mut invocation = Invocation::builder().execution_successful(errors.is_empty()).build();
    invocation.tool_execution_notifications = (!notifications.is_empty()).then_some(notifications);
    invocation
}

fn text(s: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s).build()
}

fn message(s: impl Into<String>) -> Message {
    Message::builder().text(s).build()
}

fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn level_str(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Rule metadata: id, name, the rule's summary, and its kind's documentation.
fn descriptor(rule: &Rule) -> ReportingDescriptor {
    let doc = rule.kind.doc.trim();
    let full = section(doc, "What it checks").unwrap_or_else(|| rule.summary.clone());
    let help = MultiformatMessageString::builder().text(doc).markdown(doc).build();
    ReportingDescriptor::builder()
        .id(rule.id.clone())
        .name(rule.name.clone())
        .short_description(text(rule.summary.clone()))
        .full_description(text(full))
        .help(help)
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::json!(level_str(rule.severity)))
                .build(),
        )
        .build()
}

/// The text under `## heading` in a kind's doc, its lines joined.
fn section(doc: &str, heading: &str) -> Option<String> {
    let start = doc.find(&format!("## {heading}\n"))? + heading.len() + 4;
    let rest = doc.get(start..)?;
    let body = rest.split("\n## ").next().unwrap_or(rest);
    let joined = body.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// A 1-based region with UTF-16 columns; `endColumn` is the column after the span.
fn region(text: &str, lines: &LineIndex, span: Span) -> Region {
    let (line, col) = lines.utf16(text, span.start as usize);
    let (end_line, end_col) = lines.utf16(text, span.end as usize);
    Region::builder()
        .start_line(i64::from(line) + 1)
        .start_column(i64::from(col) + 1)
        .end_line(i64::from(end_line) + 1)
        .end_column(i64::from(end_col) + 1)
        .build()
}

fn artifact(uri: &str) -> ArtifactLocation {
    ArtifactLocation::builder().uri(uri).build()
}

fn result(f: &Finding, text: &str, lines: &LineIndex, uri: &str, rule_index: Option<usize>) -> SarifResult {
    let location = Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(artifact(uri))
                .region(region(text, lines, f.span))
                .build(),
        )
        .build();
    let mut msg = f.message.clone();
    if let Some(fact) = &f.fact {
        msg.push_str(&format!("\nledger: {}; source: {}", fact.text, fact.source));
    }
    let related: Vec<Location> = f
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            Location::builder()
                .id(i as i64)
                .message(message(l.text.clone()))
                .physical_location(
                    PhysicalLocation::builder()
                        .artifact_location(artifact(uri))
                        .region(region(text, lines, l.span))
                        .build(),
                )
                .build()
        })
        .collect();
    let fixes = f.fix.as_ref().map(|fix| {
        let replacement = Replacement::builder()
            .deleted_region(region(text, lines, fix.span))
            .inserted_content(ArtifactContent::builder().text(fix.replacement.clone()).build())
            .build();
        vec![
            Fix::builder()
                .description(message(format!("Replace with \"{}\"", fix.replacement)))
                .artifact_changes(vec![
                    ArtifactChange::builder()
                        .artifact_location(artifact(uri))
                        .replacements(vec![replacement])
                        .build(),
                ])
                .build(),
        ]
    });
    // The builder's type changes with each field it sets, so the optional fields are
    // set on the built value.
    let mut out = SarifResult::builder()
        .rule_id(f.rule.clone())
        .level(level(f.severity))
        .message(message(msg))
        .locations(vec![location])
        .build();
    out.rule_index = rule_index.map(|i| i as i64);
    out.related_locations = (!related.is_empty()).then_some(related);
    out.fixes = fixes;
    out
}

fn notification(e: &InputError) -> Notification {
    let mut physical = PhysicalLocation::builder()
        .artifact_location(artifact(&uri(&e.path)))
        .build();
    if let (Some(text), Some(span)) = (&e.text, e.span) {
        let lines = LineIndex::new(text);
        let (line, col) = lines.utf16(text, span.start as usize);
        physical.region = Some(
            Region::builder()
                .start_line(i64::from(line) + 1)
                .start_column(i64::from(col) + 1)
                .build(),
        );
    }
    let level = if e.warning { "warning" } else { "error" };
    Notification::builder()
        .level(serde_json::json!(level))
        .message(message(e.message.clone()))
        .locations(vec![Location::builder().physical_location(physical).build()])
        .build()
}

/// A relative path as a URI reference (RFC 3986): `/` separators; bytes that may
/// not stand in a path segment (spaces, non-ASCII, `%`, `#`, `?`, and `:`, which in a
/// first segment would read as a scheme) percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_sarif::sarif::{Run, Sarif};

    use super::*;

    /// The renderer before streaming: one `Sarif` value, pretty-printed whole.
    fn whole(results: &[FileResult], errors: &[InputError], rules: &[Rule]) -> String {
        let index: BTreeMap<&str, usize> = rules.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
        let mut sarif_results = Vec::new();
        for r in results {
            let Some(src) = &r.source else { continue };
            let lines = LineIndex::new(&src.text);
            let uri = uri(&r.path);
            for f in &r.findings {
                sarif_results.push(result(f, &src.text, &lines, &uri, index.get(f.rule.as_str()).copied()));
            }
        }
        let notifications: Vec<Notification> = errors.iter().map(notification).collect();
        let mut invocation = Invocation::builder().execution_successful(errors.is_empty()).build();
        invocation.tool_execution_notifications = (!notifications.is_empty()).then_some(notifications);
        let driver = ToolComponent::builder()
            .name("factlint")
            .version(env!("CARGO_PKG_VERSION"))
            .semantic_version(env!("CARGO_PKG_VERSION"))
            .short_description(text(env!("CARGO_PKG_DESCRIPTION")))
            .rules(rules.iter().map(descriptor).collect::<Vec<_>>())
            .build();
        let run = Run::builder()
            .tool(Tool::builder().driver(driver).build())
            .column_kind(serde_json::json!("utf16CodeUnits"))
            .invocations(vec![invocation])
            .results(sarif_results)
            .build();
        let log = Sarif::builder()
            .schema(SCHEMA)
            .version(serde_json::json!("2.1.0"))
            .runs(vec![run])
            .build();
        serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".into()) + "\n"
    }

    #[test]
    fn streamed_log_equals_the_whole_log_but_for_key_order() {
        let (engine, _) = crate::check::Engine::with_defaults();
        let rules = &engine.rules;
        let checked = |path: &str, text: &str| {
            let source = crate::source::SourceText::new(path, text.into());
            let findings = engine.check(&source, &crate::check::CheckOptions::default());
            FileResult {
                path: path.into(),
                source: Some(source),
                findings,
            }
        };
        let results = [
            checked("a b.md", "On Friday, 26 September 2024, the 30 Allies met in Kiev.\n"),
            checked("clean.md", "Nothing.\n"),
            FileResult {
                path: "unread.md".into(),
                source: None,
                findings: Vec::new(),
            },
            checked("z.md", "𝄞 On Friday, 26 September 2024, TBC.\n"),
        ];
        assert!(results[0].findings.len() > 1 && !results[3].findings.is_empty());
        let errors = [InputError::new("source::binary", "unread.md", "unread.md: \"binary\"")];
        for (files, errors) in [
            (&results[..], &errors[..]),
            (&results[..0], &[][..]),
            (&results[1..2], &errors[..]),
        ] {
            let streamed = render(files, errors, rules);
            let parsed: serde_json::Value = serde_json::from_str(&streamed).expect("streamed SARIF is JSON");
            let expected: serde_json::Value =
                serde_json::from_str(&whole(files, errors, rules)).expect("whole SARIF is JSON");
            assert_eq!(parsed, expected);
            // The same layout: every line of one is a line of the other (but for the
            // commas after the keys that moved).
            let whole = whole(files, errors, rules);
            let mut a: Vec<&str> = streamed.lines().map(|l| l.trim_end_matches(',')).collect();
            let mut b: Vec<&str> = whole.lines().map(|l| l.trim_end_matches(',')).collect();
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b);
        }
    }

    #[test]
    fn uris_encode_only_what_a_path_cannot_hold() {
        assert_eq!(uri("docs/a,b (1).md"), "docs/a,b%20(1).md");
        assert_eq!(uri("été:50%#?.md"), "%C3%A9t%C3%A9%3A50%25%23%3F.md");
        assert_eq!(uri("dir\\file.md"), "dir/file.md");
    }
}
