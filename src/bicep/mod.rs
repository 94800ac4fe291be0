//! Bicep source (`.bicep`, `.bicepparam`) into the model, without the Bicep
//! compiler: parsed here, then lowered into the template shape the compiler
//! would produce, so every rule and the template evaluator serve both.

pub mod ast;
pub mod lexer;
pub mod parser;
#[cfg(test)]
mod parser_tests;
