//! The export's tables read back: documents made from the schemas (every
//! member, every variant of every union, and only what is required) and
//! the signed fixtures go into CSV and come back the same, cell by cell.

use super::*;
use crate::tables::{Cell, Row, DOCUMENT_ID};
use review_core::summary::VerifyOptions;

/// The tables' CSV text read back into rows, checking each header.
fn read_back(layout: &Layout, texts: &[(String, String)]) -> Vec<Vec<Row>> {
    layout
        .tables
        .iter()
        .zip(texts)
        .map(|(table, (name, text))| {
            assert_eq!(&table.name, name);
            let mut records = csv_text::parse(text).unwrap();
            let header = records.remove(0);
            let names: Vec<Option<String>> =
                table.columns.iter().map(|c| Some(c.name.clone())).collect();
            assert_eq!(header, names, "the header of {name}");
            records
        })
        .collect()
}

/// Where two documents first differ, as a JSON Pointer and both values.
fn difference(a: &Value, b: &Value, at: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => x.keys().chain(y.keys()).find_map(|k| {
            let (p, q) = (
                x.get(k).unwrap_or(&Value::Null),
                y.get(k).unwrap_or(&Value::Null),
            );
            difference(p, q, &format!("{at}/{k}"))
        }),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| difference(p, q, &format!("{at}/{i}"))),
        _ if a == b => None,
        _ => Some(format!("{at}: {a} ≠ {b}")),
    }
}

/// That `back` holds `documents`, saying where it does not.
fn assert_same(back: &[Value], documents: &[Value]) {
    assert_eq!(back.len(), documents.len());
    for (b, d) in back.iter().zip(documents) {
        if let Some(found) = difference(b, d, "") {
            panic!("document {} came back changed: {found}", d[DOCUMENT_ID]);
        }
    }
}

/// Documents out to CSV and back.
fn round_trip(layout: &Layout, documents: &[Value]) -> Vec<Value> {
    let texts = csv_tables(layout, documents).unwrap();
    layout.unflatten(&read_back(layout, &texts)).unwrap()
}

/// A document the schema allows, made from it: `full` fills every member,
/// otherwise only the required ones; `k` picks each union's variant (and
/// moves on by one for each list element), so k = 0, 1, 2… covers them all.
fn sample(defs: &Value, node: &Value, k: usize, full: bool) -> Value {
    let node = match node.get("$ref").and_then(Value::as_str) {
        Some(r) => &defs[r.trim_start_matches("#/$defs/")],
        None => node,
    };
    if let Some(variants) = node.get("oneOf").and_then(Value::as_array) {
        return sample(defs, &variants[k % variants.len()], k, full);
    }
    if let Some(c) = node.get("const") {
        return c.clone();
    }
    match node["type"].as_str().unwrap() {
        "object" => {
            let required: Vec<&str> = node
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let members = node["properties"].as_object().unwrap();
            Value::Object(
                members
                    .iter()
                    .filter(|(name, _)| full || required.contains(&name.as_str()))
                    .map(|(name, m)| (name.clone(), sample(defs, m, k, full)))
                    .collect(),
            )
        }
        "array" => Value::Array(
            (0..if full { 2 } else { 1 })
                .map(|i| sample(defs, &node["items"], k + i, full))
                .collect(),
        ),
        // Empty text, and text CSV must quote.
        "string" => Value::String(match k % 4 {
            0 => String::new(),
            1 => format!("text {k}, said \"twice\"\r\nover two lines"),
            2 => format!("=SUM(A{k})"),
            _ => format!("plain {k}"),
        }),
        "integer" => json!(k as i64 - 1),
        "boolean" => json!(k % 2 == 0),
        other => panic!("no sample for {other}"),
    }
}

fn samples(schema: &Value) -> Vec<Value> {
    let defs = &schema["$defs"];
    (0..12)
        .flat_map(|k| {
            [true, false].map(|full| {
                let mut d = sample(defs, schema, k, full);
                d[DOCUMENT_ID] = json!(format!("document-{k}-{full}"));
                d
            })
        })
        .collect()
}

#[test]
fn documents_made_from_each_schema_come_back_whole_and_fill_every_column() {
    let layouts = Layouts::new().unwrap();
    for (layout, schema) in [
        (&layouts.summaries, schema::generate().to_value()),
        (&layouts.addenda, schema::generate_addendum().to_value()),
    ] {
        let documents = samples(&schema);
        assert_same(&round_trip(layout, &documents), &documents);
        // Every column holds something in some row: no member is missed.
        let flat: Vec<_> = documents
            .iter()
            .map(|d| layout.flatten(d).unwrap())
            .collect();
        for (i, table) in layout.tables.iter().enumerate() {
            for (c, column) in table.columns.iter().enumerate() {
                assert!(
                    flat.iter().flat_map(|f| &f[i]).any(|row| row[c].is_some()),
                    "{}.{} is never filled",
                    table.name,
                    column.name
                );
            }
        }
    }
}

