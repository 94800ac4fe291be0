//! Tests of the Bicep lexer and parser: every construct real code uses,
//! spans, and located errors for malformed input.

use super::ast::*;
use crate::source::{LineCol, SourceFile, Span};

/// Parses a copy of `text` into an arena; both live as long as the test.
fn parse(text: &str) -> Result<File<'static>, ParseError> {
    let text: &'static str = Box::leak(text.to_string().into_boxed_str());
    let arena: &'static Arena = Box::leak(Box::new(Arena::new()));
    super::parser::parse(text, arena)
}

fn ok(text: &str) -> File<'static> {
    match parse(text) {
        Ok(f) => f,
        Err(e) => panic!("{}: {}\n{text}", at(text, e.span), e.message),
    }
}

fn at(text: &str, span: Span) -> String {
    let lc = lc(text, span.start);
    format!("{}:{}", lc.line, lc.column)
}

fn lc(text: &str, offset: u32) -> LineCol {
    SourceFile::new("t.bicep".into(), text.to_string()).line_col(offset)
}

/// The error of a malformed input: "line:col: message".
fn fails(text: &str) -> String {
    match parse(text) {
        Ok(f) => panic!("parsed: {f:?}"),
        Err(e) => format!("{}: {}", at(text, e.span), e.message),
    }
}

fn one(text: &str) -> Stmt<'static> {
    let f = ok(text);
    assert_eq!(f.stmts.len(), 1, "{f:?}");
    f.stmts[0]
}

/// The value of `var x = <text>`.
fn expr(text: &str) -> Expr<'static> {
    match one(&format!("var x = {text}\n")).kind {
        StmtKind::Var { value, .. } => value,
        k => panic!("{k:?}"),
    }
}

/// The type of `type t = <text>`.
fn ty(text: &str) -> TypeKind<'static> {
    match one(&format!("type t = {text}\n")).kind {
        StmtKind::Type { ty, .. } => ty.kind,
        k => panic!("{k:?}"),
    }
}

fn lit(s: &str) -> &'static [StrPart<'static>] {
    let s: &'static str = Box::leak(s.to_string().into_boxed_str());
    Box::leak(Box::new([StrPart::Lit(s)]))
}

fn slice(text: &str, span: Span) -> &str {
    &text[span.start as usize..span.end as usize]
}

/// A compact printing of an expression's shape, for precedence tests.
fn show(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Null => "null".into(),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Int(n) => n.to_string(),
        ExprKind::String(parts) => parts
            .iter()
            .map(|p| match p {
                StrPart::Lit(s) => format!("'{s}'"),
                StrPart::Interp(e) => format!("${{{}}}", show(e)),
            })
            .collect(),
        ExprKind::Ident(n) => n.to_string(),
        ExprKind::Object(items) => format!("{{{}}}", items.len()),
        ExprKind::Array(items) => format!("[{}]", items.len()),
        ExprKind::For { item, body, .. } => format!("[for {} {}]", item.name, show(body)),
        ExprKind::If { cond, body } => format!("if({}) {}", show(cond), show(body)),
        ExprKind::Call { target, name, args } => format!(
            "{}{}({})",
            target
                .as_ref()
                .map(|t| format!("{}.", show(t)))
                .unwrap_or_default(),
            name.name,
            args.iter().map(show).collect::<Vec<_>>().join(", ")
        ),
        ExprKind::Member { base, name, safe } => {
            format!(
                "{}{}{}",
                show(base),
                if *safe { ".?" } else { "." },
                name.name
            )
        }
        ExprKind::NestedResource { base, name } => format!("{}::{}", show(base), name.name),
        ExprKind::Index { base, index, safe } => {
            format!(
                "{}[{}{}]",
                show(base),
                if *safe { "?" } else { "" },
                show(index)
            )
        }
        ExprKind::NonNull(e) => format!("{}!", show(e)),
        ExprKind::Unary { op, expr } => format!(
            "({}{})",
            if *op == UnaryOp::Not { "!" } else { "-" },
            show(expr)
        ),
        ExprKind::Binary { op, lhs, rhs } => format!("({} {op:?} {})", show(lhs), show(rhs)),
        ExprKind::Ternary {
            cond,
            then,
            otherwise,
        } => format!("({} ? {} : {})", show(cond), show(then), show(otherwise)),
        ExprKind::Lambda { params, body } => format!(
            "(({}) => {})",
            params.iter().map(|p| p.name).collect::<Vec<_>>().join(", "),
            show(body)
        ),
        ExprKind::Paren(e) => format!("<{}>", show(e)),
    }
}

fn sh(text: &str) -> String {
    show(&expr(text))
}

// ------------------------------------------------------------ statements

