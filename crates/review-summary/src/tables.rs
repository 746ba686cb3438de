//! Documents as tables: the layout of a format's tables, read from its JSON
//! Schema (so a member the format gains is exported without a line here),
//! and each document flattened into rows of them. `unflatten` reads the rows
//! back into the document, which is how the tests prove nothing is lost.
//!
//! The rules, written out for records teams in `docs/records-mapping.md`:
//! - a table per list: the document itself is the root table (one row per
//!   document); each list of the document, however deep, is a child table
//!   named by its path (`criteria`, `criteria_ratings`), with one row per
//!   element, keyed by `documentId`, the position in each enclosing list
//!   (`criteria_n`) and its own position `n`, counted from 1;
//! - a member inside objects is a column named by its dotted path
//!   (`process.reason`, `owner.kind`); the members of every variant of a
//!   union share the union's columns, the tag (`kind`, `status`) saying
//!   which variant a row holds;
//! - a list's own column `<path>.count` holds how many elements it has
//!   (empty when the list is absent);
//! - an object whose members are all optional has a column
//!   `<path>.present`, `true` when it is there (so `{}` is not lost);
//! - a list of plain values (a list of ids) is a table whose column is
//!   `value`.
//!
//! Cells hold text, integers and `true`/`false`, never JSON.

#[cfg(test)]
use serde_json::Map;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    Text,
    Integer,
    Boolean,
    /// How many elements a list has.
    Count,
    /// `true` when an object with no required member is there.
    Present,
    /// A key: the document id or a position.
    Key,
}

#[derive(Clone, Debug)]
pub struct Column {
    pub name: String,
    pub cell: Cell,
    /// Where it sits in the table's element (empty: the element itself).
    #[cfg_attr(not(test), allow(dead_code))]
    path: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Table {
    /// The table's name, also its file's (`criteria_ratings`).
    pub name: String,
    pub columns: Vec<Column>,
    /// How many key columns lead each row: `documentId`, the positions in
    /// the enclosing lists and its own.
    pub keys: usize,
    by_name: HashMap<String, usize>,
}

impl Table {
    /// The name of the column at `path`: its [`column_name`], unless that
    /// is a key's, when the table's name goes before it (a copy's own
    /// `documentId` in `recipientCopies` is `recipientCopies.documentId`).
    fn name_of(&self, path: &[String], cell: Cell) -> String {
        let name = column_name(path, cell);
        if self.columns[..self.keys].iter().any(|k| k.name == name) {
            format!("{}.{name}", self.name)
        } else {
            name
        }
    }
}

/// One row: a cell per column, `None` where the document has nothing.
pub type Row = Vec<Option<String>>;

/// The name of the document id column, which leads every table.
pub const DOCUMENT_ID: &str = "documentId";

/// A column's name: its dotted path, with what it counts or marks.
fn column_name(path: &[String], cell: Cell) -> String {
    let dotted = path.join(".");
    match cell {
        Cell::Count => format!("{dotted}.count"),
        Cell::Present => format!("{dotted}.present"),
        _ if path.is_empty() => "value".into(),
        _ => dotted,
    }
}

/// The tables of one kind of document, and how its documents fill them.
#[derive(Clone, Debug)]
pub struct Layout {
    /// The root table (one row per document) first.
    pub tables: Vec<Table>,
    /// Each list's table, by its enclosing table and its dotted path there.
    lists: HashMap<(usize, String), usize>,
}

impl Layout {
    /// The layout a JSON Schema (draft 2020-12: `$defs` and `$ref`, closed
    /// objects, unions as `oneOf`) gives: its root table called `root`, the
    /// tables of its lists named `prefix` and the list's path.
    pub fn of(schema: &Value, root: &str, prefix: &str) -> Result<Layout, String> {
        let mut layout = Layout {
            tables: Vec::new(),
            lists: HashMap::new(),
        };
        layout.add_table(root.to_string(), vec![DOCUMENT_ID.into()]);
        let defs = schema.get("$defs").unwrap_or(&Value::Null);
        let mut walk = Walk {
            defs,
            layout: &mut layout,
            prefix,
        };
        walk.node(schema, 0, &mut Vec::new())?;
        Ok(layout)
    }

