//! Browser units, run by wasm-bindgen-test in headless Chromium:
//! the storage adapter against real localStorage, and the ARIA wiring of the
//! form components. (A native `cargo test` compiles this file out.)
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use review_core::{draft, DeviceSettings, Review};
use review_together::browser::{clock, storage};
use review_together::components::{Choice, ErrorSummary, Radios, TextInput};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn sample_review() -> Review {
    let settings = DeviceSettings {
        organisation: "Northshire Council".into(),
        team: "Carers".into(),
        worker_name: "Sam Patel".into(),
        worker_role: "Worker".into(),
        ..Default::default()
    };
    Review::new(
        clock::new_id(),
        clock::now(),
        &settings,
        clock::new_id(),
        clock::new_id(),
    )
}

/// A fresh element to mount a component into.
fn host() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn attr(id: &str, name: &str) -> Option<String> {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.get_attribute(name))
}

#[wasm_bindgen_test]
fn a_saved_review_loads_back_identical_and_is_listed() {
    local().clear().unwrap();
    let review = sample_review();
    storage::save_review(&review).unwrap();
    assert_eq!(
        storage::load_review(&review.id).unwrap(),
        Some(review.clone())
    );
    let listed = storage::list_reviews();
    assert_eq!(listed, vec![Ok(review)]);
}

// The quick path of autosave (`store_review` skips reading back what this
// tab last wrote) never skips the revision guard: any other write between
// two of ours, or a removal, is still found and refused.

#[wasm_bindgen_test]
fn writes_in_a_row_each_store_the_next_revision() {
    local().clear().unwrap();
    let mut review = sample_review();
    let mut base = 0;
    for n in 1..=3 {
        review.team = format!("Carers {n}");
        base = storage::store_review(&review, base).unwrap();
        assert_eq!(base, n);
        let stored = local()
            .get_item(&draft::review_key(&review.id))
            .unwrap()
            .unwrap();
        assert_eq!(
            draft::decode_review_at(&stored).unwrap(),
            (review.clone(), n)
        );
    }
    assert_eq!(storage::list_reviews(), vec![Ok(review)]);
}

#[wasm_bindgen_test]
fn a_write_after_another_tabs_write_is_refused_and_theirs_kept() {
    local().clear().unwrap();
    let review = sample_review();
    let key = draft::review_key(&review.id);
    assert_eq!(storage::store_review(&review, 0), Ok(1));
    // Another tab stores its change at revision 2.
    let mut theirs = review.clone();
    theirs.team = "Changed in another tab".into();
    let their_text = draft::encode_review_at(&theirs, 2);
    local().set_item(&key, &their_text).unwrap();
    assert!(matches!(
        storage::store_review(&review, 1),
        Err(storage::StorageError::Refused(
            draft::WriteRefused::ChangedElsewhere { stored: 2, base: 1 }
        ))
    ));
    assert_eq!(local().get_item(&key).unwrap(), Some(their_text));
}

#[wasm_bindgen_test]
fn a_review_removed_since_this_tabs_last_write_is_not_written_back() {
    local().clear().unwrap();
    let review = sample_review();
    let key = draft::review_key(&review.id);
    assert_eq!(storage::store_review(&review, 0), Ok(1));
    local().remove_item(&key).unwrap();
    assert!(matches!(
        storage::store_review(&review, 1),
        Err(storage::StorageError::Refused(draft::WriteRefused::Removed))
    ));
    assert_eq!(local().get_item(&key).unwrap(), None);
}

#[wasm_bindgen_test]
fn a_review_stored_without_an_index_entry_is_still_listed() {
    // The tablet could die between writing the review and writing the index.
    local().clear().unwrap();
    let review = sample_review();
    local()
        .set_item(
            &draft::review_key(&review.id),
            &draft::encode_review(&review),
        )
        .unwrap();
    assert_eq!(storage::list_reviews(), vec![Ok(review)]);
}

#[wasm_bindgen_test]
fn an_unreadable_review_is_reported_and_left_exactly_as_it_was() {
    local().clear().unwrap();
    let key = draft::review_key("damaged");
    let raw = r#"{"version":1,"kind":"review","data":{"id":7}}"#;
    local().set_item(&key, raw).unwrap();
    let err = storage::load_review("damaged").unwrap_err();
    assert_eq!(err.key, key);
    assert!(matches!(err.error, draft::DraftError::Damaged(_)));
    assert_eq!(storage::list_reviews().len(), 1);
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(raw));
    assert_eq!(storage::raw(&key).as_deref(), Some(raw));
}