#[test]
fn empty_and_comment_only_files_are_empty() {
    assert_eq!(ok(""), File { stmts: &[] });
    assert_eq!(ok("\n\n  \r\n"), File { stmts: &[] });
    let comments = "// a line\n/* a block\n over lines */\n#disable-next-line no-unused-params\n";
    assert_eq!(ok(comments), File { stmts: &[] });
    assert_eq!(ok("\u{feff}// bom\n"), File { stmts: &[] });
}

#[test]
fn target_scope_metadata_and_params() {
    let f = ok("targetScope = 'subscription'\nmetadata name = 'x'\n\
                @secure()\nparam p string\nparam q int = 3\n");
    assert!(
        matches!(&f.stmts[0].kind, StmtKind::TargetScope(e) if e.kind == ExprKind::String(lit("subscription")))
    );
    assert!(matches!(&f.stmts[1].kind, StmtKind::Metadata { name, .. } if name.name == "name"));
    let p = &f.stmts[2];
    assert_eq!(p.decorators[0].name.name, "secure");
    assert!(p.decorators[0].args.is_empty());
    match &p.kind {
        StmtKind::Param { name, ty, default } => {
            assert_eq!(name.name, "p");
            assert_eq!(ty.as_ref().unwrap().kind, TypeKind::Named("string"));
            assert!(default.is_none());
        }
        k => panic!("{k:?}"),
    }
    match &f.stmts[3].kind {
        StmtKind::Param {
            default: Some(d), ..
        } => assert_eq!(d.kind, ExprKind::Int(3)),
        k => panic!("{k:?}"),
    }
}

#[test]
fn decorators_of_every_shape() {
    let text = "@sys.description('d')\n@allowed([\n  'a'\n  'b'\n])\n@minValue(1) @maxValue(3)\nparam p string = 'a'\n\
                @batchSize(2)\nresource r 'T@1' = [for x in xs: {}]\n\
                @export()\n@sealed()\n@discriminator('kind')\ntype t = {}\n";
    let f = ok(text);
    let names: Vec<_> = f.stmts[0].decorators.iter().map(|d| d.name.name).collect();
    assert_eq!(names, ["description", "allowed", "minValue", "maxValue"]);
    assert_eq!(
        slice(text, f.stmts[0].decorators[0].span),
        "@sys.description('d')"
    );
    assert!(matches!(&f.stmts[0].decorators[1].args[0].kind, ExprKind::Array(a) if a.len() == 2));
    // The statement's span starts at its keyword, decorators excluded.
    assert!(slice(text, f.stmts[0].span).starts_with("param p"));
    assert_eq!(f.stmts[1].decorators[0].name.name, "batchSize");
    assert_eq!(f.stmts[2].decorators.len(), 3);
}

#[test]
fn var_resource_module_output() {
    let text = "var v = 1\nvar w string = 'x'\n\
        resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'sa'\n  location: loc\n}\n\
        resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {\n  name: 'kv'\n}\n\
        module m './child.bicep' = if (deploy) {\n  name: 'm'\n  params: {}\n}\n\
        module ms 'br/public:avm/res/x:0.1.0' = [for (s, i) in list: if (s.on) {\n  name: 'm${i}'\n}]\n\
        output o string = sa.id\noutput r resource 'Microsoft.Storage/storageAccounts@2023-01-01' = sa\n";
    let f = ok(text);
    assert!(matches!(
        &f.stmts[1].kind,
        StmtKind::Var { ty: Some(_), .. }
    ));
    match &f.stmts[2].kind {
        StmtKind::Resource {
            name,
            type_string,
            existing,
            value,
        } => {
            assert_eq!(name.name, "sa");
            assert_eq!(
                type_string.value,
                "Microsoft.Storage/storageAccounts@2023-01-01"
            );
            assert_eq!(
                slice(text, type_string.span),
                "'Microsoft.Storage/storageAccounts@2023-01-01'"
            );
            assert!(!existing);
            assert!(matches!(&value.kind, ExprKind::Object(items) if items.len() == 2));
        }
        k => panic!("{k:?}"),
    }
    assert!(matches!(
        &f.stmts[3].kind,
        StmtKind::Resource { existing: true, .. }
    ));
    match &f.stmts[4].kind {
        StmtKind::Module { path, value, .. } => {
            assert_eq!(path.value, "./child.bicep");
            assert_eq!(show(value), "if(deploy) {2}");
        }
        k => panic!("{k:?}"),
    }
    match &f.stmts[5].kind {
        StmtKind::Module { value, .. } => match &value.kind {
            ExprKind::For {
                item, index, body, ..
            } => {
                assert_eq!(item.name, "s");
                assert_eq!(index.as_ref().unwrap().name, "i");
                assert_eq!(show(body), "if(s.on) {1}");
            }
            k => panic!("{k:?}"),
        },
        k => panic!("{k:?}"),
    }
    match &f.stmts[7].kind {
        StmtKind::Output { ty, .. } => assert_eq!(
            ty.kind,
            TypeKind::Resource(StrLit {
                value: "Microsoft.Storage/storageAccounts@2023-01-01",
                span: ty.span.start_after(9)
            })
        ),
        k => panic!("{k:?}"),
    }
}