    fn add_table(&mut self, name: String, keys: Vec<String>) -> usize {
        let columns: Vec<Column> = keys
            .into_iter()
            .map(|name| Column {
                path: vec![name.clone()],
                name,
                cell: Cell::Key,
            })
            .collect();
        let by_name = columns
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.clone(), i))
            .collect();
        self.tables.push(Table {
            name,
            keys: columns.len(),
            columns,
            by_name,
        });
        self.tables.len() - 1
    }

    fn add_column(&mut self, table: usize, path: &[String], cell: Cell) -> Result<(), String> {
        let t = &mut self.tables[table];
        let name = t.name_of(path, cell);
        match t.by_name.get(&name) {
            // A member two variants of a union share.
            Some(&i) if t.columns[i].cell == cell => Ok(()),
            Some(_) => Err(format!("two columns named {name} in table {}", t.name)),
            None => {
                t.by_name.insert(name.clone(), t.columns.len());
                t.columns.push(Column {
                    name,
                    cell,
                    path: path.to_vec(),
                });
                Ok(())
            }
        }
    }

    /// A document's rows, by table (the root table's one row first).
    pub fn flatten(&self, document: &Value) -> Result<Vec<Vec<Row>>, String> {
        let id = document
            .get(DOCUMENT_ID)
            .and_then(Value::as_str)
            .ok_or("the document has no documentId")?;
        let mut rows: Vec<Vec<Row>> = vec![Vec::new(); self.tables.len()];
        let mut root = vec![None; self.tables[0].columns.len()];
        root[0] = Some(id.to_string());
        self.fill(document, 0, &mut Vec::new(), &mut root, &mut rows)?;
        rows[0].push(root);
        Ok(rows)
    }

    fn fill(
        &self,
        value: &Value,
        table: usize,
        path: &mut Vec<String>,
        row: &mut Row,
        rows: &mut [Vec<Row>],
    ) -> Result<(), String> {
        let t = &self.tables[table];
        let column = |cell: Cell, path: &[String]| {
            let name = t.name_of(path, cell);
            t.by_name
                .get(&name)
                .copied()
                .ok_or_else(|| format!("{name} is not a column of table {}", t.name))
        };
        match value {
            Value::Object(members) => {
                if let Ok(i) = column(Cell::Present, path) {
                    row[i] = Some("true".into());
                }
                for (name, member) in members {
                    if table == 0 && path.is_empty() && name == DOCUMENT_ID {
                        continue;
                    }
                    path.push(name.clone());
                    self.fill(member, table, path, row, rows)?;
                    path.pop();
                }
            }
            Value::Array(elements) => {
                row[column(Cell::Count, path)?] = Some(elements.len().to_string());
                let child = self.lists[&(table, path.join("."))];
                let width = self.tables[child].columns.len();
                for (n, element) in elements.iter().enumerate() {
                    // The enclosing row's keys, then this element's position.
                    let mut child_row: Row = vec![None; width];
                    child_row[..t.keys].clone_from_slice(&row[..t.keys]);
                    child_row[t.keys] = Some((n + 1).to_string());
                    self.fill(element, child, &mut Vec::new(), &mut child_row, rows)?;
                    rows[child].push(child_row);
                }
            }
            Value::String(s) => row[column(Cell::Text, path)?] = Some(s.clone()),
            Value::Bool(b) => row[column(Cell::Boolean, path)?] = Some(b.to_string()),
            Value::Number(n) => row[column(Cell::Integer, path)?] = Some(n.to_string()),
            Value::Null => return Err(format!("{} is null", path.join("."))),
        }
        Ok(())
    }

    /// The documents the tables' rows hold, in the root table's order:
    /// the reverse of [`Layout::flatten`].
    #[cfg(test)]
    pub fn unflatten(&self, tables: &[Vec<Row>]) -> Result<Vec<Value>, String> {
        // Each table's rows by their keys, for finding a list's elements.
        let index: Vec<HashMap<Vec<String>, &Row>> = self
            .tables
            .iter()
            .zip(tables)
            .map(|(t, rows)| rows.iter().map(|r| (keys_of(r, t.keys), r)).collect())
            .collect();
        tables[0]
            .iter()
            .map(|row| {
                let mut document = self.element(0, row, &index)?;
                if let Value::Object(members) = &mut document {
                    members.insert(
                        DOCUMENT_ID.into(),
                        Value::String(row[0].clone().unwrap_or_default()),
                    );
                }
                Ok(document)
            })
            .collect()
    }

    #[cfg(test)]
    fn element(
        &self,
        table: usize,
        row: &Row,
        index: &[HashMap<Vec<String>, &Row>],
    ) -> Result<Value, String> {
        let t = &self.tables[table];
        let mut out = Value::Object(Map::new());
        for (i, column) in t.columns.iter().enumerate().skip(t.keys) {
            let Some(text) = &row[i] else { continue };
            let value = match column.cell {
                Cell::Key => continue,
                Cell::Text => Value::String(text.clone()),
                Cell::Boolean => Value::Bool(text == "true"),
                Cell::Integer => Value::Number(
                    text.parse::<i64>()
                        .map_err(|_| format!("{}: {text:?} is not an integer", column.name))?
                        .into(),
                ),
                Cell::Present => Value::Object(Map::new()),
                Cell::Count => {
                    let child = self.lists[&(table, column.path.join("."))];
                    let count: usize = text
                        .parse()
                        .map_err(|_| format!("{}: {text:?} is not a count", column.name))?;
                    let mut key = keys_of(row, t.keys);
                    key.push(String::new());
                    let mut elements = Vec::with_capacity(count);
                    for n in 1..=count {
                        *key.last_mut().expect("a position") = n.to_string();
                        let element = index[child].get(&key).ok_or_else(|| {
                            format!("table {} has no row {key:?}", self.tables[child].name)
                        })?;
                        elements.push(self.element(child, element, index)?);
                    }
                    Value::Array(elements)
                }
            };
            if column.path.is_empty() {
                // A list of plain values: the element is its one cell.
                return Ok(value);
            }
            place(&mut out, &column.path, value);
        }
        Ok(out)
    }
}

