//! SEC: stored secrets and credential exposure. Every rule asks
//! `model::secrets` where a value comes from; none re-derives it.

pub mod sec001;
pub mod sec002;
pub mod sec003;
pub mod sec004;
pub mod sec005;
pub mod sec006;
pub mod sec007;
pub mod sec008;
pub mod sec009;
pub mod sec010;
pub mod sec011;
pub mod sec012;
pub mod sec013;
pub mod sec014;
pub mod sec015;
pub mod sec016;
pub mod sec017;

use crate::model::secrets::{self, Source};
use crate::model::{credentials, Kind, Part, Unit, Value};

/// "parameter `x`" / "variable `x`": how the unit names the input `name`
/// (which may be a field of it, `x.password`).
pub(crate) fn input_phrase(unit: &Unit, name: &str) -> String {
    let root = name.split(['.', '[']).next().unwrap_or(name);
    let noun = unit
        .parameters
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(root))
        .map(|p| p.noun)
        .unwrap_or("input");
    format!("{noun} `{name}`")
}

/// What a secret source is, for messages.
pub(crate) fn source_phrase(unit: &Unit, s: &Source) -> String {
    match s {
        Source::ServiceKey(from) => format!("a key from `{from}`"),
        Source::SecureInput(n) => format!("secure {}", input_phrase(unit, n)),
        Source::PlainInput(n) => input_phrase(unit, n),
        Source::KeyVault => "a Key Vault secret".into(),
        Source::Generated => "a generated secret".into(),
        Source::Literal(_) => "a literal".into(),
        _ => "a secret".into(),
    }
}

/// Text that reads as a password assignment (`password=...`, `password: ...`)
/// with a real value, or holds a T5 credential.
pub(crate) fn text_has_secret(text: &str) -> bool {
    !credentials::find(text).is_empty() || password_assignment(text)
}

fn password_assignment(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("password") {
        let at = from + i + "password".len();
        from = at;
        let rest = lower[at..].trim_start_matches(['"', '\'', ' ', '\t']);
        let Some(rest) = rest.strip_prefix(['=', ':']) else {
            continue;
        };
        let value: String = text[text.len() - rest.len()..]
            .trim_start_matches([' ', '\t', '"', '\''])
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | ';' | ','))
            .collect();
        let expression = value.starts_with(['[', '$', '{', '(', '%', '#', '<', '@']);
        if !value.is_empty() && !expression && !secrets::is_placeholder(&value) {
            return true;
        }
    }
    false
}

/// A value whose text, or any text inside it, holds a secret; or that comes
/// from a secure input or a service key anywhere inside.
pub(crate) fn holds_secret(v: &Value) -> bool {
    let mut found = false;
    v.walk(&mut |x| {
        if found {
            return;
        }
        let s = secrets::source(x);
        // A member of a secure object, or a Key Vault secret, whose name says
        // it is no secret (`vmSpec.adminUsername`, `domain_join_username`).
        let named_no_secret = match &x.kind {
            Kind::Unknown(u) => secrets::names_no_secret(u),
            Kind::Template(parts) => parts.iter().all(|p| match p {
                Part::Hole(u) => {
                    secrets::names_no_secret(u)
                        || !matches!(
                            secrets::source(&Value::unknown(u.clone(), x.loc)),
                            Source::SecureInput(_) | Source::ServiceKey(_) | Source::KeyVault
                        )
                }
                Part::Lit(_) => true,
            }),
            _ => false,
        };
        found = (matches!(
            s,
            Source::SecureInput(_) | Source::ServiceKey(_) | Source::KeyVault
        ) && !named_no_secret)
            || x.via.iter().any(|st| st.secure)
            || matches!(s, Source::Literal(t) if text_has_secret(t));
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_assignments() {
        assert!(password_assignment(
            "echo 'admin:x' && mysql --password=Hunter2 db"
        ));
        assert!(password_assignment("password: s3cret!"));
        assert!(!password_assignment("password: ${DB_PASSWORD}"));
        assert!(!password_assignment("passwordLength = 16"));
        assert!(!password_assignment("password=<set-me>"));
    }
}
