//! Command line: `check`, `rules`, `explain`.

use crate::config::{self, Config};
use crate::findings::Severity;
use crate::report::sanitize::line;
use crate::report::{self, Format, RenderOptions};
use crate::rules::{self, Selection, REGISTRY};
use crate::{lint, Settings};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "idlint",
    version,
    about = "Offline linter for Azure infrastructure-as-code: managed identities, secrets, role assignments"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Scan ARM templates and Terraform for identity and secret problems
    Check(Box<CheckArgs>),
    /// List the rules
    Rules {
        #[arg(long, value_enum, default_value_t = CatalogFormat::Table)]
        format: CatalogFormat,
    },
    /// Show a rule's documentation
    Explain {
        /// Rule ID or name, e.g. MID004 or acr-admin-user-enabled
        rule: String,
    },
    /// Show what idlint sees: each template or module's resources, identities, role assignments (JSON)
    Inspect {
        /// Files or directories
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Only counts per unit (declarations, resources), not the resources themselves
        #[arg(long)]
        counts: bool,
        /// The scan root: nothing outside it is read [default: the repository's top level, else .]
        #[arg(long)]
        root: Option<PathBuf>,
        /// Where a `.bicep` file and the JSON compiled from it sit side by side, show this one [default: source]
        #[arg(long, value_enum)]
        bicep: Option<BicepArg>,
    },
    /// List every role assignment: principal, role, scope, condition, findings (an access inventory)
    Access(Box<AccessArgs>),
    /// Print a shell completion script (`idlint completions bash > /etc/bash_completion.d/idlint`)
    Completions {
        /// bash, zsh, fish, powershell or elvish
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Merge JSON or SARIF reports (shards, repositories) into one
    Merge {
        /// Reports written with --format json or --format sarif
        #[arg(required = true)]
        reports: Vec<PathBuf>,
        /// Write the merged report there (standard output otherwise); a
        /// `*.sarif` file gets SARIF
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Write this format: `sarif` converts idlint JSON reports (default:
        /// the reports' own format, or SARIF for an `*.sarif` output)
        #[arg(long, value_enum)]
        format: Option<crate::report::merge::MergeFormat>,
        /// SARIF from JSON: paths relative to this directory (default: the
        /// git repository's top level, else the current directory), as `check`
        #[arg(long, value_name = "DIR")]
        sarif_root: Option<PathBuf>,
        /// SARIF from JSON: where rule READMEs are published, as `check`
        #[arg(long, value_name = "URL")]
        help_uri_base: Option<String>,
    },
}

fn parse_shard(s: &str) -> Result<(u32, u32), String> {
    let (k, n) = s.split_once('/').ok_or("expected K/N, e.g. 1/4")?;
    let k: u32 = k.trim().parse().map_err(|_| "K is not a number")?;
    let n: u32 = n.trim().parse().map_err(|_| "N is not a number")?;
    if n == 0 || k == 0 || k > n {
        return Err(format!("shard {k}/{n}: need 1 <= K <= N"));
    }
    Ok((k, n))
}

/// `--report FORMAT=FILE`.
fn parse_report(s: &str) -> Result<(Format, PathBuf), String> {
    let (f, file) = s
        .split_once('=')
        .ok_or("expected FORMAT=FILE, e.g. sarif=idlint.sarif")?;
    let format = Format::from_str(f.trim(), true).map_err(|_| {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .map(|v| format_name(*v))
            .collect();
        format!("`{}` is not a format: use {}", f.trim(), names.join(", "))
    })?;
    if file.is_empty() {
        return Err("no file after `=`".into());
    }
    Ok((format, PathBuf::from(file)))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CatalogFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Critical,
    High,
    Medium,
    Low,
    Never,
}

impl FailOn {
    pub fn severity(self) -> Option<Severity> {
        match self {
            FailOn::Critical => Some(Severity::Critical),
            FailOn::High => Some(Severity::High),
            FailOn::Medium => Some(Severity::Medium),
            FailOn::Low => Some(Severity::Low),
            FailOn::Never => None,
        }
    }
}

/// What a scan reads and how: the same flags, meaning the same, for
/// `check` and `access`.
#[derive(clap::Args, Debug)]
pub struct ScanArgs {
    /// Files or directories to scan
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Configuration file [default: the nearest .idlint.yaml upward from the deepest directory holding every path, within the root]
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Use no configuration found in the scanned tree; only --config, if given
    #[arg(long)]
    pub isolated: bool,
    /// Where a `.bicep` file and the JSON compiled from it sit side by side, scan this one [default: `bicep` of the config, else source]
    #[arg(long, value_enum)]
    pub bicep: Option<BicepArg>,
    /// The scan root: nothing outside it is read [default: the repository's top level, else .]
    #[arg(long)]
    pub root: Option<PathBuf>,
    /// Parameter file to use for every template, instead of sibling `*.parameters*.json`
    #[arg(long)]
    pub parameters: Option<PathBuf>,
    /// Terraform variables file for every root module, after terraform.tfvars and *.auto.tfvars (repeatable)
    #[arg(long)]
    pub var_file: Vec<PathBuf>,
    /// Worker threads (default: one per core)
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Glob of paths never reported on, walked, named or reached as a child module (repeatable)
    #[arg(long)]
    pub exclude: Vec<String>,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub scan: ScanArgs,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report to this file instead of standard output
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Also write the report in FORMAT to FILE, beside the main output, from the same scan (repeatable): `--report sarif=idlint.sarif --report junit=junit.xml`
    #[arg(long, value_name = "FORMAT=FILE", value_parser = parse_report)]
    pub report: Vec<(Format, PathBuf)>,
    /// Lowest severity that makes the exit code 1; `never` exits 0 even when files fail to parse [default: low, or `fail_on` of the config]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// List `idlint:ignore` comments but do not honour them (PR gates)
    #[arg(long)]
    pub no_inline_suppressions: bool,
    /// Hide findings whose fingerprints are in this baseline file
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// Write the fingerprints of the findings reported to this baseline file
    #[arg(long)]
    pub write_baseline: Option<PathBuf>,
    /// List suppressed findings too, marked as such
    #[arg(long)]
    pub show_suppressed: bool,
    /// Scan only share K of N (e.g. 2/8): a deterministic split of scan jobs (a Terraform root with its child modules, an ARM directory)
    #[arg(long, value_parser = parse_shard)]
    pub shard: Option<(u32, u32)>,
    /// Rules to run: IDs, names or families (SEC, MID, RBAC, BG), comma-separated
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Rules to skip: IDs, names or families, comma-separated
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    #[arg(long)]
    pub no_color: bool,
    /// Print only errors and the summary (human format)
    #[arg(long, short)]
    pub quiet: bool,
    /// Print files, bytes and time per phase to standard error
    #[arg(long)]
    pub stats: bool,
    /// SARIF: make file URIs relative to this directory [default: the git repository holding the current directory, else .]
    #[arg(long)]
    pub sarif_root: Option<PathBuf>,
    /// SARIF: where the rules' READMEs are published (`helpUri` = this + rules/<ID>-<name>/README.md)
    #[arg(long)]
    pub help_uri_base: Option<String>,
}

/// `--bicep`: what is scanned where a `.bicep` file and its compiled JSON sit side by side.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum BicepArg {
    /// The `.bicep` file
    Source,
    /// The compiled JSON
    Compiled,
    /// Both
    Both,
}