#[cfg(test)]
fn keys_of(row: &Row, keys: usize) -> Vec<String> {
    row[..keys]
        .iter()
        .map(|k| k.clone().unwrap_or_default())
        .collect()
}

#[cfg(test)]
/// Put `value` at `path` inside `out`, making the objects on the way (an
/// object already there, made by `.present`, is kept).
fn place(out: &mut Value, path: &[String], value: Value) {
    let (last, on_the_way) = path.split_last().expect("a path");
    let mut at = out;
    for name in on_the_way {
        let Value::Object(members) = at else { return };
        at = members
            .entry(name.clone())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if let Value::Object(members) = at {
        if !(value.is_object() && members.contains_key(last)) {
            members.insert(last.clone(), value);
        }
    }
}

/// Walking a schema to lay out its tables.
struct Walk<'a> {
    defs: &'a Value,
    layout: &'a mut Layout,
    prefix: &'a str,
}

impl<'a> Walk<'a> {
    /// The node a `$ref` names, or the node itself.
    fn resolve(&self, mut node: &'a Value) -> Result<&'a Value, String> {
        for _ in 0..32 {
            let Some(target) = node.get("$ref").and_then(Value::as_str) else {
                return Ok(node);
            };
            let name = target
                .strip_prefix("#/$defs/")
                .ok_or_else(|| format!("$ref {target} is not to $defs"))?;
            node = self
                .defs
                .get(name)
                .ok_or_else(|| format!("$ref {target} names nothing"))?;
        }
        Err("$ref goes round in circles".into())
    }

    fn node(
        &mut self,
        node: &'a Value,
        table: usize,
        path: &mut Vec<String>,
    ) -> Result<(), String> {
        let node = self.resolve(node)?;
        if let Some(variants) = node.get("oneOf").and_then(Value::as_array) {
            let variants: Vec<&Value> = variants
                .iter()
                .map(|v| self.resolve(v))
                .collect::<Result<_, _>>()?;
            if variants
                .iter()
                .all(|v| v.get("type") == Some(&"string".into()))
            {
                return self.layout.add_column(table, path, Cell::Text);
            }
            return self.object(&variants, table, path);
        }
        match node.get("type").and_then(Value::as_str) {
            Some("object") => self.object(&[node], table, path),
            Some("array") => self.list(node, table, path.as_slice()),
            Some("string") => self.layout.add_column(table, path, Cell::Text),
            Some("integer") => self.layout.add_column(table, path, Cell::Integer),
            Some("boolean") => self.layout.add_column(table, path, Cell::Boolean),
            _ => Err(format!("{} has a type tables cannot hold", path.join("."))),
        }
    }

    /// An object, or a union of objects: their members, variant by variant.
    fn object(
        &mut self,
        variants: &[&'a Value],
        table: usize,
        path: &mut Vec<String>,
    ) -> Result<(), String> {
        let could_be_empty = variants.iter().any(|v| {
            v.get("required")
                .and_then(Value::as_array)
                .is_none_or(Vec::is_empty)
        });
        if could_be_empty {
            self.layout.add_column(table, path, Cell::Present)?;
        }
        for variant in variants {
            if variant.get("type").and_then(Value::as_str) != Some("object") {
                return Err(format!(
                    "{}: a union of objects and plain values",
                    path.join(".")
                ));
            }
            // Closed objects only: an open one would hold members no column names.
            if variant.get("additionalProperties") != Some(&Value::Bool(false)) {
                return Err(format!("{} is not a closed object", path.join(".")));
            }
            let members: BTreeMap<&String, &Value> = variant
                .get("properties")
                .and_then(Value::as_object)
                .map(|m| m.iter().collect())
                .unwrap_or_default();
            for (name, member) in members {
                if table == 0 && path.is_empty() && name == DOCUMENT_ID {
                    continue;
                }
                path.push(name.clone());
                self.node(member, table, path)?;
                path.pop();
            }
        }
        Ok(())
    }

    /// A list: its count here, its elements in a table of their own.
    fn list(&mut self, node: &'a Value, table: usize, path: &[String]) -> Result<(), String> {
        self.layout.add_column(table, path, Cell::Count)?;
        let dotted = path.join(".");
        let child = match self.layout.lists.get(&(table, dotted.clone())) {
            Some(&child) => child,
            None => {
                let name = if table == 0 {
                    format!("{}{}", self.prefix, path.join("_"))
                } else {
                    format!("{}_{}", self.layout.tables[table].name, path.join("_"))
                };
                if self.layout.tables.iter().any(|t| t.name == name) {
                    return Err(format!("two tables named {name}"));
                }
                let parent = &self.layout.tables[table];
                let mut keys: Vec<String> = parent.columns[..parent.keys]
                    .iter()
                    .map(|c| c.name.clone())
                    .collect();
                if let Some(own) = keys.last_mut().filter(|k| *k == "n") {
                    *own = format!("{}_n", parent.name);
                }
                keys.push("n".into());
                let child = self.layout.add_table(name, keys);
                self.layout.lists.insert((table, dotted), child);
                child
            }
        };
        let items = node
            .get("items")
            .ok_or_else(|| format!("the list {} has no items", path.join(".")))?;
        self.node(items, child, &mut Vec::new())
    }
}
