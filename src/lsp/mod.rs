//! The language server: `factlint lsp` speaks LSP over stdio (lsp-server, synchronous).
//!
//! Full-document sync. On open, change and save the document is checked with the same
//! engine as `factlint check` and its findings are published as diagnostics (rule id
//! as the code, the ledger fact and the finding's secondary labels as related
//! information). A finding with a certain fix is offered as a quick fix. The ledger
//! and rules are the workspace's: `factlint.toml` found from the root the client names.
//!
//! `Server` is pure (messages in, messages out) so it is tested without pipes; `serve`
//! runs it on a connection. Nothing a client sends can make it panic: unknown requests
//! get MethodNotFound, bad parameters are logged to stderr and ignored, and a panic in
//! the engine on some document is caught and logged.

pub mod position;

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use lsp_server::{Connection, ErrorCode, Message, Notification, ProtocolError, Request, RequestId, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, InitializeParams, InitializeResult, Location, NumberOrString,
    Position, PublishDiagnosticsParams, Range, SaveOptions, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};
use serde::de::DeserializeOwned;

use crate::check::{CheckOptions, Engine};
use crate::config::{self, Config};
use crate::diagnostics::{Finding, Severity};
use crate::source::{Markup, SourceText};
use crate::span::Span;
use position::LineIndex;

/// Writes a line to stderr: the editor shows it in the server's log; stdout is the
/// protocol and is never written to.
#[allow(clippy::print_stderr)]
fn log(msg: &str) {
    eprintln!("factlint lsp: {msg}");
}

/// What the server tells the client it can do.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                include_text: Some(true),
            })),
            ..Default::default()
        })),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// The workspace root the client names: the first workspace folder, else `rootUri`.
pub fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    #[allow(deprecated)]
    let uri = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| &f.uri)
        .or(params.root_uri.as_ref())?;
    if uri.scheme().map(|s| s.as_str()) != Some("file") {
        return None;
    }
    Some(PathBuf::from(percent_decode(uri.path().as_str())))
}

/// The engine and check options for a workspace: what `factlint check` would use there.
/// The nearest `factlint.toml` at or above `root` names ledger and rule files, rule
/// selection, severity and parameter overrides and date sources (as `cmd::config`
/// finds it from the working folder); without one, or without a root, the embedded
/// defaults. Problems in the configuration are logged and the engine is built from
/// what loaded, as the CLI does. (`[files]` globs choose what a repository run walks;
/// a document the editor opens is always checked.)
pub fn load_engine(root: Option<&std::path::Path>) -> (Engine, CheckOptions) {
    let mut errors = Vec::new();
    let config = match root.and_then(config::discover) {
        Some(path) => {
            log(&format!("configuration: {}", path.display()));
            Config::load(&path).unwrap_or_else(|e| {
                errors.push(e);
                Config::default_enabled()
            })
        }
        None => Config::default_enabled(),
    };
    let (engine, more) = Engine::configured(&config, Vec::new(), Vec::new());
    errors.extend(more);
    for e in &errors {
        log(&format!("configuration: {} ({})", e.message, e.location()));
    }
    let options = CheckOptions {
        date: None,
        report_unverified: config.report_unverified,
        date_sources: config.date,
    };
    (engine, options)
}

/// One open document and what was found in it.
struct Document {
    uri: Uri,
    text: String,
    markup: Markup,
    lines: LineIndex,
    findings: Vec<Finding>,
}

/// The server's state: the engine, its options and the open documents.
pub struct Server {
    engine: Engine,
    options: CheckOptions,
    docs: HashMap<Uri, Document>,
}

impl Server {
    pub fn new(engine: Engine, options: CheckOptions) -> Server {
        Server {
            engine,
            options,
            docs: HashMap::new(),
        }
    }

    /// Handles one message from the client; returns the messages to send back.
    /// (`shutdown` and `exit` are handled by `serve`.)
    pub fn handle(&mut self, msg: Message) -> Vec<Message> {
        match msg {
            Message::Request(req) => vec![Message::Response(self.request(req))],
            Message::Notification(n) => self.notification(n),
            Message::Response(_) => Vec::new(),
        }
    }

