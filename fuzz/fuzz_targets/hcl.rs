//! Terraform: `parse_hcl` on the input, then the text as the only file of a
//! module loaded by `terraform::load` (as `main.tf.json` when it looks like
//! JSON), and again as that module's `terraform.tfvars`. The module directory
//! is an empty temporary directory, so `./` module calls and `file()` find
//! nothing unless the input names something outside it.
#![no_main]

use idlint::model::value::FileId;
use idlint::source::{self, SourceFile};
use idlint::terraform::{self, parse::TfFile};
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

fn root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let d = std::env::temp_dir().join("idlint-fuzz-hcl");
        std::fs::create_dir_all(&d).expect("temp module dir");
        d
    })
}

fn file(name: &str, text: &str, id: u32) -> Option<TfFile> {
    let src = Arc::new(SourceFile::new(root().join(name), text.to_string()));
    let f = terraform::parse_file(src, FileId(id)).ok()?;
    Some(f)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = source::decode(data.to_vec()) else {
        return;
    };
    let _ = terraform::parse::parse_hcl(&text);
    let json = text.trim_start().starts_with('{');
    let name = if json { "main.tf.json" } else { "main.tf" };
    let Some(main) = file(name, &text, 0) else {
        return;
    };
    let loaded = terraform::load(root().to_path_buf(), vec![main], Vec::new(), 1);
    for e in &loaded.unit.errors {
        let _ = loaded.unit.files[e.loc.file.0 as usize].line_col(e.loc.span.start);
    }
    // The same text as the module's variables file.
    let vars_name = if json { "terraform.tfvars.json" } else { "terraform.tfvars" };
    let decl = "variable \"a\" {}\nvariable \"b\" {\n  sensitive = true\n}\n";
    if let (Some(main), Some(vars)) = (file("main.tf", decl, 0), file(vars_name, &text, 1)) {
        let _ = terraform::load(root().to_path_buf(), vec![main], vec![vars], 2);
    }
});
