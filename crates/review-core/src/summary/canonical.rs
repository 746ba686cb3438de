//! RFC 8785 (JCS) canonical JSON: writing it (serde_jcs), checking that a
//! file already is it (our own single-pass scanner), and a strict parser that
//! refuses duplicate member names (serde_json silently keeps the last one).

use crate::tr;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::fmt;
use std::ops::Range;

/// The RFC 8785 canonical bytes of `value`.
///
/// serde_jcs writes every number through an f64: exact for the integers a
/// summary holds (all within ±2^53), which is why the format has no others.
pub fn to_canonical_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
    serde_jcs::to_vec(value).map_err(|e| e.to_string())
}

/// Why bytes could not be read as JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    NotUtf8,
    /// Not JSON: serde_json's explanation, with line and column.
    NotJson(String),
    /// An object names the same member twice.
    DuplicateKey {
        key: String,
        detail: String,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::NotUtf8 => f.write_str(&tr!("not UTF-8 text")),
            ParseError::NotJson(detail) => f.write_str(&tr!("not JSON: {detail}", detail = detail)),
            ParseError::DuplicateKey { key, .. } => write!(f, "the name {key:?} appears twice"),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parse JSON, refusing duplicate member names anywhere in the document.
pub fn parse_strict(bytes: &[u8]) -> Result<Value, ParseError> {
    std::str::from_utf8(bytes).map_err(|_| ParseError::NotUtf8)?;
    let duplicate = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let parsed = StrictValue {
        duplicate: &duplicate,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    match parsed {
        Ok(v) => Ok(v),
        Err(e) => match duplicate.into_inner() {
            Some(key) => Err(ParseError::DuplicateKey {
                key,
                detail: e.to_string(),
            }),
            None => Err(ParseError::NotJson(e.to_string())),
        },
    }
}

/// Builds a [`Value`] like serde_json does, but fails on a repeated name and
/// remembers which name it was.
#[derive(Clone, Copy)]
struct StrictValue<'a> {
    duplicate: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for StrictValue<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr!("any JSON value"))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if members.contains_key(&key) {
                let message = tr!("duplicate member name {key}", key = format!("{key:?}"));
                *self.duplicate.borrow_mut() = Some(key);
                return Err(de::Error::custom(message));
            }
            let value = map.next_value_seed(self)?;
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

/// Compare member names as RFC 8785 sorts them: by UTF-16 code units.
pub fn utf16_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// One member of the top-level object of canonical bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Member {
    pub name: String,
    /// The whole member, `"name":value`.
    pub span: Range<usize>,
    /// Its value alone.
    pub value: Range<usize>,
}

/// Deeper than this is refused (serde_json refuses at 128 too), so no input
/// can exhaust the stack.
const MAX_DEPTH: usize = 128;

/// Whether `bytes` are exactly the RFC 8785 form of a JSON value: no white
/// space, members in UTF-16 order with no name twice, strings escaped only as
/// JCS escapes them, numbers as ECMAScript writes them. One pass, no tree:
/// this is the fast path of verification. On success, the members of the
/// top-level object (empty when the top level is not an object).
///
/// It never says yes to bytes that are not canonical (tests compare it with
/// serde_jcs); a "no" is explained by the slower [`parse_strict`].
pub(crate) fn scan_canonical(bytes: &[u8]) -> Option<Vec<Member>> {
    scan_canonical_text(std::str::from_utf8(bytes).ok()?)
}

