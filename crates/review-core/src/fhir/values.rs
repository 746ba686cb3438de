//! The JSON values of the Bundle, made with small helpers rather than
//! serde_json's `json!`: each `json!` interpolation is a `to_value(..)
//! .unwrap()` with its own panic path, which cost the app's download 20 KB of
//! wasm (gzip). FHIR has no empty elements, so empty text, lists and objects
//! are left out here, once.

use base64::Engine;
use serde_json::{Map, Value};

/// Text as FHIR takes it: trimmed, and absent when empty.
pub(super) fn text(t: &str) -> Option<&str> {
    Some(t.trim()).filter(|t| !t.is_empty())
}

/// A string value; `Null` (left out) when it is empty.
pub(super) fn s(t: &str) -> Value {
    text(t).map_or(Value::Null, |t| Value::String(t.to_owned()))
}

pub(super) fn opt(t: Option<&str>) -> Value {
    t.map_or(Value::Null, s)
}

pub(super) fn list(items: Vec<Value>) -> Value {
    Value::Array(items.into_iter().filter(|v| !v.is_null()).collect())
}

/// An object of the members that are present: `Null`, an empty list or an
/// empty object is left out (FHIR has no empty elements).
pub(super) fn object(members: Vec<(&str, Value)>) -> Value {
    let map: Map<String, Value> = members
        .into_iter()
        .filter(|(_, v)| match v {
            Value::Null => false,
            Value::Array(a) => !a.is_empty(),
            Value::Object(o) => !o.is_empty(),
            _ => true,
        })
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    if map.is_empty() {
        Value::Null
    } else {
        Value::Object(map)
    }
}

pub(super) fn reference(url: &str) -> Value {
    object(vec![("reference", s(url))])
}

pub(super) fn display(name: &str) -> Value {
    object(vec![("display", s(name))])
}

pub(super) fn the_text(words: &str) -> Value {
    object(vec![("text", s(words))])
}

/// An identifier or a coding's system and value/code.
pub(super) fn system_value(system: &str, value: &str) -> Value {
    object(vec![("system", s(system)), ("value", s(value))])
}

pub(super) fn coding(system: &str, code: &str, shown: &str) -> Value {
    object(vec![
        ("system", s(system)),
        ("code", s(code)),
        ("display", s(shown)),
    ])
}

/// A CodeableConcept of one coding.
pub(super) fn concept(system: &str, code: &str, shown: &str) -> Value {
    object(vec![("coding", list(vec![coding(system, code, shown)]))])
}

pub(super) fn name_of(n: &str) -> Value {
    list(vec![the_text(n)])
}

pub(super) fn base64(bytes: &[u8]) -> Value {
    Value::String(base64::engine::general_purpose::STANDARD.encode(bytes))
}