#[wasm_bindgen_test]
fn deleting_a_review_removes_it_and_its_index_entry() {
    local().clear().unwrap();
    let (a, b) = (sample_review(), sample_review());
    storage::save_review(&a).unwrap();
    storage::save_review(&b).unwrap();
    storage::delete_review(&a.id).unwrap();
    assert_eq!(storage::list_reviews(), vec![Ok(b.clone())]);
    let index =
        draft::decode_index(&local().get_item(&draft::index_key()).unwrap().unwrap()).unwrap();
    assert_eq!(index, vec![b.id]);
}

#[wasm_bindgen_test]
fn unreadable_settings_fall_back_to_empty_and_stay_stored() {
    local().clear().unwrap();
    local()
        .set_item(&draft::settings_key(), "not json")
        .unwrap();
    assert!(storage::load_settings().is_err());
    assert_eq!(
        local().get_item(&draft::settings_key()).unwrap().as_deref(),
        Some("not json")
    );
    // Saving new settings keeps the unreadable ones aside rather than losing them.
    let fresh = DeviceSettings {
        organisation: "Northshire Council".into(),
        worker_name: "Sam Patel".into(),
        ..Default::default()
    };
    storage::save_settings(&fresh).unwrap();
    assert_eq!(storage::load_settings(), Ok(fresh));
    assert_eq!(
        local()
            .get_item(&draft::kept_aside_key("settings"))
            .unwrap()
            .as_deref(),
        Some("not json")
    );
}

#[wasm_bindgen_test]
fn new_ids_are_distinct_version_4_uuids() {
    let (a, b) = (clock::new_id(), clock::new_id());
    assert_ne!(a, b);
    assert_eq!(a.len(), 36);
    assert_eq!(&a[14..15], "4");
}

