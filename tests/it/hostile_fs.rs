//! A hostile repository, through the real binary. idlint runs in CI on
//! untrusted pull requests and its output becomes annotations anyone can
//! read, so what a repository holds must not make it read, print or hang on
//! anything outside the scan root: `file()` escapes, symbolic links out,
//! FIFOs, devices and huge files in places only read for context, names
//! that are not UTF-8, module paths that climb out of the working directory.
//!
//! Each temporary layout is a repository (`repo/.git/`) beside a directory
//! `outside/` whose content must never appear in any output.

#![cfg(unix)]

use crate::support::{idlint_bounded, idlint_in, stderr, stdout};
use serde_json::Value;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Written into every file outside the repository: it must never be printed.
const SECRET: &str = "OUTSIDE-SECRET-7f3a";
/// What `actions/checkout` leaves in `.git/config`.
const TOKEN: &str = "GIT-TOKEN-91c2";

const FORMATS: &[&str] = &["human", "concise", "json", "sarif", "junit", "github"];

const ACR_TF: &str = "resource \"azurerm_container_registry\" \"acr\" {\n  name          = \"acr\"\n  admin_enabled = true\n}\n";

struct Layout {
    _tmp: tempfile::TempDir,
    top: PathBuf,
}

impl Layout {
    /// `repo/` with a `.git/config` holding a token, and `outside/`.
    fn new() -> Layout {
        let tmp = tempfile::tempdir().unwrap();
        let top = tmp.path().canonicalize().unwrap();
        let l = Layout { _tmp: tmp, top };
        l.write(
            "repo/.git/config",
            &format!("[http]\n\textraheader = AUTHORIZATION: basic {TOKEN}\n"),
        );
        l.write("outside/secret.txt", &format!("{SECRET}\n"));
        l
    }
    fn path(&self, rel: &str) -> PathBuf {
        self.top.join(rel)
    }
    fn repo(&self) -> PathBuf {
        self.path("repo")
    }
    fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    fn link(&self, rel: &str, target: &Path) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        symlink(target, p).unwrap();
    }
    fn fifo(&self, rel: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
    }
    /// A file of `mib` MiB of blank lines.
    fn huge(&self, rel: &str, mib: u64) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        let f = std::fs::File::create(p).unwrap();
        f.set_len(mib << 20).unwrap();
    }
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}\n{}\n{}", stdout(o), stderr(o)))
}

/// `(file, reason)` of every skipped entry.
fn skipped(report: &Value) -> Vec<(String, String)> {
    report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["file"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn errors(report: &Value) -> Vec<String> {
    report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{}: {}", e["file"].as_str().unwrap(), e["message"]))
        .collect()
}

/// `file:line rule` of every finding.
fn findings(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{} {}",
                f["file"].as_str().unwrap(),
                f["line"],
                f["rule_id"].as_str().unwrap()
            )
        })
        .collect()
}

/// Every file discovered is scanned, skipped or failed, and counted once.
fn assert_accounted(report: &Value) {
    let s = &report["summary"];
    let n = |k: &str| s[k].as_u64().unwrap();
    assert_eq!(
        n("discovered"),
        n("files") + n("skipped") + n("failed"),
        "{s}"
    );
}

/// Runs `args` in every format and checks no output shows `needles`.
fn assert_never_shown(dir: &Path, args: &[&str], needles: &[&str]) {
    for format in FORMATS {
        let mut a = args.to_vec();
        a.extend(["--format", format]);
        let o = idlint_bounded(dir, &a);
        let all = format!("{}{}", stdout(&o), stderr(&o));
        for n in needles {
            assert!(!all.contains(n), "--format {format} shows {n}:\n{all}");
        }
    }
}

// ------------------------------------------------------------- file()