#[test]
fn the_tables_are_the_ones_records_teams_are_told_of() {
    let layouts = Layouts::new().unwrap();
    let names: Vec<&str> = layouts
        .summaries
        .tables
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    for table in [
        "summaries",
        "participants",
        "criteria",
        "criteria_ratings",
        "services_resources",
        "cover_arrangements",
        "escalations_matters",
        "actions",
        "signOffs",
        // What each person who did not agree disagreed with.
        "signOffs_decision_points",
    ] {
        assert!(names.contains(&table), "{table} is not among {names:?}");
    }
    let ratings =
        &layouts.summaries.tables[names.iter().position(|n| *n == "criteria_ratings").unwrap()];
    let keys: Vec<&str> = ratings.columns[..ratings.keys]
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(keys, ["documentId", "criteria_n", "n"]);
    assert!(ratings
        .columns
        .iter()
        .all(|c| c.cell != Cell::Key || c.name != "value"));
}

/// The signed fixtures, as verification reads them.
fn fixture(name: &str) -> Verification {
    let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    summary::verify(&bytes, &VerifyOptions::default())
}

#[test]
fn every_signed_fixture_comes_back_whole() {
    let layouts = Layouts::new().unwrap();
    let summaries: Vec<Value> = [
        "signed-v1/valid.json",
        "signed-v1/app-exported.json",
        "signed-v2/valid.json",
        "signed-v2-copies/summary.json",
        "signed-v2-copies/carer.json",
        "addendum-v1/summary.json",
    ]
    .iter()
    .enumerate()
    .map(|(i, name)| {
        let v = fixture(name);
        assert!(v.is_intact(), "{name}: {:?}", v.errors);
        // Several fixtures are the same review: an export holds each id once.
        let mut d = document(&v);
        d[DOCUMENT_ID] = json!(format!("{i}-{}", d[DOCUMENT_ID].as_str().unwrap()));
        d
    })
    .collect();
    assert_same(&round_trip(&layouts.summaries, &summaries), &summaries);
    let reflection = vec![document(&fixture("addendum-v1/reflection.json"))];
    assert!(reflection[0]["reflection"].is_object());
    assert_same(&round_trip(&layouts.addenda, &reflection), &reflection);
}

const TABLES_BEGIN: &str = "<!-- tables: generated by crates/review-summary/src/export_tests.rs (UPDATE_DOCS=1 cargo test -p review-summary): do not edit by hand -->";
const TABLES_END: &str = "<!-- end of tables -->";

/// The part of `docs/records-mapping.md` that lists every CSV table and
/// its columns, made from the layouts the export uses.
fn tables_section(layouts: &Layouts) -> String {
    let mut out = format!("{TABLES_BEGIN}\n\n## The CSV tables and their columns\n\n");
    out.push_str("Each table's file is its name with `.csv`. Key columns come first; the columns of a member that is one of several shapes are listed once.\n\n");
    out.push_str("| table | one row per | key columns | other columns |\n|---|---|---|---|\n");
    for (layout, what) in [
        (&layouts.summaries, "summary"),
        (&layouts.addenda, "reflection"),
    ] {
        for (i, table) in layout.tables.iter().enumerate() {
            let quoted = |cols: &[crate::tables::Column]| {
                cols.iter()
                    .map(|c| format!("`{}`", c.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let per = if i == 0 {
                what.to_string()
            } else {
                format!("element of that list in each {what}")
            };
            out.push_str(&format!(
                "| `{}` | {per} | {} | {} |\n",
                table.name,
                quoted(&table.columns[..table.keys]),
                quoted(&table.columns[table.keys..])
            ));
        }
    }
    out.push_str(&format!("\n{TABLES_END}"));
    out
}

#[test]
fn the_mapping_lists_every_table_and_column_the_export_writes() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/records-mapping.md");
    let on_disk = std::fs::read_to_string(&path).unwrap();
    let section = tables_section(&Layouts::new().unwrap());
    let whole = match (on_disk.find(TABLES_BEGIN), on_disk.find(TABLES_END)) {
        (Some(b), Some(e)) => format!(
            "{}{section}{}",
            &on_disk[..b],
            &on_disk[e + TABLES_END.len()..]
        ),
        _ => format!("{}\n{section}\n", on_disk.trim_end()),
    };
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &whole).unwrap();
    } else {
        assert!(
            whole == on_disk,
            "docs/records-mapping.md does not list the tables the export writes: regenerate it with UPDATE_DOCS=1 cargo test -p review-summary"
        );
    }
}