impl From<BicepArg> for crate::config::BicepMode {
    fn from(b: BicepArg) -> Self {
        match b {
            BicepArg::Source => crate::config::BicepMode::Source,
            BicepArg::Compiled => crate::config::BicepMode::Compiled,
            BicepArg::Both => crate::config::BicepMode::Both,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct AccessArgs {
    #[command(flatten)]
    pub scan: ScanArgs,
    #[arg(long, value_enum, default_value_t = crate::report::access::AccessFormat::Table)]
    pub format: crate::report::access::AccessFormat,
    /// Write the inventory to this file instead of standard output
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Check(args) => check(*args),
        Command::Access(args) => access(*args),
        Command::Rules { format } => print_out(&catalog(format), 0),
        Command::Inspect {
            paths,
            counts,
            root,
            bicep,
        } => inspect(&paths, counts, root, bicep),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "idlint", &mut script);
            print_out(&String::from_utf8_lossy(&script), 0)
        }
        Command::Merge {
            reports,
            output,
            format,
            sarif_root,
            help_uri_base,
        } => {
            let sarif = match sarif_paths(sarif_root.as_deref(), help_uri_base, Vec::new()) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: {e}");
                    return 2;
                }
            };
            crate::report::merge::run(&reports, output.as_deref(), format, sarif)
        }
        Command::Explain { rule } => match rules::lookup(&rule) {
            Some(r) => print_out(&explain(r.meta.docs), 0),
            None => {
                eprintln!("error: no rule named `{rule}`; `idlint rules` lists them");
                2
            }
        },
    }
}