    fn request(&mut self, req: Request) -> Response {
        match req.method.as_str() {
            "textDocument/codeAction" => match params::<CodeActionParams>(&req.method, req.params) {
                Some(p) => Response::new_ok(req.id, self.code_actions(&p)),
                None => Response::new_err(req.id, ErrorCode::InvalidParams as i32, "invalid params".into()),
            },
            other => method_not_found(req.id, other),
        }
    }

    fn notification(&mut self, n: Notification) -> Vec<Message> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Some(p) = params::<DidOpenTextDocumentParams>(&n.method, n.params) else {
                    return Vec::new();
                };
                let doc = p.text_document;
                let markup = markup(&doc.uri, &doc.language_id);
                self.update(doc.uri, doc.text, markup)
            }
            "textDocument/didChange" => {
                let Some(p) = params::<DidChangeTextDocumentParams>(&n.method, n.params) else {
                    return Vec::new();
                };
                // Full sync: the last change holds the whole text. A ranged change means
                // the client ignored our sync kind; applying it would guess, so it is
                // logged and the document keeps its last full text.
                let Some(change) = p.content_changes.into_iter().next_back() else {
                    return Vec::new();
                };
                if change.range.is_some() {
                    log("didChange with a range: factlint asks for full-document sync; ignored");
                    return Vec::new();
                }
                let uri = p.text_document.uri;
                let markup = self.docs.get(&uri).map_or_else(|| markup(&uri, ""), |d| d.markup);
                self.update(uri, change.text, markup)
            }
            "textDocument/didSave" => {
                let Some(p) = params::<DidSaveTextDocumentParams>(&n.method, n.params) else {
                    return Vec::new();
                };
                let uri = p.text_document.uri;
                let (text, markup) = match (p.text, self.docs.get(&uri)) {
                    (Some(t), d) => (t, d.map_or_else(|| markup(&uri, ""), |d| d.markup)),
                    (None, Some(d)) => (d.text.clone(), d.markup),
                    (None, None) => return Vec::new(),
                };
                self.update(uri, text, markup)
            }
            "textDocument/didClose" => {
                let Some(p) = params::<DidCloseTextDocumentParams>(&n.method, n.params) else {
                    return Vec::new();
                };
                self.docs.remove(&p.text_document.uri);
                vec![publish(p.text_document.uri, Vec::new())]
            }
            // `initialized`, `$/cancelRequest`, `workspace/didChangeConfiguration`...:
            // nothing to do.
            _ => Vec::new(),
        }
    }

    /// Checks a document's new text and publishes its diagnostics.
    fn update(&mut self, uri: Uri, text: String, markup: Markup) -> Vec<Message> {
        let name = document_name(&uri);
        let source = SourceText::with_markup(&name, text.clone(), markup);
        let (engine, options) = (&self.engine, &self.options);
        let findings = match catch_unwind(AssertUnwindSafe(|| engine.check(&source, options))) {
            Ok(f) => f,
            Err(_) => {
                log(&format!(
                    "internal error while checking {}; no diagnostics",
                    uri.as_str()
                ));
                Vec::new()
            }
        };
        let doc = Document {
            uri: uri.clone(),
            lines: LineIndex::new(&text),
            text,
            markup,
            findings,
        };
        let diagnostics = doc.findings.iter().map(|f| doc.diagnostic(f)).collect();
        self.docs.insert(uri.clone(), doc);
        vec![publish(uri, diagnostics)]
    }

    /// A quick fix for each finding with a fix that touches the requested range.
    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(doc) = self.docs.get(&p.text_document.uri) else {
            return Vec::new();
        };
        let start = doc.offset(p.range.start);
        let end = doc.offset(p.range.end);
        doc.findings
            .iter()
            .filter_map(|f| {
                let fix = f.fix.as_ref()?;
                let touches = (f.span.start as usize) <= end && start <= f.span.end as usize;
                touches.then(|| {
                    let edit = TextEdit {
                        range: doc.range(fix.span),
                        new_text: fix.replacement.clone(),
                    };
                    CodeActionOrCommand::CodeAction(CodeAction {
                        title: format!("Replace with \"{}\"", fix.replacement),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![doc.diagnostic(f)]),
                        edit: Some(WorkspaceEdit {
                            changes: Some(HashMap::from([(doc.uri.clone(), vec![edit])])),
                            ..Default::default()
                        }),
                        is_preferred: Some(true),
                        ..Default::default()
                    })
                })
            })
            .collect()
    }
}

