//! Report formats. Each renders a finished `Report` to a string; none reaches
//! back into loaders or the model.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::Report;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Junit,
    Github,
}

pub struct RenderOptions {
    pub color: bool,
    pub quiet: bool,
    /// List suppressed findings too, marked as such.
    pub show_suppressed: bool,
    /// Terminal width for wrapping human output.
    pub width: usize,
}

pub fn render(report: &Report, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Human => human::render(report, opts),
        Format::Concise => concise::render(report),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report, opts),
        Format::Junit => junit::render(report, opts),
        Format::Github => github::render(report, opts),
    }
}
