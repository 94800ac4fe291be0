//! The end-to-end leak test: a repository a pull request could make, full
//! of symbolic links that leave it, file functions that reach outside it,
//! and secrets, scanned in every output format, walked and file by file (as
//! pre-commit passes them), with findings reported, suppressed and ignored.
//! No byte of the files outside may appear, and no secret past the four
//! characters a masked value keeps.

use std::path::Path;
use std::process::{Command, Output};

/// In every file outside the repository, so one search finds any of them.
const OUTSIDE: &str = "OUTSIDE-7f3a";

/// Secrets written in the repository; each must appear masked only. The
/// part after the first four characters is what must never be printed.
const SECRETS: &[&str] = &[
    "Hunter2-Outside-Leak-Zz9!",
    "Kx7vQ2mR9tLp4sWz8yNc3bFh6jDg1aEu5oIk0qTr2VwXy4ZbCd6EfGh8IjKlMnOpQrStUvWx1234567890abcd==",
    "EsyjjbE4v3dqKrLW35Lxl6MlMAdvtHRcprB2Yk99yUh%3D",
    "MIIEowIBAAKCAQEAu7fakefakefakefakefakefakefakefakefakefakefakeQIDAQAB",
];

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn link(target: &Path, at: &Path) {
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, at).unwrap();
}

/// `tmp/outside/...` (what must not leak) and `tmp/repo/...` (the scan).
fn make_tree(tmp: &Path) -> std::path::PathBuf {
    let out = tmp.join("outside");
    let repo = tmp.join("repo");
    write(&out, "hostname", &format!("{OUTSIDE}-HOSTNAME\n"));
    write(
        &out,
        "gitconfig",
        &format!("[http]\n\textraheader = AUTHORIZATION: basic {OUTSIDE}-TOKEN\n"),
    );
    write(
        &out,
        "passwd.json",
        &format!("{{\n  \"root\": \"{OUTSIDE}-PASSWD\",\n  broken\n}}\n"),
    );
    write(
        &out,
        "shadow.tf",
        &format!("root = \"{OUTSIDE}-SHADOW\" {{{{ broken\n"),
    );
    write(
        &out,
        "id_ed25519",
        &format!("-----BEGIN OPENSSH PRIVATE KEY-----\n{OUTSIDE}-SSHKEY\n-----END OPENSSH PRIVATE KEY-----\n"),
    );
    write(
        &out,
        "moddir/main.tf",
        &format!(
            "resource \"azurerm_linux_virtual_machine\" \"m\" {{\n  name = \"{OUTSIDE}-MODULE\"\n  admin_password = \"{OUTSIDE}-MODULE-PW\"\n}}\n"
        ),
    );
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    let host = out.join("hostname");
    let host = host.to_str().unwrap();
    write(
        &repo,
        "main.tf",
        &format!(
            r#"resource "azurerm_linux_web_app" "app" {{
  name                = "app-orders"
  resource_group_name = "rg-orders"
  location            = "westeurope"
  service_plan_id     = "plan"
  site_config {{}}
  app_settings = {{
    "${{file("{host}")}}_PASSWORD"            = "x"
    "${{file("../outside/gitconfig")}}_TOKEN" = "y"
    "${{templatefile("{host}", {{}})}}_A"      = "z"
    "${{filebase64("../outside/hostname")}}"  = "w"
    "${{pathexpand("~/.ssh/id_ed25519")}}"    = "v"
    "${{fileexists("{host}")}}"               = "u"
    "STORAGE" = "DefaultEndpointsProtocol=https;AccountName=stleak;AccountKey={key};EndpointSuffix=core.windows.net"
  }}
}}

resource "azurerm_linux_virtual_machine" "vm" {{
  name           = "vm-orders"
  admin_username = "azureuser"
  admin_password = "{pw}" # idlint:ignore SEC001 test machine
}}

module "evil" {{
  source = "./modules/evil"
}}

module "escape" {{
  source = "../outside/moddir"
}}

locals {{
  sas = "https://stleak.blob.core.windows.net/c/x?sv=2022-11-02&sr=b&sp=r&se=2026-12-31T23:59:59Z&spr=https&sig={sig}"
  key = <<EOT
-----BEGIN RSA PRIVATE KEY-----
{pem}
-----END RSA PRIVATE KEY-----
EOT
}}
"#,
            pw = SECRETS[0],
            key = SECRETS[1],
            sig = SECRETS[2],
            pem = SECRETS[3],
        ),
    );
    // A broken template whose error snippet shows a secret on its lines.
    write(
        &repo,
        "broken.json",
        &format!(
            "{{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n  \"x\": \"DefaultEndpointsProtocol=https;AccountName=stleak;AccountKey={}\",\n  oops\n}}\n",
            SECRETS[1]
        ),
    );
    link(&out.join("shadow.tf"), &repo.join("s.tf"));
    link(&out.join("passwd.json"), &repo.join("x.json"));
    link(&out.join("id_ed25519"), &repo.join(".idlint.yaml"));
    link(&out.join("moddir"), &repo.join("modules/evil"));
    link(&out.join("hostname"), &repo.join("inner/hostname.tf"));
    repo
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_idlint"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .current_dir(dir)
        .output()
        .expect("run idlint")
}

fn assert_clean(what: &str, out: &Output) {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("panicked"), "{what}: panic\n{text}");
    assert!(
        !text.contains(OUTSIDE),
        "{what}: outside file leaked\n{text}"
    );
    for s in SECRETS {
        let tail: String = s.chars().skip(4).collect();
        // JSON and SARIF escape nothing in these, XML neither; `%3D` is
        // kept as written.
        assert!(!text.contains(&tail), "{what}: secret `{s}` leaked\n{text}");
    }
}

#[test]
fn nothing_outside_the_repository_and_no_secret_reaches_any_output() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = make_tree(tmp.path());
    let formats = ["human", "concise", "json", "sarif", "junit", "github"];
    let explicit = [
        "main.tf",
        "broken.json",
        "s.tf",
        "x.json",
        "inner/hostname.tf",
    ];
    let modes: [(&str, Vec<&str>); 5] = [
        ("walked", vec!["."]),
        ("walked, suppressed shown", vec!["--show-suppressed", "."]),
        ("walked, SEC ignored", vec!["--ignore", "SEC", "."]),
        (
            "walked, inline not honoured",
            vec!["--no-inline-suppressions", "."],
        ),
        ("pre-commit", explicit.to_vec()),
    ];
    let mut scanned_main = false;
    for (mode, paths) in &modes {
        for f in formats {
            let mut args = vec!["check", "--format", f];
            args.extend(paths.iter().copied());
            let out = run(&repo, &args);
            let what = format!("{mode}, {f}");
            assert_clean(&what, &out);
            assert_ne!(out.status.code(), Some(101), "{what}");
            if f == "json" {
                let v: serde_json::Value =
                    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{what}: {e}"));
                let skipped = v["skipped"].to_string();
                for l in ["s.tf", "x.json", "inner/hostname.tf"] {
                    assert!(
                        skipped.contains(l) && skipped.contains("symlink outside the repository"),
                        "{what}: {l} not skipped as outside\n{v:#}"
                    );
                }
                scanned_main |= v["summary"]["files"].as_u64().unwrap_or(0) >= 1;
            }
        }
    }
    assert!(scanned_main, "the repository's own files were scanned");
    // `idlint inspect` shows values too.
    let out = run(&repo, &["inspect", "."]);
    assert_clean("inspect", &out);
}