/// Writes `s` to standard output; the exit code of a failed write (see
/// [`crate::report::write_outcome`]), or `ok` when it was written.
fn print_out(s: &str, ok: i32) -> i32 {
    let mut out = std::io::stdout().lock();
    crate::report::write_outcome(out.write_all(s.as_bytes()).and_then(|_| out.flush()), ok)
}

/// The scan's settings from the command line and the configuration it
/// finds, and the exit threshold; `Err` is the exit code of a bad command.
fn settings(args: &CheckArgs) -> Result<(Settings, Option<Severity>), i32> {
    let roots =
        match crate::source::roots::Roots::for_scan(args.scan.root.as_deref(), &args.scan.paths) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                return Err(2);
            }
        };
    let mut skipped = Vec::new();
    // A pull request can add or edit a discovered configuration; a gate that
    // must not be switched off by the change it judges passes --isolated.
    let config_path = args.scan.config.clone().or_else(|| {
        if args.scan.isolated {
            return None;
        }
        // One configuration for the run, whatever the order of the paths.
        let start = config::discovery_start(&args.scan.paths);
        match config::find(&start, &roots)? {
            config::Found::File(p) => Some(p),
            config::Found::Refused(p, why) => {
                skipped.push((p, why));
                None
            }
        }
    });
    let mut cfg = match config_path.as_deref().map(config::load) {
        None => Config::default(),
        Some(Ok(c)) => c,
        Some(Err(e)) => {
            eprint!("{}", render_config_error(&e));
            return Err(2);
        }
    };
    if let Some(b) = args.scan.bicep {
        cfg.bicep = Some(b.into());
    }
    // Flags override the file. `--select "SEC001, MID004"` is two rules.
    let tokens = |given: &[String]| -> Vec<String> {
        given
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect()
    };
    let (select, ignore) = (tokens(&args.select), tokens(&args.ignore));
    let selection = Selection {
        select: if select.is_empty() {
            cfg.select.clone()
        } else {
            select
        },
        ignore: if ignore.is_empty() {
            cfg.ignore.clone()
        } else {
            ignore
        },
    };
    let fail_on = match (args.fail_on, cfg.fail_on) {
        (Some(f), _) => f.severity(),
        (None, Some(f)) => f,
        (None, None) => Some(Severity::Low),
    };
    let settings = Settings {
        selection,
        threads: args.scan.threads,
        parameters: args.scan.parameters.clone(),
        var_files: args.scan.var_file.clone(),
        exclude: args.scan.exclude.clone(),
        config: cfg,
        baseline: args.baseline.clone(),
        shard: args.shard,
        inspect: false,
        access: false,
        progress: crate::progress::wanted(
            std::io::stderr().is_terminal(),
            std::env::var_os("CI").is_some(),
            args.quiet,
        ),
        no_inline_suppressions: args.no_inline_suppressions,
        root: args.scan.root.clone(),
        skipped,
    };
    Ok((settings, fail_on))
}

/// `idlint access`: a scan as `check` makes it (same discovery,
/// configuration and excludes, so the findings on each assignment are those
/// `check` reports), shown as one row per role assignment.
fn access(a: AccessArgs) -> i32 {
    let args = CheckArgs {
        scan: a.scan,
        format: Format::Json,
        output: None,
        report: Vec::new(),
        fail_on: None,
        no_inline_suppressions: false,
        baseline: None,
        write_baseline: None,
        show_suppressed: false,
        shard: None,
        select: Vec::new(),
        ignore: Vec::new(),
        no_color: false,
        quiet: false,
        stats: false,
        sarif_root: None,
        help_uri_base: None,
    };
    let (mut settings, _) = match settings(&args) {
        Ok(s) => s,
        Err(code) => return code,
    };
    settings.access = true;
    let report = match lint(&args.scan.paths, &settings) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {}", line(&e.0));
            return 2;
        }
    };
    for e in &report.errors {
        eprintln!("{}: error: {}", line(&e.at()), line(&e.message));
    }
    let text = crate::report::access::render(&report.access, a.format);
    let code = if report.errors.is_empty() { 0 } else { 2 };
    match &a.output {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => code,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                2
            }
        },
        None => print_out(&text, code),
    }
}

