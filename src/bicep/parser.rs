//! The Bicep parser: tokens from `lexer` into the tree of `ast`, with byte
//! spans into the text.
//!
//! Newlines end statements and separate object and array items (as commas
//! do), but inside `(...)` and `${...}` they are whitespace, and a line that
//! starts with a binary operator, `?`, `:` (of a `?`) or `|` (of a union
//! type) continues the expression above it, as formatted AVM code does.
//! Nesting (brackets, operator chains, member chains) is bounded by
//! `MAX_DEPTH`, so no input overflows the stack, here or when the tree is
//! dropped.

use super::ast::*;
use super::lexer::{lex, unescape, Tok, Token};
use crate::source::{Span, MAX_DEPTH};
use bumpalo::collections::Vec as BVec;
use std::borrow::Cow;

type R<T> = Result<T, ParseError>;

/// Parses a `.bicep` or `.bicepparam` file.
pub fn parse<'a>(text: &'a str, arena: &'a Arena) -> Result<File<'a>, ParseError> {
    let toks = lex(text)?;
    let mut p = Parser {
        src: text,
        arena,
        toks,
        pos: 0,
        skip_nl: false,
        depth: 0,
        last_end: 0,
    };
    let mut stmts = p.list();
    loop {
        p.skip_newlines();
        if p.peek() == Tok::Eof {
            break;
        }
        let decorators = p.decorators()?;
        let stmt = p.stmt(decorators)?;
        match p.peek() {
            Tok::Newline | Tok::Eof => {}
            _ => {
                return p.fail(&format!(
                    "expected a newline after the {} declaration",
                    stmt_name(&stmt.kind)
                ))
            }
        }
        stmts.push(stmt);
    }
    Ok(File {
        stmts: stmts.into_bump_slice(),
    })
}

/// Keywords that start a declaration and are followed by a name: inside
/// an object one of them means the object was never closed (`resource`
/// is left out: a nested child resource is a declaration there).
const DECLARATIONS: [&str; 7] = [
    "param", "var", "module", "output", "type", "func", "metadata",
];

/// Member accesses a lone name may carry (`a.b.c`); longer chains take the
/// general path, which bounds nesting by `MAX_DEPTH`.
const MAX_LONE_MEMBERS: usize = 16;

fn stmt_name(k: &StmtKind) -> &'static str {
    match k {
        StmtKind::TargetScope(_) => "`targetScope`",
        StmtKind::Metadata { .. } => "metadata",
        StmtKind::Param { .. } => "parameter",
        StmtKind::Var { .. } => "variable",
        StmtKind::Resource { .. } => "resource",
        StmtKind::Module { .. } => "module",
        StmtKind::Output { .. } => "output",
        StmtKind::Type { .. } => "type",
        StmtKind::Func { .. } => "function",
        StmtKind::Import { .. } => "import",
        StmtKind::Extension { .. } => "extension",
        StmtKind::Using { .. } => "`using`",
        StmtKind::Assert { .. } => "assertion",
    }
}

fn binop(t: Tok) -> Option<(BinaryOp, u8)> {
    Some(match t {
        Tok::DoubleQuestion => (BinaryOp::Coalesce, 1),
        Tok::OrOr => (BinaryOp::Or, 2),
        Tok::AndAnd => (BinaryOp::And, 3),
        Tok::EqEq => (BinaryOp::Eq, 4),
        Tok::NotEq => (BinaryOp::Ne, 4),
        Tok::EqI => (BinaryOp::EqI, 4),
        Tok::NotEqI => (BinaryOp::NeI, 4),
        Tok::Lt => (BinaryOp::Lt, 5),
        Tok::Le => (BinaryOp::Le, 5),
        Tok::Gt => (BinaryOp::Gt, 5),
        Tok::Ge => (BinaryOp::Ge, 5),
        Tok::Plus => (BinaryOp::Add, 6),
        Tok::Minus => (BinaryOp::Sub, 6),
        Tok::Star => (BinaryOp::Mul, 7),
        Tok::Slash => (BinaryOp::Div, 7),
        Tok::Percent => (BinaryOp::Mod, 7),
        _ => return None,
    })
}

struct Parser<'a> {
    src: &'a str,
    arena: &'a Arena,
    toks: Vec<Token>,
    pos: usize,
    /// Inside `(...)` and `${...}`: newlines are whitespace.
    skip_nl: bool,
    depth: usize,
    /// End of the last token taken: the end of the node being built.
    last_end: u32,
}

impl<'a> Parser<'a> {
    // ------------------------------------------------------------ arena

