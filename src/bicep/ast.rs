//! The Bicep syntax tree, with byte spans into the source file.
//!
//! Only what lowering into the template model needs is kept: descriptions,
//! `@minLength` and the like are parsed (so they are checked) but carry no
//! meaning here beyond their name and arguments.

use crate::source::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// `@secure()`, `@sys.description('x')`: `name` is the last segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Decorator {
    pub name: Ident,
    pub args: Vec<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub stmts: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub decorators: Vec<Decorator>,
    pub kind: StmtKind,
    /// From the keyword to the end of the statement (decorators excluded).
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `targetScope = 'subscription'`
    TargetScope(Expr),
    /// `metadata name = expr`
    Metadata { name: Ident, value: Expr },
    /// `param name type [= default]`; in a `.bicepparam` file `param name = value`
    /// (no type).
    Param {
        name: Ident,
        ty: Option<TypeExpr>,
        default: Option<Expr>,
    },
    /// `var name [type] = value`
    Var {
        name: Ident,
        ty: Option<TypeExpr>,
        value: Expr,
    },
    /// `resource name 'Type@version' [existing] = value`; `value` is an
    /// object, an `If` or a `For` (whose body may be an `If`).
    Resource {
        name: Ident,
        type_string: StrLit,
        existing: bool,
        value: Expr,
    },
    /// `module name 'path' = value` (value as for a resource). `path` is a
    /// plain string (`'./x.bicep'`, `'br/public:...'`).
    Module {
        name: Ident,
        path: StrLit,
        value: Expr,
    },
    /// `output name type = value`, `output name resource 'T@v' = value`
    Output {
        name: Ident,
        ty: TypeExpr,
        value: Expr,
    },
    /// `type name = type`
    Type { name: Ident, ty: TypeExpr },
    /// `func name(a type, b type) type => body`
    Func {
        name: Ident,
        params: Vec<(Ident, TypeExpr)>,
        ret: TypeExpr,
        body: Expr,
    },
    /// `import {a, b as c} from 'path'`, `import * as ns from 'path'`,
    /// `import 'az@1.0.0'` (legacy provider form): `path` is the string.
    Import { path: StrLit },
    /// `extension name [with {...}] [as alias]`, `provider ...`
    Extension { name: Ident },
    /// `using './main.bicep'` (`.bicepparam`), `using none`
    Using { path: Option<StrLit> },
    /// `assert name = expr`
    Assert { name: Ident, value: Expr },
}

/// A string without interpolation (resource types, module paths).
#[derive(Debug, Clone, PartialEq)]
pub struct StrLit {
    pub value: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StrPart {
    Lit(String),
    Interp(Expr),
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

#[derive(Debug, Clone, PartialEq)]
pub enum ObjKey {
    /// An identifier or a string without interpolation, unquoted.
    Name(String),
    /// `'${x}-y': ...`
    Interp(Vec<StrPart>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ObjItem {
    Prop {
        key: ObjKey,
        key_span: Span,
        value: Expr,
        /// Decorators on object properties are only legal in types, but a
        /// parser that keeps them loses nothing.
        decorators: Vec<Decorator>,
    },
    /// `...expr`
    Spread(Expr),
    /// A nested child resource: `resource child 'type' = {...}` inside a
    /// resource body (decorators such as `@batchSize` allowed); the
    /// statement's kind is always `StmtKind::Resource`.
    Resource(Box<Stmt>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ArrItem {
    Item(Expr),
    Spread(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Null,
    Bool(bool),
    /// Bicep integers are 64-bit; the model's numbers are `f64`.
    Int(i64),
    /// `'a${b}c'`; a `'''` string is one `Lit` part.
    String(Vec<StrPart>),
    /// A name: parameter, variable, resource, module, loop variable,
    /// lambda parameter, or a namespace (`az`, `sys`) when followed by `.`.
    Ident(String),
    Object(Vec<ObjItem>),
    Array(Vec<ArrItem>),
    /// `[for item in iter: body]`, `[for (item, i) in iter: body]`;
    /// `body` may be an `If` (a filter).
    For {
        item: Ident,
        index: Option<Ident>,
        iter: Box<Expr>,
        body: Box<Expr>,
    },
    /// `if (cond) body`, only as a resource/module value or a loop body.
    If {
        cond: Box<Expr>,
        body: Box<Expr>,
    },
    /// `f(args)`; `ns.f(args)` has `namespace` (`az`, `sys`, an import alias);
    /// `sym.listKeys()` is a `Call` whose `target` is `sym`.
    Call {
        target: Option<Box<Expr>>,
        name: Ident,
        args: Vec<Expr>,
    },
    /// `a.b`, `a.?b`
    Member {
        base: Box<Expr>,
        name: Ident,
        safe: bool,
    },
    /// `parent::child`: a nested child resource of a resource symbol.
    NestedResource {
        base: Box<Expr>,
        name: Ident,
    },
    /// `a[i]`, `a[?i]`
    Index {
        base: Box<Expr>,
        index: Box<Expr>,
        safe: bool,
    },
    /// `a!`
    NonNull(Box<Expr>),
    Unary {
        op: UnaryOp,
        expr: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Ternary {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// `x => body`, `(x, y) => body`, `() => body`
    Lambda {
        params: Vec<Ident>,
        body: Box<Expr>,
    },
    /// `(expr)`: kept so that spans and printing stay faithful.
    Paren(Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TypeExpr {
    pub kind: TypeKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// `string`, `int`, `bool`, `object`, `array`, `any`, a user type, `ns.type`.
    Named(String),
    /// `T[]`
    Array(Box<TypeExpr>),
    /// `T?`
    Nullable(Box<TypeExpr>),
    /// `'a' | 'b'`
    Union(Vec<TypeExpr>),
    /// `'a'`, `1`, `true`, `-1`
    Literal(Expr),
    /// `{ name: T, opt?: T, *: T }` with decorators on the properties.
    Object(Vec<TypeProp>),
    /// `[T, U]`
    Tuple(Vec<TypeExpr>),
    /// `resource 'T@v'` (outputs and parameters).
    Resource(StrLit),
    /// `resourceInput<'T@v'>.properties`, any `name<args>` with its members.
    Generic { name: Ident, args: Vec<Expr> },
    /// `T.prop`, `T[*]`, `T[0]`
    Access(Box<TypeExpr>, String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TypeProp {
    pub decorators: Vec<Decorator>,
    /// `*` for additional properties.
    pub name: String,
    pub optional: bool,
    pub ty: TypeExpr,
    pub span: Span,
}

/// A located parse error: the file is not loaded, and the error says where
/// and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub span: Span,
}