impl Document {
    fn position(&self, offset: u32) -> Position {
        let (line, character) = self.lines.utf16(&self.text, offset as usize);
        Position { line, character }
    }

    fn range(&self, span: Span) -> Range {
        Range {
            start: self.position(span.start),
            end: self.position(span.end),
        }
    }

    fn offset(&self, p: Position) -> usize {
        self.lines.offset(&self.text, p.line, p.character)
    }

    fn diagnostic(&self, f: &Finding) -> Diagnostic {
        let mut related: Vec<DiagnosticRelatedInformation> = f
            .labels
            .iter()
            .map(|l| DiagnosticRelatedInformation {
                location: Location {
                    uri: self.uri.clone(),
                    range: self.range(l.span),
                },
                message: l.text.to_string(),
            })
            .collect();
        if let Some(fact) = &f.fact {
            related.push(DiagnosticRelatedInformation {
                location: Location {
                    uri: self.uri.clone(),
                    range: self.range(f.span),
                },
                message: format!("ledger: {}; source: {}", fact.text, fact.source),
            });
        }
        Diagnostic {
            range: self.range(f.span),
            severity: Some(match f.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Info => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(f.rule.clone())),
            source: Some("factlint".into()),
            message: f.message.clone(),
            related_information: (!related.is_empty()).then_some(related),
            ..Default::default()
        }
    }
}

fn publish(uri: Uri, diagnostics: Vec<Diagnostic>) -> Message {
    Message::Notification(Notification::new(
        "textDocument/publishDiagnostics".into(),
        PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        },
    ))
}

fn method_not_found(id: RequestId, method: &str) -> Response {
    Response::new_err(
        id,
        ErrorCode::MethodNotFound as i32,
        format!("factlint does not handle `{method}`"),
    )
}

/// Parameters of a message, or `None` (logged) when they do not fit.
fn params<P: DeserializeOwned>(method: &str, value: serde_json::Value) -> Option<P> {
    match serde_json::from_value(value) {
        Ok(p) => Some(p),
        Err(e) => {
            log(&format!("ignoring `{method}` with invalid params: {e}"));
            None
        }
    }
}

/// The file name a URI stands for, as findings and Markdown detection see it.
fn document_name(uri: &Uri) -> String {
    let path = percent_decode(uri.path().as_str());
    if path.is_empty() {
        uri.as_str().to_string()
    } else {
        path
    }
}

/// Markdown or text: the path's extension decides; a path without a known one
/// (`untitled:Untitled-1`) goes by the client's language id.
fn markup(uri: &Uri, language_id: &str) -> Markup {
    let name = document_name(uri).to_ascii_lowercase();
    if name.ends_with(".txt") || name.ends_with(".text") {
        return Markup::Text;
    }
    match Markup::from_path(&name) {
        Markup::Markdown => Markup::Markdown,
        Markup::Text if language_id == "markdown" => Markup::Markdown,
        Markup::Text => Markup::Text,
    }
}

