//! The ARM/JSONC loader: raw bytes → decode → JSONC parse → `arm::load`, both
//! alone and with the document as its own parameter file. Errors are fine;
//! panics, hangs and memory blow-ups are not.
#![no_main]

use idlint::source::{self, jsonc, SourceFile};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = source::decode(data.to_vec()) else {
        return;
    };
    let doc = match jsonc::parse(&text) {
        Ok(doc) => doc,
        Err(e) => {
            let src = SourceFile::new("fuzz.json".into(), text);
            let _ = src.line_col(e.span.start);
            return;
        }
    };
    let src = Arc::new(SourceFile::new("fuzz.json".into(), text));
    let _ = idlint::arm::classify_schema(doc.root.get("$schema").and_then(|s| s.as_str()).unwrap_or(""));
    for with_params in [false, true] {
        let params = with_params.then(|| (src.clone(), &doc.root));
        let unit = idlint::arm::load(src.clone(), &doc.root, params);
        for e in &unit.errors {
            let _ = unit.files[e.loc.file.0 as usize].line_col(e.loc.span.start);
        }
    }
});
