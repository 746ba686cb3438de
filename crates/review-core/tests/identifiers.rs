//! The numbers a records system matches a review by (issue 27, point 1):
//! the team's references for the carer and the person cared for in the
//! shape its configuration gives, their NHS numbers and dates of birth, the
//! worker's staff ID and the organisation's ODS code — asked, checked with
//! messages that say what is wrong, shown on the check page and written
//! into the summary only when they are right.

mod common;

use common::*;
use review_core::summary::Summary;
use review_core::team::IdentifierRule;
use review_core::*;
use serde_json::{json, Value};

fn case_reference(required: bool) -> IdentifierRule {
    IdentifierRule {
        id: "case-ref".into(),
        label: "Case reference".into(),
        format: "AA-999999".into(),
        required,
        hint: Some("On the front of the case file".into()),
    }
}

fn reference(id: &str, value: &str) -> Command {
    Command::SetReference {
        id: id.into(),
        rule: "case-ref".into(),
        value: value.into(),
    }
}

fn nhs(id: &str, text: &str) -> Command {
    Command::SetNhsNumber {
        id: id.into(),
        text: text.into(),
    }
}

fn born(id: &str, text: &str) -> Command {
    Command::SetDateOfBirth {
        id: id.into(),
        text: text.into(),
    }
}

/// The review with the people of part one and the team's rules taken.
fn with_rules(required: bool) -> Review {
    with_applied(
        part_one_complete(),
        [Command::UseReferenceRules {
            rules: vec![case_reference(required)],
        }],
    )
}

fn records_errors(review: &Review, id: &str) -> Vec<String> {
    let p = review.participant(id).expect("a participant");
    validate::participant_records(review, p)
        .into_iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect()
}

#[test]
fn the_worker_and_organisation_come_from_the_devices_settings() {
    let given = DeviceSettings {
        ods_code: " 8hn21 ".into(),
        staff_id: " SW 4471 ".into(),
        ..settings()
    };
    let r = Review::new(
        REVIEW.into(),
        created(),
        &given,
        WORKER.into(),
        INDIVIDUAL.into(),
    );
    assert_eq!(r.ods_code, "8HN21");
    let worker = r.participant(WORKER).unwrap();
    assert_eq!(worker.staff_id_given(), Some("SW 4471"));
    // An ODS code the settings page would not have saved is not copied.
    let wrong = DeviceSettings {
        ods_code: "8-HN".into(),
        ..settings()
    };
    let r = Review::new(
        REVIEW.into(),
        created(),
        &wrong,
        WORKER.into(),
        INDIVIDUAL.into(),
    );
    assert_eq!(r.ods_code, "");
}

#[test]
fn references_are_asked_of_the_carer_and_the_person_cared_for_only() {
    let mut r = with_rules(false);
    apply_all(
        &mut r,
        [
            reference(CARER, " ab-123456 "),
            nhs(INDIVIDUAL, "943 476 5919"),
        ],
    );
    assert_eq!(
        r.participant(CARER)
            .unwrap()
            .references_given()
            .collect::<Vec<_>>(),
        [("case-ref", "ab-123456")]
    );
    assert_eq!(
        r.participant(INDIVIDUAL).unwrap().nhs_number,
        "943 476 5919"
    );
    for command in [
        reference(WORKER, "AB-123456"),
        nhs(WORKER, "9434765919"),
        born(WORKER, "1980-01-01"),
    ] {
        assert_refused_unchanged(&mut r, command, DomainError::NotAskedOfRole);
    }
    let staff = Command::SetStaffId {
        id: CARER.into(),
        text: "1".into(),
    };
    assert_refused_unchanged(&mut r, staff, DomainError::NotAskedOfRole);
    let unknown = Command::SetReference {
        id: CARER.into(),
        rule: "nhs-trust-ref".into(),
        value: "1".into(),
    };
    assert_refused_unchanged(&mut r, unknown, DomainError::UnknownReference);
    // Cleared by an empty value.
    apply_all(&mut r, [reference(CARER, "  ")]);
    assert!(r.participant(CARER).unwrap().references.is_empty());
}

