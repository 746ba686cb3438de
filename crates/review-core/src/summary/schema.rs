//! The summary's JSON Schemas (draft 2020-12).
//!
//! Format 2's schema is generated from the Rust types and shipped at
//! `public/schema/summary-v2.json`; a test fails when the two differ, and
//! `UPDATE_SCHEMA=1 cargo test -p review-core --test summary_schema` writes
//! the file again. Format 1's schema, `public/schema/summary-v1.json`, is
//! frozen: never regenerated, its SHA-256 pinned by a test. Both are served
//! in the app's build under `/schema/` and printed by `review-summary schema`.
//! The addendum's schema (`public/schema/addendum-v1.json`) is generated and
//! checked the same way.

use super::document::Summary;
use super::strings::FormatVersion;
use schemars::generate::SchemaSettings;
use schemars::transform::{transform_subschemas, Transform};
use schemars::Schema;
use serde_json::Value;

/// Where format 2's schema is published, relative to the repository root.
pub const SHIPPED_PATH: &str = "public/schema/summary-v2.json";
/// Where format 1's frozen schema is, relative to the repository root.
pub const SHIPPED_V1_PATH: &str = "public/schema/summary-v1.json";

/// The stable identifier of each format's schema (its `$id`). A URN, so it
/// names the schema wherever a deployment serves the file.
pub const ID_V2: &str = "urn:review-together:schema:summary-v2";
pub const ID_V1: &str = "urn:review-together:schema:summary-v1";

/// The schema file of a format, as the error messages name it.
pub fn file_name(version: FormatVersion) -> &'static str {
    match version {
        FormatVersion::V1 => "summary-v1.json",
        FormatVersion::V2 => "summary-v2.json",
    }
}

/// Where the addendum's schema is published, relative to the repository root.
pub const ADDENDUM_SHIPPED_PATH: &str = "public/schema/addendum-v1.json";
/// The addendum schema's `$id`.
pub const ID_ADDENDUM_V1: &str = "urn:review-together:schema:addendum-v1";
/// The addendum schema's file, as error messages name it.
pub const ADDENDUM_FILE: &str = "addendum-v1.json";

/// The schema of the addendum, format 1, generated from [`Addendum`].
pub fn generate_addendum() -> Schema {
    generate_for::<super::addendum_record::Addendum>(ID_ADDENDUM_V1)
}

/// The schema of format 2, generated from [`Summary`].
pub fn generate() -> Schema {
    generate_for::<Summary>(ID_V2)
}

/// The draft 2020-12 schema of a type, portable (see [`Portable`]), with
/// `id` as its `$id`: the summary's, and the team configuration's
/// (`crate::team`).
pub(crate) fn generate_for<T: schemars::JsonSchema>(id: &str) -> Schema {
    let mut settings = SchemaSettings::draft2020_12();
    settings.transforms.push(Box::new(Portable));
    let mut schema = settings.into_generator().into_root_schema_for::<T>();
    if let Some(object) = schema.as_object_mut() {
        // `$id` right after `$schema`, where readers look for it.
        let mut ordered = serde_json::Map::new();
        if let Some(s) = object.remove("$schema") {
            ordered.insert("$schema".into(), s);
        }
        ordered.insert("$id".into(), id.into());
        ordered.append(object);
        *object = ordered;
    }
    schema
}

/// The schema as the shipped file holds it: pretty JSON and a final newline.
pub fn generate_json() -> String {
    pretty(&generate())
}

/// A schema as a shipped file holds it: pretty JSON and a final newline.
pub fn pretty(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Keeps the schema to what any draft 2020-12 validator (ajv in strict mode
/// too) understands, and to the format's rules: no `null` (optional members
/// are left out instead), no formats of schemars's own (`uint32`…), and every
/// integer within ±2^53.
#[derive(Clone)]
struct Portable;

const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

impl Transform for Portable {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(object) = schema.as_object_mut() {
            // `Option<T>` becomes T: `"type": ["string", "null"]` → `"string"`.
            if let Some(Value::Array(types)) = object.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    object.insert("type".into(), only);
                }
            }
            // …or `anyOf: [{$ref}, {"type": "null"}]` → the reference alone.
            if let Some(Value::Array(any_of)) = object.get("anyOf") {
                let non_null: Vec<Value> = any_of
                    .iter()
                    .filter(|s| s.get("type").and_then(Value::as_str) != Some("null"))
                    .cloned()
                    .collect();
                if non_null.len() == 1 && any_of.len() == 2 {
                    object.remove("anyOf");
                    if let Value::Object(inner) = &non_null[0] {
                        for (k, v) in inner {
                            object.entry(k.clone()).or_insert_with(|| v.clone());
                        }
                    }
                }
            }
            if object.get("type").and_then(Value::as_str) == Some("integer") {
                let format = object.get("format").and_then(Value::as_str).unwrap_or("");
                let max = match format {
                    "uint8" => u8::MAX as u64,
                    "uint16" => u16::MAX as u64,
                    "uint32" => u32::MAX as u64,
                    _ => MAX_SAFE_INTEGER,
                };
                object.remove("format");
                object.entry("maximum").or_insert(max.into());
                if !object.contains_key("minimum") {
                    object.insert("minimum".into(), Value::from(-(MAX_SAFE_INTEGER as i64)));
                }
            }
        }
        transform_subschemas(self, schema);
    }
}

