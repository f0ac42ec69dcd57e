//! The factlint command line. Commands live in `cmd/`; the library does the work.
#![allow(clippy::print_stdout, clippy::print_stderr)]
// See lib.rs: `InputError` is large and rare.
#![allow(clippy::result_large_err)]

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "factlint",
    version,
    about = "Checks policy documents for factual and internal consistency."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents (files, folders, or - for stdin) against the ledger and rules.
    Check(CheckArgs),
    /// Print what the grammar found in a document (dates, names, claims) as JSON.
    Extract(ExtractArgs),
    /// Validate or query the ledger.
    #[command(subcommand)]
    Ledger(LedgerCommand),
    /// List or test rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Write a commented starter factlint.toml in the current folder.
    Init,
    /// Explain a rule: what it checks, an example, how to configure it.
    Explain {
        /// A rule id (e.g. event-date-mismatch) or a check kind (e.g. event-date).
        rule: String,
        #[command(flatten)]
        sources: Sources,
    },
    /// Run the language server on stdin/stdout (for editors).
    Lsp,
    /// Print a shell completion script.
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Level {
    Error,
    Warning,
    Info,
}

/// Where the ledger and rules come from.
#[derive(Args, Clone, Default)]
pub struct Sources {
    /// Add a ledger file (repeatable); merged with the embedded ledger.
    #[arg(long = "ledger", value_name = "FILE")]
    pub ledger: Vec<PathBuf>,
    /// Add a rule pack (repeatable); a rule with an embedded rule's id replaces it.
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Do not load the embedded ledger.
    #[arg(long)]
    pub no_default_ledger: bool,
    /// Do not load the embedded rules.
    #[arg(long)]
    pub no_default_rules: bool,
    /// The config file (default: the nearest factlint.toml in this folder or above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any factlint.toml.
    #[arg(long)]
    pub no_config: bool,
}

#[derive(Args)]
pub struct CheckArgs {
    /// Files or folders to check (.md, .markdown, .txt in folders); - reads stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: factlint::render::Format,
    /// The document date (YYYY-MM-DD), overriding front matter and datelines.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Exit 1 when a finding at or above this level is reported [default: error].
    #[arg(long, value_enum)]
    pub fail_on: Option<Level>,
    /// Report only findings at or above this level.
    #[arg(long, value_enum, default_value = "info")]
    pub min_severity: Level,
    /// Only these rules (ids or id prefixes, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,
    /// Not these rules (ids or id prefixes, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Also report claims the ledger cannot verify (info level).
    #[arg(long)]
    pub report_unverified: bool,
    /// The file name to report for stdin (and to choose Markdown or text).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    /// Print findings only, no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the number of findings per rule after the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Apply the certain fixes in place (atomic writes); report what is left.
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Record the current findings in FILE (a JSON baseline) and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings that are not in the baseline FILE.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Worker threads [default: RAYON_NUM_THREADS, else all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub sources: Sources,
}

#[derive(Args)]
pub struct ExtractArgs {
    /// The document (- for stdin).
    pub file: Option<PathBuf>,
    /// Batch mode: read JSON lines (`id`, `dct`, `text`) from FILE (- for stdin) and
    /// write one line of temporal expressions per input (TempEval-3 style).
    #[arg(long, value_name = "FILE", conflicts_with = "file")]
    pub jsonl: Option<PathBuf>,
    /// The document date (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
    #[command(flatten)]
    pub sources: Sources,
}

#[derive(Subcommand)]
enum LedgerCommand {
    /// Validate ledger files (the embedded ledger plus FILES).
    Check {
        files: Vec<PathBuf>,
        /// Check only FILES, not the embedded ledger.
        #[arg(long)]
        no_default_ledger: bool,
        /// Fail on warnings (series gaps) too.
        #[arg(long)]
        strict: bool,
    },
    /// Show what the ledger holds about an entity, office or series, with sources.
    Show {
        /// An id, name or alias.
        name: String,
        #[command(flatten)]
        sources: Sources,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// List the rules with their kind, severity and summary.
    List {
        #[command(flatten)]
        sources: Sources,
    },
    /// List the check kinds.
    Kinds,
    /// Print docs/rules.md (the rule schema, the shipped rules and the check kinds).
    Docs,
    /// Run rule fixtures: DIR/<rule-id>/*.md with `<!-- expect: RULE -->` comments.
    Test {
        #[arg(default_value = "tests/fixtures/rules")]
        dir: PathBuf,
        #[command(flatten)]
        sources: Sources,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => cmd::check::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Ledger(LedgerCommand::Check {
            files,
            no_default_ledger,
            strict,
        }) => cmd::ledger::check(&files, no_default_ledger, strict),
        Command::Ledger(LedgerCommand::Show { name, sources }) => cmd::ledger::show(&name, &sources),
        Command::Rules(RulesCommand::List { sources }) => cmd::rules::list(&sources),
        Command::Rules(RulesCommand::Kinds) => cmd::rules::kinds(),
        Command::Rules(RulesCommand::Docs) => cmd::rules::docs(),
        Command::Rules(RulesCommand::Test { dir, sources }) => cmd::fixtures::test(&dir, &sources),
        Command::Explain { rule, sources } => cmd::rules::explain(&rule, &sources),
        Command::Init => cmd::init(),
        Command::Lsp => cmd::lsp::run(),
        Command::Completions { shell } => cmd::completions::run(shell),
    };
    ExitCode::from(code)
}