#[test]
fn file_functions_read_nothing_outside_the_root() {
    let l = Layout::new();
    let secret = l.path("outside/secret.txt");
    l.write("repo/infra/local.txt", "in-repo-value");
    l.link("repo/infra/link.txt", &secret);
    let abs = secret.to_string_lossy();
    let key = |call: &str| format!("    \"${{{call}}}_PASSWORD\" = \"hunter2hunter2\"\n");
    let mut tf = String::from(
        "resource \"azurerm_linux_web_app\" \"app\" {\n  name = \"app\"\n  app_settings = {\n",
    );
    for call in [
        "file(\"../../outside/secret.txt\")".to_string(),
        format!("file(\"{abs}\")"),
        "file(\"../.git/config\")".into(),
        "file(\"link.txt\")".into(),
        "filebase64(\"../../outside/secret.txt\")".into(),
        "templatefile(\"../../outside/secret.txt\", {})".into(),
        "fileexists(\"../../outside/secret.txt\")".into(),
        "fileexists(\"../../outside/missing.txt\")".into(),
        "join(\",\", fileset(\"../../outside\", \"*\"))".into(),
        "file(\"local.txt\")".into(),
        "join(\",\", fileset(\".\", \"*.txt\"))".into(),
    ] {
        tf.push_str(&key(&call));
    }
    tf.push_str("  }\n}\n");
    l.write("repo/infra/main.tf", &tf);
    let repo = l.repo();
    let encoded = "T1VUU0lERS1TRUNSRVQtN2YzYQo"; // base64 of the secret line
    assert_never_shown(
        &repo,
        &["check", "infra"],
        &[
            SECRET,
            TOKEN,
            encoded,
            "true_PASSWORD",
            "false_PASSWORD",
            "secret.txt_PASSWORD",
        ],
    );
    // Inside the repository, the same functions still work; `fileset()`
    // lists the regular file and not the link that leaves.
    let r = json(&idlint_in(&repo, &["check", "infra", "--format", "json"]));
    let messages: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`in-repo-value_PASSWORD`")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("`local.txt_PASSWORD`")),
        "{messages:?}"
    );
}

// ------------------------------------------------------ symbolic links