trait After {
    fn start_after(self, n: u32) -> Span;
}
impl After for Span {
    fn start_after(self, n: u32) -> Span {
        Span {
            start: self.start + n,
            end: self.end,
        }
    }
}

#[test]
fn nested_child_resources_parent_scope_and_accessor() {
    let text = "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'sa'\n  \
        resource blob 'blobServices' = {\n    name: 'default'\n    @batchSize(1)\n    resource c 'containers' = [for n in names: {\n      name: n\n    }]\n  }\n}\n\
        resource lock 'Microsoft.Authorization/locks@2020-05-01' = {\n  scope: sa\n  name: 'l'\n}\n\
        resource d 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {\n  parent: sa\n  name: sa::blob.name\n}\n";
    let f = ok(text);
    let StmtKind::Resource { value, .. } = &f.stmts[0].kind else {
        panic!()
    };
    let ExprKind::Object(items) = &value.kind else {
        panic!()
    };
    let ObjItem::Resource(blob) = &items[1] else {
        panic!("{:?}", items[1])
    };
    let StmtKind::Resource { name, value, .. } = &blob.kind else {
        panic!()
    };
    assert_eq!(name.name, "blob");
    let ExprKind::Object(inner) = &value.kind else {
        panic!()
    };
    let ObjItem::Resource(c) = &inner[1] else {
        panic!()
    };
    assert_eq!(c.decorators[0].name.name, "batchSize");
    let StmtKind::Resource { value, .. } = &f.stmts[2].kind else {
        panic!()
    };
    let ExprKind::Object(items) = &value.kind else {
        panic!()
    };
    let ObjItem::Prop { value, .. } = &items[1] else {
        panic!()
    };
    assert_eq!(show(value), "sa::blob.name");
}

#[test]
fn type_func_import_extension_using_assert() {
    let text = "type t = { a: string, @description('x') b?: int\n  *: bool }\n\
        func double(x int, y string) int => x * 2\n\
        import { a, b as c } from 'types.bicep'\n\
        import {\n  d\n  e\n} from 'br/public:avm/utl/types/avm-common-types:0.6.1'\n\
        import * as ns from './ns.bicep'\n\
        import 'az@1.0.0'\n\
        import 'kubernetes@1.0.0' with { namespace: 'default' } as k8s\n\
        extension microsoftGraphV1\n\
        extension 'br:mcr.microsoft.com/bicep/extensions/x:1.0' as x\n\
        provider kubernetes with { a: 1 } as k\n\
        assert ok = 1 == 1\n";
    let f = ok(text);
    match &f.stmts[0].kind {
        StmtKind::Type { ty, .. } => {
            let TypeKind::Object(props) = &ty.kind else {
                panic!()
            };
            assert_eq!(props.len(), 3);
            assert_eq!((props[1].name, props[1].optional), ("b", true));
            assert_eq!(props[1].decorators[0].name.name, "description");
            assert_eq!(props[2].name, "*");
        }
        k => panic!("{k:?}"),
    }
    match &f.stmts[1].kind {
        StmtKind::Func {
            name,
            params,
            ret,
            body,
        } => {
            assert_eq!(name.name, "double");
            assert_eq!(params.len(), 2);
            assert_eq!(ret.kind, TypeKind::Named("int"));
            assert_eq!(show(body), "(x Mul 2)");
        }
        k => panic!("{k:?}"),
    }
    let paths: Vec<_> = f.stmts[2..7]
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Import { path } => path.value,
            k => panic!("{k:?}"),
        })
        .collect();
    assert_eq!(
        paths,
        [
            "types.bicep",
            "br/public:avm/utl/types/avm-common-types:0.6.1",
            "./ns.bicep",
            "az@1.0.0",
            "kubernetes@1.0.0"
        ]
    );
    let ext: Vec<_> = f.stmts[7..10]
        .iter()
        .map(|s| match &s.kind {
            StmtKind::Extension { name } => name.name,
            k => panic!("{k:?}"),
        })
        .collect();
    assert_eq!(
        ext,
        [
            "microsoftGraphV1",
            "br:mcr.microsoft.com/bicep/extensions/x:1.0",
            "kubernetes"
        ]
    );
    assert!(matches!(&f.stmts[10].kind, StmtKind::Assert { name, .. } if name.name == "ok"));
}

