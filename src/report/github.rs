//! `--format github` (being written).

use super::RenderOptions;
use crate::Report;

pub fn render(_report: &Report, _opts: &RenderOptions) -> String {
    String::new()
}