#[test]
fn symbolic_links_leaving_the_root_are_skipped_unread() {
    let l = Layout::new();
    let secret_lines = format!("root:{SECRET}:19000:0:99999:7:::\n{SECRET} = \"\n");
    l.write("outside/shadow", &secret_lines);
    l.write("outside/passwd", &secret_lines);
    l.write("outside/id_ed25519", &format!("-----BEGIN {SECRET}-----\n"));
    l.write("outside/params.json", &format!("{{\"x\": \"{SECRET}\""));
    l.link("repo/s.tf", &l.path("outside/shadow"));
    l.link("repo/x.json", &l.path("outside/passwd"));
    l.link("repo/.idlint.yaml", &l.path("outside/id_ed25519"));
    l.write("repo/good.tf", ACR_TF);
    // A template given alone, whose parameter file leaves the repository.
    l.write("repo/arm/main.json", "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"resources\": []}\n");
    l.link(
        "repo/arm/main.parameters.json",
        &l.path("outside/params.json"),
    );
    // A child module with a file that leaves, and one installed by
    // `terraform init` into a directory outside.
    l.write(
        "repo/app/main.tf",
        "module \"m\" {\n  source = \"../mod\"\n}\nmodule \"r\" {\n  source = \"example/r/azurerm\"\n}\n",
    );
    l.write("repo/mod/acr.tf", ACR_TF);
    l.link("repo/mod/leak.tf", &l.path("outside/shadow"));
    l.write(
        "repo/app/.terraform/modules/modules.json",
        "{\"Modules\": [{\"Key\": \"r\", \"Dir\": \"../../outside/r\"}]}",
    );
    l.write(
        "outside/r/main.tf",
        &ACR_TF.replace("\"acr\"", &format!("\"{SECRET}\"")),
    );
    let repo = l.repo();
    let needles = [SECRET, TOKEN];

    // Walked.
    assert_never_shown(&repo, &["check", "."], &needles);
    let r = json(&idlint_in(&repo, &["check", ".", "--format", "json"]));
    let sk = skipped(&r);
    for f in [
        ".idlint.yaml",
        "s.tf",
        "x.json",
        "mod/leak.tf",
        "arm/main.parameters.json",
    ] {
        assert!(
            sk.contains(&(f.to_string(), "symlink outside the repository".to_string())),
            "{f}: {sk:?}"
        );
    }
    assert!(
        findings(&r).contains(&"good.tf:3 MID004".to_string()),
        "{r}"
    );
    assert!(
        findings(&r).contains(&"mod/acr.tf:3 MID004".to_string()),
        "{r}"
    );
    assert_accounted(&r);

    // Given by name, as pre-commit does.
    let args = ["check", "s.tf", "x.json", "good.tf", "arm/main.json"];
    assert_never_shown(&repo, &args, &needles);
    let r = json(&idlint_in(
        &repo,
        &[&args[..], &["--format", "json"]].concat(),
    ));
    let sk = skipped(&r);
    for f in [".idlint.yaml", "s.tf", "x.json", "arm/main.parameters.json"] {
        assert!(
            sk.contains(&(f.to_string(), "symlink outside the repository".to_string())),
            "{f}: {sk:?}"
        );
    }
    assert_accounted(&r);

    // A child module's files and an installed module outside.
    let args = ["check", "app"];
    assert_never_shown(&repo, &args, &needles);
    let r = json(&idlint_in(&repo, &["check", "app", "--format", "json"]));
    let sk = skipped(&r);
    assert!(
        sk.contains(&(
            "mod/leak.tf".into(),
            "symlink outside the repository".into()
        )),
        "{sk:?}"
    );
    assert!(
        sk.contains(&("outside/r".into(), "outside the repository".into()))
            || sk
                .iter()
                .any(|(f, w)| f.ends_with("outside/r") && w == "outside the repository"),
        "{sk:?}"
    );
    assert_eq!(findings(&r), ["mod/acr.tf:3 MID004"], "{r}");
    assert_accounted(&r);
}

