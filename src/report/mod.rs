//! Report formats. Each renders a finished `Report` to a string; none reaches
//! back into loaders or the model.

pub mod concise;
pub mod human;
pub mod json;

use crate::Report;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Concise,
    Json,
}

pub struct RenderOptions {
    pub color: bool,
    pub quiet: bool,
    /// Terminal width for wrapping human output.
    pub width: usize,
}

pub fn render(report: &Report, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Human => human::render(report, opts),
        Format::Concise => concise::render(report),
        Format::Json => json::render(report),
    }
}
