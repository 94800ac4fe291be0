//! Snapshots of every output format over the same small tree.

use crate::support::scan;
use idlint::report::{render, Format, RenderOptions};
use std::path::Path;

fn rendered(format: Format) -> String {
    let report = scan(&[Path::new("testdata/report")], &[]);
    let opts = RenderOptions {
        color: false,
        quiet: false,
        show_suppressed: false,
        width: 100,
        fail_on: Some(idlint::findings::Severity::Low),
        sarif: Default::default(),
    };
    render(&report, format, &opts)
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(r"in \d+\.\d+s", "in [time]");
    s
}

#[test]
fn human() {
    settings().bind(|| insta::assert_snapshot!(rendered(Format::Human)));
}

#[test]
fn concise() {
    insta::assert_snapshot!(rendered(Format::Concise));
}

#[test]
fn json() {
    insta::assert_snapshot!(rendered(Format::Json));
}
