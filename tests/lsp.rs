//! `factlint lsp` as an editor sees it: the binary is started, JSON-RPC goes over its
//! stdin/stdout with `Content-Length` framing, and every read has a timeout so a bug
//! fails the test instead of hanging it. The exchange is written to
//! `$CARGO_TARGET_TMPDIR/lsp-transcript.md` (docs/lsp.md shows one).

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_secs(20);
const URI: &str = "file:///drafts/canada-france.md";
const DRAFT: &str = "---\ndate: 2024-09-26\n---\n\n\
                     Today in Ottawa, Stephen Harper, Prime Minister of Canada, met the press.\n";

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    transcript: String,
}

/// Reads framed messages until the stream ends or breaks.
fn read_messages(stdout: impl Read, tx: std::sync::mpsc::Sender<Value>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse::<usize>().ok();
            }
        }
        let Some(length) = length else { return };
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let Ok(msg) = serde_json::from_slice(&body) else { return };
        if tx.send(msg).is_err() {
            return;
        }
    }
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("factlint lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || read_messages(stdout, tx));
        Client {
            child,
            stdin,
            incoming: rx,
            transcript: String::new(),
        }
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write to server");
        self.stdin.flush().expect("flush");
        self.log("editor → factlint", &msg);
    }

    fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.receive_until(|m| m["id"] == id)
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message that `want` accepts; others are logged and skipped.
    fn receive_until(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = self
                .incoming
                .recv_timeout(left)
                .unwrap_or_else(|e| panic!("no answer from the server ({e}); so far:\n{}", self.transcript));
            self.log("factlint → editor", &msg);
            if want(&msg) {
                return msg;
            }
        }
    }

    fn diagnostics(&mut self) -> Value {
        self.receive_until(|m| m["method"] == "textDocument/publishDiagnostics")
    }

    fn log(&mut self, direction: &str, msg: &Value) {
        let pretty = serde_json::to_string_pretty(msg).unwrap_or_default();
        self.transcript
            .push_str(&format!("{direction}\n```json\n{pretty}\n```\n\n"));
    }

    /// Waits for the process to end, killing it after the timeout.
    fn wait(&mut self) -> Option<i32> {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("factlint lsp did not exit after `exit`");
    }
}

#[test]
fn an_editor_session() {
    let mut c = Client::start();

    let init = c.request(
        1,
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}, "clientInfo": {"name": "factlint-test"}}),
    );
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["textDocumentSync"]["change"], 1, "full sync: {init}");
    assert_eq!(caps["codeActionProvider"], true);
    assert_eq!(init["result"]["serverInfo"]["name"], "factlint");
    c.notify("initialized", json!({}));

    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": DRAFT}}),
    );
    let published = c.diagnostics();
    assert_eq!(published["params"]["uri"], URI);
    let diags = published["params"]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .clone();
    assert_eq!(diags.len(), 1, "{published}");
    let d = &diags[0];
    // "Stephen Harper" is on line 4 (0-based), characters 17..31.
    let range = json!({"start": {"line": 4, "character": 17}, "end": {"line": 4, "character": 31}});
    assert_eq!(d["range"], range);
    assert_eq!(d["code"], "office-holder-mismatch");
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "factlint");
    assert_eq!(
        d["message"],
        "Stephen Harper was not Prime Minister of Canada on 26 September 2024: Justin Trudeau was"
    );
    let related = d["relatedInformation"].as_array().expect("related information");
    assert!(
        related.iter().any(|r| {
            r["message"].as_str().is_some_and(|m| {
                m.starts_with("ledger: Justin Trudeau held the office") && m.contains("source: https://")
            })
        }),
        "{d}"
    );
    assert!(related.iter().all(|r| r["location"]["uri"] == URI));

    // An unknown request gets MethodNotFound; bad params are ignored; the server lives on.
    let unknown = c.request(2, "textDocument/hover", json!({"whatever": true}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    c.notify("textDocument/didChange", json!({"textDocument": 42}));

    let actions = c.request(
        3,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": range, "context": {"diagnostics": [d]}}),
    );
    let action = &actions["result"][0];
    assert_eq!(action["kind"], "quickfix", "{actions}");
    assert_eq!(action["title"], "Replace with \"Justin Trudeau\"");
    let edit = &action["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "Justin Trudeau");
    assert_eq!(edit["range"], range);

    // The writer applies the fix: the diagnostic goes away.
    let fixed = DRAFT.replace("Stephen Harper", "Justin Trudeau");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let published = c.diagnostics();
    assert_eq!(published["params"]["diagnostics"], json!([]), "{published}");

    let shutdown = c.request(4, "shutdown", Value::Null);
    assert_eq!(shutdown["result"], Value::Null);
    assert!(shutdown.get("error").is_none());
    c.notify("exit", Value::Null);
    assert_eq!(c.wait(), Some(0));

    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("lsp-transcript.md");
    let _ = std::fs::write(path, &c.transcript);
}

#[test]
fn exit_without_shutdown_is_an_error() {
    let mut c = Client::start();
    c.request(1, "initialize", json!({"capabilities": {}}));
    c.notify("initialized", json!({}));
    c.notify("exit", Value::Null);
    assert_eq!(c.wait(), Some(1));
}