#[test]
fn bicepparam_files() {
    let f = ok("using './main.bicep'\n\nparam name = 'x'\nparam n = 3\nvar v = 'y'\nimport { t } from './types.bicep'\n");
    assert!(
        matches!(&f.stmts[0].kind, StmtKind::Using { path: Some(p) } if p.value == "./main.bicep")
    );
    assert!(matches!(
        &f.stmts[1].kind,
        StmtKind::Param {
            ty: None,
            default: Some(_),
            ..
        }
    ));
    let f = ok("using none\nparam a = 1\n");
    assert!(matches!(&f.stmts[0].kind, StmtKind::Using { path: None }));
}

// ----------------------------------------------------------- expressions

#[test]
fn literals() {
    assert_eq!(expr("null").kind, ExprKind::Null);
    assert_eq!(expr("true").kind, ExprKind::Bool(true));
    assert_eq!(expr("42").kind, ExprKind::Int(42));
    assert_eq!(expr("9223372036854775807").kind, ExprKind::Int(i64::MAX));
    assert_eq!(sh("-1"), "(-1)");
    assert_eq!(expr("''").kind, ExprKind::String(lit("")));
}

#[test]
fn strings_escapes_and_interpolation() {
    assert_eq!(
        expr(r"'it\'s \\ \n\r\t \$x \${y} \u{1F600}\u{41}'").kind,
        ExprKind::String(lit("it's \\ \n\r\t $x ${y} \u{1F600}A"))
    );
    assert_eq!(sh("'a${b}c'"), "'a'${b}'c'");
    assert_eq!(sh("'${a}${b}'"), "${a}${b}");
    assert_eq!(sh("'x${f('y${z}')}w'"), "'x'${f('y'${z})}'w'");
    assert_eq!(sh("'${ {a: 1}.a }'"), "${{1}.a}");
    assert_eq!(sh("'${a ? 'b' : 'c'}'"), "${(a ? 'b' : 'c')}");
}

#[test]
fn multi_line_strings() {
    // The newline right after the opening quotes is not part of the text.
    assert_eq!(
        expr("'''\nline 1\n  line 2\n'''").kind,
        ExprKind::String(lit("line 1\n  line 2\n"))
    );
    assert_eq!(
        expr("'''a\\n${b}'''").kind,
        ExprKind::String(lit("a\\n${b}"))
    );
    assert_eq!(expr("'''\r\nx'''").kind, ExprKind::String(lit("x")));
    assert_eq!(expr("'''it's''''").kind, ExprKind::String(lit("it's'")));
}

#[test]
fn objects_and_arrays_with_newlines_and_commas() {
    assert_eq!(sh("{}"), "{0}");
    assert_eq!(sh("{ a: 1, b: 2 }"), "{2}");
    assert_eq!(sh("{\n  a: 1\n\n  b: 2\n}"), "{2}");
    assert_eq!(sh("{\n  a: 1,\n  b: 2,\n}"), "{2}");
    assert_eq!(sh("{ a: 1 }"), "{1}");
    assert_eq!(sh("[]"), "[0]");
    assert_eq!(sh("[1, 2, 3]"), "[3]");
    assert_eq!(sh("[\n  1\n  -2\n  'x'\n]"), "[3]");
    let ExprKind::Object(items) =
        expr("{\n  'quoted-key': 1\n  '${p}-x': 2\n  if: 3\n  resource: 4\n}").kind
    else {
        panic!()
    };
    let keys: Vec<_> = items
        .iter()
        .map(|i| match i {
            ObjItem::Prop { key, .. } => *key,
            i => panic!("{i:?}"),
        })
        .collect();
    assert_eq!(keys[0], ObjKey::Name("quoted-key"));
    assert!(matches!(&keys[1], ObjKey::Interp(p) if p.len() == 2));
    assert_eq!(keys[2], ObjKey::Name("if"));
    assert_eq!(keys[3], ObjKey::Name("resource"));
}

#[test]
fn spreads() {
    let ExprKind::Object(items) = expr("{\n  ...base\n  a: 1\n}").kind else {
        panic!()
    };
    assert!(matches!(&items[0], ObjItem::Spread(e) if e.kind == ExprKind::Ident("base")));
    let ExprKind::Array(items) = expr("[...a, 1, ...b]").kind else {
        panic!()
    };
    assert!(matches!(&items[2], ArrItem::Spread(_)));
}

#[test]
fn loops() {
    assert_eq!(sh("[for x in xs: x.name]"), "[for x x.name]");
    assert_eq!(sh("[for (x, i) in range(0, 3): i]"), "[for x i]");
    assert_eq!(
        sh("[for x in xs: if (x.on) { a: x }]"),
        "[for x if(x.on) {1}]"
    );
    assert_eq!(sh("[\n  for x in xs: {\n    a: x\n  }\n]"), "[for x {1}]");
    assert_eq!(sh("[for x in (a ? b : c): x]"), "[for x x]");
}