fn check(args: CheckArgs) -> i32 {
    // Two reports into one file would leave only the last: refuse it.
    let mut targets: Vec<PathBuf> = Vec::new();
    for p in args.output.iter().chain(args.report.iter().map(|(_, p)| p)) {
        let key = std::path::absolute(p)
            .map(|a| crate::source::normalize(&a))
            .unwrap_or_else(|_| p.clone());
        if targets.contains(&key) {
            eprintln!(
                "error: {} is named twice by --output and --report",
                line(&crate::source::display_path(p))
            );
            return 2;
        }
        targets.push(key);
    }
    let (settings, fail_on) = match settings(&args) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let report = match lint(&args.scan.paths, &settings) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {}", line(&e.0));
            return 2;
        }
    };
    if let Some(path) = &args.write_baseline {
        if let Err(e) = crate::baseline::write(path, &report.diagnostics) {
            eprintln!("error: {e}");
            return 2;
        }
    }
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = to_terminal && !args.no_color && std::env::var_os("NO_COLOR").is_none();
    let opts = RenderOptions {
        color,
        quiet: args.quiet,
        show_suppressed: args.show_suppressed,
        width: terminal_width(),
        fail_on,
        sarif: match sarif_options(&args, &settings) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
    };
    let mut failed = false;
    match &args.output {
        Some(path) => failed |= !write_file(&report, args.format, &opts, path, args.quiet),
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written =
                report::write(&report, args.format, &opts, &mut out).and_then(|_| out.flush());
            failed |= crate::report::write_outcome(written, 0) != 0;
        }
    }
    // The same report in other formats, from the same scan: each is tried,
    // and any that cannot be written fails the run with its name.
    let file_opts = RenderOptions {
        color: false,
        ..opts
    };
    for (format, path) in &args.report {
        failed |= !write_file(&report, *format, &file_opts, path, args.quiet);
    }
    if failed {
        return 2;
    }
    if args.stats {
        eprint!("{}", stats(&report));
    }
    report.exit_code(fail_on)
}

/// SARIF's root (`--sarif-root`, else the repository holding the current
/// directory, else the current directory), the rules' documentation base
/// and the configured severities. Paths are compared canonical, as the
/// report's are resolved.
fn sarif_options(args: &CheckArgs, settings: &Settings) -> Result<report::SarifOptions, String> {
    sarif_paths(
        args.sarif_root.as_deref(),
        args.help_uri_base.clone(),
        settings.config.severity.clone(),
    )
}

/// SARIF's root (`--sarif-root`, else the git repository's top level, else
/// the current directory) and the rest of what it needs.
fn sarif_paths(
    sarif_root: Option<&std::path::Path>,
    help_uri_base: Option<String>,
    severities: Vec<(&'static str, crate::findings::Severity)>,
) -> Result<report::SarifOptions, String> {
    let cwd = std::env::current_dir()
        .and_then(std::fs::canonicalize)
        .map_err(|e| format!("current directory: {e}"))?;
    let root = match sarif_root {
        Some(r) => {
            std::fs::canonicalize(r).map_err(|e| format!("--sarif-root {}: {e}", r.display()))?
        }
        None => crate::source::roots::repository_top(&cwd).unwrap_or_else(|| cwd.clone()),
    };
    Ok(report::SarifOptions {
        root: Some(root),
        cwd: Some(cwd),
        help_uri_base,
        severities,
    })
}

/// Writes the report in `format` to `path`; says where unless `quiet`, or
/// why not (and returns false).
fn write_file(
    report: &crate::report::outcome::Report,
    format: Format,
    opts: &RenderOptions,
    path: &std::path::Path,
    quiet: bool,
) -> bool {
    // CI writes reports into artifact folders that may not exist yet.
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    let written = parent
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|_| std::fs::File::create(path))
        .and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            report::write(report, format, opts, &mut w)?;
            w.flush()
        });
    let shown = crate::source::display_path(path);
    let shown = line(&shown);
    match written {
        Err(e) => {
            eprintln!(
                "error: cannot write the {} report to {shown}: {}",
                format_name(format),
                crate::source::io_message(&e)
            );
            false
        }
        Ok(()) => {
            if !quiet {
                eprintln!("wrote the {} report to {shown}", format_name(format));
            }
            true
        }
    }
}

/// A configuration error with its line shown, as human findings are.
fn render_config_error(e: &config::ConfigError) -> String {
    if e.line == 0 {
        return format!("error: {}: {}\n", line(&e.source.display), line(&e.message));
    }
    let offset = e.offset() as u32;
    let err = crate::scan::FileError {
        file: e.source.display.clone(),
        line: Some(e.line),
        column: Some(e.column),
        message: format!("invalid configuration: {}", e.message),
        source: Some((
            e.source.clone(),
            crate::source::Span {
                start: offset,
                end: offset + 1,
            },
        )),
    };
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    crate::report::human::render_errors(&[err], color, terminal_width())
}