/// Errors from validating `value` against the shipped schema of its format
/// with the `jsonschema` crate (feature `schema-validation`), at most ten,
/// each with the JSON Pointer of the offending value.
#[cfg(feature = "schema-validation")]
pub fn validate(value: &Value, version: FormatVersion) -> Vec<String> {
    use std::sync::OnceLock;
    type Compiled = OnceLock<Result<jsonschema::Validator, String>>;
    static V1: Compiled = OnceLock::new();
    static V2: Compiled = OnceLock::new();
    let (cell, text) = match version {
        FormatVersion::V1 => (&V1, SHIPPED_V1),
        FormatVersion::V2 => (&V2, SHIPPED),
    };
    let name = file_name(version);
    let validator = cell.get_or_init(|| {
        let schema: Value = serde_json::from_str(text)
            .map_err(|e| format!("the shipped schema {name} is not JSON: {e}"))?;
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| format!("the shipped schema {name} does not compile: {e}"))
    });
    errors_of(validator, value, name, "summary")
}

/// Errors from validating an addendum against its shipped schema.
#[cfg(feature = "schema-validation")]
pub fn validate_addendum(value: &Value) -> Vec<String> {
    use std::sync::OnceLock;
    static COMPILED: OnceLock<Result<jsonschema::Validator, String>> = OnceLock::new();
    let validator = COMPILED.get_or_init(|| {
        let schema: Value = serde_json::from_str(ADDENDUM_SHIPPED)
            .map_err(|e| format!("the shipped schema {ADDENDUM_FILE} is not JSON: {e}"))?;
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| format!("the shipped schema {ADDENDUM_FILE} does not compile: {e}"))
    });
    errors_of(validator, value, ADDENDUM_FILE, "addendum")
}

#[cfg(feature = "schema-validation")]
fn errors_of(
    validator: &Result<jsonschema::Validator, String>,
    value: &Value,
    name: &str,
    what: &str,
) -> Vec<String> {
    match validator {
        // The quick answer first: most files are valid, and collecting
        // errors costs far more than finding there are none.
        Ok(v) if v.is_valid(value) => Vec::new(),
        Ok(v) => v
            .iter_errors(value)
            .take(10)
            .map(|e| {
                let at = e.instance_path().to_string();
                let at = if at.is_empty() { "/".to_string() } else { at };
                format!("The {what} does not match the schema ({name}) at {at}: {e}.")
            })
            .collect(),
        Err(e) => vec![e.clone()],
    }
}

/// Without the `schema-validation` feature (the app), the Rust types check
/// the same rules.
#[cfg(not(feature = "schema-validation"))]
pub fn validate_addendum(_value: &Value) -> Vec<String> {
    Vec::new()
}

/// Without the `schema-validation` feature (the app), the Rust types check
/// the same rules; see `content_checks`.
#[cfg(not(feature = "schema-validation"))]
pub fn validate(_value: &Value, _version: FormatVersion) -> Vec<String> {
    Vec::new()
}

/// Format 2's shipped schema, compiled in for validation and for
/// `review-summary schema` (not in the app, which validates by its types).
#[cfg(feature = "schema-validation")]
pub const SHIPPED: &str = include_str!("../../../../public/schema/summary-v2.json");
/// The addendum's shipped schema.
#[cfg(feature = "schema-validation")]
pub const ADDENDUM_SHIPPED: &str = include_str!("../../../../public/schema/addendum-v1.json");
/// Format 1's frozen schema.
#[cfg(feature = "schema-validation")]
pub const SHIPPED_V1: &str = include_str!("../../../../public/schema/summary-v1.json");