#[test]
fn precedence() {
    assert_eq!(sh("a || b && c"), "(a Or (b And c))");
    assert_eq!(sh("a ?? b || c"), "(a Coalesce (b Or c))");
    assert_eq!(sh("a == b < c"), "(a Eq (b Lt c))");
    assert_eq!(sh("a + b * c - d % e"), "((a Add (b Mul c)) Sub (d Mod e))");
    assert_eq!(sh("a =~ b && c !~ d"), "((a EqI b) And (c NeI d))");
    assert_eq!(sh("!a.b == -c"), "((!a.b) Eq (-c))");
    assert_eq!(sh("a ? b : c ? d : e"), "(a ? b : (c ? d : e))");
    assert_eq!(sh("a ?? b ? c : d"), "((a Coalesce b) ? c : d)");
    assert_eq!(sh("a - b - c"), "((a Sub b) Sub c)");
    assert_eq!(sh("(a + b) * c"), "(<(a Add b)> Mul c)");
    assert_eq!(
        sh("a <= b && c >= d && e > f"),
        "(((a Le b) And (c Ge d)) And (e Gt f))"
    );
}

#[test]
fn postfix_access_and_calls() {
    assert_eq!(sh("a.b.?c[0][?'d']!"), "a.b.?c[0][?'d']!");
    assert_eq!(sh("a.b!.c"), "a.b!.c");
    assert_eq!(sh("resourceGroup().id"), "resourceGroup().id");
    assert_eq!(sh("az.resourceGroup()"), "az.resourceGroup()");
    assert_eq!(sh("sys.concat('a', 'b')"), "sys.concat('a', 'b')");
    assert_eq!(
        sh("sa.listKeys().keys[0].value"),
        "sa.listKeys().keys[0].value"
    );
    let ExprKind::Call { target, name, .. } = expr("sa.listKeys()").kind else {
        panic!()
    };
    assert_eq!(target.unwrap().kind, ExprKind::Ident("sa"));
    assert_eq!(name.name, "listKeys");
    assert_eq!(sh("a != b"), "(a Ne b)");
}

#[test]
fn lambdas() {
    assert_eq!(sh("map(xs, x => x.id)"), "map(xs, ((x) => x.id))");
    assert_eq!(
        sh("reduce(xs, 0, (cur, next) => cur + next)"),
        "reduce(xs, 0, ((cur, next) => (cur Add next)))"
    );
    assert_eq!(sh("() => 1"), "(() => 1)");
    assert_eq!(
        sh("filter(xs, x => x.a == 1 && x.b)"),
        "filter(xs, ((x) => ((x.a Eq 1) And x.b)))"
    );
    assert_eq!(sh("(a)"), "<a>");
}

#[test]
fn multi_line_operators_continue() {
    // As formatted AVM code writes them (key-vault/vault/main.bicep).
    let text = "var x = {\n  a: !empty(n ?? {})\n    ? {\n        b: 1\n      }\n    : null\n  c: lock.?notes ?? (lock.?kind == 'CanNotDelete'\n    ? 'x'\n    : 'y')\n  d: a\n    && b\n    || c\n  e: -1\n}\n";
    let StmtKind::Var { value, .. } = one(text).kind else {
        panic!()
    };
    let ExprKind::Object(items) = &value.kind else {
        panic!()
    };
    assert_eq!(items.len(), 4);
    let shown: Vec<_> = items
        .iter()
        .map(|i| match i {
            ObjItem::Prop { value, .. } => show(value),
            i => panic!("{i:?}"),
        })
        .collect();
    assert_eq!(shown[0], "((!empty((n Coalesce {0}))) ? {1} : null)");
    assert_eq!(
        shown[1],
        "(lock.?notes Coalesce <((lock.?kind Eq 'CanNotDelete') ? 'x' : 'y')>)"
    );
    assert_eq!(shown[2], "((a And b) Or c)");
    // Calls split over lines.
    assert_eq!(sh("union(\n  a,\n  b\n)"), "union(a, b)");
}

// ----------------------------------------------------------------- types

