//! The device PIN: new-PIN rules, sealing and opening stored values, the PIN
//! record, and the growing wait after wrong PINs.

use proptest::prelude::*;
use review_core::vault::*;
use std::time::Duration;

fn vault() -> Vault {
    Vault::from_key([3; 32])
}

const PLACE: &str = "review-together/review/abc";

#[test]
fn a_new_pin_is_six_to_twelve_digits_typed_twice() {
    assert_eq!(check_new_pin("482913", "482913"), Ok(()));
    assert_eq!(check_new_pin("482913000111", "482913000111"), Ok(()));
    assert_eq!(check_new_pin("48291", "48291"), Err(PinError::TooShort));
    assert_eq!(
        check_new_pin("4829130001112", "4829130001112"),
        Err(PinError::TooLong)
    );
    assert_eq!(check_new_pin("48a913", "48a913"), Err(PinError::NotDigits));
    assert_eq!(check_new_pin("", ""), Err(PinError::NotDigits));
    assert_eq!(check_new_pin("٤٨٢٩١٣", "٤٨٢٩١٣"), Err(PinError::NotDigits));
    assert_eq!(check_new_pin("482913", "482914"), Err(PinError::Mismatch));
    assert_eq!(
        PinError::TooShort.to_string(),
        "The PIN must be at least 6 numbers"
    );
    assert_eq!(
        PinError::Mismatch.to_string(),
        "The two PINs are different: enter the same PIN twice"
    );
}

#[test]
fn what_is_sealed_opens_with_the_same_key_in_the_same_place_only() {
    let text = "{\"name\":\"Ayesha Khan\"}";
    let sealed = vault().seal(PLACE, [1; 12], text);
    assert!(is_sealed(&sealed));
    assert!(!sealed.contains("Ayesha"));
    assert_eq!(vault().open(PLACE, &sealed).as_deref(), Ok(text));
    // Another key, another place, or plain text.
    assert_eq!(
        Vault::from_key([4; 32]).open(PLACE, &sealed),
        Err(VaultError::WrongKeyOrDamaged)
    );
    assert_eq!(
        vault().open("review-together/review/other", &sealed),
        Err(VaultError::WrongKeyOrDamaged)
    );
    assert_eq!(vault().open(PLACE, text), Err(VaultError::NotSealed));
    assert!(!is_sealed(text));
}

#[test]
fn every_seal_is_different_even_of_the_same_text() {
    let a = vault().seal(PLACE, [1; 12], "same");
    let b = vault().seal(PLACE, [2; 12], "same");
    assert_ne!(a, b);
    assert_eq!(vault().open(PLACE, &b).as_deref(), Ok("same"));
}

#[test]
fn any_changed_character_of_a_sealed_value_is_refused() {
    let sealed = vault().seal(PLACE, [9; 12], "the carer's own words");
    let bytes = sealed.as_bytes();
    for i in "rt-sealed-v1:".len()..bytes.len() {
        for replacement in [b'A', b'_', b'.'] {
            if bytes[i] == replacement {
                continue;
            }
            let mut changed = bytes.to_vec();
            changed[i] = replacement;
            let changed = String::from_utf8(changed).unwrap();
            assert!(
                vault().open(PLACE, &changed).is_err(),
                "changing byte {i} to {} was not noticed",
                replacement as char
            );
        }
    }
}

#[test]
fn the_pin_record_checks_a_pin_without_holding_it() {
    let record = VaultRecord::new(&vault(), &[5; SALT_BYTES], PBKDF2_ITERATIONS, [6; 12]);
    assert_eq!(record.iterations, 600_000);
    assert_eq!(record.salt_bytes(), Some(vec![5; SALT_BYTES]));
    let stored = record.encode();
    let read = VaultRecord::decode(&stored).unwrap();
    assert_eq!(read, record);
    assert!(read.accepts(&vault()));
    assert!(!read.accepts(&Vault::from_key([4; 32])));
    assert!(matches!(
        VaultRecord::decode("not json"),
        Err(VaultError::BadRecord(_))
    ));
    let newer = stored.replace("\"version\":1", "\"version\":2");
    assert!(matches!(
        VaultRecord::decode(&newer),
        Err(VaultError::BadRecord(_))
    ));
    let no_salt = stored.replace(&record.salt, "");
    assert!(VaultRecord::decode(&no_salt).is_err());
}

#[test]
fn wrong_pins_make_a_growing_wait_that_survives_a_reload() {
    assert_eq!(wait_after(0), Duration::ZERO);
    assert_eq!(wait_after(2), Duration::ZERO);
    assert_eq!(wait_after(3), Duration::from_secs(30));
    assert_eq!(wait_after(4), Duration::from_secs(60));
    assert_eq!(wait_after(7), Duration::from_secs(480));
    assert_eq!(wait_after(8), Duration::from_secs(900));
    assert_eq!(wait_after(1000), Duration::from_secs(900));

    let now = 1_000_000;
    let mut attempts = PinAttempts::default();
    for _ in 0..3 {
        attempts = attempts.failed(now);
    }
    assert_eq!(attempts.wait_ms(now), 30_000);
    assert_eq!(attempts.wait_ms(now + 30_000), 0);
    // Stored and read back (a reload) the wait is the same.
    let again = PinAttempts::decode(&attempts.encode(), now);
    assert_eq!(again, attempts);
    // A tampered count does not reset the wait: it is the longest.
    let tampered = PinAttempts::decode("{}garbage", now);
    assert_eq!(tampered.wait_ms(now), 900_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Opening never panics, whatever is stored.
    #[test]
    fn opening_anything_never_panics(stored in ".{0,200}", tail in "[A-Za-z0-9_.-]{0,120}") {
        let _ = vault().open(PLACE, &stored);
        let _ = vault().open(PLACE, &format!("rt-sealed-v1:{tail}"));
        let _ = VaultRecord::decode(&stored);
        let _ = PinAttempts::decode(&stored, 0);
    }

    /// Whatever text is sealed comes back exactly.
    #[test]
    fn sealing_round_trips(text in "\\PC{0,300}", nonce in any::<[u8; 12]>()) {
        let sealed = vault().seal(PLACE, nonce, &text);
        prop_assert_eq!(vault().open(PLACE, &sealed), Ok(text));
    }
}
