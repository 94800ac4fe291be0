//! One integration test binary: rule fixtures, the registry, the command
//! line, output formats, and error paths.

mod cli;
mod errors;
mod formats;
mod registry;
mod rules;
mod scan;
mod support;