#[test]
fn types() {
    assert_eq!(ty("string"), TypeKind::Named("string"));
    assert_eq!(ty("sys.string"), TypeKind::Named("string"));
    assert!(matches!(ty("string[]"), TypeKind::Array(_)));
    assert!(matches!(ty("string?"), TypeKind::Nullable(_)));
    assert!(
        matches!(ty("myType[]?"), TypeKind::Nullable(t) if matches!(t.kind, TypeKind::Array(_)))
    );
    let TypeKind::Union(arms) = ty("'a' | 'b' | 1 | -1 | true | null") else {
        panic!()
    };
    assert_eq!(arms.len(), 6);
    assert!(matches!(&arms[0].kind, TypeKind::Literal(e) if e.kind == ExprKind::String(lit("a"))));
    let TypeKind::Union(arms) = ty("\n  | 'a'\n  | 'b'?") else {
        panic!()
    };
    assert!(matches!(arms[1].kind, TypeKind::Nullable(_)));
    assert!(matches!(ty("[string, int]"), TypeKind::Tuple(t) if t.len() == 2));
    assert!(
        matches!(ty("[\n  @description('x')\n  string\n  int\n]"), TypeKind::Tuple(t) if t.len() == 2)
    );
    let TypeKind::Access(base, prop) =
        ty("resourceInput<'Microsoft.KeyVault/vaults@2024-11-01'>.tags")
    else {
        panic!()
    };
    assert_eq!(prop, "tags");
    assert!(
        matches!(base.kind, TypeKind::Generic { name, args } if name.name == "resourceInput" && args.len() == 1)
    );
    assert!(matches!(ty("t.props"), TypeKind::Access(_, p) if p == "props"));
    assert!(matches!(ty("t[*]"), TypeKind::Access(_, p) if p == "*"));
    assert!(matches!(ty("t[0]"), TypeKind::Access(_, p) if p == "0"));
    assert!(matches!(
        ty("resource 'Microsoft.Storage/storageAccounts@2023-01-01'"),
        TypeKind::Resource(_)
    ));
    assert!(matches!(ty("('a' | 'b')[]"), TypeKind::Array(_)));
    let TypeKind::Object(props) =
        ty("{\n  @minLength(1)\n  name: string\n  kind: ('a' | 'b')?\n  'quoted': int\n}")
    else {
        panic!()
    };
    assert_eq!(
        props.iter().map(|p| p.name).collect::<Vec<_>>(),
        ["name", "kind", "quoted"]
    );
    // A parameter's union may start on the next line (sql/server/database).
    let s = one("param mode\n  | 'Default'\n  | 'Copy' = 'Copy'\n");
    assert!(matches!(
        s.kind,
        StmtKind::Param {
            ty: Some(TypeExpr {
                kind: TypeKind::Union(_),
                ..
            }),
            default: Some(_),
            ..
        }
    ));
    let s = one("param tags resourceInput<'Microsoft.KeyVault/vaults@2024-11-01'>.tags?\n");
    assert!(matches!(
        s.kind,
        StmtKind::Param {
            ty: Some(TypeExpr {
                kind: TypeKind::Nullable(_),
                ..
            }),
            ..
        }
    ));
}

// ----------------------------------------------------------------- spans

#[test]
fn spans_point_at_names_keys_and_strings() {
    let text = "// header\n@description('x')\nparam location string = 'westeurope'\n\nresource sa 'T@1' = {\n  name: 'n${x}'\n  properties: {\n    supportsHttpsTrafficOnly: false\n  }\n}\n";
    let f = ok(text);
    let StmtKind::Param { name, default, .. } = &f.stmts[0].kind else {
        panic!()
    };
    assert_eq!(at(text, name.span), "3:7");
    assert_eq!(slice(text, name.span), "location");
    let d = default.as_ref().unwrap();
    assert_eq!(at(text, d.span), "3:25");
    assert_eq!(slice(text, d.span), "'westeurope'");
    assert_eq!(at(text, f.stmts[0].span), "3:1");
    assert_eq!(
        slice(text, f.stmts[0].span),
        "param location string = 'westeurope'"
    );
    let StmtKind::Resource { value, .. } = &f.stmts[1].kind else {
        panic!()
    };
    let ExprKind::Object(items) = &value.kind else {
        panic!()
    };
    let ObjItem::Prop {
        key_span, value, ..
    } = &items[0]
    else {
        panic!()
    };
    assert_eq!(at(text, *key_span), "6:3");
    assert_eq!(slice(text, value.span), "'n${x}'");
    let ObjItem::Prop { value, .. } = &items[1] else {
        panic!()
    };
    let ExprKind::Object(inner) = &value.kind else {
        panic!()
    };
    let ObjItem::Prop {
        key_span, value, ..
    } = &inner[0]
    else {
        panic!()
    };
    assert_eq!(at(text, *key_span), "8:5");
    assert_eq!(slice(text, *key_span), "supportsHttpsTrafficOnly");
    assert_eq!(at(text, value.span), "8:31");
    assert_eq!(slice(text, f.stmts[1].span).lines().last(), Some("}"));
    let text = "var x = a.b ? c : d // note\n";
    let StmtKind::Var { value, .. } = one(text).kind else {
        panic!()
    };
    assert_eq!(slice(text, value.span), "a.b ? c : d");
    let ExprKind::Ternary { cond, .. } = value.kind else {
        panic!()
    };
    assert_eq!(slice(text, cond.span), "a.b");
}

// ---------------------------------------------------------------- errors