fn inspect(paths: &[PathBuf], counts: bool, root: Option<PathBuf>, bicep: Option<BicepArg>) -> i32 {
    let settings = Settings {
        inspect: true,
        root,
        config: Config {
            bicep: bicep.map(Into::into),
            ..Default::default()
        },
        selection: Selection {
            select: vec!["META".into()],
            ignore: Vec::new(),
        },
        ..Default::default()
    };
    match lint(paths, &settings) {
        Ok(r) => {
            let mut s = if counts {
                let rows: Vec<serde_json::Value> = r
                    .units
                    .iter()
                    .map(|u| {
                        serde_json::json!({
                            "file": u.file, "with": u.with,
                            "declarations": u.declarations, "resources": u.resources.len(),
                        })
                    })
                    .collect();
                serde_json::to_string_pretty(&rows).unwrap_or_default()
            } else {
                serde_json::to_string_pretty(&r.units).unwrap_or_default()
            };
            s.push('\n');
            for e in &r.errors {
                eprintln!("{}: error: {}", line(&e.at()), line(&e.message));
            }
            print_out(&s, if r.errors.is_empty() { 0 } else { 2 })
        }
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

/// The name `--format` takes.
fn format_name(f: Format) -> String {
    f.to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w: &usize| *w >= 40)
        .unwrap_or(100)
}

fn stats(r: &crate::report::outcome::Report) -> String {
    let secs = r.elapsed.as_secs_f64().max(1e-9);
    let mb = r.bytes as f64 / 1e6;
    let t = &r.times;
    format!(
        "files: {} scanned, {} skipped, {} with errors ({} discovered)\n\
         bytes: {:.1} MB\n\
         wall: {:.3}s ({:.0} files/s, {:.1} MB/s)\n\
         cpu by phase: read {:.3}s, parse {:.3}s, model {:.3}s, rules+report {:.3}s\n{}",
        r.summary.files,
        r.summary.skipped,
        r.summary.errors,
        r.summary.discovered,
        mb,
        secs,
        r.summary.files as f64 / secs,
        mb / secs,
        t.read.as_secs_f64(),
        t.parse.as_secs_f64(),
        t.model.as_secs_f64(),
        t.rules.as_secs_f64(),
        if r.registry_modules > 0 {
            format!(
                "bicep: {} registry module calls (`br:`, `ts:`) not loaded: their resources are unknown\n",
                r.registry_modules
            )
        } else {
            String::new()
        },
    )
}

/// `idlint rules`: a table, or the catalog as JSON.
pub fn catalog(format: CatalogFormat) -> String {
    match format {
        CatalogFormat::Json => {
            let items: Vec<serde_json::Value> = REGISTRY
                .iter()
                .map(|r| {
                    let m = &r.meta;
                    serde_json::json!({
                        "id": m.id,
                        "name": m.name,
                        "family": m.family.prefix(),
                        "severity": m.severity.as_str(),
                        "formats": m.formats.as_str().split(", ").collect::<Vec<_>>(),
                        "summary": m.summary,
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&items).unwrap_or_default();
            s.push('\n');
            s
        }
        CatalogFormat::Table => {
            // As wide as the longest name, so every column lines up.
            let w = REGISTRY
                .iter()
                .map(|r| r.meta.name.len())
                .max()
                .unwrap_or(0)
                .max(4);
            let mut s = format!(
                "{:<8} {:<w$} {:<9} {}\n",
                "ID", "NAME", "SEVERITY", "FORMATS"
            );
            for r in REGISTRY {
                let m = &r.meta;
                s.push_str(&format!(
                    "{:<8} {:<w$} {:<9} {}\n",
                    m.id,
                    m.name,
                    m.severity.as_str(),
                    m.formats.as_str()
                ));
            }
            s
        }
    }
}

/// A rule README for the terminal: front matter dropped, headings plain.
pub fn explain(docs: &str) -> String {
    let body = crate::findings::strip_front_matter(docs);
    let mut out = String::new();
    for line in body.lines() {
        if let Some(h) = line.strip_prefix("# ") {
            out.push_str(h);
            out.push('\n');
            out.push_str(&"=".repeat(h.chars().count()));
        } else if let Some(h) = line.strip_prefix("## ") {
            out.push_str(h);
            out.push('\n');
            out.push_str(&"-".repeat(h.chars().count()));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}