#[wasm_bindgen_test]
async fn a_text_input_with_an_error_is_marked_invalid_and_described_by_it() {
    let error = RwSignal::new(None::<String>);
    let _mounted = leptos::mount::mount_to(host(), move || {
        view! {
            <TextInput id="carer-name" label="Name" hint="As they like to be called"
                value=Signal::derive(|| "Ayesha".to_string()) error=error
                on_input=Callback::new(|_: String| {}) />
        }
    });
    leptos::task::tick().await;
    assert_eq!(attr("carer-name", "aria-invalid"), None);
    assert_eq!(
        attr("carer-name", "aria-describedby").as_deref(),
        Some("carer-name-hint")
    );
    error.set(Some("Enter the carer's name".into()));
    leptos::task::tick().await;
    assert_eq!(attr("carer-name", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        attr("carer-name", "aria-describedby").as_deref(),
        Some("carer-name-hint carer-name-error")
    );
    let message = document().get_element_by_id("carer-name-error").unwrap();
    assert_eq!(
        message.text_content().unwrap(),
        "Error: Enter the carer's name"
    );
    let label = document()
        .query_selector("label[for=carer-name]")
        .unwrap()
        .unwrap();
    assert_eq!(label.text_content().unwrap(), "Name");
}

#[wasm_bindgen_test]
async fn radios_put_the_group_id_on_the_first_option_and_report_choices() {
    let chosen = RwSignal::new(None::<u8>);
    let _mounted = leptos::mount::mount_to(host(), move || {
        view! {
            <Radios id="depth-test" legend="How deep?"
                choices=vec![Choice::new(1u8, "light", "Light"), Choice::new(2u8, "full", "Full")]
                value=chosen on_change=Callback::new(move |v| chosen.set(Some(v))) />
        }
    });
    leptos::task::tick().await;
    let second: web_sys::HtmlInputElement = document()
        .get_element_by_id("depth-test-full")
        .unwrap()
        .unchecked_into();
    assert!(document().get_element_by_id("depth-test").is_some());
    second.click();
    leptos::task::tick().await;
    assert_eq!(chosen.get_untracked(), Some(2));
    assert!(second.checked());
    let legend = document()
        .query_selector("fieldset legend")
        .unwrap()
        .unwrap();
    assert_eq!(legend.text_content().unwrap(), "How deep?");
}

#[wasm_bindgen_test]
async fn the_error_summary_takes_focus_and_its_links_focus_the_field() {
    use review_core::validate::FieldError;
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let _mounted = leptos::mount::mount_to(host(), move || {
        view! {
            <ErrorSummary errors=errors />
            <input id="summary-target" type="text" />
        }
    });
    leptos::task::tick().await;
    assert!(document()
        .query_selector(".app-error-summary")
        .unwrap()
        .is_none());
    errors.set(vec![FieldError {
        field: "summary-target".into(),
        message: "Enter the organisation".into(),
        attention: false,
    }]);
    leptos::task::tick().await;
    let summary = document()
        .query_selector(".app-error-summary")
        .unwrap()
        .unwrap();
    assert_eq!(document().active_element().as_ref(), Some(&summary));
    assert!(summary.query_selector("[role=alert]").unwrap().is_some());
    let link: web_sys::HtmlElement = summary
        .query_selector("a")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(link.text_content().unwrap(), "Enter the organisation");
    link.click();
    assert_eq!(
        document().active_element().map(|e| e.id()),
        Some("summary-target".to_string())
    );
}

// ---- The signing key the browser keeps ---------------------------------------------

mod signing_key {
    use super::local;
    use review_core::draft;
    use review_core::summary::keys::Signature;
    use review_core::summary::{encode_stored_key, KeyGuard, PublicJwk, SigningKey};
    use review_core::vault::Vault;
    use review_together::browser::device_key::{self, Made, Trouble, Wrap};
    use review_together::browser::idb;
    use review_together::signing::{self, KeyState};
    use wasm_bindgen_test::*;

    fn checks(jwk: &PublicJwk, input: &[u8], signature: &[u8; 64]) -> bool {
        jwk.verifying_key()
            .unwrap()
            .verify_strict(input, &Signature::from_bytes(signature))
            .is_ok()
    }

    fn pin(key: u8, salt: &str) -> Wrap {
        Wrap::Pin {
            vault: Box::new(Vault::from_key([key; 32])),
            salt: salt.into(),
        }
    }

    async fn fresh() {
        local().clear().unwrap();
        idb::delete_database().await.unwrap();
    }

    /// Made once, signs, and follows the PIN: wrapped under a PIN's key it
    /// signs only with that key, and a change of PIN wraps it again.
    #[wasm_bindgen_test]
    async fn the_key_is_made_once_signs_and_is_wrapped_again_when_the_pin_changes() {
        fresh().await;
        let Made::Kept(jwk) = device_key::make(Wrap::Device).await.unwrap() else {
            panic!("this Chromium has WebCrypto Ed25519");
        };
        assert_eq!(
            device_key::make(Wrap::Device).await.unwrap(),
            Made::Kept(jwk.clone()),
            "one key per device"
        );
        assert_eq!(
            device_key::public_copy(),
            Some(Ok((jwk.clone(), KeyGuard::Browser)))
        );
        let input = b"eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ".to_vec();
        let signature = device_key::sign(input.clone(), vec![]).await.unwrap();
        assert!(checks(&jwk, &input, &signature));

        // A PIN is set: the key is wrapped under its key.
        let first = Vault::from_key([5; 32]);
        assert_eq!(
            device_key::rewrap(pin(5, "salt-1"), vec![]).await,
            Ok(Some(jwk.clone()))
        );
        assert_eq!(
            device_key::public_copy(),
            Some(Ok((jwk.clone(), KeyGuard::BrowserPin)))
        );
        assert!(matches!(
            device_key::sign(input.clone(), vec![]).await,
            Err(Trouble::Unusable(_))
        ));
        let signature = device_key::sign(input.clone(), vec![("salt-1".into(), first.clone())])
            .await
            .unwrap();
        assert!(checks(&jwk, &input, &signature));

        // The PIN is changed: opened with the old key, wrapped under the new.
        assert_eq!(
            device_key::rewrap(pin(6, "salt-2"), vec![("salt-1".into(), first.clone())]).await,
            Ok(Some(jwk.clone()))
        );
        assert!(matches!(
            device_key::sign(input.clone(), vec![("salt-1".into(), first)]).await,
            Err(Trouble::Unusable(_))
        ));
        let second = Vault::from_key([6; 32]);
        let signature = device_key::sign(input.clone(), vec![("salt-2".into(), second)])
            .await
            .unwrap();
        assert!(checks(&jwk, &input, &signature));

        // Put aside, it is no longer the device's key.
        device_key::put_aside().await.unwrap();
        assert_eq!(device_key::public().await, Ok(None));
        fresh().await;
    }

    /// A key that cannot be used (here: the device's own key that wraps it
    /// is not a key) is put aside, both kept, and a new key can be made.
    #[wasm_bindgen_test]
    async fn a_key_that_cannot_be_used_is_put_aside_for_a_new_one() {
        fresh().await;
        let Made::Kept(old) = device_key::make(Wrap::Device).await.unwrap() else {
            panic!("this Chromium has WebCrypto Ed25519");
        };
        idb::write(&[(device_key::DEVICE_KEK, Some(&"not a key".into()))])
            .await
            .unwrap();
        assert!(matches!(
            device_key::sign(b"x".to_vec(), vec![]).await,
            Err(Trouble::Unusable(_))
        ));
        device_key::put_aside().await.unwrap();
        let Made::Kept(new) = device_key::make(Wrap::Device).await.unwrap() else {
            panic!("made");
        };
        assert_ne!(new, old);
        let signature = device_key::sign(b"x".to_vec(), vec![]).await.unwrap();
        assert!(checks(&new, b"x", &signature));
        fresh().await;
    }

    /// A key an earlier version kept as text moves into the browser at the
    /// next start: same key (same fingerprint), every readable copy as text
    /// removed, an unreadable copy left as it is.
    #[wasm_bindgen_test]
    async fn a_key_kept_as_text_moves_into_the_browser_and_its_copies_go() {
        fresh().await;
        let old = SigningKey::from_seed([7; 32]);
        local()
            .set_item(&draft::signing_key_key(), &encode_stored_key(&old))
            .unwrap();
        let aside = draft::kept_aside_key("signing-key");
        local()
            .set_item(&aside, &encode_stored_key(&SigningKey::from_seed([8; 32])))
            .unwrap();
        let unreadable = format!("{aside}/later");
        local().set_item(&unreadable, "not a key").unwrap();

        signing::settle().await.unwrap();
        assert_eq!(
            device_key::public().await,
            Ok(Some((old.public_jwk(), KeyGuard::Browser)))
        );
        assert!(matches!(
            signing::key_state(),
            KeyState::Ready { jwk, guard: KeyGuard::Browser } if jwk.thumbprint() == old.fingerprint()
        ));
        assert_eq!(local().get_item(&draft::signing_key_key()).unwrap(), None);
        assert_eq!(local().get_item(&aside).unwrap(), None);
        assert_eq!(
            local().get_item(&unreadable).unwrap().as_deref(),
            Some("not a key")
        );
        let input = b"header.payload".to_vec();
        let signature = device_key::sign(input.clone(), vec![]).await.unwrap();
        assert!(checks(&old.public_jwk(), &input, &signature));
        fresh().await;
    }
}

/// Deployments in a folder (issue 20): an address a redirect carried after
/// `#` comes back only into its own folder.
#[wasm_bindgen_test]
fn an_address_comes_back_only_into_its_own_folder() {
    use review_together::browser::deployment::{carried_address as back, folder_of};
    assert_eq!(
        back("/test/", "/test/", "#/test/review/a?b=c"),
        Some("/test/review/a?b=c".into())
    );
    assert_eq!(back("/", "/", "#/review/a"), Some("/review/a".into()));
    assert_eq!(
        back("/", "/index.html", "#/settings"),
        Some("/settings".into())
    );
    // Not at the folder itself, another folder, another origin, not a path.
    assert_eq!(back("/test/", "/test/review/a", "#/test/x"), None);
    assert_eq!(back("/test/", "/test/", "#/live/review/a"), None);
    assert_eq!(back("/", "/", "#//evil.example/x"), None);
    assert_eq!(back("/", "/", "#main-content"), None);
    assert_eq!(back("/", "/", ""), None);
    assert_eq!(folder_of("/test/boot.js"), "/test/");
    assert_eq!(folder_of("/boot.js"), "/");
}