#[test]
fn malformed_input_gives_located_errors() {
    let cases = [
        ("param p string = 'abc\n", "1:18: unterminated string: a `'` string ends on its line (use `'''` for text over several lines)"),
        ("var x = '''abc\n", "1:9: unterminated multi-line string: `'''` has no closing `'''`"),
        ("var x = 'a${b\nvar y = 1\n", "1:11: unterminated interpolation: `${` has no closing `}`"),
        ("var x = 'a${b c}'\n", "1:15: expected `}` to close the interpolation, found `c`"),
        ("param p string 'x'\n", "1:16: expected `=` after the parameter type, found a string"),
        ("param p string }\n", "1:16: expected `=` after the parameter type, found `}`"),
        ("var x = 1\n}\n", "2:1: expected a declaration (`param`, `var`, `resource`, `module`, `output`, ...), found `}`"),
        ("resource r 'T@1' {\n}\n", "1:18: expected `=` after the resource type, found `{`"),
        ("var x = {\n  a: 1 b: 2\n}\n", "2:8: expected a newline, `,` or `}` after the object property, found `b`"),
        ("var x = [1 2]\n", "1:12: expected a newline, `,` or `]` after the array item, found `2`"),
        ("var x = 'a\\qb'\n", "1:11: unknown escape `\\q`: Bicep knows `\\'`, `\\\\`, `\\n`, `\\r`, `\\t`, `\\$` and `\\u{...}`"),
        ("var x = '\\u{110000}'\n", "1:10: invalid escape: `\\u{110000}` is not a character"),
        ("var x = 99999999999999999999\n", "1:9: integer out of range (Bicep integers are 64-bit)"),
        ("var x = 1 var y = 2\n", "1:11: expected a newline after the variable declaration, found `var`"),
        ("var x = \"a\"\n", "1:9: unexpected `\"`: Bicep strings are in single quotes"),
        ("/* open\nvar x = 1\n", "1:1: unterminated comment: `/*` has no closing `*/`"),
        ("var x = a ? b\n", "1:14: expected `:` after the `?` branch of the conditional, found a newline"),
        ("@description('x')\n", "2:1: expected a declaration (`param`, `var`, `resource`, `module`, `output`, ...), found the end of the file"),
        ("resource r 'T${x}' = {}\n", "1:12: the resource type must be a plain string, without interpolation"),
        ("var x = f(a,)\n", "1:13: expected an expression, found `)`"),
        ("# comment\n", "1:1: unexpected `#`: only pragmas such as `#disable-next-line` start with it"),
        ("var é = 1\n", "1:5: unexpected character `é`"),
        // An unclosed bracket is named where the error cannot be but far below it.
        ("resource sa 'T@1' = {\n  name: 'x'\n  properties: {\n    a: 1\n  }\n\nparam p string\n", "7:1: expected a property name or `}`, found a `param` declaration: the `{` at line 1 is never closed"),
        ("var x = [\n  1\n  2\n", "4:1: expected an expression, found the end of the file: the `[` at line 1 is never closed"),
        ("var x = a.", "1:11: expected a property name after `.`, found the end of the file"),
        ("var x = a.?", "1:12: expected a property name after `.`, found the end of the file"),
        ("var x = a.b.", "1:13: expected a property name after `.`, found the end of the file"),
        ("var x = f(1,\n  2\n", "3:1: expected `,` or `)` after the argument, found the end of the file: the `(` at line 1 is never closed"),
        ("var x = {\n  a: {\n    b: 1\n  }\n", "5:1: expected a property name, found the end of the file: the `{` at line 1 is never closed"),
    ];
    for (text, want) in cases {
        assert_eq!(fails(text), want, "{text:?}");
    }
    // Declaration words are still property names before a `:`.
    ok("var x = {\n  param: 1\n  var: 'v'\n  output: {}\n}\n");
}

/// Runs `f` on a thread with the stack of a scan worker, where files are
/// parsed (`crate::WORKER_STACK`).
fn on_worker_stack(f: fn()) {
    std::thread::Builder::new()
        .stack_size(crate::WORKER_STACK)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    on_worker_stack(deep_nesting);
}