/// Decodes `%XX` escapes; invalid escapes and non-UTF-8 results are kept as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Runs the server on a connection until the client shuts it down. Returns an error
/// when the protocol is broken (no `initialize`, `exit` without `shutdown`, a closed
/// channel), which the caller turns into exit code 1.
pub fn serve(connection: &Connection) -> Result<(), String> {
    let err = |e: ProtocolError| e.to_string();
    let (id, init) = connection.initialize_start().map_err(err)?;
    let root = serde_json::from_value::<InitializeParams>(init)
        .ok()
        .and_then(|p| workspace_root(&p));
    let result = InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "factlint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|e| e.to_string())?;
    connection.initialize_finish(id, result).map_err(err)?;
    let (engine, options) = load_engine(root.as_deref());
    let mut server = Server::new(engine, options);
    for msg in &connection.receiver {
        if let Message::Request(req) = &msg
            && connection.handle_shutdown(req).map_err(err)?
        {
            return Ok(());
        }
        if let Message::Notification(n) = &msg
            && n.method == "exit"
        {
            return Err("exit without shutdown".into());
        }
        for out in server.handle(msg) {
            if connection.sender.send(out).is_err() {
                return Err("the client closed the connection".into());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn server() -> Server {
        let (engine, options) = load_engine(None);
        Server::new(engine, options)
    }

    fn open(s: &mut Server, uri: &str, text: &str) -> serde_json::Value {
        let out = s.handle(notification(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        ));
        match &out[..] {
            [Message::Notification(n)] => n.params["diagnostics"].clone(),
            other => panic!("expected one publishDiagnostics, got {other:?}"),
        }
    }

    #[test]
    fn the_workspace_config_chooses_the_rules() {
        let text = "---\ndate: 2024-09-26\n---\n\nStephen Harper, Prime Minister of Canada, spoke.\n";
        let codes = |d: serde_json::Value| -> Vec<String> {
            d.as_array()
                .into_iter()
                .flatten()
                .map(|d| d["code"].as_str().unwrap_or("").to_string())
                .collect()
        };
        assert_eq!(
            codes(open(&mut server(), "file:///a.md", text)),
            ["office-holder-mismatch"]
        );

        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("factlint.toml"), "ignore = [\"office-holder\"]\n").expect("write");
        let sub = dir.path().join("drafts");
        std::fs::create_dir(&sub).expect("mkdir");
        // The config is found by walking up from the workspace root.
        let (engine, options) = load_engine(Some(&sub));
        assert!(engine.rules.iter().all(|r| !r.id.starts_with("office-holder")));
        let mut s = Server::new(engine, options);
        assert!(codes(open(&mut s, "file:///a.md", text)).is_empty());

        // A broken config is logged and the defaults are used.
        std::fs::write(dir.path().join("factlint.toml"), "ignor = 1\n").expect("write");
        let (engine, _) = load_engine(Some(&sub));
        assert!(engine.rules.iter().any(|r| r.id == "office-holder-mismatch"));
    }

    fn request(id: i32, method: &str, params: serde_json::Value) -> Message {
        Message::Request(Request::new(id.into(), method.into(), params))
    }

    fn notification(method: &str, params: serde_json::Value) -> Message {
        Message::Notification(Notification::new(method.into(), params))
    }

    #[test]
    fn garbage_gets_errors_or_silence_never_a_panic() {
        let mut s = server();
        let uri = "file:///x/%C3%A9t%C3%A9.md";
        let garbage = [
            json!(null),
            json!(42),
            json!("text"),
            json!({"textDocument": {"uri": "not a uri at all"}}),
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 99, "character": 99}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
            json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": []}),
            json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": "x"}]}),
        ];
        let methods = [
            "textDocument/didOpen",
            "textDocument/didChange",
            "textDocument/didSave",
            "textDocument/didClose",
            "textDocument/codeAction",
            "$/cancelRequest",
            "workspace/unknown",
        ];
        let mut id = 0;
        for method in methods {
            for params in &garbage {
                id += 1;
                for out in s.handle(request(id, method, params.clone())) {
                    let Message::Response(r) = out else { continue };
                    if method != "textDocument/codeAction" {
                        assert_eq!(
                            r.response_result.err().map(|e| e.code),
                            Some(ErrorCode::MethodNotFound as i32)
                        );
                    }
                }
                s.handle(notification(method, params.clone()));
            }
        }
        // A document with odd text still gets checked, and positions past its end are
        // clamped.
        let text = "\u{feff}𝄞\r\n\0\u{1}Stephen Harper, Prime Minister of Canada, in 2024";
        let out = s.handle(notification(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        ));
        assert_eq!(out.len(), 1);
        let actions = s.handle(request(
            9999,
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 999, "character": 999}}, "context": {"diagnostics": []}}),
        ));
        assert!(matches!(&actions[..], [Message::Response(r)] if r.response_result.is_ok()));
    }

    #[test]
    fn markup_from_the_path_then_the_language_id() {
        let uri = |s: &str| s.parse::<Uri>().expect("uri");
        assert_eq!(markup(&uri("file:///a/b.md"), "plaintext"), Markup::Markdown);
        assert_eq!(markup(&uri("file:///a/b.txt"), "markdown"), Markup::Text);
        assert_eq!(markup(&uri("untitled:Untitled-1"), "markdown"), Markup::Markdown);
        assert_eq!(markup(&uri("untitled:Untitled-1"), "plaintext"), Markup::Text);
        assert_eq!(document_name(&uri("file:///a/%C3%A9t%C3%A9.md")), "/a/été.md");
    }
}
