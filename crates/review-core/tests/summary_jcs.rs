//! Our canonical bytes against the examples of RFC 8785 (JSON
//! Canonicalization Scheme): member order by UTF-16 code units, string
//! escaping, and ECMAScript number formatting. Each expected output is also
//! accepted by our canonical-form check, and each input is refused by it.

use review_core::summary::{is_canonical, parse_strict, to_canonical_vec, utf16_cmp};
use serde_json::Value;
use std::cmp::Ordering;

fn jcs(input: &str) -> String {
    let value = parse_strict(input.as_bytes()).expect("the example is JSON");
    String::from_utf8(to_canonical_vec(&value).unwrap()).unwrap()
}

/// RFC 8785 §3.2.2, the example of "Sorting of Object Properties" input and
/// its canonical form (with literals, numbers and string escapes).
#[test]
fn rfc_8785_section_3_2_2_example() {
    let input = r#"{
  "numbers": [333333333.33333329, 1E30, 4.50,
              2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}"#;
    let expected = r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#;
    assert_eq!(jcs(input), expected);
    assert!(is_canonical(expected.as_bytes()));
    assert!(!is_canonical(input.as_bytes()));
}

/// RFC 8785 §3.2.3: member names sort by their UTF-16 code units, so the
/// emoji (a surrogate pair, D83D DE00) comes before U+FB33.
#[test]
fn rfc_8785_section_3_2_3_sorting() {
    let input = r#"{
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
}"#;
    let out = jcs(input);
    let value: Value = serde_json::from_str(&out).unwrap();
    let expected_values = [
        "Carriage Return",
        "One",
        "Control",
        "Latin Small Letter O With Diaeresis",
        "Euro Sign",
        "Emoji: Grinning Face",
        "Hebrew Letter Dalet With Dagesh",
    ];
    let in_order: Vec<&str> = out
        .split("\":\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    assert_eq!(in_order, expected_values, "{out}");
    assert_eq!(value.as_object().unwrap().len(), 7);
    assert!(
        out.starts_with(r#"{"\r":"Carriage Return","1":"One","#),
        "{out}"
    );
    assert!(is_canonical(out.as_bytes()));
    assert_eq!(utf16_cmp("\u{1f600}", "\u{fb33}"), Ordering::Less);
    // Code point (and UTF-8) order would say the opposite.
    assert!("\u{1f600}" > "\u{fb33}");
}

/// RFC 8785 appendix B: IEEE 754 doubles and their canonical text.
#[test]
fn rfc_8785_appendix_b_numbers() {
    let cases: [(u64, &str); 22] = [
        (0x0000000000000000, "0"),
        (0x8000000000000000, "0"),
        (0x0000000000000001, "5e-324"),
        (0x8000000000000001, "-5e-324"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0xffefffffffffffff, "-1.7976931348623157e+308"),
        (0x4340000000000000, "9007199254740992"),
        (0xc340000000000000, "-9007199254740992"),
        (0x4430000000000000, "295147905179352830000"),
        (0x44b52d02c7e14af5, "9.999999999999997e+22"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x44b52d02c7e14af7, "1.0000000000000001e+23"),
        (0x444b1ae4d6e2ef4e, "999999999999999700000"),
        (0x444b1ae4d6e2ef4f, "999999999999999900000"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"),
        (0x3eb0c6f7a0b5ed8d, "0.000001"),
        (0x41b3de4355555553, "333333333.3333332"),
        (0x41b3de4355555554, "333333333.33333325"),
        (0x41b3de4355555555, "333333333.3333333"),
        (0x41b3de4355555556, "333333333.3333334"),
        (0x41b3de4355555557, "333333333.33333343"),
    ];
    for (bits, expected) in cases {
        let value = serde_json::json!([f64::from_bits(bits)]);
        let out = String::from_utf8(to_canonical_vec(&value).unwrap()).unwrap();
        assert_eq!(out, format!("[{expected}]"), "{bits:016x}");
        assert!(
            is_canonical(expected.as_bytes()) || expected == "0",
            "{expected}"
        );
    }
    let more: [(u64, &str); 2] = [
        (0xbecbf647612f3696, "-0.0000033333333333333333"),
        (0x43143ff3c1cb0959, "1424953923781206.2"),
    ];
    for (bits, expected) in more {
        let out = String::from_utf8(to_canonical_vec(&f64::from_bits(bits)).unwrap()).unwrap();
        assert_eq!(out, expected, "{bits:016x}");
    }
    // NaN and infinities have no JSON form.
    assert!(to_canonical_vec(&f64::NAN).is_err());
    assert!(to_canonical_vec(&f64::INFINITY).is_err());
}

/// Integers: the only numbers a summary holds. Within ±2^53 they are
/// written as themselves; "-0", leading zeros, "1.0" and exponents are not
/// canonical.
#[test]
fn integers_are_written_as_themselves() {
    for i in [
        0_i64,
        1,
        -1,
        20,
        4_294_967_295,
        9_007_199_254_740_991,
        -9_007_199_254_740_991,
    ] {
        let out = String::from_utf8(to_canonical_vec(&i).unwrap()).unwrap();
        assert_eq!(out, i.to_string());
        assert!(is_canonical(out.as_bytes()));
    }
    for text in ["-0", "01", "1.0", "1e0", "20.0", "2E1"] {
        assert!(!is_canonical(text.as_bytes()), "{text}");
    }
}

/// Strings: only `"`, `\` and control characters are escaped, with the
/// short forms where JSON has them and `\u00xx` in lower case otherwise;
/// everything else (including U+007F and U+2028) is written as UTF-8.
#[test]
fn strings_are_escaped_as_rfc_8785_says() {
    let s = "\u{0}\u{8}\t\n\u{b}\u{c}\r\u{1f} \"\\/\u{7f}\u{2028}é😀";
    let out = String::from_utf8(to_canonical_vec(&s).unwrap()).unwrap();
    assert_eq!(
        out,
        "\"\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f \\\"\\\\/\u{7f}\u{2028}é😀\""
    );
    assert!(is_canonical(out.as_bytes()));
}
