//! One integration test binary: rule fixtures, the registry, the command
//! line, output formats, and error paths.

mod access;
mod bicep;
mod bicep_corpus;
mod catalog;
mod cli;
mod ecosystem;
mod errors;
mod fingerprints;
mod first_week;
mod formats;
mod graph;
mod hostile_bounds;
mod hostile_cli;
mod hostile_fs;
mod hostile_output;
mod hostile_tree;
mod layering;
mod malformed;
mod one_run;
mod outputs;
mod readme;
mod redaction;
mod registry;
mod rules;
mod scaffold;
mod scan;
mod shards;
mod support;