/// Configuration is looked for up to the root, never above it.
#[test]
fn configuration_above_the_root_is_not_read() {
    let l = Layout::new();
    l.write(".idlint.yaml", "ignore: [MID004]\n");
    l.write("repo/good.tf", ACR_TF);
    let o = idlint_in(&l.repo(), &["check", ".", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert_eq!(findings(&json(&o)), ["good.tf:3 MID004"]);
}

// ------------------------------------- FIFOs, devices and huge files

#[test]
fn special_and_huge_files_are_bounded_and_never_block() {
    let l = Layout::new();
    // Walked: a FIFO and a device link beside a good file.
    l.write("repo/walk/good.tf", ACR_TF);
    l.fifo("repo/walk/fifo.tf");
    l.fifo("repo/walk/fifo.json");
    // A child module whose files are a device, a FIFO and 41 MiB.
    l.write(
        "repo/app/main.tf",
        "module \"m\" {\n  source = \"../mod\"\n}\n",
    );
    l.write("repo/mod/acr.tf", ACR_TF);
    l.link("repo/mod/zero.tf", Path::new("/dev/zero"));
    l.fifo("repo/mod/fifo.tf");
    l.huge("repo/mod/big.tf", 41);
    // `terraform init`'s module list as a FIFO.
    l.write("repo/reg/main.tf", ACR_TF);
    l.fifo("repo/reg/.terraform/modules/modules.json");
    // Siblings of a file given alone, as pre-commit does.
    l.write("repo/pc/main.tf", ACR_TF);
    l.fifo("repo/pc/fifo.tf");
    l.huge("repo/pc/big.tf", 41);
    l.link("repo/pc/zero.tf", Path::new("/dev/zero"));
    let repo = l.repo();
    let not_regular = "not a regular file".to_string();
    let too_big = "\"file is 41.0 MiB, over the 16 MiB limit; not scanned\"";

    let r = json(&idlint_bounded(
        &repo,
        &["check", "walk", "--format", "json"],
    ));
    let sk = skipped(&r);
    assert!(
        sk.contains(&("walk/fifo.tf".into(), not_regular.clone())),
        "{sk:?}"
    );
    assert!(
        sk.contains(&("walk/fifo.json".into(), not_regular.clone())),
        "{sk:?}"
    );
    assert_eq!(findings(&r), ["walk/good.tf:3 MID004"]);
    assert_accounted(&r);

    // With the whole file system as the root, `/dev/zero` is inside and
    // refused for what it is.
    for root in [repo.to_string_lossy().into_owned(), "/".to_string()] {
        let o = idlint_bounded(
            &repo,
            &["check", "app", "--root", &root, "--format", "json"],
        );
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let r = json(&o);
        let sk = skipped(&r);
        assert!(
            sk.contains(&("mod/fifo.tf".into(), not_regular.clone())),
            "{sk:?}"
        );
        let zero = if root == "/" {
            not_regular.clone()
        } else {
            "symlink outside the repository".into()
        };
        assert!(sk.contains(&("mod/zero.tf".into(), zero)), "{sk:?}");
        assert_eq!(errors(&r), [format!("mod/big.tf: {too_big}")]);
        assert_eq!(findings(&r), ["mod/acr.tf:3 MID004"]);
        assert_eq!(r["summary"]["failed"], 1);
        assert_accounted(&r);
    }

    let r = json(&idlint_bounded(
        &repo,
        &["check", "reg", "--format", "json"],
    ));
    assert!(
        skipped(&r).contains(&(
            "reg/.terraform/modules/modules.json".into(),
            not_regular.clone()
        )),
        "{r}"
    );
    assert_accounted(&r);

    let o = idlint_bounded(&repo, &["check", "pc/main.tf", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let r = json(&o);
    let sk = skipped(&r);
    assert!(
        sk.contains(&("pc/fifo.tf".into(), not_regular.clone())),
        "{sk:?}"
    );
    assert!(
        sk.contains(&("pc/zero.tf".into(), "symlink outside the repository".into())),
        "{sk:?}"
    );
    assert_eq!(errors(&r), [format!("pc/big.tf: {too_big}")]);
    assert_eq!(findings(&r), ["pc/main.tf:3 MID004"]);
    assert_accounted(&r);
}

/// A FIFO named on the command line is skipped, not waited on.
#[test]
fn a_fifo_given_by_name_is_skipped() {
    let l = Layout::new();
    l.fifo("repo/main.tf");
    l.write("repo/good.tf", ACR_TF);
    let o = idlint_bounded(
        &l.repo(),
        &["check", "main.tf", "good.tf", "--format", "json"],
    );
    let r = json(&o);
    assert_eq!(
        skipped(&r),
        [("main.tf".to_string(), "not a regular file".to_string())]
    );
    assert_eq!(findings(&r), ["good.tf:3 MID004"]);
    assert_accounted(&r);
}

// ---------------------------------------------------------- silent drops

/// A child module outside the scanned path that does not parse is an error,
/// counted; inside the scan, the child's own job reports it once.
#[test]
fn a_broken_child_module_outside_the_scan_is_an_error() {
    let l = Layout::new();
    l.write(
        "repo/app/main.tf",
        "module \"m\" {\n  source = \"../mod\"\n}\n",
    );
    l.write("repo/mod/acr.tf", ACR_TF);
    l.write("repo/mod/broken.tf", "resource \"x\" {\n");
    let repo = l.repo();
    let o = idlint_in(&repo, &["check", "app", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let r = json(&o);
    let errs = errors(&r);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].starts_with("mod/broken.tf: "), "{errs:?}");
    assert_eq!(r["summary"]["failed"], 1);
    assert_accounted(&r);
    // Scanning both: reported once, by the child's own job.
    let r = json(&idlint_in(&repo, &["check", ".", "--format", "json"]));
    assert_eq!(errors(&r).len(), 1, "{r}");
    assert_eq!(r["summary"]["failed"], 1);
    assert_accounted(&r);
}

/// The same path given twice, spelled differently, is one path.
#[test]
fn paths_given_twice_are_counted_once() {
    let l = Layout::new();
    l.write("repo/x/main.tf", ACR_TF);
    l.write("repo/x/azuredeploy.json", "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"resources\": [{\"type\": \"Microsoft.ContainerRegistry/registries\", \"name\": \"a\", \"properties\": {\"adminUserEnabled\": true}}]}\n");
    let repo = l.repo();
    let once = json(&idlint_in(&repo, &["check", "x", "--format", "json"]));
    assert_eq!(once["summary"]["files"], 2);
    assert_eq!(once["summary"]["discovered"], 2);
    let abs = repo.join("x").to_string_lossy().into_owned();
    for args in [
        vec!["x", "./x"],
        vec!["x", "x/"],
        vec!["x", &abs],
        vec!["x/main.tf", "./x/main.tf", "x/azuredeploy.json"],
    ] {
        let mut a = vec!["check", "--format", "json"];
        a.extend(&args);
        let r = json(&idlint_in(&repo, &a));
        assert_eq!(r["summary"], once["summary"], "{args:?}");
        assert_eq!(r["findings"], once["findings"], "{args:?}");
    }
}

// ------------------------------------------------------------ file names

#[test]
fn names_that_are_not_utf8_are_scanned_and_shown_distinctly() {
    use std::os::unix::ffi::OsStrExt;
    let l = Layout::new();
    let repo = l.repo();
    let name = |b: &[u8]| repo.join(std::ffi::OsStr::from_bytes(b));
    let files: [&[u8]; 4] = [b"caf\xe9.tf", b"caf\xe8.tf", b"a\\b.tf", b"caf\\xE9.tf"];
    for (i, f) in files.iter().enumerate() {
        let text = ACR_TF.replace("\"acr\"", &format!("\"acr{i}\""));
        if std::fs::write(name(f), text).is_err() {
            eprintln!("the file system refuses such names; not tested");
            return;
        }
    }
    let o = idlint_in(&repo, &["check", ".", "--format", "concise"]);
    let out = stdout(&o);
    for shown in [
        "caf\\xE9.tf:3:",
        "caf\\xE8.tf:3:",
        "a\\\\b.tf:3:",
        "caf\\\\xE9.tf:3:",
    ] {
        assert_eq!(
            out.lines().filter(|l| l.starts_with(shown)).count(),
            1,
            "{shown}:\n{out}"
        );
    }
    assert!(
        !out.contains('\u{FFFD}') && !out.contains("a/b.tf"),
        "{out}"
    );
    let r = json(&idlint_in(&repo, &["check", ".", "--format", "json"]));
    assert_eq!(r["summary"]["files"], 4);
}

// ------------------------------------------------------- module paths

const MODULE_PATHS: &str = "testdata/hostile/module_paths";

/// `source = "../../modules/acr"` from `envs/prod` finds the module whatever
/// directory idlint runs from.
#[test]
fn module_sources_resolve_from_any_working_directory() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join(MODULE_PATHS);
    for (cwd, path, shown) in [
        ("", "envs/prod", "modules/acr/main.tf"),
        ("envs", "prod", "../modules/acr/main.tf"),
        ("envs/prod", ".", "../../modules/acr/main.tf"),
    ] {
        let o = idlint_in(&base.join(cwd), &["check", path, "--format", "json"]);
        assert_eq!(o.status.code(), Some(1), "from {cwd:?}: {}", stdout(&o));
        let r = json(&o);
        assert_eq!(findings(&r), [format!("{shown}:3 MID004")], "from {cwd:?}");
    }
}
