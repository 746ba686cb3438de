//! CSV as RFC 4180 writes it (comma, double quotes, CRLF, UTF-8 without a
//! byte order mark), keeping absent apart from empty the way PostgreSQL's
//! `COPY … CSV` and DuckDB (`allow_quoted_nulls = false`) read it: a cell
//! the document has nothing for is left empty, text that is empty is
//! written `""`. Hand-written rather than the `csv` crate's writer, which
//! cannot quote one empty field and not another; what it writes is read
//! back by Python's `csv` module and DuckDB in the export's tests.

/// One record: its cells, each quoted when it must be, and CRLF.
pub fn record<'a>(out: &mut String, cells: impl IntoIterator<Item = Option<&'a str>>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            None => {}
            Some(text) if text.is_empty() || text.contains([',', '"', '\r', '\n']) => {
                out.push('"');
                out.push_str(&text.replace('"', "\"\""));
                out.push('"');
            }
            Some(text) => out.push_str(text),
        }
    }
    out.push_str("\r\n");
}

/// The records of CSV text, an unquoted empty cell as `None`: the reverse
/// of [`record`], for reading an export back.
#[cfg(test)]
pub fn parse(text: &str) -> Result<Vec<Vec<Option<String>>>, String> {
    let mut records = Vec::new();
    let mut record: Vec<Option<String>> = Vec::new();
    let mut chars = text.chars().peekable();
    let mut cell = String::new();
    let mut quoted = false;
    loop {
        match chars.next() {
            Some('"') if cell.is_empty() && !quoted => {
                quoted = true;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        Some('"') => break,
                        Some(c) => cell.push(c),
                        None => return Err("a quoted cell is not closed".into()),
                    }
                }
            }
            Some(',') => {
                record.push((quoted || !cell.is_empty()).then(|| std::mem::take(&mut cell)));
                quoted = false;
            }
            Some('\r') if chars.peek() == Some(&'\n') => {}
            Some('\n') => {
                record.push((quoted || !cell.is_empty()).then(|| std::mem::take(&mut cell)));
                quoted = false;
                records.push(std::mem::take(&mut record));
            }
            Some(c) if quoted => return Err(format!("{c:?} after a closing quote")),
            Some(c) => cell.push(c),
            None if record.is_empty() && cell.is_empty() && !quoted => return Ok(records),
            None => return Err("the last record has no line end".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_empty_quotes_commas_and_line_breaks_round_trip() {
        let cells = [
            None,
            Some(""),
            Some("plain"),
            Some("a, b"),
            Some("she said \"no\""),
            Some("two\nlines\r\nand CRLF"),
            Some(" spaced "),
            Some("=1+1"),
        ];
        let mut text = String::new();
        record(&mut text, cells);
        record(&mut text, [Some("x")]);
        assert_eq!(
            text,
            ",\"\",plain,\"a, b\",\"she said \"\"no\"\"\",\"two\nlines\r\nand CRLF\", spaced ,=1+1\r\nx\r\n"
        );
        let back = parse(&text).unwrap();
        assert_eq!(
            back[0],
            cells.map(|c| c.map(String::from)).to_vec(),
            "every cell comes back as it was"
        );
        assert_eq!(back[1], vec![Some("x".to_string())]);
    }

    #[test]
    fn broken_text_is_refused() {
        assert!(parse("\"open\r\n").is_err());
        assert!(parse("\"a\"b\r\n").is_err());
        assert!(parse("no end").is_err());
    }
}