/// [`scan_canonical`] of text already known to be UTF-8.
pub(crate) fn scan_canonical_text(text: &str) -> Option<Vec<Member>> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
        top: Vec::new(),
    };
    s.value(0)?;
    (s.i == s.b.len()).then_some(s.top)
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    top: Vec<Member>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.i += 1)
    }

    /// An object's or array's opening bracket, and whether it closes at once
    /// (`{}`, `[]`).
    fn open(&mut self, open: u8, close: u8) -> Option<bool> {
        self.eat(open)?;
        Some(self.eat(close).is_some())
    }

    /// After a member or an element: a comma (more to come), the closing
    /// bracket (`true`: the end), or anything else (not JCS: `None`).
    fn more_or_close(&mut self, close: u8) -> Option<bool> {
        if self.eat(b',').is_some() {
            return Some(false);
        }
        self.eat(close).map(|()| true)
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.i.checked_add(word.len())?;
        (self.b.get(self.i..end)? == word).then(|| self.i = end)
    }

    fn value(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string().map(drop),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn object(&mut self, depth: usize) -> Option<()> {
        if self.open(b'{', b'}')? {
            return Some(());
        }
        let mut previous: Option<(Range<usize>, bool)> = None;
        loop {
            let start = self.i;
            let name = self.string()?;
            if let Some(p) = &previous {
                if self.name_order(p, &name)? != Ordering::Less {
                    return None;
                }
            }
            self.eat(b':')?;
            let value_start = self.i;
            self.value(depth + 1)?;
            if depth == 0 {
                self.top.push(Member {
                    name: self.decode(&name)?,
                    span: start..self.i,
                    value: value_start..self.i,
                });
            }
            previous = Some(name);
            if self.more_or_close(b'}')? {
                return Some(());
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<()> {
        if self.open(b'[', b']')? {
            return Some(());
        }
        loop {
            self.value(depth + 1)?;
            if self.more_or_close(b']')? {
                return Some(());
            }
        }
    }

    /// A string in JCS form: the range of its contents, and whether it has
    /// escapes. A plain loop over bytes: this is the hot path of the scan.
    fn string(&mut self) -> Option<(Range<usize>, bool)> {
        self.eat(b'"')?;
        let b = self.b;
        let start = self.i;
        let mut i = start;
        let mut escaped = false;
        while i < b.len() {
            let c = b[i];
            if c == b'"' {
                self.i = i + 1;
                return Some((start..i, escaped));
            } else if c == b'\\' {
                escaped = true;
                match *b.get(i + 1)? {
                    b'"' | b'\\' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                    b'u' => {
                        // Only the other control characters, as \u00xx in lower case.
                        let [b'0', b'0', h, l] = *b.get(i + 2..i + 6)? else {
                            return None;
                        };
                        let v = (lower_hex(h)? << 4) | lower_hex(l)?;
                        if v >= 0x20 || matches!(v, 0x08 | 0x09 | 0x0a | 0x0c | 0x0d) {
                            return None;
                        }
                        i += 6;
                    }
                    _ => return None,
                }
            } else if c < 0x20 {
                return None;
            } else {
                i += 1;
            }
        }
        None
    }

    /// The text of a scanned string.
    fn decode(&self, (range, escaped): &(Range<usize>, bool)) -> Option<String> {
        let raw = &self.b[range.clone()];
        if *escaped {
            // Already checked to be JCS escapes, which serde_json reads.
            let quoted = &self.b[range.start - 1..range.end + 1];
            serde_json::from_slice(quoted).ok()
        } else {
            String::from_utf8(raw.to_vec()).ok()
        }
    }

    /// Member names in RFC 8785 order (UTF-16 code units); byte order when
    /// both are plain ASCII, where the two agree.
    fn name_order(&self, a: &(Range<usize>, bool), b: &(Range<usize>, bool)) -> Option<Ordering> {
        let (ra, rb) = (&self.b[a.0.clone()], &self.b[b.0.clone()]);
        if !a.1 && !b.1 && ra.is_ascii() && rb.is_ascii() {
            return Some(ra.cmp(rb));
        }
        Some(utf16_cmp(&self.decode(a)?, &self.decode(b)?))
    }

    /// A number exactly as ECMAScript's Number.prototype.toString writes it.
    fn number(&mut self) -> Option<()> {
        let start = self.i;
        self.eat(b'-');
        let mut integer = true;
        while let Some(c) = self.peek() {
            match c {
                b'0'..=b'9' => {}
                b'.' | b'e' | b'E' | b'+' | b'-' => integer = false,
                _ => break,
            }
            self.i += 1;
        }
        let token = std::str::from_utf8(&self.b[start..self.i]).ok()?;
        let digits = token.strip_prefix('-').unwrap_or(token);
        if integer && !digits.is_empty() && digits.len() <= 15 {
            // Below 10^15 an integer is written as itself: no leading zero, no "-0".
            return (digits == "0" && token == "0" || !digits.starts_with('0')).then_some(());
        }
        // Anything else must be what JavaScript would write for its value.
        if !is_json_number(token) {
            return None;
        }
        let v: f64 = token.parse().ok()?;
        if !v.is_finite() {
            return None;
        }
        let mut buffer = ryu_js::Buffer::new();
        (buffer.format_finite(v) == token).then_some(())
    }
}

fn lower_hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

/// The JSON number grammar (Rust's f64 parser accepts more, e.g. "1." or "+1").
fn is_json_number(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    // Skips the digits from `i`; false when there are none.
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > from
    };
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn canonical(v: &Value) -> Vec<u8> {
        to_canonical_vec(v).unwrap()
    }

    /// The scanner agrees with serde_jcs: yes exactly when the bytes are
    /// serde_jcs's output for the value they parse to.
    fn agrees(bytes: &[u8]) {
        let reference = match parse_strict(bytes) {
            Ok(v) => to_canonical_vec(&v).is_ok_and(|c| c == bytes),
            Err(_) => false,
        };
        assert_eq!(
            scan_canonical(bytes).is_some(),
            reference,
            "scanner and serde_jcs disagree on {:?}",
            String::from_utf8_lossy(bytes)
        );
    }

    #[test]
    fn serde_jcs_output_is_accepted() {
        for v in [
            json!(null),
            json!(true),
            json!(0),
            json!(-1),
            json!(9007199254740991_i64),
            json!(-9007199254740991_i64),
            json!(1e21),
            json!(0.5),
            json!(1e-7),
            json!(""),
            json!("\u{7f}\u{2028}é\"\\\n\t\u{1}\u{1f}"),
            json!([]),
            json!({}),
            json!({"b": [1, {"z": null, "a": "x"}], "a": {}, "€": 1, "\u{1d11e}": 2, "\u{e000}": 3}),
        ] {
            let bytes = canonical(&v);
            assert!(
                scan_canonical(&bytes).is_some(),
                "{}",
                String::from_utf8_lossy(&bytes)
            );
            agrees(&bytes);
        }
    }

    #[test]
    fn anything_not_canonical_is_refused() {
        for text in [
            r#"{"a":1,"a":2}"#,
            r#"{"b":1,"a":2}"#,
            r#"{ "a":1}"#,
            r#"{"a":1} "#,
            r#"[1 ]"#,
            r#""\u0041""#,
            r#""\u00e9""#,
            r#""\/""#,
            r#""\u000A""#,
            r#""\u000a""#,
            r#""\u001F""#,
            "\"\t\"",
            r#"01"#,
            r#"-0"#,
            r#"1.0"#,
            r#"1E21"#,
            r#"1e21"#,
            r#"1E+21"#,
            r#"100000000000000000000000"#,
            r#"9007199254740993"#,
            r#"0.50"#,
            r#"tru"#,
            r#"{"a":1,}"#,
            r#"[1,]"#,
            r#""#,
            r#"{"a""#,
        ] {
            assert!(scan_canonical(text.as_bytes()).is_none(), "{text}");
            agrees(text.as_bytes());
        }
    }

    #[test]
    fn canonical_numbers_beyond_integers_are_accepted() {
        for text in ["1e+21", "0.5", "1e-7", "123456789012345680000", "-1.5"] {
            assert!(scan_canonical(text.as_bytes()).is_some(), "{text}");
            agrees(text.as_bytes());
        }
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let deep = "[".repeat(100_000);
        assert!(scan_canonical(deep.as_bytes()).is_none());
        assert!(matches!(
            parse_strict(deep.as_bytes()),
            Err(ParseError::NotJson(_))
        ));
    }

    #[test]
    fn top_level_members_are_reported_with_their_spans() {
        let bytes = br#"{"a":[1],"b":"x"}"#;
        let members = scan_canonical(bytes).unwrap();
        assert_eq!(members.len(), 2);
        assert_eq!(&bytes[members[0].span.clone()], br#""a":[1]"#);
        assert_eq!(&bytes[members[1].value.clone()], br#""x""#);
    }

    #[test]
    fn duplicate_names_are_found_at_any_depth() {
        let e = parse_strict(br#"{"a":{"x":1,"y":2,"x":3}}"#).unwrap_err();
        assert!(
            matches!(e, ParseError::DuplicateKey { ref key, .. } if key == "x"),
            "{e:?}"
        );
        // serde_json alone keeps the last value silently.
        let lax: Value = serde_json::from_str(r#"{"x":1,"x":3}"#).unwrap();
        assert_eq!(lax, json!({"x": 3}));
    }

    mod agreement {
        use super::*;
        use proptest::prelude::*;

        fn json() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::Bool),
                any::<i64>().prop_map(|i| json!(i % (1 << 53))),
                any::<f64>()
                    .prop_filter("finite", |f| f.is_finite())
                    .prop_map(|f| json!(f)),
                "\\PC{0,6}".prop_map(Value::String),
                "[\u{0}-\u{1f}\"\\\\/é€\u{1d11e}\u{e000}a-c]{0,4}".prop_map(Value::String),
            ];
            leaf.prop_recursive(4, 32, 6, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                    prop::collection::btree_map(
                        "[a-c€\u{1d11e}\u{e000}\u{ff61}]{0,3}",
                        inner,
                        0..5
                    )
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]

            /// Whatever serde_jcs writes, the scanner accepts.
            #[test]
            fn the_scanner_accepts_serde_jcs_output(v in json()) {
                let bytes = to_canonical_vec(&v).unwrap();
                prop_assert!(scan_canonical(&bytes).is_some(), "{}", String::from_utf8_lossy(&bytes));
            }

            /// After any one-byte change, the scanner and serde_jcs still agree.
            #[test]
            fn the_scanner_agrees_with_serde_jcs_after_a_change(
                v in json(),
                at in any::<prop::sample::Index>(),
                byte in prop_oneof![any::<u8>(), Just(b' '), Just(b'"'), Just(b'\\'), Just(b'0'), Just(b',')],
            ) {
                let mut bytes = to_canonical_vec(&v).unwrap();
                let i = at.index(bytes.len());
                bytes[i] = byte;
                agrees(&bytes);
            }
        }
    }
}
