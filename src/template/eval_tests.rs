//! Unit tests of the ARM expression evaluator and its function library:
//! folding with real ARM semantics, provenance, typed unknowns, and
//! robustness against odd input.

use super::eval::{Env, Evaluator, ParamDecl};
use super::expr;
use crate::model::ids::{self, ScopeLevel};
use crate::model::value::{
    format_number, Attr, ContextValue, FileId, Kind, Loc, Part, ResourceRef, Step, StepKind,
    Unknown, Value,
};
use crate::source::jsonc::{self, Json};

/// The template most tests evaluate against.
const BASE: &str = r#"{
  "parameters": {
    "name": { "type": "string", "defaultValue": "app" },
    "Env": { "type": "string", "defaultValue": "[concat('d', 'ev')]" },
    "noDefault": { "type": "string" },
    "secret": { "type": "secureString" },
    "given": { "type": "string", "defaultValue": "fallback" },
    "count": { "type": "int", "defaultValue": 3 },
    "tags": { "type": "object", "defaultValue": { "a": "1", "B": "2" } },
    "list": { "type": "array", "defaultValue": [ "x", "y" ] },
    "selfRef": { "type": "string", "defaultValue": "[parameters('selfRef')]" }
  },
  "variables": {
    "prefix": "[concat(parameters('name'), '-', parameters('Env'))]",
    "m": { "key": "v", "nested": { "deep": "[parameters('name')]" } },
    "loopy": "[variables('loopy')]",
    "a": "[variables('b')]",
    "b": "[variables('a')]",
    "copy": [
      { "name": "x", "count": 2, "input": "[copyIndex('x')]" },
      { "name": "objs", "count": "[parameters('count')]",
        "input": { "n": "[concat('vm', string(copyIndex('objs', 1)))]" } },
      { "name": "big", "count": 1000, "input": "[copyIndex('big')]" },
      { "name": "unknownCount", "count": "[parameters('noDefault')]", "input": 1 }
    ],
    "uami": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]",
    "badExpr": "[concat('a',]"
  }
}"#;

const GUID: &str = "b24988ac-6180-42a0-ab88-20f7382dd24c";

/// Parsed templates live for the whole test run, so evaluators can borrow them.
fn leak(text: &str) -> &'static Json {
    let doc = jsonc::parse(text).unwrap_or_else(|e| panic!("template: {}", e.message));
    &Box::leak(Box::new(doc)).root
}

/// Parameter declarations as `parse.rs` builds them; `given` are values from a
/// parameter file.
fn decls(root: &'static Json, given: &[(&str, &str)]) -> Vec<ParamDecl<'static>> {
    let mut out = Vec::new();
    for m in root
        .get("parameters")
        .and_then(Json::as_object)
        .unwrap_or(&[])
    {
        let ty = m
            .value
            .get("type")
            .and_then(Json::as_str)
            .map(str::to_ascii_lowercase);
        let secure = matches!(ty.as_deref(), Some("securestring" | "secureobject"));
        let loc = Loc::new(FileId(0), m.key_span);
        let given = given
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(&m.key))
            .map(|(n, v)| {
                Value::string(*v, Loc::new(FileId(1), Default::default())).through(Step {
                    kind: StepKind::Given,
                    name: n.to_string(),
                    loc: Loc::new(FileId(1), Default::default()),
                    secure,
                    noun: "parameter",
                })
            });
        out.push(ParamDecl {
            name: m.key.clone(),
            loc,
            secure,
            ty,
            nullable: false,
            default: m.value.member("defaultValue"),
            given,
            enumerated: false,
            allowed: Vec::new(),
        });
    }
    out
}

fn evaluator(text: &str, level: Option<ScopeLevel>, given: &[(&str, &str)]) -> Evaluator<'static> {
    let root = leak(text);
    Evaluator::new(FileId(0), level, decls(root, given), root.get("variables"))
}

fn base() -> Evaluator<'static> {
    evaluator(BASE, Some(ScopeLevel::ResourceGroup), &[])
}

fn run(ev: &Evaluator, text: &str) -> Value {
    let e = expr::parse(text).unwrap_or_else(|err| panic!("`{text}`: {}", err.message));
    ev.eval(&e, Loc::default(), &Env::default())
}

/// Evaluates an expression against the base template.
fn eval(text: &str) -> Value {
    run(&base(), text)
}

/// A compact rendering: strings bare, templates with `{hole}`s, arrays and
/// objects JSON-like, unknowns as `?reason`.
fn show(v: &Value) -> String {
    match &v.kind {
        Kind::Array(items) => format!("[{}]", items.iter().map(show).collect::<Vec<_>>().join(",")),
        Kind::Object(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|e| format!("{}:{}", e.key, show(&e.value)))
                .collect::<Vec<_>>()
                .join(",")
        ),
        Kind::Unknown(u) => format!("?{}", u.describe()),
        Kind::Number(n) => format_number(*n),
        _ => v.display(),
    }
}

fn shows(text: &str) -> String {
    show(&eval(text))
}

fn num(text: &str) -> Option<f64> {
    match eval(text).kind {
        Kind::Number(n) => Some(n),
        _ => None,
    }
}

fn boolean(text: &str) -> Option<bool> {
    match eval(text).kind {
        Kind::Bool(b) => Some(b),
        _ => None,
    }
}

fn unknown(v: &Value) -> Unknown {
    match v.as_unknown() {
        Some(u) => u.clone(),
        None => panic!("not unknown: {v:?}"),
    }
}

fn is_opaque(v: &Value) -> bool {
    matches!(v.as_unknown(), Some(Unknown::Opaque { .. }))
}

fn input(name: &str, secure: bool) -> Unknown {
    Unknown::Input {
        name: name.into(),
        secure,
    }
}

fn ctx(c: ContextValue) -> Part {
    Part::Hole(Unknown::Context(c))
}

fn lit(s: &str) -> Part {
    Part::Lit(s.into())
}

fn parts(v: &Value) -> Vec<Part> {
    match &v.kind {
        Kind::Template(p) => p.to_vec(),
        _ => panic!("not a template: {v:?}"),
    }
}

fn errors(ev: &Evaluator) -> Vec<String> {
    ev.errors
        .borrow()
        .iter()
        .map(|e| e.message.clone())
        .collect()
}

// ---------------------------------------------------------------- parameters

#[test]
fn parameter_default_is_folded_with_a_default_step() {
    let v = eval("parameters('name')");
    assert_eq!(v.as_str(), Some("app"));
    assert_eq!(v.via.len(), 1);
    assert_eq!(v.via[0].kind, StepKind::Default);
    assert_eq!(v.via[0].name, "name");
    assert_eq!(v.via[0].noun, "parameter");
    assert!(!v.via[0].secure);
}

#[test]
fn parameter_default_may_be_an_expression() {
    assert_eq!(eval("parameters('Env')").as_str(), Some("dev"));
}

#[test]
fn parameter_names_are_case_insensitive() {
    assert_eq!(eval("parameters('NAME')").as_str(), Some("app"));
    assert_eq!(eval("parameters('env')").as_str(), Some("dev"));
    assert_eq!(eval("PARAMETERS('name')").as_str(), Some("app"));
}

#[test]
fn given_parameter_value_wins_over_default() {
    let ev = evaluator(
        BASE,
        Some(ScopeLevel::ResourceGroup),
        &[("GIVEN", "from-file")],
    );
    let v = run(&ev, "parameters('given')");
    assert_eq!(v.as_str(), Some("from-file"));
    assert_eq!(v.via[0].kind, StepKind::Given);
    assert_eq!(v.via.len(), 1, "no default step under a given value");
}

#[test]
fn parameter_without_default_is_an_input() {
    let v = eval("parameters('noDefault')");
    assert_eq!(unknown(&v), input("noDefault", false));
    assert!(v.via.is_empty());
}

#[test]
fn secure_parameter_without_default_is_a_secure_input() {
    assert_eq!(
        unknown(&eval("parameters('secret')")),
        input("secret", true)
    );
}

#[test]
fn object_and_array_parameters() {
    assert_eq!(eval("parameters('tags').a").as_str(), Some("1"));
    assert_eq!(eval("parameters('tags').b").as_str(), Some("2"));
    assert_eq!(eval("parameters('tags')['B']").as_str(), Some("2"));
    assert_eq!(eval("parameters('list')[1]").as_str(), Some("y"));
    let v = eval("parameters('list')[1]");
    assert_eq!(v.via[0].kind, StepKind::Default, "element keeps provenance");
    assert!(is_opaque(&eval("parameters('list')[2]")));
    assert!(is_opaque(&eval("parameters('tags').missing")));
}

#[test]
fn members_of_unknown_inputs_stay_inputs() {
    assert_eq!(
        unknown(&eval("parameters('secret').password")),
        input("secret.password", true)
    );
    assert_eq!(
        unknown(&eval("parameters('noDefault')[0]")),
        input("noDefault[]", false)
    );
}

#[test]
fn parameter_self_reference_is_opaque() {
    let v = eval("parameters('selfRef')");
    assert!(is_opaque(&v), "{v:?}");
}

#[test]
fn undeclared_parameter_written_literally_is_an_error() {
    let ev = base();
    let v = run(&ev, "parameters('nope')");
    assert!(is_opaque(&v));
    assert_eq!(errors(&ev), vec!["parameter `nope` is not declared"]);
}

#[test]
fn undeclared_parameter_computed_is_not_an_error() {
    let ev = base();
    assert!(is_opaque(&run(&ev, "parameters(concat('no', 'pe'))")));
    assert!(is_opaque(&run(&ev, "parameters(parameters('name'))")));
    assert!(errors(&ev).is_empty(), "{:?}", errors(&ev));
}

#[test]
fn parameters_with_wrong_arity_is_an_error() {
    let ev = base();
    assert!(is_opaque(&run(&ev, "parameters()")));
    assert!(is_opaque(&run(&ev, "parameters('name', 'x')")));
    assert_eq!(errors(&ev).len(), 2);
    assert!(errors(&ev)[0].contains("wrong number of arguments"));
}

// ----------------------------------------------------------------- variables