fn deep_nesting() {
    let deep = |open: &str, n: usize| format!("var x = {}\n", open.repeat(n));
    for open in ["[", "{a:", "(", "!", "-", "'${", "f(", "[for x in y: "] {
        let text = deep(open, 10_000);
        let e = parse(&text).unwrap_err();
        assert!(
            e.message.contains("nesting deeper than 256") || e.message.starts_with("unterminated"),
            "{open}: {}",
            e.message
        );
    }
    // Long chains are nesting too: their trees are as deep as they are long.
    for chain in [".a", "[0]", "!", "::b"] {
        let text = format!("var x = a{}\n", chain.repeat(10_000));
        let e = parse(&text).unwrap_err();
        assert!(
            e.message.contains("nesting deeper than 256"),
            "{chain}: {}",
            e.message
        );
    }
    for op in [" + a", " && a", " ?? a"] {
        let text = format!("var x = a{}\n", op.repeat(10_000));
        assert!(parse(&text)
            .unwrap_err()
            .message
            .contains("nesting deeper than 256"));
    }
    let text = format!("type t = {}\n", "{a: ".repeat(10_000));
    assert!(parse(&text)
        .unwrap_err()
        .message
        .contains("nesting deeper than 256"));
    // Within the bound, all is well.
    let text = format!("var x = {}1{}\n", "[".repeat(100), "]".repeat(100));
    ok(&text);
}

#[test]
fn binary_garbage_decoded_lossily_is_an_error() {
    let bytes: Vec<u8> = (0..2048u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    let e = parse(&text).unwrap_err();
    assert!(e.span.end as usize <= text.len() && e.span.start <= e.span.end);
    assert!(
        text.is_char_boundary(e.span.start as usize) && text.is_char_boundary(e.span.end as usize)
    );
    let e = parse("\u{fffd}\u{fffd}param").unwrap_err();
    assert_eq!(e.message, "unexpected character `\u{fffd}`");
    assert_eq!(e.span, Span::new(0, 3));
}

#[test]
fn long_flat_files_parse() {
    // Many statements and a long array: no depth is spent on siblings.
    let mut text = String::new();
    for i in 0..5000 {
        text.push_str(&format!("param p{i} string = 'v{i}'\n"));
    }
    text.push_str("var big = [\n");
    for i in 0..20_000 {
        text.push_str(&format!("  {{ a: {i}, b: 'x' }}\n"));
    }
    text.push_str("]\n");
    assert_eq!(ok(&text).stmts.len(), 5001);
}

/// The fast path for a lone value (`Parser::lone_atom`) builds the tree the
/// general path builds: the same value as the left side of `==` takes the
/// general path.
#[test]
fn lone_values_match_the_general_path() {
    for text in [
        "'a'",
        "'it\\'s'",
        "'a\\nb'",
        "42",
        "true",
        "false",
        "null",
        "name",
        "a.b",
        "a.?b",
        "a.b.?c.d",
        "resourceGroup",
        "x.y.z.w.v",
    ] {
        let lone = expr(text);
        let general = match expr(&format!("{text} == 1")).kind {
            ExprKind::Binary { lhs, .. } => *lhs,
            k => panic!("{k:?}"),
        };
        assert_eq!(lone, general, "{text}");
        // Inside parentheses, where newlines are whitespace.
        let inner = |e: Expr<'static>| match e.kind {
            ExprKind::Paren(x) => *x,
            k => panic!("{k:?}"),
        };
        let lone = inner(expr(&format!("(\n{text}\n)")));
        let general = match inner(expr(&format!("(\n{text}\n == 1)"))).kind {
            ExprKind::Binary { lhs, .. } => *lhs,
            k => panic!("{k:?}"),
        };
        assert_eq!(lone, general, "({text})");
    }
}

/// The fast path for a type that is one name (`Parser::lone_type`) builds
/// what the general path builds: the same name under `?` takes the latter.
#[test]
fn lone_types_match_the_general_path() {
    let full = |text: &str| match one(text).kind {
        StmtKind::Param { ty: Some(t), .. } => t,
        k => panic!("{k:?}"),
    };
    for name in [
        "string",
        "int",
        "object",
        "myType",
        "secureString",
        "string?",
        "string[]",
        "int[]?",
        "object?[]",
    ] {
        // The type at offset 9 of each text: a function's parameter types,
        // where newlines are whitespace, take the general path.
        let lone = full(&format!("param pp {name}\n"));
        let general = match one(&format!("func f(a {name}) string => 1\n")).kind {
            StmtKind::Func { params, .. } => params[0].1,
            k => panic!("{k:?}"),
        };
        assert_eq!(lone, general, "{name}");
        assert_eq!(lone, full(&format!("param pp {name} = x\n")), "{name}");
    }
    // Three suffixes: the general path.
    assert!(matches!(ty("string[]?[]"), TypeKind::Array(_)));
    // Names that are literals or keywords in types take the general path.
    assert!(matches!(ty("true"), TypeKind::Literal(_)));
    assert!(matches!(ty("null"), TypeKind::Literal(_)));
    // A union continued on the next line is not a lone name.
    assert!(matches!(ty("'a'\n| 'b'"), TypeKind::Union(_)));
    assert!(matches!(
        one("param p string\n  | int\n").kind,
        StmtKind::Param {
            ty: Some(TypeExpr {
                kind: TypeKind::Union(_),
                ..
            }),
            ..
        }
    ));
}
