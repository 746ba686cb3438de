//! A large review, for `scripts/bench` (issue 19): the preparation of the
//! tests' fixture (`tests/common`), then 50 criteria rated by 5 people,
//! 200 evidence notes, and 30 services with a point in each of their lists.
//! Built with the same commands the app sends, so it is a review the app
//! could have made.
//!
//! Prints one JSON object: `{ "id", "key", "stored" }` — the localStorage key
//! and the text the app keeps there (the current draft format).
//!
//!     cargo run -q -p review-core --example large_review

#[path = "../tests/common/mod.rs"]
mod common;

use common::*;
use review_core::*;

const CRITERIA: usize = 50;
const NOTES_PER_CRITERION: usize = 4;
const SERVICES: usize = 30;

/// The five people who rate: the carer and the individual of the fixture,
/// a key person and two other professionals.
fn raters() -> Vec<Command> {
    let mut commands = Vec::new();
    for (id, role, who) in [
        ("key-person", Role::KeyPerson, "Priya Shah"),
        ("professional-1", Role::OtherProfessional, "Dr Lewis"),
        ("professional-2", Role::OtherProfessional, "Nurse Evans"),
    ] {
        commands.push(add(id, role));
        commands.push(name(id, who));
        commands.push(attendance(id, Attendance::InPerson));
    }
    commands
}

const RATERS: [&str; 5] = [
    CARER,
    INDIVIDUAL,
    "key-person",
    "professional-1",
    "professional-2",
];

fn criteria() -> Vec<Command> {
    let points = [
        ScalePoint::GoingWell,
        ScalePoint::Unsure,
        ScalePoint::NotGoingWell,
    ];
    let mut commands = Vec::new();
    for c in 0..CRITERIA {
        let id = format!("criterion-{c}");
        commands.push(Command::AddCustomCriterion {
            id: id.clone(),
            group: CriterionGroup::Partnership,
            wording: format!("Criterion {c}: the help at home fits the week as it is now"),
        });
        commands.push(criterion_agreed(&id, CARER));
        for (r, rater) in RATERS.iter().enumerate() {
            commands.push(rate(&id, rater, points[(c + r) % points.len()]));
        }
        for n in 0..NOTES_PER_CRITERION {
            let note = format!("evidence-{c}-{n}");
            commands.push(Command::AddEvidence {
                id: note.clone(),
                criterion: id.clone(),
            });
            commands.push(Command::SetEvidence {
                id: note,
                said_by: Some(Person::participant(RATERS[n % RATERS.len()])),
                text: format!(
                    "Note {n} on criterion {c}: what was said about how this has gone since the last review, in a sentence or two."
                ),
            });
        }
    }
    commands
}

fn services() -> Vec<Command> {
    let mut commands = vec![Command::SetServicesInUse(true)];
    for s in 0..SERVICES {
        let id = format!("resource-{s}");
        commands.push(Command::AddResource { id: id.clone() });
        commands.push(resource(
            &id,
            ResourceField::Kind(ResourceKind::ServiceElsewhere),
        ));
        commands.push(resource(&id, ResourceField::Name(format!("Service {s}"))));
        for (l, list) in [
            ResourceList::Benefits,
            ResourceList::Difficulties,
            ResourceList::Changes,
        ]
        .into_iter()
        .enumerate()
        {
            commands.extend(remark(
                &id,
                list,
                &format!("remark-{s}-{l}"),
                "A point about this service, as it was said.",
                Speaker::Person(Person::participant(CARER)),
            ));
        }
    }
    commands
}

fn main() {
    let review = with_applied(
        part_one_complete(),
        [raters(), criteria(), services()].concat(),
    );
    let out = serde_json::json!({
        "id": review.id,
        "key": draft::review_key(&review.id),
        "stored": draft::encode_review_at(&review, 1),
    });
    println!("{out}");
}