#[test]
fn variable_has_a_named_step_over_its_sources() {
    let v = eval("variables('prefix')");
    assert_eq!(v.as_str(), Some("app-dev"));
    assert_eq!(v.via[0].kind, StepKind::Named);
    assert_eq!(v.via[0].name, "prefix");
    assert_eq!(v.via[0].noun, "variable");
    assert_eq!(v.via[1].kind, StepKind::Combined);
    let names: Vec<&str> = v.via.iter().map(|s| s.name.as_str()).collect();
    assert!(
        names.contains(&"name") && names.contains(&"Env"),
        "{names:?}"
    );
}

#[test]
fn variable_object_members() {
    assert_eq!(eval("variables('m').key").as_str(), Some("v"));
    assert_eq!(eval("variables('m')['key']").as_str(), Some("v"));
    assert_eq!(eval("variables('M').KEY").as_str(), Some("v"));
    let deep = eval("variables('m').nested.deep");
    assert_eq!(deep.as_str(), Some("app"));
    let kinds: Vec<StepKind> = deep.via.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, vec![StepKind::Named, StepKind::Default]);
    assert!(is_opaque(&eval("variables('m').nope")));
    assert!(is_opaque(&eval("variables('m').key.deeper")));
}

#[test]
fn variable_copy_loops_unroll() {
    assert_eq!(shows("variables('x')"), "[0,1]");
    assert_eq!(eval("variables('x')").via[0].kind, StepKind::Named);
    assert_eq!(shows("variables('objs')"), "[{n:vm1},{n:vm2},{n:vm3}]");
    assert_eq!(eval("variables('OBJS')[2].n").as_str(), Some("vm3"));
    assert_eq!(num("length(variables('objs'))"), Some(3.0));
}

#[test]
fn variable_copy_loops_with_large_or_unknown_counts_are_opaque() {
    assert!(is_opaque(&eval("variables('big')")));
    assert!(is_opaque(&eval("variables('unknownCount')")));
}

#[test]
fn variable_cycles_are_opaque_not_a_hang() {
    let ev = base();
    assert!(is_opaque(&run(&ev, "variables('loopy')")));
    assert!(is_opaque(&run(&ev, "variables('a')")));
    assert!(is_opaque(&run(&ev, "variables('b')")));
    // Cached: asking again gives the same answer.
    assert!(is_opaque(&run(&ev, "variables('loopy')")));
}

#[test]
fn cycles_through_parameters_and_variables_are_opaque() {
    let ev = evaluator(
        r#"{"parameters": {"p": {"type": "string", "defaultValue": "[variables('v')]"}},
            "variables": {"v": "[concat('x', parameters('p'))]"}}"#,
        Some(ScopeLevel::ResourceGroup),
        &[],
    );
    // `v` is `x` followed by the opaque cycle: a template that matches nothing.
    let v = run(&ev, "variables('v')");
    assert_eq!(parts(&v)[0], lit("x"));
    assert_eq!(v.match_key(), None);
    assert!(is_opaque(&run(&ev, "parameters('p')")));
}

#[test]
fn undeclared_variable_written_literally_is_an_error() {
    let ev = base();
    assert!(is_opaque(&run(&ev, "variables('nope')")));
    assert_eq!(errors(&ev), vec!["variable `nope` is not declared"]);
}

#[test]
fn undeclared_variable_computed_is_not_an_error() {
    let ev = base();
    assert!(is_opaque(&run(&ev, "variables(concat('no', 'pe'))")));
    assert!(is_opaque(&run(&ev, "variables(parameters('noDefault'))")));
    assert!(errors(&ev).is_empty(), "{:?}", errors(&ev));
}

#[test]
fn variable_with_an_invalid_expression_is_opaque_with_an_error() {
    let ev = base();
    assert!(is_opaque(&run(&ev, "variables('badExpr')")));
    assert_eq!(errors(&ev).len(), 1);
    assert!(errors(&ev)[0].starts_with("invalid template expression"));
}

#[test]
fn copy_index_outside_a_loop_is_opaque() {
    assert!(is_opaque(&eval("copyIndex()")));
    assert!(is_opaque(&eval("copyIndex('nope')")));
}

#[test]
fn copy_index_uses_the_environment() {
    let ev = base();
    let e = expr::parse("copyIndex(1)").unwrap();
    let env = Env {
        copy_index: Some(Value::new(Kind::Number(4.0), Loc::default())),
        named: Vec::new(),
    };
    assert_eq!(ev.eval(&e, Loc::default(), &env).as_number(), Some(5.0));
    let e = expr::parse("copyIndex('Loop', 2)").unwrap();
    let env = Env::default().with("loop", Value::new(Kind::Number(1.0), Loc::default()));
    assert_eq!(ev.eval(&e, Loc::default(), &env).as_number(), Some(3.0));
}

// ---------------------------------------------------------------- provenance

#[test]
fn concat_of_two_inputs_is_combined() {
    let v = eval("concat(parameters('name'), parameters('Env'))");
    assert_eq!(v.as_str(), Some("appdev"));
    assert_eq!(v.via[0].kind, StepKind::Combined);
    assert_eq!(v.via.len(), 3);
}

#[test]
fn concat_of_one_input_keeps_its_chain() {
    let v = eval("concat('x-', parameters('name'))");
    assert_eq!(v.as_str(), Some("x-app"));
    assert_eq!(v.via.len(), 1);
    assert_eq!(v.via[0].kind, StepKind::Default);
}

#[test]
fn combined_step_is_secure_when_a_source_is() {
    let ev = evaluator(
        r#"{"parameters": {
            "s": {"type": "secureString", "defaultValue": "pw"},
            "t": {"type": "string", "defaultValue": "u"}}}"#,
        Some(ScopeLevel::ResourceGroup),
        &[],
    );
    let v = run(&ev, "format('{0}:{1}', parameters('t'), parameters('s'))");
    assert_eq!(v.as_str(), Some("u:pw"));
    assert_eq!(v.via[0].kind, StepKind::Combined);
    assert!(v.via[0].secure);
}

#[test]
fn elements_taken_out_of_inputs_keep_their_provenance() {
    for e in [
        "first(parameters('list'))",
        "last(parameters('list'))",
        "tryGet(parameters('tags'), 'a')",
        "tryGet(parameters('list'), 0)",
        "parameters('list')[0]",
        "parameters('tags').a",
    ] {
        let v = eval(e);
        let kinds: Vec<StepKind> = v.via.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![StepKind::Default], "{e}");
    }
}

#[test]
fn lambda_results_keep_the_provenance_of_their_input() {
    for e in [
        "map(parameters('list'), lambda('x', toUpper(lambdaVariables('x'))))",
        "filter(parameters('list'), lambda('x', equals(lambdaVariables('x'), 'y')))",
        "toObject(parameters('list'), lambda('x', lambdaVariables('x')))",
    ] {
        let v = eval(e);
        assert!(!v.is_unknown(), "{e}");
        assert_eq!(v.via.len(), 1, "{e}");
        assert_eq!(v.via[0].kind, StepKind::Default, "{e}");
    }
    let v = eval("map(parameters('list'), lambda('x', lambdaVariables('x')))[1]");
    assert_eq!(v.as_str(), Some("y"));
    assert_eq!(v.via[0].kind, StepKind::Default);
}

#[test]
fn members_of_created_containers_are_not_combined() {
    // Each member came from one input: no `Combined` step.
    let v = eval("createObject('a', parameters('name'), 'b', parameters('Env')).a");
    assert_eq!(v.as_str(), Some("app"));
    assert_eq!(v.via.len(), 1, "{:?}", v.via);
    assert_eq!(v.via[0].name, "name");
    let v = eval("createArray(parameters('name'), parameters('Env'))[1]");
    assert_eq!(v.as_str(), Some("dev"));
    assert_eq!(v.via.len(), 1, "{:?}", v.via);
    assert_eq!(v.via[0].name, "Env");
    // Taking an element twice does not repeat steps.
    let v = eval("createArray(parameters('list'))[0][1]");
    assert_eq!(v.as_str(), Some("y"));
    assert_eq!(v.via.len(), 1, "{:?}", v.via);
}

#[test]
fn literals_have_no_provenance() {
    assert!(eval("concat('a', 'b')").via.is_empty());
    assert!(eval("'a'").via.is_empty());
}

// ----------------------------------------------------------- string functions

#[test]
fn concat_strings_numbers_and_arrays() {
    assert_eq!(eval("concat('a', 'b')").as_str(), Some("ab"));
    assert_eq!(eval("concat('a', 1, 'b')").as_str(), Some("a1b"));
    assert_eq!(eval("concat()").as_str(), Some(""));
    assert_eq!(
        shows("concat(createArray(1, 2), createArray(3), createArray())"),
        "[1,2,3]"
    );
    assert_eq!(shows("concat(createArray('a'), null())"), "[a]");
    assert!(is_opaque(&eval("concat(createArray(1), 'x')")));
    assert!(is_opaque(&eval("concat('x', createArray(1))")));
}

#[test]
fn concat_with_unknown_parts_is_a_template() {
    let v = eval("concat('x-', parameters('noDefault'), '-y')");
    assert_eq!(
        parts(&v),
        vec![lit("x-"), Part::Hole(input("noDefault", false)), lit("-y")]
    );
    assert_eq!(v.match_key().as_deref(), Some("x-{input:nodefault}-y"));
}

#[test]
fn format_placeholders_and_escapes() {
    assert_eq!(eval("format('{0}-{1}', 'a', 2)").as_str(), Some("a-2"));
    assert_eq!(eval("format('{1}{0}{1}', 'a', 'b')").as_str(), Some("bab"));
    assert_eq!(eval("format('{{{0}}}', 'x')").as_str(), Some("{x}"));
    assert_eq!(eval("format('{{0}}', 'x')").as_str(), Some("{0}"));
    assert_eq!(eval("format('no holes')").as_str(), Some("no holes"));
    assert_eq!(eval("format('{0:D3}', 7)").as_str(), Some("007"));
    assert_eq!(eval("format('{0:d2}', 123)").as_str(), Some("123"));
    assert_eq!(eval("format('{ 0 }', 'x')").as_str(), Some("x"));
}

#[test]
fn format_d_of_a_negative_number_pads_the_digits() {
    // .NET: (-7).ToString("D3") == "-007".
    assert_eq!(eval("format('{0:D3}', -7)").as_str(), Some("-007"));
}

#[test]
fn format_with_unsupported_specifier_is_not_folded_wrongly() {
    // .NET: 8175133.ToString("N0") == "8,175,133" (the ARM docs example).
    let v = eval("format('{0:N0}', 8175133)");
    assert!(
        v.as_str().is_none() || v.as_str() == Some("8,175,133"),
        "{v:?}"
    );
}