    fn alloc<T: Copy>(&self, x: T) -> &'a T {
        self.arena.alloc(x)
    }

    fn list<T>(&self) -> BVec<'a, T> {
        BVec::new_in(self.arena)
    }

    /// A string piece's text: borrowed from the source unless `t` (the
    /// piece's token) holds escapes.
    fn unescaped(&self, t: Token, start: usize, end: usize) -> R<&'a str> {
        if !t.escaped {
            return Ok(&self.src[start..end]);
        }
        Ok(match unescape(&self.src[start..end], start)? {
            Cow::Borrowed(s) => s,
            Cow::Owned(s) => self.arena.alloc_str(&s),
        })
    }

    // ------------------------------------------------------------ tokens

    fn peek(&mut self) -> Tok {
        self.tok().tok
    }

    fn tok(&mut self) -> Token {
        if self.skip_nl {
            self.skip_newlines();
        }
        self.toks[self.pos]
    }

    /// The `n`th token from here, newlines not counted (lookahead only).
    fn nth(&self, n: usize) -> Tok {
        let mut seen = 0;
        for t in &self.toks[self.pos..] {
            if t.tok == Tok::Newline {
                continue;
            }
            if seen == n || t.tok == Tok::Eof {
                return t.tok;
            }
            seen += 1;
        }
        Tok::Eof
    }

    fn skip_newlines(&mut self) {
        while self.toks[self.pos].tok == Tok::Newline {
            self.pos += 1;
        }
    }

    fn bump(&mut self) -> Token {
        let t = self.tok();
        if t.tok != Tok::Eof {
            self.pos += 1;
            self.last_end = t.end;
        }
        t
    }

    fn eat(&mut self, t: Tok) -> bool {
        if self.peek() == t {
            self.bump();
            true
        } else {
            false
        }
    }

    /// True when the next token is `t`, or is `t` on a following line
    /// (newlines then skipped): an operator that continues the expression.
    fn peek_cont(&mut self, t: Tok) -> bool {
        let cur = self.peek();
        if cur == t {
            return true;
        }
        if cur == Tok::Newline && self.toks[self.pos + 1].tok == t {
            self.pos += 1;
            return true;
        }
        false
    }

    fn text(&self, t: Token) -> &'a str {
        &self.src[t.start as usize..t.end as usize]
    }

    fn is_word(&mut self, w: &str) -> bool {
        let t = self.tok();
        t.tok == Tok::Ident && self.text(t) == w
    }

    fn found(&mut self) -> String {
        let t = self.tok();
        match t.tok {
            Tok::Ident | Tok::Int => {
                // ASCII only: any cut is a character boundary.
                let text = self.text(t);
                if text.len() > 40 {
                    format!("`{}...`", &text[..40])
                } else {
                    format!("`{text}`")
                }
            }
            other => other.describe().to_string(),
        }
    }

    /// An error at the next token: "`what`, found X".
    fn fail<T>(&mut self, what: &str) -> R<T> {
        let found = self.found();
        let t = self.tok();
        let mut message = format!("{what}, found {found}");
        if t.tok == Tok::Eof {
            if let Some(open) = self.unclosed() {
                message.push_str(&format!(": {}", self.never_closed(open)));
            }
        }
        Err(ParseError {
            message,
            span: t.span(),
        })
    }

    /// The innermost bracket still open at the current token. Only errors
    /// ask, so a scan from the start costs nothing on the parse path.
    fn unclosed(&self) -> Option<Token> {
        let mut open: Vec<Token> = Vec::new();
        for t in &self.toks[..self.pos] {
            match t.tok {
                Tok::LBrace | Tok::LBrack | Tok::LParen | Tok::StrStart => open.push(*t),
                Tok::RBrace | Tok::RBrack | Tok::RParen | Tok::StrEnd => {
                    open.pop();
                }
                _ => {}
            }
        }
        open.pop()
    }

    /// "the `{` at line 3 is never closed"
    fn never_closed(&self, open: Token) -> String {
        let line = 1 + self.src.as_bytes()[..open.start as usize]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        let what = match open.tok {
            Tok::LBrace => "`{`",
            Tok::LBrack => "`[`",
            Tok::LParen => "`(`",
            _ => "`${`",
        };
        format!("the {what} at line {line} is never closed")
    }

    fn expect(&mut self, t: Tok, context: &str) -> R<Token> {
        if self.peek() == t {
            Ok(self.bump())
        } else {
            self.fail(&format!("expected {} {context}", t.describe()))
        }
    }

    fn expect_word(&mut self, w: &str, context: &str) -> R<Token> {
        if self.is_word(w) {
            Ok(self.bump())
        } else {
            self.fail(&format!("expected `{w}` {context}"))
        }
    }

    fn ident(&mut self, what: &str) -> R<Ident<'a>> {
        if self.peek() != Tok::Ident {
            return self.fail(&format!("expected {what}"));
        }
        let t = self.bump();
        Ok(Ident {
            name: self.text(t),
            span: t.span(),
        })
    }

    fn span_from(&self, start: u32) -> Span {
        Span {
            start,
            end: self.last_end.max(start),
        }
    }

    /// One more level of nesting; callers undo it with `leave`.
    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let span = self.tok().span();
            return Err(ParseError {
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
                span,
            });
        }
        Ok(())
    }

    fn leave(&mut self, n: usize) {
        self.depth -= n;
    }

    /// Runs `f` with newlines significant (`false`) or whitespace (`true`).
    fn with_nl<T>(&mut self, skip: bool, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let saved = self.skip_nl;
        self.skip_nl = skip;
        let r = f(self);
        self.skip_nl = saved;
        r
    }

    /// After an item of an object, array, tuple or import list: a comma, a
    /// newline, or the closing token.
    fn separator(&mut self, close: Tok, what: &str) -> R<()> {
        let mut sep = self.eat(Tok::Comma);
        if self.peek() == Tok::Newline {
            self.skip_newlines();
            sep = true;
        }
        if !sep && self.peek() != close {
            return self.fail(&format!(
                "expected a newline, `,` or {} after the {what}",
                close.describe()
            ));
        }
        Ok(())
    }

    // -------------------------------------------------------- statements

    fn decorators(&mut self) -> R<&'a [Decorator<'a>]> {
        if self.peek() != Tok::At {
            return Ok(&[]);
        }
        let first = self.decorator()?;
        // One decorator (a description) needs no growing list.
        if self.peek() != Tok::At {
            return Ok(std::slice::from_ref(self.alloc(first)));
        }
        let mut out = self.list();
        out.push(first);
        while self.peek() == Tok::At {
            out.push(self.decorator()?);
        }
        Ok(out.into_bump_slice())
    }

    /// `@name(args)`, `@ns.name(args)`, and the newlines after it.
    fn decorator(&mut self) -> R<Decorator<'a>> {
        let at = self.bump();
        let mut name = self.ident("a decorator name after `@`")?;
        if self.eat(Tok::Dot) {
            name = self.ident("a decorator name after `.`")?;
        }
        if self.peek() != Tok::LParen {
            return self.fail("expected `(` after the decorator name");
        }
        let args = self.args()?;
        let d = Decorator {
            name,
            args,
            span: self.span_from(at.start),
        };
        self.skip_newlines();
        Ok(d)
    }

    fn stmt(&mut self, decorators: &'a [Decorator<'a>]) -> R<Stmt<'a>> {
        let kw = self.tok();
        if kw.tok != Tok::Ident {
            return self.fail(
                "expected a declaration (`param`, `var`, `resource`, `module`, `output`, ...)",
            );
        }
        let word = self.text(kw);
        let kind =
            match word {
                "targetScope" => {
                    self.bump();
                    self.expect(Tok::Assign, "after `targetScope`")?;
                    StmtKind::TargetScope(self.value()?)
                }
                "metadata" => {
                    self.bump();
                    let name = self.ident("a metadata name")?;
                    self.expect(Tok::Assign, "after the metadata name")?;
                    StmtKind::Metadata {
                        name,
                        value: self.value()?,
                    }
                }
                "param" => {
                    self.bump();
                    let name = self.ident("a parameter name")?;
                    // A union written one member per line may start on the next line.
                    if self.peek() == Tok::Newline && self.toks[self.pos + 1].tok == Tok::Pipe {
                        self.skip_newlines();
                    }
                    let ty = if self.peek() == Tok::Assign {
                        None
                    } else {
                        if matches!(self.peek(), Tok::Newline | Tok::Eof) {
                            return self.fail("expected a type after the parameter name");
                        }
                        Some(self.ty()?)
                    };
                    let default = if self.eat(Tok::Assign) {
                        Some(self.value()?)
                    } else if matches!(self.peek(), Tok::Newline | Tok::Eof) {
                        None
                    } else {
                        return self.fail("expected `=` after the parameter type");
                    };
                    StmtKind::Param { name, ty, default }
                }
                "var" => {
                    self.bump();
                    let name = self.ident("a variable name")?;
                    let ty = if self.peek() == Tok::Assign {
                        None
                    } else {
                        Some(self.ty()?)
                    };
                    self.expect(
                        Tok::Assign,
                        if ty.is_some() {
                            "after the variable type"
                        } else {
                            "after the variable name"
                        },
                    )?;
                    StmtKind::Var {
                        name,
                        ty,
                        value: self.value()?,
                    }
                }
                "resource" => return self.resource(decorators),
                "module" => {
                    self.bump();
                    let name = self.ident("a module name")?;
                    let path = self.str_lit("the module path")?;
                    self.expect(Tok::Assign, "after the module path")?;
                    StmtKind::Module {
                        name,
                        path,
                        value: self.decl_value()?,
                    }
                }
                "output" => {
                    self.bump();
                    let name = self.ident("an output name")?;
                    let ty = self.ty()?;
                    self.expect(Tok::Assign, "after the output type")?;
                    StmtKind::Output {
                        name,
                        ty,
                        value: self.value()?,
                    }
                }
                "type" => {
                    self.bump();
                    let name = self.ident("a type name")?;
                    self.expect(Tok::Assign, "after the type name")?;
                    self.skip_newlines();
                    StmtKind::Type {
                        name,
                        ty: self.ty()?,
                    }
                }
                "func" => {
                    self.bump();
                    let name = self.ident("a function name")?;
                    self.expect(Tok::LParen, "after the function name")?;
                    let params = self.with_nl(true, |p| {
                        let mut params = p.list();
                        while p.peek() != Tok::RParen {
                            let n = p.ident("a parameter name")?;
                            let t = p.ty()?;
                            params.push((n, t));
                            if !p.eat(Tok::Comma) && p.peek() != Tok::RParen {
                                return p.fail("expected `,` or `)` after the function parameter");
                            }
                        }
                        p.bump();
                        Ok(params.into_bump_slice())
                    })?;
                    let ret = self.ty()?;
                    self.expect(Tok::Arrow, "after the function's return type")?;
                    self.skip_newlines();
                    StmtKind::Func {
                        name,
                        params,
                        ret,
                        body: self.expr()?,
                    }
                }
                "import" => {
                    self.bump();
                    self.import()?
                }
                "extension" | "provider" => {
                    self.bump();
                    let name = match self.peek() {
                        Tok::Ident => self.ident("an extension name")?,
                        _ => {
                            let s = self.str_lit("an extension name or reference")?;
                            Ident {
                                name: s.value,
                                span: s.span,
                            }
                        }
                    };
                    self.with_alias()?;
                    StmtKind::Extension { name }
                }
                "using" => {
                    self.bump();
                    let path = if self.is_word("none") {
                        self.bump();
                        None
                    } else {
                        Some(self.str_lit("the path of the template after `using`")?)
                    };
                    if self.is_word("with") {
                        self.bump();
                        self.value()?;
                    }
                    StmtKind::Using { path }
                }
                "assert" => {
                    self.bump();
                    let name = self.ident("an assertion name")?;
                    self.expect(Tok::Assign, "after the assertion name")?;
                    StmtKind::Assert {
                        name,
                        value: self.value()?,
                    }
                }
                _ => return self.fail(
                    "expected a declaration (`param`, `var`, `resource`, `module`, `output`, ...)",
                ),
            };
        Ok(Stmt {
            decorators,
            kind,
            span: self.span_from(kw.start),
        })
    }

    /// `resource name 'T@v' [existing] = value`, at the top level or nested
    /// in a resource body.
    fn resource(&mut self, decorators: &'a [Decorator<'a>]) -> R<Stmt<'a>> {
        let kw = self.bump();
        let name = self.ident("a resource name")?;
        let type_string = self.str_lit("the resource type")?;
        let existing = self.is_word("existing");
        if existing {
            self.bump();
        }
        self.expect(
            Tok::Assign,
            if existing {
                "after `existing`"
            } else {
                "after the resource type"
            },
        )?;
        let value = self.decl_value()?;
        Ok(Stmt {
            decorators,
            kind: StmtKind::Resource {
                name,
                type_string,
                existing,
                value,
            },
            span: self.span_from(kw.start),
        })
    }

    /// The rest of an `import`: `{a, b as c} from 'x'`, `* as ns from 'x'`,
    /// or the legacy `'az@1.0.0' [with {...}] [as alias]`.
    fn import(&mut self) -> R<StmtKind<'a>> {
        match self.peek() {
            Tok::LBrace => {
                self.bump();
                self.with_nl(false, |p| {
                    p.skip_newlines();
                    while p.peek() != Tok::RBrace {
                        match p.peek() {
                            Tok::Ident => {
                                p.bump();
                            }
                            Tok::StrFull => {
                                p.bump();
                            }
                            _ => return p.fail("expected a name to import"),
                        }
                        if p.is_word("as") {
                            p.bump();
                            p.ident("a name after `as`")?;
                        }
                        p.separator(Tok::RBrace, "imported name")?;
                    }
                    p.bump();
                    Ok(())
                })?;
                self.expect_word("from", "after the imported names")?;
                Ok(StmtKind::Import {
                    path: self.str_lit("the path to import from")?,
                })
            }
            Tok::Star => {
                self.bump();
                self.expect_word("as", "after `import *`")?;
                self.ident("a namespace name after `as`")?;
                self.expect_word("from", "after the namespace name")?;
                Ok(StmtKind::Import {
                    path: self.str_lit("the path to import from")?,
                })
            }
            _ => {
                let path = self.str_lit("`{`, `*` or a provider reference after `import`")?;
                self.with_alias()?;
                Ok(StmtKind::Import { path })
            }
        }
    }

    /// `[with {...}] [as alias]` after an extension or a legacy import.
    fn with_alias(&mut self) -> R<()> {
        if self.is_word("with") {
            self.bump();
            self.value()?;
        }
        if self.is_word("as") {
            self.bump();
            self.ident("an alias after `as`")?;
        }
        Ok(())
    }

    /// A string without interpolation (resource type, module path).
    fn str_lit(&mut self, what: &str) -> R<StrLit<'a>> {
        match self.peek() {
            Tok::StrFull | Tok::MultiStr => {
                let start = self.tok().start;
                let parts = self.string()?;
                let value = match parts.first() {
                    Some(StrPart::Lit(s)) => s,
                    _ => "",
                };
                Ok(StrLit {
                    value,
                    span: self.span_from(start),
                })
            }
            Tok::StrStart => {
                let t = self.tok();
                Err(ParseError {
                    message: format!("{what} must be a plain string, without interpolation"),
                    span: t.span(),
                })
            }
            _ => self.fail(&format!("expected {what}")),
        }
    }

    /// The value after `=`: an expression, possibly on the next line.
    fn value(&mut self) -> R<Expr<'a>> {
        self.skip_newlines();
        self.expr()
    }

    /// A resource or module value: an object, `if (c) {...}` or a loop.
    fn decl_value(&mut self) -> R<Expr<'a>> {
        self.skip_newlines();
        self.if_or_expr()
    }

    fn if_or_expr(&mut self) -> R<Expr<'a>> {
        if !(self.is_word("if") && self.nth(1) == Tok::LParen) {
            return self.expr();
        }
        self.enter()?;
        let kw = self.bump();
        self.bump();
        let cond = self.with_nl(true, |p| {
            let c = p.expr()?;
            p.expect(Tok::RParen, "after the condition")?;
            Ok(c)
        })?;
        self.skip_newlines();
        let body = self.expr()?;
        self.leave(1);
        Ok(Expr {
            kind: ExprKind::If {
                cond: self.alloc(cond),
                body: self.alloc(body),
            },
            span: self.span_from(kw.start),
        })
    }

    // ------------------------------------------------------- expressions

    fn expr(&mut self) -> R<Expr<'a>> {
        if let Some(e) = self.lone_atom() {
            return e;
        }
        self.enter()?;
        let start = self.tok().start;
        let cond = self.binary(1)?;
        let e = if self.peek_cont(Tok::Question) {
            self.bump();
            self.skip_newlines();
            let then = self.expr()?;
            if !self.peek_cont(Tok::Colon) {
                return self.fail("expected `:` after the `?` branch of the conditional");
            }
            self.bump();
            self.skip_newlines();
            let otherwise = self.expr()?;
            Expr {
                kind: ExprKind::Ternary {
                    cond: self.alloc(cond),
                    then: self.alloc(then),
                    otherwise: self.alloc(otherwise),
                },
                span: self.span_from(start),
            }
        } else {
            cond
        };
        self.leave(1);
        Ok(e)
    }

    /// A string, number or name that is a whole expression (what follows
    /// it ends one): most values are, and they skip the descent through
    /// every operator level. `None` when the slow path must decide.
    fn lone_atom(&mut self) -> Option<R<Expr<'a>>> {
        let t = self.tok();
        if !matches!(t.tok, Tok::StrFull | Tok::Int | Tok::Ident) {
            return None;
        }
        let mut j = self.pos + 1;
        // A name's members, written without spaces (`vnet.properties.subnets`,
        // `x.?y`): the other common value.
        let mut members = 0;
        if t.tok == Tok::Ident {
            while self.toks[j].tok == Tok::Dot && members < MAX_LONE_MEMBERS {
                // A `Dot` is never last: `Eof` follows every token.
                match (self.toks[j + 1].tok, self.toks.get(j + 2).map(|t| t.tok)) {
                    (Tok::Ident, _) => j += 2,
                    (Tok::Question, Some(Tok::Ident)) => j += 3,
                    _ => return None,
                }
                members += 1;
            }
        }
        if self.skip_nl {
            while self.toks[j].tok == Tok::Newline {
                j += 1;
            }
        }
        let ends = match self.toks[j].tok {
            Tok::Comma
            | Tok::Colon
            | Tok::RBrace
            | Tok::RBrack
            | Tok::RParen
            | Tok::StrMid
            | Tok::StrEnd
            | Tok::Eof => true,
            // A line that starts with an operator or `?` continues the
            // expression (`-` never does; see `binary`).
            Tok::Newline => {
                let next = self.toks[j + 1].tok;
                next == Tok::Minus || (binop(next).is_none() && next != Tok::Question)
            }
            _ => false,
        };
        if !ends {
            return None;
        }
        let kind = match t.tok {
            Tok::StrFull => {
                let (s, e) = (t.start as usize, t.end as usize);
                match self.unescaped(t, s + 1, e - 1) {
                    Ok(lit) => {
                        ExprKind::String(std::slice::from_ref(self.alloc(StrPart::Lit(lit))))
                    }
                    Err(e) => return Some(Err(e)),
                }
            }
            Tok::Int => ExprKind::Int(self.text(t).parse::<i64>().ok()?),
            _ => match self.text(t) {
                "true" | "false" | "null" if members > 0 => return None,
                "true" => ExprKind::Bool(true),
                "false" => ExprKind::Bool(false),
                "null" => ExprKind::Null,
                name => ExprKind::Ident(name),
            },
        };
        self.bump();
        let mut e = Expr {
            kind,
            span: t.span(),
        };
        for _ in 0..members {
            self.bump();
            let safe = self.eat(Tok::Question);
            let n = self.bump();
            let name = self.alloc(Ident {
                name: self.text(n),
                span: n.span(),
            });
            e = Expr {
                kind: ExprKind::Member {
                    base: self.alloc(e),
                    name,
                    safe,
                },
                span: Span {
                    start: t.start,
                    end: n.end,
                },
            };
        }
        Some(Ok(e))
    }

    fn binary(&mut self, min_prec: u8) -> R<Expr<'a>> {
        let start = self.tok().start;
        let mut lhs = self.unary()?;
        let mut n = 0;
        loop {
            let cur = self.peek();
            let t = if binop(cur).is_some() {
                cur
            } else if cur == Tok::Newline {
                // An operator at the start of the next line continues the
                // expression, but `-` never does: `-1` may start an item.
                let next = self.toks[self.pos + 1].tok;
                if next == Tok::Minus || binop(next).is_none_or(|(_, p)| p < min_prec) {
                    break;
                }
                next
            } else {
                break;
            };
            let Some((op, prec)) = binop(t) else { break };
            if prec < min_prec {
                break;
            }
            self.skip_newlines();
            self.bump();
            self.skip_newlines();
            self.enter()?;
            n += 1;
            let rhs = self.binary(prec + 1)?;
            lhs = Expr {
                kind: ExprKind::Binary {
                    op,
                    lhs: self.alloc(lhs),
                    rhs: self.alloc(rhs),
                },
                span: self.span_from(start),
            };
        }
        self.leave(n);
        Ok(lhs)
    }

    fn unary(&mut self) -> R<Expr<'a>> {
        let op = match self.peek() {
            Tok::Bang => UnaryOp::Not,
            Tok::Minus => UnaryOp::Neg,
            _ => return self.postfix(),
        };
        let t = self.bump();
        self.enter()?;
        let e = self.unary()?;
        self.leave(1);
        Ok(Expr {
            kind: ExprKind::Unary {
                op,
                expr: self.alloc(e),
            },
            span: self.span_from(t.start),
        })
    }

    fn postfix(&mut self) -> R<Expr<'a>> {
        let start = self.tok().start;
        let mut e = self.primary()?;
        let mut n = 0;
        loop {
            let kind = match self.peek() {
                Tok::Dot => {
                    self.bump();
                    let safe = self.eat(Tok::Question);
                    let name = self.ident("a property name after `.`")?;
                    if !safe && self.peek() == Tok::LParen {
                        let args = self.args()?;
                        ExprKind::Call {
                            target: Some(self.alloc(e)),
                            name: self.alloc(name),
                            args,
                        }
                    } else {
                        ExprKind::Member {
                            base: self.alloc(e),
                            name: self.alloc(name),
                            safe,
                        }
                    }
                }
                Tok::DoubleColon => {
                    self.bump();
                    let name = self.ident("a nested resource name after `::`")?;
                    ExprKind::NestedResource {
                        base: self.alloc(e),
                        name: self.alloc(name),
                    }
                }
                Tok::LBrack => {
                    self.bump();
                    let safe = self.eat(Tok::Question);
                    let index = self.with_nl(true, |p| {
                        let i = p.expr()?;
                        p.expect(Tok::RBrack, "after the index")?;
                        Ok(i)
                    })?;
                    ExprKind::Index {
                        base: self.alloc(e),
                        index: self.alloc(index),
                        safe,
                    }
                }
                Tok::Bang => {
                    self.bump();
                    ExprKind::NonNull(self.alloc(e))
                }
                _ => break,
            };
            e = Expr {
                kind,
                span: self.span_from(start),
            };
            self.enter()?;
            n += 1;
        }
        self.leave(n);
        Ok(e)
    }

    /// `(a, b)` after a function name or decorator; newlines are whitespace.
    fn args(&mut self) -> R<&'a [Expr<'a>]> {
        self.expect(Tok::LParen, "")?;
        self.with_nl(true, |p| {
            if p.peek() == Tok::RParen {
                p.bump();
                return Ok(&[][..]);
            }
            // One argument (decorators, most calls) needs no growing list.
            let first = p.expr()?;
            if p.peek() == Tok::RParen {
                p.bump();
                return Ok(std::slice::from_ref(p.alloc(first)));
            }
            let mut args = p.list();
            args.push(first);
            loop {
                if p.eat(Tok::Comma) {
                    args.push(p.expr()?);
                    continue;
                }
                if p.peek() == Tok::RParen {
                    break;
                }
                return p.fail("expected `,` or `)` after the argument");
            }
            p.bump();
            Ok(args.into_bump_slice())
        })
    }

    fn primary(&mut self) -> R<Expr<'a>> {
        let t = self.tok();
        let kind = match t.tok {
            Tok::Int => {
                self.bump();
                match self.text(t).parse::<i64>() {
                    Ok(n) => ExprKind::Int(n),
                    Err(_) => {
                        return Err(ParseError {
                            message: "integer out of range (Bicep integers are 64-bit)".into(),
                            span: t.span(),
                        })
                    }
                }
            }
            Tok::StrFull | Tok::StrStart | Tok::MultiStr => ExprKind::String(self.string()?),
            Tok::Ident => {
                let word = self.text(t);
                match word {
                    "true" => {
                        self.bump();
                        ExprKind::Bool(true)
                    }
                    "false" => {
                        self.bump();
                        ExprKind::Bool(false)
                    }
                    "null" => {
                        self.bump();
                        ExprKind::Null
                    }
                    _ if self.nth(1) == Tok::Arrow => {
                        let param = self.ident("a parameter")?;
                        return self.lambda(t.start, std::slice::from_ref(self.alloc(param)));
                    }
                    _ => {
                        let name = self.ident("a name")?;
                        if self.peek() == Tok::LParen {
                            let args = self.args()?;
                            ExprKind::Call {
                                target: None,
                                name: self.alloc(name),
                                args,
                            }
                        } else {
                            ExprKind::Ident(name.name)
                        }
                    }
                }
            }
            Tok::LParen => {
                if let Some(params) = self.lambda_params()? {
                    return self.lambda(t.start, params);
                }
                self.bump();
                let inner = self.with_nl(true, |p| {
                    let e = p.expr()?;
                    p.expect(Tok::RParen, "to close the parenthesis")?;
                    Ok(e)
                })?;
                ExprKind::Paren(self.alloc(inner))
            }
            Tok::LBrace => ExprKind::Object(self.object()?),
            Tok::LBrack => return self.array(),
            _ => return self.fail("expected an expression"),
        };
        Ok(Expr {
            kind,
            span: self.span_from(t.start),
        })
    }

    /// At `(`: when `(a, b) =>` or `() =>` follows, takes the parameters.
    fn lambda_params(&mut self) -> R<Option<&'a [Ident<'a>]>> {
        let mut j = self.pos + 1;
        let mut want_name = true;
        let mut names = 0;
        loop {
            match self.toks[j].tok {
                Tok::Newline => {}
                Tok::Ident if want_name => {
                    want_name = false;
                    names += 1;
                }
                Tok::Comma if !want_name => want_name = true,
                Tok::RParen if !want_name || names == 0 => break,
                _ => return Ok(None),
            }
            j += 1;
        }
        let after = self.toks[j + 1..]
            .iter()
            .find(|t| t.tok != Tok::Newline)
            .map_or(Tok::Eof, |t| t.tok);
        if after != Tok::Arrow {
            return Ok(None);
        }
        self.bump();
        self.with_nl(true, |p| {
            let mut params = p.list();
            while p.peek() != Tok::RParen {
                params.push(p.ident("a lambda parameter")?);
                p.eat(Tok::Comma);
            }
            p.bump();
            Ok(Some(params.into_bump_slice()))
        })
    }

    /// The `=> body` of a lambda whose parameters are taken.
    fn lambda(&mut self, start: u32, params: &'a [Ident<'a>]) -> R<Expr<'a>> {
        self.skip_newlines();
        self.expect(Tok::Arrow, "after the lambda parameters")?;
        self.skip_newlines();
        let body = self.expr()?;
        Ok(Expr {
            kind: ExprKind::Lambda {
                params,
                body: self.alloc(body),
            },
            span: self.span_from(start),
        })
    }

    /// A string's parts; a plain or `'''` string is one `Lit` (maybe empty).
    fn string(&mut self) -> R<&'a [StrPart<'a>]> {
        let t = self.bump();
        let (s, e) = (t.start as usize, t.end as usize);
        match t.tok {
            Tok::StrFull => {
                let lit = self.unescaped(t, s + 1, e - 1)?;
                Ok(std::slice::from_ref(self.alloc(StrPart::Lit(lit))))
            }
            Tok::MultiStr => {
                let mut body = &self.src[s + 3..e - 3];
                if let Some(rest) = body.strip_prefix("\r\n") {
                    body = rest;
                } else if let Some(rest) = body.strip_prefix('\n') {
                    body = rest;
                }
                Ok(std::slice::from_ref(self.alloc(StrPart::Lit(body))))
            }
            Tok::StrStart => {
                let mut parts = self.list();
                let lit = self.unescaped(t, s + 1, e - 2)?;
                if !lit.is_empty() {
                    parts.push(StrPart::Lit(lit));
                }
                self.enter()?;
                loop {
                    let x = self.with_nl(true, |p| p.expr())?;
                    parts.push(StrPart::Interp(x));
                    let piece = self.with_nl(true, |p| Ok(p.tok()))?;
                    let (ps, pe) = (piece.start as usize, piece.end as usize);
                    match piece.tok {
                        Tok::StrMid => {
                            self.bump();
                            let lit = self.unescaped(piece, ps + 1, pe - 2)?;
                            if !lit.is_empty() {
                                parts.push(StrPart::Lit(lit));
                            }
                        }
                        Tok::StrEnd => {
                            self.bump();
                            let lit = self.unescaped(piece, ps + 1, pe - 1)?;
                            if !lit.is_empty() {
                                parts.push(StrPart::Lit(lit));
                            }
                            break;
                        }
                        _ => return self.fail("expected `}` to close the interpolation"),
                    }
                }
                self.leave(1);
                Ok(parts.into_bump_slice())
            }
            _ => Err(ParseError {
                message: "expected a string".into(),
                span: t.span(),
            }),
        }
    }

    fn object(&mut self) -> R<&'a [ObjItem<'a>]> {
        self.bump();
        self.with_nl(false, |p| {
            let mut items = p.list();
            p.skip_newlines();
            while p.peek() != Tok::RBrace {
                items.push(p.obj_item()?);
                p.separator(Tok::RBrace, "object property")?;
            }
            p.bump();
            Ok(items.into_bump_slice())
        })
    }

    fn obj_item(&mut self) -> R<ObjItem<'a>> {
        let decorators = self.decorators()?;
        if self.peek() == Tok::Ellipsis && decorators.is_empty() {
            self.bump();
            return Ok(ObjItem::Spread(self.expr()?));
        }
        let t = self.tok();
        // A key is followed by `:`; a name (or a newline) after a word is a
        // declaration: a nested resource, or a sign of an unclosed object.
        let declares =
            t.tok == Tok::Ident && matches!(self.toks[self.pos + 1].tok, Tok::Ident | Tok::Newline);
        if declares && self.text(t) == "resource" && self.nth(1) == Tok::Ident {
            self.enter()?;
            let r = self.resource(decorators)?;
            self.leave(1);
            return Ok(ObjItem::Resource(self.alloc(r)));
        }
        if declares
            && self.toks[self.pos + 1].tok == Tok::Ident
            && DECLARATIONS.contains(&self.text(t))
        {
            // `param p string` cannot be a property (a key takes `:`): the
            // object above it was left open.
            let open = self.unclosed().map(|o| self.never_closed(o));
            return Err(ParseError {
                message: format!(
                    "expected a property name or `}}`, found a `{}` declaration{}",
                    self.text(t),
                    open.map(|o| format!(": {o}")).unwrap_or_default()
                ),
                span: t.span(),
            });
        }
        let key = match t.tok {
            Tok::Ident => {
                self.bump();
                ObjKey::Name(self.text(t))
            }
            Tok::StrFull | Tok::MultiStr | Tok::StrStart => {
                let parts = self.string()?;
                match (t.tok, parts) {
                    (Tok::StrStart, parts) => ObjKey::Interp(parts),
                    (_, [StrPart::Lit(s)]) => ObjKey::Name(s),
                    _ => ObjKey::Name(""),
                }
            }
            _ => return self.fail("expected a property name"),
        };
        let key_span = self.span_from(t.start);
        self.expect(Tok::Colon, "after the property name")?;
        self.skip_newlines();
        let value = self.expr()?;
        Ok(ObjItem::Prop {
            key,
            key_span,
            value,
            decorators,
        })
    }

    fn array(&mut self) -> R<Expr<'a>> {
        let open = self.bump();
        self.with_nl(false, |p| {
            p.skip_newlines();
            if p.is_word("for") && matches!(p.nth(1), Tok::Ident | Tok::LParen) {
                return p.for_loop(open.start);
            }
            let mut items = p.list();
            while p.peek() != Tok::RBrack {
                if p.eat(Tok::Ellipsis) {
                    items.push(ArrItem::Spread(p.expr()?));
                } else {
                    items.push(ArrItem::Item(p.expr()?));
                }
                p.separator(Tok::RBrack, "array item")?;
            }
            p.bump();
            Ok(Expr {
                kind: ExprKind::Array(items.into_bump_slice()),
                span: p.span_from(open.start),
            })
        })
    }

    /// `for x in y: body]`, `for (x, i) in y: body]` (after the `[`).
    fn for_loop(&mut self, start: u32) -> R<Expr<'a>> {
        self.bump();
        let (item, index) = if self.peek() == Tok::LParen {
            self.bump();
            self.with_nl(true, |p| {
                let item = p.ident("the loop item name")?;
                let index = if p.eat(Tok::Comma) {
                    Some(p.ident("the loop index name")?)
                } else {
                    None
                };
                p.expect(Tok::RParen, "after the loop variables")?;
                Ok((item, index))
            })?
        } else {
            (self.ident("the loop item name")?, None)
        };
        self.expect_word("in", "after the loop variable")?;
        let iter = self.expr()?;
        self.expect(Tok::Colon, "after the loop's collection")?;
        self.skip_newlines();
        let body = self.if_or_expr()?;
        self.skip_newlines();
        self.expect(Tok::RBrack, "to close the loop")?;
        Ok(Expr {
            kind: ExprKind::For {
                item: self.alloc(item),
                index: index.map(|i| self.alloc(i)),
                iter: self.alloc(iter),
                body: self.alloc(body),
            },
            span: self.span_from(start),
        })
    }

    // ------------------------------------------------------------- types

    fn ty(&mut self) -> R<TypeExpr<'a>> {
        if let Some(t) = self.lone_type() {
            return Ok(t);
        }
        self.enter()?;
        let start = self.tok().start;
        // A leading `|` (a union written one member per line).
        let leading = self.eat(Tok::Pipe);
        if leading {
            self.skip_newlines();
        }
        let first = self.ty_postfix()?;
        let t = if leading || self.peek_cont(Tok::Pipe) {
            let mut arms = self.list();
            arms.push(first);
            while self.peek_cont(Tok::Pipe) {
                self.bump();
                self.skip_newlines();
                arms.push(self.ty_postfix()?);
            }
            TypeExpr {
                kind: TypeKind::Union(arms.into_bump_slice()),
                span: self.span_from(start),
            }
        } else {
            first
        };
        self.leave(1);
        Ok(t)
    }

    /// A type that is one name (`string`, a user type) followed by what
    /// ends a type: most are, and they skip the descent (as `lone_atom`).
    fn lone_type(&mut self) -> Option<TypeExpr<'a>> {
        let t = self.tok();
        if t.tok != Tok::Ident || self.skip_nl {
            return None;
        }
        // `string?`, `string[]`, `string[]?`: the suffixes most types carry.
        let mut k = self.pos + 1;
        let mut suffixes = 0;
        while suffixes < 2 {
            match self.toks[k].tok {
                Tok::Question => k += 1,
                Tok::LBrack if self.toks[k + 1].tok == Tok::RBrack => k += 2,
                _ => break,
            }
            suffixes += 1;
        }
        let ends = match self.toks[k].tok {
            Tok::Assign
            | Tok::Arrow
            | Tok::Comma
            | Tok::RParen
            | Tok::RBrace
            | Tok::RBrack
            | Tok::Eof => true,
            // `string\n| 'x'` continues a union.
            Tok::Newline => self.toks[k + 1].tok != Tok::Pipe,
            _ => false,
        };
        let name = self.text(t);
        if !ends || matches!(name, "true" | "false" | "null" | "resource" | "sys") {
            return None;
        }
        self.bump();
        let mut ty = TypeExpr {
            kind: TypeKind::Named(name),
            span: t.span(),
        };
        for _ in 0..suffixes {
            let inner = self.alloc(ty);
            let kind = if self.bump().tok == Tok::Question {
                TypeKind::Nullable(inner)
            } else {
                self.bump();
                TypeKind::Array(inner)
            };
            ty = TypeExpr {
                kind,
                span: self.span_from(t.start),
            };
        }
        Some(ty)
    }

    fn ty_postfix(&mut self) -> R<TypeExpr<'a>> {
        let start = self.tok().start;
        let mut t = self.ty_primary()?;
        let mut n = 0;
        loop {
            let kind = match self.peek() {
                Tok::Question => {
                    self.bump();
                    TypeKind::Nullable(self.alloc(t))
                }
                Tok::Dot => {
                    self.bump();
                    let name = self.ident("a property name after `.`")?;
                    TypeKind::Access(self.alloc(t), name.name)
                }
                Tok::LBrack => {
                    self.bump();
                    match self.peek() {
                        Tok::RBrack => {
                            self.bump();
                            TypeKind::Array(self.alloc(t))
                        }
                        Tok::Star | Tok::Int => {
                            let i = self.bump();
                            let what = self.text(i);
                            self.expect(Tok::RBrack, "after the index")?;
                            TypeKind::Access(self.alloc(t), what)
                        }
                        _ => return self.fail("expected `]`, `*` or an index after `[` in a type"),
                    }
                }
                _ => break,
            };
            t = TypeExpr {
                kind,
                span: self.span_from(start),
            };
            self.enter()?;
            n += 1;
        }
        self.leave(n);
        Ok(t)
    }

    fn ty_primary(&mut self) -> R<TypeExpr<'a>> {
        let t = self.tok();
        let kind = match t.tok {
            Tok::Ident => match self.text(t) {
                "true" | "false" | "null" => TypeKind::Literal(self.primary()?),
                "resource"
                    if matches!(self.nth(1), Tok::StrFull | Tok::StrStart | Tok::MultiStr) =>
                {
                    self.bump();
                    TypeKind::Resource(self.str_lit("the resource type")?)
                }
                "sys" if self.nth(1) == Tok::Dot => {
                    self.bump();
                    self.bump();
                    TypeKind::Named(self.ident("a type name after `sys.`")?.name)
                }
                _ if self.nth(1) == Tok::Lt => {
                    let name = self.ident("a type name")?;
                    self.bump();
                    let args = self.with_nl(true, |p| {
                        let mut args = p.list();
                        while p.peek() != Tok::Gt {
                            // No binary operators: `>` closes the list.
                            p.enter()?;
                            args.push(p.unary()?);
                            p.leave(1);
                            if !p.eat(Tok::Comma) && p.peek() != Tok::Gt {
                                return p.fail("expected `,` or `>` after the type argument");
                            }
                        }
                        p.bump();
                        Ok(args.into_bump_slice())
                    })?;
                    TypeKind::Generic { name, args }
                }
                name => {
                    self.bump();
                    TypeKind::Named(name)
                }
            },
            Tok::StrFull | Tok::MultiStr | Tok::Int => TypeKind::Literal(self.primary()?),
            Tok::Minus => {
                self.bump();
                let e = self.primary()?;
                TypeKind::Literal(Expr {
                    kind: ExprKind::Unary {
                        op: UnaryOp::Neg,
                        expr: self.alloc(e),
                    },
                    span: self.span_from(t.start),
                })
            }
            Tok::StrStart => {
                return Err(ParseError {
                    message: "a type cannot hold an interpolated string".into(),
                    span: t.span(),
                })
            }
            Tok::LBrace => {
                self.bump();
                TypeKind::Object(self.with_nl(false, |p| {
                    let mut props = p.list();
                    p.skip_newlines();
                    while p.peek() != Tok::RBrace {
                        props.push(p.ty_prop()?);
                        p.separator(Tok::RBrace, "property type")?;
                    }
                    p.bump();
                    Ok(props.into_bump_slice())
                })?)
            }
            Tok::LBrack => {
                self.bump();
                TypeKind::Tuple(self.with_nl(false, |p| {
                    let mut items = p.list();
                    p.skip_newlines();
                    while p.peek() != Tok::RBrack {
                        // Decorators on tuple items (descriptions) carry nothing here.
                        p.decorators()?;
                        items.push(p.ty()?);
                        p.separator(Tok::RBrack, "tuple item type")?;
                    }
                    p.bump();
                    Ok(items.into_bump_slice())
                })?)
            }
            Tok::LParen => {
                self.bump();
                let inner = self.with_nl(true, |p| {
                    let inner = p.ty()?;
                    p.expect(Tok::RParen, "to close the parenthesis")?;
                    Ok(inner)
                })?;
                return Ok(TypeExpr {
                    kind: inner.kind,
                    span: self.span_from(t.start),
                });
            }
            _ => return self.fail("expected a type"),
        };
        Ok(TypeExpr {
            kind,
            span: self.span_from(t.start),
        })
    }

    fn ty_prop(&mut self) -> R<TypeProp<'a>> {
        let decorators = self.decorators()?;
        let t = self.tok();
        let name = match t.tok {
            Tok::Ident => {
                self.bump();
                self.text(t)
            }
            Tok::Star => {
                self.bump();
                "*"
            }
            Tok::StrFull | Tok::MultiStr => match self.string()? {
                [StrPart::Lit(s)] => s,
                _ => "",
            },
            _ => return self.fail("expected a property name"),
        };
        let optional = self.eat(Tok::Question);
        self.expect(Tok::Colon, "after the property name")?;
        self.skip_newlines();
        let ty = self.ty()?;
        Ok(TypeProp {
            decorators,
            name,
            optional,
            ty,
            span: self.span_from(t.start),
        })
    }
}
