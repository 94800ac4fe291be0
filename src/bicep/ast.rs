//! The Bicep syntax tree, with byte spans into the source file.
//!
//! Only what lowering into the template model needs is kept: descriptions,
//! `'aminLength` and the like are parsed (so they are checked) but carry no
//! meaning here beyond their name and arguments.
//!
//! The tree lives in an arena (`Arena`, a bump allocator) and borrows names
//! and plain strings from the source text: a node costs a pointer bump, not
//! a `malloc`, and dropping a tree costs nothing. With a `Box` per node and
//! a `String` per name, parsing cost three times as much per byte as JSONC.

use crate::source::Span;

/// Where a tree's nodes live; it outlives the tree (`parse`'s `'a`).
pub use bumpalo::Bump as Arena;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ident<'a> {
    pub name: &'a str,
    pub span: Span,
}

/// `'asecure()`, `'asys.description('x')`: `name` is the last segment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decorator<'a> {
    pub name: Ident<'a>,
    pub args: &'a [Expr<'a>],
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct File<'a> {
    pub stmts: &'a [Stmt<'a>],
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stmt<'a> {
    pub decorators: &'a [Decorator<'a>],
    pub kind: StmtKind<'a>,
    /// From the keyword to the end of the statement (decorators excluded).
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StmtKind<'a> {
    /// `targetScope = 'subscription'`
    TargetScope(Expr<'a>),
    /// `metadata name = expr`
    Metadata { name: Ident<'a>, value: Expr<'a> },
    /// `param name type [= default]`; in a `.bicepparam` file `param name = value`
    /// (no type).
    Param {
        name: Ident<'a>,
        ty: Option<TypeExpr<'a>>,
        default: Option<Expr<'a>>,
    },
    /// `var name [type] = value`
    Var {
        name: Ident<'a>,
        ty: Option<TypeExpr<'a>>,
        value: Expr<'a>,
    },
    /// `resource name 'Type'aversion' [existing] = value`; `value` is an
    /// object, an `If` or a `For` (whose body may be an `If`).
    Resource {
        name: Ident<'a>,
        type_string: StrLit<'a>,
        existing: bool,
        value: Expr<'a>,
    },
    /// `module name 'path' = value` (value as for a resource). `path` is a
    /// plain string (`'./x.bicep'`, `'br/public:...'`).
    Module {
        name: Ident<'a>,
        path: StrLit<'a>,
        value: Expr<'a>,
    },
    /// `output name type = value`, `output name resource 'T'av' = value`
    Output {
        name: Ident<'a>,
        ty: TypeExpr<'a>,
        value: Expr<'a>,
    },
    /// `type name = type`
    Type { name: Ident<'a>, ty: TypeExpr<'a> },
    /// `func name(a type, b type) type => body`
    Func {
        name: Ident<'a>,
        params: &'a [(Ident<'a>, TypeExpr<'a>)],
        ret: TypeExpr<'a>,
        body: Expr<'a>,
    },
    /// `import {a, b as c} from 'path'`, `import * as ns from 'path'`,
    /// `import 'az'a1.0.0'` (legacy provider form): `path` is the string.
    Import { path: StrLit<'a> },
    /// `extension name [with {...}] [as alias]`, `provider ...`
    Extension { name: Ident<'a> },
    /// `using './main.bicep'` (`.bicepparam`), `using none`
    Using { path: Option<StrLit<'a>> },
    /// `assert name = expr`
    Assert { name: Ident<'a>, value: Expr<'a> },
}

/// A string without interpolation (resource types, module paths).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StrLit<'a> {
    pub value: &'a str,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Expr<'a> {
    pub kind: ExprKind<'a>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StrPart<'a> {
    Lit(&'a str),
    Interp(Expr<'a>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Mul,
    Div,
    Mod,
    Add,
    Sub,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    /// `=~` (equal, ignoring case)
    EqI,
    /// `!~`
    NeI,
    And,
    Or,
    /// `??`
    Coalesce,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ObjKey<'a> {
    /// An identifier or a string without interpolation, unquoted.
    Name(&'a str),
    /// `'${x}-y': ...`
    Interp(&'a [StrPart<'a>]),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ObjItem<'a> {
    Prop {
        key: ObjKey<'a>,
        key_span: Span,
        value: Expr<'a>,
        /// Decorators on object properties are only legal in types, but a
        /// parser that keeps them loses nothing.
        decorators: &'a [Decorator<'a>],
    },
    /// `...expr`
    Spread(Expr<'a>),
    /// A nested child resource: `resource child 'type' = {...}` inside a
    /// resource body (decorators such as `'abatchSize` allowed); the
    /// statement's kind is always `StmtKind::Resource`.
    Resource(&'a Stmt<'a>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ArrItem<'a> {
    Item(Expr<'a>),
    Spread(Expr<'a>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ExprKind<'a> {
    Null,
    Bool(bool),
    /// Bicep integers are 64-bit; the model's numbers are `f64`.
    Int(i64),
    /// `'a${b}c'`; a `'''` string is one `Lit` part.
    String(&'a [StrPart<'a>]),
    /// A name: parameter, variable, resource, module, loop variable,
    /// lambda parameter, or a namespace (`az`, `sys`) when followed by `.`.
    Ident(&'a str),
    Object(&'a [ObjItem<'a>]),
    Array(&'a [ArrItem<'a>]),
    /// `[for item in iter: body]`, `[for (item, i) in iter: body]`;
    /// `body` may be an `If` (a filter).
    For {
        item: &'a Ident<'a>,
        index: Option<&'a Ident<'a>>,
        iter: &'a Expr<'a>,
        body: &'a Expr<'a>,
    },
    /// `if (cond) body`, only as a resource/module value or a loop body.
    If {
        cond: &'a Expr<'a>,
        body: &'a Expr<'a>,
    },
    /// `f(args)`; `ns.f(args)` has `namespace` (`az`, `sys`, an import alias);
    /// `sym.listKeys()` is a `Call` whose `target` is `sym`.
    Call {
        target: Option<&'a Expr<'a>>,
        name: &'a Ident<'a>,
        args: &'a [Expr<'a>],
    },
    /// `a.b`, `a.?b`
    Member {
        base: &'a Expr<'a>,
        name: &'a Ident<'a>,
        safe: bool,
    },
    /// `parent::child`: a nested child resource of a resource symbol.
    NestedResource {
        base: &'a Expr<'a>,
        name: &'a Ident<'a>,
    },
    /// `a[i]`, `a[?i]`
    Index {
        base: &'a Expr<'a>,
        index: &'a Expr<'a>,
        safe: bool,
    },
    /// `a!`
    NonNull(&'a Expr<'a>),
    Unary {
        op: UnaryOp,
        expr: &'a Expr<'a>,
    },
    Binary {
        op: BinaryOp,
        lhs: &'a Expr<'a>,
        rhs: &'a Expr<'a>,
    },
    Ternary {
        cond: &'a Expr<'a>,
        then: &'a Expr<'a>,
        otherwise: &'a Expr<'a>,
    },
    /// `x => body`, `(x, y) => body`, `() => body`
    Lambda {
        params: &'a [Ident<'a>],
        body: &'a Expr<'a>,
    },
    /// `(expr)`: kept so that spans and printing stay faithful.
    Paren(&'a Expr<'a>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypeExpr<'a> {
    pub kind: TypeKind<'a>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TypeKind<'a> {
    /// `string`, `int`, `bool`, `object`, `array`, `any`, a user type, `ns.type`.
    Named(&'a str),
    /// `T[]`
    Array(&'a TypeExpr<'a>),
    /// `T?`
    Nullable(&'a TypeExpr<'a>),
    /// `'a' | 'b'`
    Union(&'a [TypeExpr<'a>]),
    /// `'a'`, `1`, `true`, `-1`
    Literal(Expr<'a>),
    /// `{ name: T, opt?: T, *: T }` with decorators on the properties.
    Object(&'a [TypeProp<'a>]),
    /// `[T, U]`
    Tuple(&'a [TypeExpr<'a>]),
    /// `resource 'T'av'` (outputs and parameters).
    Resource(StrLit<'a>),
    /// `resourceInput<'T'av'>.properties`, any `name<args>` with its members.
    Generic {
        name: Ident<'a>,
        args: &'a [Expr<'a>],
    },
    /// `T.prop`, `T[*]`, `T[0]`
    Access(&'a TypeExpr<'a>, &'a str),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypeProp<'a> {
    pub decorators: &'a [Decorator<'a>],
    /// `*` for additional properties.
    pub name: &'a str,
    pub optional: bool,
    pub ty: TypeExpr<'a>,
    pub span: Span,
}

/// A located parse error: the file is not loaded, and the error says where
/// and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub span: Span,
}