#[test]
fn format_with_missing_argument_or_bad_braces_is_opaque() {
    assert!(is_opaque(&eval("format('{1}', 'a')")));
    assert!(is_opaque(&eval("format('{x}', 'a')")));
    assert!(is_opaque(&eval("format('{0', 'a')")));
    // An unknown format string passes its unknown through.
    assert_eq!(
        unknown(&eval("format(parameters('noDefault'), 'a')")),
        input("noDefault", false)
    );
}

#[test]
fn format_with_unknown_argument_is_a_template() {
    let v = eval("format('{0}/{1}', 'kv', parameters('noDefault'))");
    assert_eq!(
        parts(&v),
        vec![lit("kv/"), Part::Hole(input("noDefault", false))]
    );
}

#[test]
fn format_with_huge_width_does_not_allocate() {
    let v = eval("format('{0:D99999999999999999999}', 1)");
    assert!(v.as_str().is_none_or(|s| s.len() < 100_000));
    let v = eval("format('{0:D4000000000}', 1)");
    assert!(v.as_str().is_none_or(|s| s.len() < 100_000));
}

#[test]
fn string_of_values() {
    assert_eq!(eval("string(5)").as_str(), Some("5"));
    assert_eq!(eval("string('x')").as_str(), Some("x"));
    assert_eq!(eval("string(1.5)").as_str(), Some("1.5"));
    assert_eq!(
        eval("string(createObject('valueA', 10, 'valueB', 'Example Text'))").as_str(),
        Some(r#"{"valueA":10,"valueB":"Example Text"}"#)
    );
    assert_eq!(
        eval("string(createArray('a', 'b', 'c'))").as_str(),
        Some(r#"["a","b","c"]"#)
    );
    assert_eq!(
        eval(r#"string(createArray('q"uote'))"#).as_str(),
        Some(r#"["q\"uote"]"#)
    );
    assert!(eval("string(parameters('noDefault'))").as_str().is_none());
    assert!(is_opaque(&eval(
        "string(createArray(parameters('noDefault')))"
    )));
}

#[test]
fn to_lower_and_to_upper() {
    assert_eq!(eval("toLower('One TWO')").as_str(), Some("one two"));
    assert_eq!(eval("toUpper('one two')").as_str(), Some("ONE TWO"));
    let v = eval("toLower(concat('AB-', parameters('noDefault'), '-CD'))");
    assert_eq!(
        parts(&v),
        vec![
            lit("ab-"),
            Part::Hole(input("noDefault", false)),
            lit("-cd")
        ]
    );
    let v = eval("toUpper(resourceGroup().id)");
    assert_eq!(
        parts(&v),
        vec![
            lit("/SUBSCRIPTIONS/"),
            ctx(ContextValue::SubscriptionId),
            lit("/RESOURCEGROUPS/"),
            ctx(ContextValue::ResourceGroupName),
        ]
    );
}

#[test]
fn to_lower_keeps_the_kind_of_an_unknown() {
    assert_eq!(
        unknown(&eval("toLower(parameters('secret'))")),
        input("secret", true)
    );
    let v = eval("toUpper(listKeys('x', '2022-01-01').keys[0].value)");
    assert!(matches!(unknown(&v), Unknown::ServiceSecret { .. }));
}

#[test]
fn trim_and_replace() {
    assert_eq!(eval("trim('  one two  ')").as_str(), Some("one two"));
    assert_eq!(
        eval("replace('123-123-1234', '-', '')").as_str(),
        Some("1231231234")
    );
    assert_eq!(
        eval("replace('123-123-1234', '1234', 'xxxx')").as_str(),
        Some("123-123-xxxx")
    );
    // Case-sensitive, like .NET String.Replace.
    assert_eq!(eval("replace('aAa', 'a', 'x')").as_str(), Some("xAx"));
    assert_eq!(eval("replace('abc', '', 'x')").as_str(), Some("abc"));
    assert_eq!(
        unknown(&eval("replace(parameters('secret'), 'a', 'b')")),
        input("secret", true)
    );
}

#[test]
fn substring_in_and_out_of_range() {
    assert_eq!(
        eval("substring('one two three', 4, 3)").as_str(),
        Some("two")
    );
    assert_eq!(eval("substring('hello', 2)").as_str(), Some("llo"));
    assert_eq!(eval("substring('hello', 5)").as_str(), Some(""));
    assert_eq!(eval("substring('hello', 1, 0)").as_str(), Some(""));
    assert_eq!(eval("substring('héllo', 1, 1)").as_str(), Some("é"));
    assert!(is_opaque(&eval("substring('1234567890', 0, 11)")));
    assert!(is_opaque(&eval("substring('hello', 6)")));
}

#[test]
fn substring_with_a_huge_length_does_not_panic() {
    assert!(is_opaque(&eval(
        "substring('hello', 1, 100000000000000000000000)"
    )));
    assert!(is_opaque(&eval(
        "substring('hello', 100000000000000000000000, 1)"
    )));
}

#[test]
fn split_on_strings_and_arrays() {
    assert_eq!(shows("split('one,two,three', ',')"), "[one,two,three]");
    assert_eq!(
        shows("split('one;two,three', createArray(',', ';'))"),
        "[one,two,three]"
    );
    assert_eq!(shows("split('a,,b', ',')"), "[a,,b]");
    assert_eq!(shows("split('abc', '')"), "[abc]");
    assert!(is_opaque(&eval("split(parameters('noDefault'), ',')")));
}

#[test]
fn starts_ends_and_index_of_ignore_case() {
    assert_eq!(boolean("startsWith('abcdef', 'ab')"), Some(true));
    assert_eq!(boolean("startsWith('abcdef', 'AB')"), Some(true));
    assert_eq!(boolean("startsWith('abcdef', 'e')"), Some(false));
    assert_eq!(boolean("endsWith('abcdef', 'ef')"), Some(true));
    assert_eq!(boolean("endsWith('abcdef', 'F')"), Some(true));
    assert_eq!(boolean("endsWith('abcdef', 'e')"), Some(false));
    assert_eq!(num("indexOf('test', 't')"), Some(0.0));
    assert_eq!(num("lastIndexOf('test', 't')"), Some(3.0));
    assert_eq!(num("indexOf('abcdef', 'CD')"), Some(2.0));
    assert_eq!(num("lastIndexOf('abcdef', 'AB')"), Some(0.0));
    assert_eq!(num("indexOf('abcdef', 'z')"), Some(-1.0));
    assert_eq!(num("lastIndexOf('abcdef', 'z')"), Some(-1.0));
}

#[test]
fn index_of_counts_characters_not_bytes() {
    assert_eq!(num("indexOf('ñandú', 'A')"), Some(1.0));
    assert_eq!(num("lastIndexOf('ñandú-ú', 'Ú')"), Some(6.0));
}

#[test]
fn pad_left() {
    assert_eq!(eval("padLeft('123', 10, '0')").as_str(), Some("0000000123"));
    assert_eq!(eval("padLeft(123, 5, '0')").as_str(), Some("00123"));
    assert_eq!(eval("padLeft('a', 3)").as_str(), Some("  a"));
    assert_eq!(eval("padLeft('abcdef', 3, '0')").as_str(), Some("abcdef"));
    assert_eq!(eval("padLeft('abc', -3, '0')").as_str(), Some("abc"));
    assert!(eval("padLeft(parameters('noDefault'), 5, '0')").is_unknown());
}

#[test]
fn pad_left_with_a_huge_length_does_not_allocate() {
    let v = eval("padLeft('a', 100000000000000000000, '0')");
    assert!(
        v.as_str().is_none_or(|s| s.len() < 100_000),
        "{}",
        show(&v).len()
    );
    let v = eval("padLeft('a', 4000000000, '0')");
    assert!(
        v.as_str().is_none_or(|s| s.len() < 100_000),
        "{}",
        show(&v).len()
    );
}

#[test]
fn first_last_take_skip() {
    assert_eq!(eval("first('One Two')").as_str(), Some("O"));
    assert_eq!(eval("last('One Two')").as_str(), Some("o"));
    assert_eq!(eval("first('')").as_str(), Some(""));
    assert_eq!(
        eval("first(createArray('one', 'two'))").as_str(),
        Some("one")
    );
    assert_eq!(
        eval("last(createArray('one', 'two'))").as_str(),
        Some("two")
    );
    assert!(eval("first(createArray())").is_null());
    assert_eq!(eval("take('one two', 2)").as_str(), Some("on"));
    assert_eq!(eval("take('one', 10)").as_str(), Some("one"));
    assert_eq!(eval("take('one', -1)").as_str(), Some(""));
    assert_eq!(eval("skip('one two three', 4)").as_str(), Some("two three"));
    assert_eq!(eval("skip('one', -1)").as_str(), Some("one"));
    assert_eq!(eval("skip('one', 10)").as_str(), Some(""));
    assert_eq!(shows("take(createArray(1, 2, 3), 2)"), "[1,2]");
    assert_eq!(shows("take(createArray(1, 2, 3), -2)"), "[]");
    assert_eq!(shows("skip(createArray(1, 2, 3), 2)"), "[3]");
    assert_eq!(shows("skip(createArray(1, 2, 3), 5)"), "[]");
    assert_eq!(shows("skip(createArray(1, 2, 3), -5)"), "[1,2,3]");
    assert!(eval("first(parameters('noDefault'))").is_unknown());
}

#[test]
fn length_and_empty() {
    assert_eq!(num("length('One Two Three')"), Some(13.0));
    assert_eq!(num("length('ñ')"), Some(1.0));
    assert_eq!(num("length(createArray(1, 2, 3))"), Some(3.0));
    assert_eq!(num("length(createObject('a', 1, 'b', 2))"), Some(2.0));
    assert!(eval("length(parameters('noDefault'))").is_unknown());
    assert_eq!(boolean("empty('')"), Some(true));
    assert_eq!(boolean("empty('a')"), Some(false));
    assert_eq!(boolean("empty(createArray())"), Some(true));
    assert_eq!(boolean("empty(createArray(1))"), Some(false));
    assert_eq!(boolean("empty(createObject())"), Some(true));
    assert_eq!(boolean("empty(null())"), Some(true));
    assert_eq!(
        boolean("empty(concat('x', parameters('noDefault')))"),
        Some(false)
    );
    assert!(eval("empty(parameters('noDefault'))").is_unknown());
}

#[test]
fn empty_of_a_template_with_no_literal_text_is_unknown() {
    // `concat(x)` of an unknown `x` may well be ''.
    let v = eval("empty(concat(parameters('noDefault')))");
    assert!(v.is_unknown(), "{v:?}");
    let v = eval("empty(format('{0}{1}', parameters('noDefault'), parameters('secret')))");
    assert!(v.is_unknown(), "{v:?}");
}

#[test]
fn contains_strings_arrays_and_object_keys() {
    assert_eq!(boolean("contains('OneTwoThree', 'e')"), Some(true));
    assert_eq!(boolean("contains('OneTwoThree', 'z')"), Some(false));
    // Strings compare case-sensitively...
    assert_eq!(boolean("contains('OneTwoThree', 'one')"), Some(false));
    // ...object keys do not.
    assert_eq!(
        boolean("contains(createObject('one', 'a', 'two', 'b'), 'ONE')"),
        Some(true)
    );
    assert_eq!(
        boolean("contains(createObject('one', 'a'), 'a')"),
        Some(false)
    );
    assert_eq!(
        boolean("contains(createArray('one', 'two'), 'two')"),
        Some(true)
    );
    assert_eq!(
        boolean("contains(createArray('one', 'two'), 'Two')"),
        Some(false)
    );
    assert_eq!(boolean("contains(createArray(1, 2), 2)"), Some(true));
    assert_eq!(boolean("contains('a1b', 1)"), Some(true));
    assert!(eval("contains(parameters('noDefault'), 'x')").is_unknown());
    assert!(eval("contains(createArray('a'), parameters('noDefault'))").is_unknown());
}

#[test]
fn join_items() {
    assert_eq!(
        eval("join(createArray('a', 'b', 'c'), ',')").as_str(),
        Some("a,b,c")
    );
    assert_eq!(eval("join(createArray(), ',')").as_str(), Some(""));
    assert_eq!(eval("join(createArray(1, 2), '')").as_str(), Some("12"));
    let v = eval("join(createArray('a', parameters('noDefault')), '-')");
    assert_eq!(
        parts(&v),
        vec![lit("a-"), Part::Hole(input("noDefault", false))]
    );
    assert!(is_opaque(&eval("join(createArray(createArray()), ',')")));
}

#[test]
fn base64_round_trip() {
    assert_eq!(
        eval("base64('one, two, three')").as_str(),
        Some("b25lLCB0d28sIHRocmVl")
    );
    assert_eq!(
        eval("base64ToString('b25lLCB0d28sIHRocmVl')").as_str(),
        Some("one, two, three")
    );
    assert_eq!(
        eval("base64ToString(base64('héllo wörld'))").as_str(),
        Some("héllo wörld")
    );
    assert!(is_opaque(&eval("base64ToString('!!!')")));
    assert_eq!(
        unknown(&eval("base64(parameters('secret'))")),
        input("secret", true)
    );
}

#[test]
fn uri_joins_like_dotnet() {
    assert_eq!(
        eval("uri('http://contoso.org/firstpath', 'myscript.sh')").as_str(),
        Some("http://contoso.org/myscript.sh")
    );
    assert_eq!(
        eval("uri('http://contoso.org/firstpath/', 'myscript.sh')").as_str(),
        Some("http://contoso.org/firstpath/myscript.sh")
    );
    assert_eq!(
        eval("uri('http://contoso.org/firstpath/', '/myscript.sh')").as_str(),
        Some("http://contoso.org/myscript.sh")
    );
    assert_eq!(
        eval("uri('https://a.example/x', 'https://b.example/y')").as_str(),
        Some("https://b.example/y")
    );
}

#[test]
fn uri_of_unknown_values_keeps_the_relative_part() {
    let base_hole = Part::Hole(Unknown::Opaque {
        reason: "the base of `uri()`".into(),
    });
    // A secure token appended to a script name with no default: the
    // result still holds it.
    let v = eval("uri(parameters('noDefault'), concat('install.sh', parameters('secret')))");
    assert_eq!(
        v.kind,
        Kind::Template(
            vec![
                base_hole.clone(),
                lit("install.sh"),
                Part::Hole(input("secret", true))
            ]
            .into()
        )
    );
    assert_eq!(
        eval("uri(parameters('noDefault'), 'install.sh')").kind,
        Kind::Template(vec![base_hole, lit("install.sh")].into())
    );
    assert!(is_opaque(&eval("uri(parameters('noDefault'), json('{}'))")));
}

#[test]
fn uri_with_a_bare_host_adds_the_slash() {
    assert_eq!(
        eval("uri('http://contoso.org', 'myscript.sh')").as_str(),
        Some("http://contoso.org/myscript.sh")
    );
    assert_eq!(
        eval("uri('https://example.com:8080', 'api')").as_str(),
        Some("https://example.com:8080/api")
    );
}

#[test]
fn json_parses_values() {
    assert_eq!(num("json('{\"a\":1}').a"), Some(1.0));
    assert_eq!(shows("json('[1, \"two\", true]')"), "[1,two,true]");
    assert!(eval("json('null')").is_null());
    assert_eq!(eval("json('\"s\"')").as_str(), Some("s"));
    assert_eq!(boolean("json('true')"), Some(true));
    assert!(is_opaque(&eval("json('{bad')")));
    assert!(eval("json(parameters('noDefault'))").is_unknown());
}

#[test]
fn int_and_bool_conversions() {
    assert_eq!(num("int('4')"), Some(4.0));
    assert_eq!(num("int(7)"), Some(7.0));
    assert_eq!(num("int('-12')"), Some(-12.0));
    assert!(is_opaque(&eval("int('abc')")));
    assert_eq!(
        unknown(&eval("int(parameters('noDefault'))")),
        input("noDefault", false)
    );
    assert_eq!(boolean("bool('true')"), Some(true));
    assert_eq!(boolean("bool('False')"), Some(false));
    assert_eq!(boolean("bool(1)"), Some(true));
    assert_eq!(boolean("bool(0)"), Some(false));
    assert!(is_opaque(&eval("bool('maybe')")));
}

// --------------------------------------------------------------------- logic

#[test]
fn if_with_known_conditions_is_lazy() {
    let ev = base();
    assert_eq!(run(&ev, "if(true, 'a', 'b')").as_str(), Some("a"));
    assert_eq!(run(&ev, "if(equals(1, 2), 'a', 'b')").as_str(), Some("b"));
    assert_eq!(run(&ev, "if('true', 'a', 'b')").as_str(), Some("a"));
    // The branch not taken is not evaluated (no undeclared-variable error).
    assert_eq!(
        run(&ev, "if(true, 'a', variables('nope'))").as_str(),
        Some("a")
    );
    assert!(errors(&ev).is_empty(), "{:?}", errors(&ev));
}

#[test]
fn if_with_unknown_condition() {
    assert!(is_opaque(&eval("if(parameters('noDefault'), 'a', 'b')")));
    assert!(is_opaque(&eval(
        "if(equals(parameters('noDefault'), 'x'), 'a', 'b')"
    )));
    assert_eq!(
        eval("if(equals(parameters('noDefault'), 'x'), 'same', 'same')").as_str(),
        Some("same")
    );
    assert!(is_opaque(&eval(
        "if(parameters('noDefault'), newGuid(), newGuid())"
    )));
}

#[test]
fn if_with_unknown_condition_and_branches_differing_only_in_case() {
    let v = eval("if(equals(parameters('noDefault'), 'x'), 'Name', 'name')");
    assert!(v.is_unknown(), "{v:?}");
    let v = eval("if(parameters('noDefault'), createArray('A'), createArray('a'))");
    assert!(v.is_unknown(), "{v:?}");
}

#[test]
fn if_with_wrong_arity_is_an_error() {
    let ev = base();
    assert!(is_opaque(&run(&ev, "if(true, 'a')")));
    assert_eq!(errors(&ev).len(), 1);
}

#[test]
fn equals_of_known_values() {
    assert_eq!(boolean("equals(1, 1)"), Some(true));
    assert_eq!(boolean("equals(1, 2)"), Some(false));
    assert_eq!(boolean("equals('a', 'a')"), Some(true));
    assert_eq!(boolean("equals('a', 'A')"), Some(false));
    assert_eq!(
        boolean("equals(createArray('a', 'b'), createArray('a', 'b'))"),
        Some(true)
    );
    assert_eq!(
        boolean("equals(createArray('a', 'b'), createArray('b', 'a'))"),
        Some(false)
    );
    assert_eq!(
        boolean("equals(createObject('a', 'b'), createObject('a', 'b'))"),
        Some(true)
    );
    assert_eq!(
        boolean("equals(createObject('a', 'b'), createObject('a', 'c'))"),
        Some(false)
    );
    assert_eq!(boolean("equals(null(), null())"), Some(true));
    assert_eq!(boolean("equals(parameters('name'), 'app')"), Some(true));
}

#[test]
fn equals_is_case_and_type_sensitive_inside_arrays_and_objects() {
    assert_eq!(
        boolean("equals(createArray('a'), createArray('A'))"),
        Some(false)
    );
    assert_eq!(
        boolean("equals(createObject('k', 'v'), createObject('k', 'V'))"),
        Some(false)
    );
    assert_eq!(boolean("equals(1, '1')"), Some(false));
    assert_eq!(boolean("equals(null(), 'null')"), Some(false));
    assert_eq!(boolean("equals(true, 'True')"), Some(false));
    assert_eq!(
        boolean("equals(createArray(1), createArray('1'))"),
        Some(false)
    );
}

#[test]
fn equals_of_unknown_values_is_unknown() {
    assert!(is_opaque(&eval("equals(parameters('noDefault'), 'x')")));
    assert!(is_opaque(&eval(
        "equals(resourceGroup().id, resourceGroup().id)"
    )));
    assert!(is_opaque(&eval("equals(utcNow(), utcNow())")));
}

#[test]
fn not_and_or() {
    assert_eq!(boolean("not(true)"), Some(false));
    assert_eq!(boolean("not(equals(1, 2))"), Some(true));
    assert!(is_opaque(&eval("not(parameters('noDefault'))")));
    assert_eq!(boolean("and(true, true, true)"), Some(true));
    assert_eq!(boolean("and(true, false)"), Some(false));
    assert_eq!(boolean("or(false, false)"), Some(false));
    assert_eq!(boolean("or(false, true)"), Some(true));
}

#[test]
fn and_or_short_circuit_over_unknowns() {
    assert_eq!(boolean("and(parameters('noDefault'), false)"), Some(false));
    assert_eq!(boolean("and(false, parameters('noDefault'))"), Some(false));
    assert!(is_opaque(&eval("and(true, parameters('noDefault'))")));
    assert_eq!(boolean("or(parameters('noDefault'), true)"), Some(true));
    assert!(is_opaque(&eval("or(false, parameters('noDefault'))")));
}

#[test]
fn comparisons() {
    assert_eq!(boolean("greater(2, 1)"), Some(true));
    assert_eq!(boolean("greater(1, 2)"), Some(false));
    assert_eq!(boolean("less(1, 2)"), Some(true));
    assert_eq!(boolean("greaterOrEquals(2, 2)"), Some(true));
    assert_eq!(boolean("lessOrEquals(3, 2)"), Some(false));
    assert!(is_opaque(&eval("greater(parameters('noDefault'), 1)")));
}

#[test]
fn comparisons_of_strings_are_not_numeric() {
    // ARM compares strings as strings: '10' sorts before '9'.
    assert_ne!(boolean("greater('10', '9')"), Some(true));
    assert_ne!(boolean("less('9', '10')"), Some(true));
}

#[test]
fn arithmetic() {
    assert_eq!(num("add(1, 2)"), Some(3.0));
    assert_eq!(num("sub(5, 7)"), Some(-2.0));
    assert_eq!(num("mul(3, 4)"), Some(12.0));
    assert_eq!(num("div(7, 2)"), Some(3.0));
    assert_eq!(num("div(-7, 2)"), Some(-3.0));
    assert_eq!(num("mod(7, 3)"), Some(1.0));
    assert_eq!(num("mod(-7, 3)"), Some(-1.0));
    assert_eq!(num("add(parameters('count'), 1)"), Some(4.0));
    assert!(is_opaque(&eval("add(parameters('noDefault'), 1)")));
}

#[test]
fn division_by_zero_is_opaque() {
    assert!(is_opaque(&eval("div(1, 0)")));
    assert!(is_opaque(&eval("mod(1, 0)")));
}

#[test]
fn min_and_max() {
    assert_eq!(num("min(3, 1, 2)"), Some(1.0));
    assert_eq!(num("max(3, 9, 2)"), Some(9.0));
    assert_eq!(num("min(createArray(0, 3, 2, 5, 4))"), Some(0.0));
    assert_eq!(num("max(createArray(0, 3, 2, 5, 4))"), Some(5.0));
    assert_eq!(num("max(-1)"), Some(-1.0));
    assert!(is_opaque(&eval("min()")));
    assert!(is_opaque(&eval("max(createArray())")));
    assert!(is_opaque(&eval("max(1, parameters('noDefault'))")));
}

// --------------------------------------------------------- objects and arrays

#[test]
fn create_object_and_array() {
    assert_eq!(
        shows("createObject('intProp', 1, 'stringProp', 'abc', 'boolProp', true, 'arrayProp', createArray('a', 'b'), 'objectProp', createObject('key1', 'value1'))"),
        "{intProp:1,stringProp:abc,boolProp:true,arrayProp:[a,b],objectProp:{key1:value1}}"
    );
    assert_eq!(shows("createObject()"), "{}");
    assert_eq!(shows("createArray(1, 'a', true)"), "[1,a,true]");
    assert_eq!(shows("createArray()"), "[]");
    let ev = base();
    assert!(is_opaque(&run(&ev, "createObject('a')")));
    assert_eq!(errors(&ev).len(), 1);
    assert!(is_opaque(&eval("createObject(parameters('noDefault'), 1)")));
}

#[test]
fn union_of_objects_and_arrays() {
    assert_eq!(
        shows("union(createObject('one', 'a', 'two', 'b', 'three', 'c1'), createObject('three', 'c2', 'four', 'd', 'five', 'e'))"),
        "{one:a,two:b,three:c2,four:d,five:e}"
    );
    assert_eq!(
        shows("union(createArray('one', 'two', 'three'), createArray('three', 'four'))"),
        "[one,two,three,four]"
    );
    assert_eq!(shows("union(createArray(1, 1), createArray(1))"), "[1]");
    assert!(is_opaque(&eval(
        "union(createObject(), parameters('noDefault'))"
    )));
}

#[test]
fn union_merges_nested_objects_but_not_nested_arrays() {
    // The deep-merge example of the ARM docs.
    let first = "json('{\"property\":{\"one\":\"a\",\"two\":\"b\",\"three\":\"c1\"},\"nestedArray\":[1,2]}')";
    let second = "json('{\"property\":{\"three\":\"c2\",\"four\":\"d\",\"five\":\"e\"},\"nestedArray\":[3,4]}')";
    assert_eq!(
        shows(&format!("union({first}, {second})")),
        "{property:{one:a,two:b,three:c2,four:d,five:e},nestedArray:[3,4]}"
    );
    assert_eq!(
        shows("union(json('[[\"one\",\"two\"],[\"three\"]]'), json('[[\"three\"],[\"four\",\"two\"]]'))"),
        "[[one,two],[three],[four,two]]"
    );
}

#[test]
fn intersection_of_objects_and_arrays() {
    assert_eq!(
        shows("intersection(createObject('one', 'a', 'two', 'b', 'three', 'c'), createObject('one', 'a', 'two', 'z', 'three', 'c'))"),
        "{one:a,three:c}"
    );
    assert_eq!(
        shows("intersection(createArray('one', 'two', 'three'), createArray('two', 'three'))"),
        "[two,three]"
    );
}

#[test]
fn coalesce_skips_nulls() {
    assert_eq!(eval("coalesce(null(), null(), 'x')").as_str(), Some("x"));
    assert_eq!(eval("coalesce('', 'x')").as_str(), Some(""));
    assert_eq!(shows("coalesce(null(), createArray(1))"), "[1]");
    assert!(eval("coalesce(null(), null())").is_null());
    assert!(eval("coalesce()").is_null());
    assert!(eval("coalesce(parameters('noDefault'), 'x')").is_unknown());
    assert!(eval("coalesce(null(), parameters('noDefault'))").is_unknown());
    // A known value before an unknown one decides.
    assert_eq!(
        eval("coalesce('a', parameters('noDefault'))").as_str(),
        Some("a")
    );
}

#[test]
fn try_get_returns_null_for_missing() {
    assert_eq!(num("tryGet(createObject('a', 1), 'a')"), Some(1.0));
    assert_eq!(num("tryGet(createObject('a', 1), 'A')"), Some(1.0));
    assert!(eval("tryGet(createObject('a', 1), 'b')").is_null());
    assert_eq!(num("tryGet(createArray(1, 2), 1)"), Some(2.0));
    assert!(eval("tryGet(createArray(1, 2), 5)").is_null());
    assert_eq!(
        num("tryGet(json('{\"a\":{\"b\":2}}'), 'a', 'b')"),
        Some(2.0)
    );
    assert!(eval("tryGet(json('{\"a\":{\"b\":2}}'), 'x', 'b')").is_null());
    assert!(eval("tryGet(null(), 'a')").is_null());
}

#[test]
fn try_get_with_a_negative_index_is_null() {
    let v = eval("tryGet(createArray(1, 2), -1)");
    assert!(v.is_null(), "{v:?}");
}

#[test]
fn items_lists_entries_sorted_by_key() {
    // As in the ARM docs: `item002` is declared first but listed second.
    let v = eval("items(json('{\"item002\":{\"n\":200},\"item001\":{\"n\":300}}'))");
    assert_eq!(
        show(&v),
        "[{key:item001,value:{n:300}},{key:item002,value:{n:200}}]"
    );
    assert_eq!(shows("items(createObject())"), "[]");
    assert!(is_opaque(&eval("items(parameters('noDefault'))")));
}

#[test]
fn object_keys() {
    assert_eq!(shows("objectKeys(createObject('a', 1, 'b', 2))"), "[a,b]");
}

#[test]
fn range_and_its_limits() {
    assert_eq!(shows("range(1, 3)"), "[1,2,3]");
    assert_eq!(shows("range(-2, 2)"), "[-2,-1]");
    assert_eq!(shows("range(5, 0)"), "[]");
    assert_eq!(num("length(range(0, 10000))"), Some(10000.0));
    assert!(is_opaque(&eval("range(0, 10001)")));
    assert!(is_opaque(&eval("range(0, 100000000000000000000)")));
    assert!(is_opaque(&eval("range(0, -1)")));
    assert!(is_opaque(&eval("range(0, parameters('noDefault'))")));
}

#[test]
fn flatten_arrays() {
    assert_eq!(
        shows("flatten(createArray(createArray(1, 2), createArray(3), createArray()))"),
        "[1,2,3]"
    );
    assert!(is_opaque(&eval("flatten(createArray(1))")));
}

#[test]
fn array_function() {
    assert_eq!(shows("array('a')"), "[a]");
    assert_eq!(shows("array(createArray(1, 2))"), "[1,2]");
    assert_eq!(shows("array(createObject('a', 1))"), "[{a:1}]");
}

// ------------------------------------------------------------------- lambdas

#[test]
fn map_with_item_and_index() {
    assert_eq!(
        shows("map(createArray(1, 2, 3), lambda('x', mul(lambdaVariables('x'), 2)))"),
        "[2,4,6]"
    );
    assert_eq!(
        shows("map(createArray('a', 'b'), lambda('x', 'i', concat(lambdaVariables('x'), string(lambdaVariables('i')))))"),
        "[a0,b1]"
    );
    assert_eq!(
        shows("map(variables('objs'), lambda('o', lambdaVariables('o').n))"),
        "[vm1,vm2,vm3]"
    );
}

#[test]
fn filter_with_known_and_unknown_predicates() {
    assert_eq!(
        shows("filter(createArray(1, 2, 3, 4), lambda('x', greater(lambdaVariables('x'), 2)))"),
        "[3,4]"
    );
    assert!(is_opaque(&eval(
        "filter(createArray(1, 2), lambda('x', equals(lambdaVariables('x'), parameters('noDefault'))))"
    )));
}

#[test]
fn to_object_with_key_and_value_lambdas() {
    assert_eq!(
        shows("toObject(createArray('a', 'b'), lambda('x', lambdaVariables('x')), lambda('x', toUpper(lambdaVariables('x'))))"),
        "{a:A,b:B}"
    );
    assert_eq!(
        shows("toObject(createArray(createObject('name', 'n1', 'v', 1)), lambda('e', lambdaVariables('e').name))"),
        "{n1:{name:n1,v:1}}"
    );
    assert!(is_opaque(&eval(
        "toObject(createArray(1), lambda('x', parameters('noDefault')))"
    )));
}

#[test]
fn reduce_accumulates() {
    assert_eq!(
        num("reduce(createArray(1, 2, 3), 0, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))"),
        Some(6.0)
    );
    assert_eq!(
        eval("reduce(createArray('a', 'b'), '', lambda('cur', 'next', 'i', concat(lambdaVariables('cur'), lambdaVariables('next'), string(lambdaVariables('i')))))").as_str(),
        Some("a0b1")
    );
    assert_eq!(
        num("reduce(createArray(), 7, lambda('c', 'n', 0))"),
        Some(7.0)
    );
}

#[test]
fn nested_lambdas_see_outer_variables() {
    assert_eq!(
        shows("map(createArray(1, 2), lambda('x', map(createArray(10, 20), lambda('y', add(lambdaVariables('x'), lambdaVariables('y'))))))"),
        "[[11,21],[12,22]]"
    );
}

#[test]
fn lambdas_over_unknown_arrays_or_without_lambda_are_opaque() {
    assert!(is_opaque(&eval(
        "map(parameters('noDefault'), lambda('x', lambdaVariables('x')))"
    )));
    assert!(is_opaque(&eval("map(createArray(1), 'notALambda')")));
    assert!(is_opaque(&eval("lambdaVariables('zz')")));
    assert!(is_opaque(&eval("lambda('x', 1)")));
    assert!(is_opaque(&eval("sort(createArray(2, 1), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))")));
}

// ----------------------------------------------------------------------- IDs

fn id_info(v: &Value) -> ids::IdInfo {
    ids::parse_id(v).unwrap_or_else(|| panic!("not an ID: {}", show(v)))
}

fn res(v: &Value) -> ResourceRef {
    id_info(v).resource.expect("names a resource")
}

#[test]
fn resource_id_in_the_current_resource_group() {
    let v = eval("resourceId('Microsoft.Storage/storageAccounts', 'sa')");
    assert_eq!(
        parts(&v),
        vec![
            lit("/subscriptions/"),
            ctx(ContextValue::SubscriptionId),
            lit("/resourceGroups/"),
            ctx(ContextValue::ResourceGroupName),
            lit("/providers/Microsoft.Storage/storageAccounts/sa"),
        ]
    );
    assert_eq!(id_info(&v).level, ScopeLevel::Resource);
    assert_eq!(
        res(&v),
        ResourceRef {
            ty: "microsoft.storage/storageaccounts".into(),
            key: "microsoft.storage/storageaccounts/sa".into(),
        }
    );
}

#[test]
fn resource_id_with_explicit_group_and_subscription() {
    let v = eval("resourceId('otherRg', 'Microsoft.Storage/storageAccounts', 'sa')");
    assert_eq!(
        show(&v),
        "/subscriptions/{SubscriptionId}/resourceGroups/otherRg/providers/Microsoft.Storage/storageAccounts/sa"
    );
    let v = eval(&format!(
        "resourceId('{GUID}', 'otherRg', 'Microsoft.Storage/storageAccounts', 'sa')"
    ));
    assert_eq!(
        v.as_str(),
        Some(
            format!("/subscriptions/{GUID}/resourceGroups/otherRg/providers/Microsoft.Storage/storageAccounts/sa")
                .as_str()
        )
    );
    assert_eq!(res(&v).key, "microsoft.storage/storageaccounts/sa");
}

#[test]
fn resource_id_with_an_unknown_group() {
    let v = eval("resourceId(parameters('noDefault'), 'Microsoft.Storage/storageAccounts', 'sa')");
    assert_eq!(
        parts(&v)[3],
        Part::Hole(input("noDefault", false)),
        "{}",
        show(&v)
    );
    assert_eq!(id_info(&v).level, ScopeLevel::Resource);
}

#[test]
fn resource_id_of_child_types() {
    let a = eval("resourceId('Microsoft.Sql/servers/databases', 'srv', 'db')");
    let b = eval("resourceId('Microsoft.Sql/servers/databases', 'srv/db')");
    assert_eq!(
        show(&a),
        "/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroupName}/providers/Microsoft.Sql/servers/srv/databases/db"
    );
    assert_eq!(a.match_key(), b.match_key());
    assert_eq!(
        res(&a),
        ResourceRef {
            ty: "microsoft.sql/servers/databases".into(),
            key: "microsoft.sql/servers/databases/srv/db".into(),
        }
    );
    let c = eval("resourceId('Microsoft.ServiceBus/namespaces/queues/authorizationRules', 'ns', 'q', 'auth')");
    assert_eq!(
        res(&c).key,
        "microsoft.servicebus/namespaces/queues/authorizationrules/ns/q/auth"
    );
}

#[test]
fn resource_id_with_unknown_names_keys_by_input() {
    let v = eval("resourceId('Microsoft.KeyVault/vaults', concat(parameters('noDefault'), '-kv'))");
    assert_eq!(
        res(&v).key,
        "microsoft.keyvault/vaults/{input:nodefault}-kv"
    );
}

#[test]
fn resource_id_without_a_known_type_is_opaque() {
    assert!(is_opaque(&eval(
        "resourceId(parameters('noDefault'), 'sa')"
    )));
    assert!(is_opaque(&eval("resourceId()")));
}

#[test]
fn subscription_resource_id() {
    let v = eval(&format!(
        "subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{GUID}')"
    ));
    assert_eq!(
        show(&v),
        format!("/subscriptions/{{SubscriptionId}}/providers/Microsoft.Authorization/roleDefinitions/{GUID}")
    );
    assert_eq!(ids::trailing_guid(&v).as_deref(), Some(GUID));
    assert_eq!(id_info(&v).level, ScopeLevel::Resource);
    assert_eq!(res(&v).ty, "microsoft.authorization/roledefinitions");
    let v = eval(&format!(
        "subscriptionResourceId('{GUID}', 'Microsoft.Authorization/roleDefinitions', 'r')"
    ));
    assert_eq!(
        v.as_str(),
        Some(
            format!("/subscriptions/{GUID}/providers/Microsoft.Authorization/roleDefinitions/r")
                .as_str()
        )
    );
}

#[test]
fn tenant_resource_id_is_fully_literal() {
    let v = eval(&format!(
        "tenantResourceId('Microsoft.Authorization/policyDefinitions', '{GUID}')"
    ));
    assert_eq!(
        v.as_str(),
        Some(format!("/providers/Microsoft.Authorization/policyDefinitions/{GUID}").as_str())
    );
    assert_eq!(ids::trailing_guid(&v).as_deref(), Some(GUID));
    assert_eq!(res(&v).ty, "microsoft.authorization/policydefinitions");
}

#[test]
fn management_group_resource_id() {
    let v = eval("managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'p')");
    assert_eq!(
        show(&v),
        "/providers/Microsoft.Management/managementGroups/{ManagementGroupName}/providers/Microsoft.Authorization/policyDefinitions/p"
    );
    assert_eq!(res(&v).key, "microsoft.authorization/policydefinitions/p");
    let v =
        eval("managementGroupResourceId('mg1', 'Microsoft.Authorization/policyDefinitions', 'p')");
    assert_eq!(
        v.as_str(),
        Some("/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/policyDefinitions/p")
    );
}

#[test]
fn extension_resource_id() {
    let v =
        eval("extensionResourceId(resourceGroup().id, 'Microsoft.Authorization/locks', 'lock')");
    assert_eq!(
        show(&v),
        "/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroupName}/providers/Microsoft.Authorization/locks/lock"
    );
    let v = eval(&format!(
        "extensionResourceId(resourceId('Microsoft.Storage/storageAccounts', 'sa'), 'Microsoft.Authorization/roleAssignments', '{GUID}')"
    ));
    assert_eq!(
        show(&v),
        format!("/subscriptions/{{SubscriptionId}}/resourceGroups/{{ResourceGroupName}}/providers/Microsoft.Storage/storageAccounts/sa/providers/Microsoft.Authorization/roleAssignments/{GUID}")
    );
    assert_eq!(res(&v).ty, "microsoft.authorization/roleassignments");
    assert_eq!(ids::trailing_guid(&v).as_deref(), Some(GUID));
    let v = eval("extensionResourceId('/providers/Microsoft.Management/managementGroups/mg', 'Microsoft.Authorization/policyDefinitions', 'p')");
    assert_eq!(
        v.as_str(),
        Some("/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/policyDefinitions/p")
    );
}

#[test]
fn resource_id_at_subscription_level_has_no_group() {
    let ev = evaluator(BASE, Some(ScopeLevel::Subscription), &[]);
    let v = run(&ev, "resourceId('Microsoft.Storage/storageAccounts', 'sa')");
    assert_eq!(
        show(&v),
        "/subscriptions/{SubscriptionId}/providers/Microsoft.Storage/storageAccounts/sa"
    );
    assert!(!show(&v).contains("resourceGroups"));
    // An explicit group still gives a group-level ID.
    let v = run(
        &ev,
        "resourceId('rg', 'Microsoft.Storage/storageAccounts', 'sa')",
    );
    assert_eq!(
        show(&v),
        "/subscriptions/{SubscriptionId}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa"
    );
}

#[test]
fn resource_id_at_tenant_and_management_group_level_is_provider_only() {
    for level in [ScopeLevel::Tenant, ScopeLevel::ManagementGroup] {
        let ev = evaluator(BASE, Some(level), &[]);
        let v = run(
            &ev,
            "resourceId('Microsoft.Authorization/policyDefinitions', 'p')",
        );
        assert_eq!(
            v.as_str(),
            Some("/providers/Microsoft.Authorization/policyDefinitions/p"),
            "{level:?}"
        );
    }
}

// ------------------------------------------------------------------- context

#[test]
fn subscription_and_resource_group_are_context_templates() {
    let v = eval("subscription().id");
    assert_eq!(
        parts(&v),
        vec![lit("/subscriptions/"), ctx(ContextValue::SubscriptionId)]
    );
    assert_eq!(id_info(&v).level, ScopeLevel::Subscription);
    assert_eq!(
        unknown(&eval("subscription().subscriptionId")),
        Unknown::Context(ContextValue::SubscriptionId)
    );
    assert_eq!(
        unknown(&eval("subscription().tenantId")),
        Unknown::Context(ContextValue::TenantId)
    );
    let v = eval("resourceGroup().id");
    assert_eq!(id_info(&v).level, ScopeLevel::ResourceGroup);
    assert_eq!(
        unknown(&eval("resourceGroup().name")),
        Unknown::Context(ContextValue::ResourceGroupName)
    );
    assert_eq!(
        unknown(&eval("resourceGroup().location")),
        Unknown::Context(ContextValue::ResourceGroupLocation)
    );
    assert_eq!(
        unknown(&eval("tenant().tenantId")),
        Unknown::Context(ContextValue::TenantId)
    );
    assert_eq!(
        unknown(&eval("deployment().name")),
        Unknown::Context(ContextValue::DeploymentName)
    );
    assert_eq!(
        unknown(&eval("managementGroup().name")),
        Unknown::Context(ContextValue::ManagementGroupName)
    );
    assert_eq!(
        id_info(&eval("managementGroup().id")).level,
        ScopeLevel::ManagementGroup
    );
    assert!(eval("environment()").is_unknown());
}

#[test]
fn concat_with_context_is_a_template() {
    let v = eval("concat(resourceGroup().name, '-kv')");
    assert_eq!(
        parts(&v),
        vec![ctx(ContextValue::ResourceGroupName), lit("-kv")]
    );
    assert_eq!(v.match_key().as_deref(), Some("{resourcegroupname}-kv"));
}

#[test]
fn guid_and_unique_string_are_derived_and_matchable() {
    let a = eval("guid(resourceGroup().id, 'x')");
    let b = eval("guid(resourceGroup().id, 'x')");
    let c = eval("guid(resourceGroup().id, 'y')");
    match unknown(&a) {
        Unknown::Derived { function, args } => {
            assert_eq!(function, "guid");
            assert_eq!(args.len(), 2);
        }
        u => panic!("{u:?}"),
    }
    assert!(a.match_key().is_some());
    assert_eq!(a.match_key(), b.match_key());
    assert_ne!(a.match_key(), c.match_key());
    let u = eval("uniqueString(resourceGroup().id)");
    assert!(
        matches!(unknown(&u), Unknown::Derived { ref function, .. } if function == "uniqueString")
    );
    assert_ne!(u.match_key(), eval("guid(resourceGroup().id)").match_key());
    assert_eq!(
        u.match_key(),
        eval("uniqueString(resourceGroup().id)").match_key()
    );
    // Inside a name, the derived part still matches.
    let n1 = eval("concat('sa', uniqueString(resourceGroup().id))");
    let n2 = eval("concat('sa', uniqueString(resourceGroup().id))");
    assert!(n1.match_key().is_some());
    assert_eq!(n1.match_key(), n2.match_key());
}

#[test]
fn new_guid_and_utc_now_are_volatile() {
    for e in ["newGuid()", "utcNow()", "utcNow('u')"] {
        let v = eval(e);
        assert!(
            matches!(unknown(&v), Unknown::Volatile { .. }),
            "{e}: {v:?}"
        );
        assert_eq!(v.match_key(), None, "{e}");
    }
}

// ----------------------------------------------------------------- reference

fn attribute(v: &Value) -> (ResourceRef, Attr) {
    match unknown(v) {
        Unknown::Attribute(r) => (r.target, r.attr),
        u => panic!("not an attribute: {u:?}"),
    }
}

fn uami() -> ResourceRef {
    ResourceRef {
        ty: "microsoft.managedidentity/userassignedidentities".into(),
        key: "microsoft.managedidentity/userassignedidentities/id1".into(),
    }
}

#[test]
fn reference_to_a_user_assigned_identity() {
    let (t, a) = attribute(&eval(
        "reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')).principalId",
    ));
    assert_eq!(t, uami());
    assert_eq!(a, Attr::PrincipalId);
    let (_, a) = attribute(&eval("reference(variables('uami'), '2023-01-31').clientId"));
    assert_eq!(a, Attr::ClientId);
    let (_, a) = attribute(&eval("reference(variables('uami')).tenantId"));
    assert_eq!(a, Attr::TenantId);
    let (_, a) = attribute(&eval(
        "reference(variables('uami'), '2023-01-31', 'Full').properties.principalId",
    ));
    assert_eq!(a, Attr::PrincipalId);
    let (_, a) = attribute(&eval("reference(variables('uami')).somethingElse"));
    assert_eq!(a, Attr::Other("somethingElse".into()));
}

#[test]
fn reference_full_identity_of_a_site_is_its_system_identity() {
    let (t, a) = attribute(&eval(
        "reference(resourceId('Microsoft.Web/sites', 'app'), '2022-01-01', 'Full').identity.principalId",
    ));
    assert_eq!(t.ty, "microsoft.web/sites");
    assert_eq!(t.key, "microsoft.web/sites/app");
    assert_eq!(a, Attr::SystemPrincipalId);
    // principalId of a non-identity resource is not a user-assigned principal.
    let (_, a) = attribute(&eval(
        "reference(resourceId('Microsoft.Web/sites', 'app')).principalId",
    ));
    assert_ne!(a, Attr::PrincipalId);
}

#[test]
fn reference_by_symbolic_name() {
    let ev = base();
    ev.symbols.borrow_mut().insert(
        "mysa".into(),
        ResourceRef {
            ty: "microsoft.storage/storageaccounts".into(),
            key: "microsoft.storage/storageaccounts/sa".into(),
        },
    );
    let (t, a) = attribute(&run(&ev, "reference('mySa').id"));
    assert_eq!(t.key, "microsoft.storage/storageaccounts/sa");
    assert_eq!(a, Attr::Id);
    let v = run(&ev, "listKeys('mySa', '2022-09-01').keys[0].value");
    match unknown(&v) {
        Unknown::ServiceSecret { target, .. } => {
            assert_eq!(target.unwrap().key, "microsoft.storage/storageaccounts/sa")
        }
        u => panic!("{u:?}"),
    }
}

#[test]
fn reference_of_unknown_target_is_opaque() {
    assert!(is_opaque(&eval(
        "reference(parameters('noDefault')).principalId"
    )));
    assert!(is_opaque(&eval("reference('not an id')")));
}

#[test]
fn list_keys_is_a_service_secret_with_its_target() {
    let v = eval(
        "listKeys(resourceId('Microsoft.Storage/storageAccounts', 'sa'), '2022-09-01').keys[0].value",
    );
    match unknown(&v) {
        Unknown::ServiceSecret { source, target, .. } => {
            assert_eq!(source, "listKeys()");
            assert_eq!(
                target,
                Some(ResourceRef {
                    ty: "microsoft.storage/storageaccounts".into(),
                    key: "microsoft.storage/storageaccounts/sa".into(),
                })
            );
        }
        u => panic!("{u:?}"),
    }
    let v = eval(
        "listSecrets(resourceId('Microsoft.Web/sites/functions', 'app', 'f'), '2022-03-01').key",
    );
    assert!(
        matches!(unknown(&v), Unknown::ServiceSecret { ref source, .. } if source == "listSecrets()")
    );
}

#[test]
fn secrets_embedded_in_strings_stay_visible() {
    let v = eval(
        "concat('AccountKey=', listKeys(resourceId('Microsoft.Storage/storageAccounts', 'sa'), '2022-09-01').keys[0].value)",
    );
    let p = parts(&v);
    assert_eq!(p[0], lit("AccountKey="));
    assert!(matches!(&p[1], Part::Hole(Unknown::ServiceSecret { .. })));
}

#[test]
fn user_defined_functions_are_opaque() {
    assert!(is_opaque(&eval("ns.fn('a')")));
    assert!(is_opaque(&eval("__bicep.f()")));
    assert!(is_opaque(&eval("noSuchFunction(1)")));
}

// ---------------------------------------------------------------- robustness

/// Every function name the evaluator knows, and some it does not.
const FUNCTIONS: &[&str] = &[
    "add",
    "and",
    "array",
    "base64",
    "base64ToString",
    "bool",
    "buildResourceId",
    "cidrHost",
    "cidrSubnet",
    "coalesce",
    "concat",
    "contains",
    "copyIndex",
    "createArray",
    "createObject",
    "dataUri",
    "dataUriToString",
    "dateTimeAdd",
    "dateTimeFromEpoch",
    "dateTimeToEpoch",
    "deployment",
    "div",
    "empty",
    "endsWith",
    "environment",
    "equals",
    "extensionResourceId",
    "externalInput",
    "false",
    "filter",
    "first",
    "flatten",
    "float",
    "format",
    "greater",
    "greaterOrEquals",
    "groupBy",
    "guid",
    "if",
    "indexFromEnd",
    "indexOf",
    "int",
    "intersection",
    "items",
    "join",
    "json",
    "lambda",
    "lambdaVariables",
    "last",
    "lastIndexFromEnd",
    "lastIndexOf",
    "length",
    "less",
    "lessOrEquals",
    "list",
    "listKeys",
    "listSecrets",
    "loadFileAsBase64",
    "loadJsonContent",
    "loadTextContent",
    "managementGroup",
    "managementGroupResourceId",
    "map",
    "mapValues",
    "max",
    "min",
    "mod",
    "mul",
    "newGuid",
    "not",
    "null",
    "objectKeys",
    "or",
    "padLeft",
    "parameters",
    "parseCidr",
    "pickZones",
    "providers",
    "range",
    "reduce",
    "reference",
    "replace",
    "resourceGroup",
    "resourceId",
    "shallowMerge",
    "skip",
    "sort",
    "split",
    "startsWith",
    "string",
    "sub",
    "subscription",
    "subscriptionResourceId",
    "substring",
    "take",
    "tenant",
    "tenantResourceId",
    "toLower",
    "toObject",
    "toUpper",
    "trim",
    "true",
    "tryGet",
    "tryIndexFromEnd",
    "union",
    "uniqueString",
    "uri",
    "uriComponent",
    "uriComponentToString",
    "utcNow",
    "variables",
    "json_number",
    "noSuchFunction",
    "ns.fn",
];

/// Arguments of every shape, including hostile ones.
const ODD_ARGS: &[&str] = &[
    "''",
    "'x'",
    "'{'",
    "'}{0:D99999999999}'",
    "'Microsoft.X/y'",
    "'/'",
    "-1",
    "0",
    "1.5",
    "100000000000000000000000",
    "null()",
    "true",
    "createArray()",
    "createArray(createArray(), 1)",
    "createObject('a', createObject())",
    "parameters('noDefault')",
    "parameters('secret')",
    "listKeys('x', 'y')",
    "resourceGroup()",
    "resourceGroup().id",
    "lambda('x', lambdaVariables('x'))",
    "range(0, 3)",
];

#[test]
fn no_function_panics_on_odd_arguments() {
    let ev = base();
    let n = ODD_ARGS.len();
    for f in FUNCTIONS {
        let mut calls = vec![format!("{f}()")];
        for a in ODD_ARGS {
            calls.push(format!("{f}({a})"));
        }
        for (i, a) in ODD_ARGS.iter().enumerate() {
            for b in ODD_ARGS {
                calls.push(format!("{f}({a}, {b})"));
            }
            for (j, b) in ODD_ARGS.iter().enumerate() {
                let c = ODD_ARGS[(i * 7 + j * 3) % n];
                calls.push(format!("{f}({a}, {b}, {c})"));
            }
        }
        for call in &calls {
            let e = expr::parse(call).unwrap_or_else(|err| panic!("{call}: {}", err.message));
            let v = ev.eval(&e, Loc::default(), &Env::default());
            // Whatever comes back must be renderable and bounded.
            let shown = show(&v);
            assert!(shown.len() < 1_000_000, "{call}: {} chars", shown.len());
            let _ = v.match_key();
        }
    }
}

#[test]
fn huge_counts_do_not_hang_or_allocate() {
    for e in [
        "range(0, 100000000000000000000000)",
        "range(-100000000000000000000000, 10)",
        "take(range(0, 10000), 100000000000000000000000)",
        "skip('abc', 100000000000000000000000)",
        "padLeft('', 100000000000000000000000)",
        "substring('abc', 0, 100000000000000000000000)",
        "copyIndex(100000000000000000000000)",
        "format('{0:D100000000000000000000000}', 1)",
        "format('{100000000000000000000000}', 1)",
        "createArray(range(0, 10000), range(0, 10000))",
    ] {
        let v = eval(e);
        assert!(show(&v).len() < 1_000_000, "{e}");
    }
}

#[test]
fn deep_nesting_evaluates_or_fails_cleanly() {
    let depth = 200;
    let text = format!("{}'a'{}", "concat(".repeat(depth), ")".repeat(depth));
    assert_eq!(eval(&text).as_str(), Some("a"));
    let text = format!("{}1{}", "createArray(".repeat(depth), ")".repeat(depth));
    assert!(eval(&text).as_array().is_some());
    let text = format!("{}'a'{}", "toLower(".repeat(10_000), ")".repeat(10_000));
    assert!(expr::parse(&text).is_err(), "parser bounds depth");
}

#[test]
fn long_variable_chains_evaluate() {
    let n = 60;
    let mut vars = Vec::new();
    for i in 0..n {
        vars.push(format!(
            "\"v{i}\": \"[concat(variables('v{}'), '')]\"",
            i + 1
        ));
    }
    vars.push(format!("\"v{n}\": \"end\""));
    let text = format!("{{\"variables\": {{{}}}}}", vars.join(","));
    let ev = evaluator(&text, Some(ScopeLevel::ResourceGroup), &[]);
    let v = run(&ev, "variables('v0')");
    assert_eq!(v.as_str(), Some("end"));
    // One named step per variable, the middle of a long chain dropped.
    assert_eq!(v.via.len(), crate::model::value::MAX_VIA);
    assert_eq!(v.via.first().unwrap().name, "v0");
    assert_eq!(v.via.last().unwrap().name, format!("v{n}"));
}

#[test]
fn doubling_variables_do_not_blow_up() {
    // A "billion laughs" chain: each variable is twice the next one.
    let n = 40;
    let mut vars = Vec::new();
    for i in 0..n {
        vars.push(format!(
            "\"v{i}\": \"[concat(variables('v{0}'), variables('v{0}'))]\"",
            i + 1
        ));
        vars.push(format!(
            "\"a{i}\": \"[concat(variables('a{0}'), variables('a{0}'))]\"",
            i + 1
        ));
    }
    vars.push(format!("\"v{n}\": \"abcdefgh\""));
    vars.push(format!("\"a{n}\": [1, 2]"));
    let text = format!("{{\"variables\": {{{}}}}}", vars.join(","));
    let ev = evaluator(&text, Some(ScopeLevel::ResourceGroup), &[]);
    let v = run(&ev, "variables('v0')");
    assert!(v.as_str().is_none_or(|s| s.len() <= 16 << 20));
    let v = run(&ev, "variables('a0')");
    assert!(v.as_array().is_none_or(|a| a.len() <= 1 << 20));
}

#[test]
fn very_long_variable_chains_are_cut_not_overflowed() {
    let n = 3000;
    let mut vars = Vec::new();
    for i in 0..n {
        vars.push(format!("\"v{i}\": \"[variables('v{}')]\"", i + 1));
    }
    vars.push(format!("\"v{n}\": \"end\""));
    let text = format!("{{\"variables\": {{{}}}}}", vars.join(","));
    let ev = evaluator(&text, Some(ScopeLevel::ResourceGroup), &[]);
    assert!(is_opaque(&run(&ev, "variables('v0')")));
    // A later start within reach still folds, from the cache or afresh.
    assert_eq!(run(&ev, "variables('v2950')").as_str(), Some("end"));
}

#[test]
fn deep_expressions_in_deep_json_in_chains_do_not_overflow() {
    let depth = 250;
    let mut vars = Vec::new();
    for i in 0..8 {
        let inner = format!(
            "\"[{}variables('v{}'){}]\"",
            "concat(".repeat(depth),
            i + 1,
            ")".repeat(depth)
        );
        vars.push(format!(
            "\"v{i}\": {}{inner}{}",
            "[".repeat(depth),
            "]".repeat(depth)
        ));
    }
    vars.push("\"v8\": \"end\"".to_string());
    let text = format!("{{\"variables\": {{{}}}}}", vars.join(","));
    let ev = evaluator(&text, Some(ScopeLevel::ResourceGroup), &[]);
    let _ = show(&run(&ev, "variables('v0')"));
    let _ = show(&run(&ev, "string(variables('v0'))"));
}

#[test]
fn deeply_nested_calls_of_every_shape_do_not_overflow() {
    let depth = 255;
    for (open, close) in [
        ("if(true, ", ", 0)"),
        ("createObject('a', ", ")"),
        ("createArray(", ")"),
        ("union(createObject(), createObject('k', ", "))"),
        ("map(createArray(1), lambda('x', ", "))"),
        ("coalesce(null(), ", ")"),
        ("and(true, ", ")"),
        ("tryGet(createObject('a', ", "), 'a')"),
        ("first(createArray(", "))"),
        ("json(string(", "))"),
    ] {
        let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
        let Ok(e) = expr::parse(&text) else {
            continue;
        };
        let ev = base();
        let v = ev.eval(&e, Loc::default(), &Env::default());
        let _ = show(&v);
        let _ = v.match_key();
    }
}

#[test]
fn doubling_through_shared_values_is_cut() {
    // Each variable holds the next one twice: 2^40 leaves if walked.
    let n = 40;
    let mut vars = Vec::new();
    for i in 0..n {
        vars.push(format!(
            "\"a{i}\": \"[createArray(variables('a{0}'), variables('a{0}'))]\"",
            i + 1
        ));
        vars.push(format!(
            "\"o{i}\": {{\"l\": \"[variables('o{0}')]\", \"r\": \"[variables('o{0}')]\"}}",
            i + 1
        ));
    }
    vars.push(format!("\"a{n}\": [1, 2]"));
    vars.push(format!("\"o{n}\": 1"));
    let text = format!("{{\"variables\": {{{}}}}}", vars.join(","));
    let ev = evaluator(&text, Some(ScopeLevel::ResourceGroup), &[]);
    for e in [
        "variables('a0')",
        "string(variables('a0'))",
        "equals(variables('a0'), variables('a0'))",
        "variables('o0')",
        "string(variables('o0'))",
        "union(variables('o0'), variables('o1'))",
    ] {
        let v = run(&ev, e);
        assert!(show(&v).len() < 10_000_000, "{e}");
        let _ = v.match_key();
    }
}

#[test]
fn lambdas_cannot_build_huge_values() {
    for e in [
        "map(range(0, 10000), lambda('x', range(0, 10000)))",
        "toObject(range(0, 10000), lambda('x', string(lambdaVariables('x'))), lambda('x', range(0, 10000)))",
        "reduce(range(0, 60), createArray(1), lambda('c', 'n', createArray(lambdaVariables('c'), lambdaVariables('c'))))",
        "string(reduce(range(0, 60), createArray(1), lambda('c', 'n', createArray(lambdaVariables('c'), lambdaVariables('c')))))",
    ] {
        let t = std::time::Instant::now();
        let v = eval(e);
        assert!(
            !matches!(v.kind, Kind::String(_) | Kind::Array(_) | Kind::Object(_)),
            "{e}: {}",
            show(&v).len()
        );
        assert!(t.elapsed().as_secs() < 20, "{e}");
    }
    // Large but reasonable results still fold.
    assert_eq!(
        num("length(map(range(0, 1000), lambda('x', range(0, 10))))"),
        Some(1000.0)
    );
}

#[test]
fn split_and_string_are_bounded_before_building() {
    // 200,001 pieces: over the item limit, counted before any is made.
    assert!(is_opaque(&eval("split(padLeft('x', 200001, ','), ',')")));
    assert_eq!(
        num("length(split(padLeft('x', 1001, ','), ','))"),
        Some(1001.0)
    );
    // Five references to one 1 MiB string: 5 MiB of JSON text, over the
    // string limit, though the array holds five items.
    let big = "padLeft('x', 1048576, 'a')";
    let five = format!("string(createArray({big}, {big}, {big}, {big}, {big}))");
    assert!(is_opaque(&eval(&five)));
    let three = format!("length(string(createArray({big}, {big}, {big})))");
    assert!(num(&three).is_some_and(|n| n > 3.0 * 1048576.0));
}