#[test]
fn the_teams_rules_do_not_change_under_a_reference_given() {
    let mut r = with_rules(false);
    // Taken again as they are, or changed while nothing is given: fine.
    apply_all(
        &mut r,
        [
            Command::UseReferenceRules {
                rules: vec![case_reference(true)],
            },
            reference(CARER, "AB-123456"),
            Command::UseReferenceRules {
                rules: vec![case_reference(true)],
            },
        ],
    );
    let changed = Command::UseReferenceRules {
        rules: vec![IdentifierRule {
            format: "999999".into(),
            ..case_reference(true)
        }],
    };
    assert_refused_unchanged(&mut r, changed, DomainError::ReferencesGiven);
}

#[test]
fn each_number_says_what_is_wrong_with_it() {
    let mut r = with_rules(true);
    assert_eq!(
        records_errors(&r, CARER),
        ["reference-case-ref: Enter Ayesha Hughes' case reference"]
    );
    assert_eq!(
        records_errors(&r, WORKER),
        Vec::<String>::new(),
        "not asked of the worker"
    );
    let cases: [(Command, &str); 9] = [
        (
            reference(CARER, "AB123456"),
            "reference-case-ref: Ayesha Hughes' case reference must look like AA-999999, where A is a letter and 9 a digit",
        ),
        (
            nhs(CARER, "943 476 591"),
            "nhs-number: Ayesha Hughes' NHS number must have 10 digits; this has 9",
        ),
        (
            nhs(CARER, "94347659190"),
            "nhs-number: Ayesha Hughes' NHS number must have 10 digits; this has 11",
        ),
        (
            nhs(CARER, "943 476 5918"),
            "nhs-number: Ayesha Hughes' NHS number is not a valid NHS number: a digit may be wrong or two swapped, so check it against a letter from the NHS",
        ),
        (
            nhs(CARER, "943-476-5919"),
            "nhs-number: Ayesha Hughes' NHS number can only have digits and spaces",
        ),
        (
            born(CARER, "2026-11-25"),
            "date-of-birth: Ayesha Hughes' date of birth must be on or before the day of the review",
        ),
        (
            born(CARER, "1900-01-01"),
            "date-of-birth: Ayesha Hughes' date of birth must give an age from 0 to 120 on the day of the review",
        ),
        (
            born(CARER, "2001-02-29"),
            "date-of-birth: Ayesha Hughes' date of birth must be a real date, for example 27 3 1958",
        ),
        (
            born(CARER, "not a date"),
            "date-of-birth: Ayesha Hughes' date of birth must be a real date, for example 27 3 1958",
        ),
    ];
    for (command, message) in cases {
        let mut r = with_applied(r.clone(), [reference(CARER, "AB-123456"), command]);
        if message.starts_with("reference") {
            apply_all(&mut r, [reference(CARER, "AB123456")]);
        }
        assert_eq!(records_errors(&r, CARER), [message]);
        // Who is here says the first of them on the person's card.
        assert!(validate::who_is_here(&r)
            .iter()
            .any(|e| e.message == message.split_once(": ").unwrap().1));
    }
    // Right, each of them: nothing to say.
    apply_all(
        &mut r,
        [
            reference(CARER, "AB-123456"),
            nhs(CARER, " 943 476 5919 "),
            born(CARER, "1974-05-14"),
        ],
    );
    assert_eq!(records_errors(&r, CARER), Vec::<String>::new());
}

#[test]
fn an_age_must_agree_with_the_date_of_birth() {
    // The review started on 24 November 2026.
    let mut r = with_rules(false);
    apply_all(
        &mut r,
        [
            born(CARER, "2009-11-25"),
            Command::SetAge {
                id: CARER.into(),
                age: Some(17),
            },
        ],
    );
    assert_eq!(
        records_errors(&r, CARER),
        ["age: Ayesha Hughes' age (17) does not match their date of birth: on the day of the review they were 16. Correct one of them"]
    );
    apply_all(&mut r, [born(CARER, "2009-11-24")]);
    assert_eq!(records_errors(&r, CARER), Vec::<String>::new());
}

fn with_numbers(mut r: Review) -> Review {
    r.ods_code = "8HN21".into();
    r.reference_rules = vec![case_reference(true)];
    for p in &mut r.participants {
        match p.role {
            Role::Worker => p.staff_id = "SW 4471".into(),
            Role::Carer => {
                p.references.insert("case-ref".into(), "ab-123456".into());
                p.nhs_number = "401 023 2137".into();
            }
            Role::Individual => {
                p.nhs_number = "943 476 5919".into();
                p.date_of_birth = "1948-03-27".into();
            }
            _ => {}
        }
    }
    r
}

fn summary_json(r: &Review) -> Value {
    let s = Summary::from_review(
        r,
        SUMMARY_ID,
        "0.1.0",
        "en-GB",
        &at("2026-11-24T12:05:00+00:00"),
    )
    .expect("a summary");
    serde_json::to_value(&s).unwrap()
}

fn participant_json<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .expect("the participant")
}

#[test]
fn the_summary_holds_each_number_as_records_systems_write_it() {
    let doc = summary_json(&with_numbers(signed_off_review()));
    assert_eq!(doc["odsCode"], "8HN21");
    assert_eq!(participant_json(&doc, WORKER)["staffId"], "SW 4471");
    let carer = participant_json(&doc, CARER);
    assert_eq!(
        carer["references"],
        json!([{"id": "case-ref", "label": "Case reference", "value": "ab-123456"}])
    );
    assert_eq!(carer["nhsNumber"], "4010232137");
    assert!(carer.get("dateOfBirth").is_none());
    let individual = participant_json(&doc, INDIVIDUAL);
    assert_eq!(individual["nhsNumber"], "9434765919");
    assert_eq!(individual["dateOfBirth"], "1948-03-27");
    assert!(
        individual.get("references").is_none(),
        "none given for Joan"
    );
    // The summary is valid against the published schema.
    let shipped = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../public/schema/summary-v2.json"),
    )
    .unwrap();
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&serde_json::from_str(&shipped).unwrap())
        .unwrap();
    let problems: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_review_without_numbers_gives_a_summary_without_them() {
    let doc = summary_json(&signed_off_review());
    assert!(doc.get("odsCode").is_none());
    for p in doc["participants"].as_array().unwrap() {
        for member in ["references", "nhsNumber", "dateOfBirth", "staffId"] {
            assert!(p.get(member).is_none(), "{member} in {p}");
        }
    }
}

#[test]
fn a_number_that_is_not_right_never_reaches_the_summary() {
    let mut r = with_numbers(signed_off_review());
    for p in &mut r.participants {
        p.nhs_number = "943 476 5918".into();
        p.date_of_birth = "1948-02-30".into();
    }
    let doc = summary_json(&r);
    for p in doc["participants"].as_array().unwrap() {
        assert!(
            p.get("nhsNumber").is_none() && p.get("dateOfBirth").is_none(),
            "{p}"
        );
    }
}

#[test]
fn the_check_page_shows_the_numbers_for_the_records() {
    let r = with_numbers(signed_off_review());
    let rows = review_core::check::rows_of(&r, review_core::progress::Part::WhoIsHere);
    let said = |role: &str| {
        rows.iter()
            .find(|row| row.key == role)
            .map(|row| row.value.clone())
            .unwrap_or_default()
    };
    assert!(
        said("Social care worker")
            .ends_with("For the records: Staff ID SW 4471; organisation ODS code 8HN21."),
        "{}",
        said("Social care worker")
    );
    assert!(
        said("Carer")
            .ends_with("For the records: Case reference ab-123456; NHS number 401 023 2137."),
        "{}",
        said("Carer")
    );
    assert!(
        said("Person being cared for")
            .ends_with("For the records: NHS number 943 476 5919; born 27 March 1948."),
        "{}",
        said("Person being cared for")
    );
}
