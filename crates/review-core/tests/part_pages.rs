//! Parts asked over two pages (issue 26: no page taller than three screens):
//! each page's path and heading, and every error of a part on exactly the
//! page that asks it, so each page's Continue checks its own questions.

mod common;

use common::*;
use review_core::progress::Part;
use review_core::*;

#[test]
fn every_part_has_a_first_page_at_its_own_path_and_two_parts_have_more() {
    for part in Part::ALL {
        assert_eq!(part.page_path(0), part.slug(), "{part:?}");
        assert_eq!(part.page_title(0), part.title(), "{part:?}");
    }
    let more: Vec<_> = Part::ALL
        .into_iter()
        .filter(|p| p.page_count() > 1)
        .map(|p| (p, p.page_count()))
        .collect();
    assert_eq!(more, [(Part::HowWeReview, 2), (Part::Outcome, 3)]);
    assert_eq!(Part::HowWeReview.page_path(1), "process/sharing");
    assert_eq!(Part::HowWeReview.page_title(1), "Keeping things private");
    assert_eq!(Part::Outcome.page_path(1), "outcome/decision");
    assert_eq!(Part::Outcome.page_title(1), "The outcome");
    assert_eq!(Part::Outcome.page_path(2), "outcome/views");
    assert_eq!(Part::Outcome.page_title(2), "What everyone thinks of it");
    // No page past the last: its path is the part's own, never a made-up one.
    assert_eq!(Part::Outcome.page_path(3), "outcome");
}

/// The field ids of `part`'s errors on its page `page`.
fn fields_on(review: &Review, part: Part, page: usize) -> Vec<String> {
    part.errors_on_page(review, page)
        .into_iter()
        .map(|e| e.field)
        .collect()
}

/// Everyone here, a copy for a service and one thing not to be shared.
fn with_a_copy_and_a_restriction() -> Review {
    let mut commands = who_is_here_commands();
    commands.extend([
        Command::AddNamedCopy {
            id: COPY_PROVIDER.into(),
            kind: RecipientKind::Provider,
        },
        Command::AddRestriction {
            id: RESTRICTION.into(),
        },
    ]);
    review_with(commands)
}

#[test]
fn how_we_will_review_asks_how_it_runs_first_then_keeping_things_private_and_the_agreement() {
    let review = with_a_copy_and_a_restriction();
    let first = fields_on(&review, Part::HowWeReview, 0);
    let second = fields_on(&review, Part::HowWeReview, 1);
    for field in ["reason", "depth", "private-time"] {
        assert!(
            first.iter().any(|f| f == field),
            "{field} on the first page: {first:?}"
        );
    }
    for field in [
        validate::ids::copy_name(COPY_PROVIDER),
        "default-visibility".into(),
        validate::ids::restriction_what(RESTRICTION),
        validate::ids::restriction_not_with(RESTRICTION),
        "process-agreement".into(),
    ] {
        assert!(
            second.contains(&field),
            "{field} on the second page: {second:?}"
        );
    }
    // Every error is on exactly one page.
    assert_eq!(
        first.len() + second.len(),
        Part::HowWeReview.errors(&review).len()
    );
}

#[test]
fn actions_come_first_then_the_outcome_then_everyones_view_of_it() {
    let review = with_applied(
        part_one_complete(),
        [Command::AddAction {
            id: "action-1".into(),
        }],
    );
    let first = fields_on(&review, Part::Outcome, 0);
    let second = fields_on(&review, Part::Outcome, 1);
    let third = fields_on(&review, Part::Outcome, 2);
    assert!(
        !first.is_empty() && first.iter().all(|f| f.starts_with("action-")),
        "{first:?}"
    );
    assert_eq!(
        second,
        ["outcome-decision", "outcome-rationale", "next-review"]
    );
    assert_eq!(third, ["outcome-carer-view", "outcome-individual-view"]);
    // Every error is on exactly one page, and the first page's are the actions'.
    assert_eq!(
        first.len() + second.len() + third.len(),
        Part::Outcome.errors(&review).len()
    );
    assert_eq!(
        first,
        validate::actions(&review)
            .into_iter()
            .map(|e| e.field)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_restriction_and_a_copy_are_found_by_their_ids_and_nothing_else_is() {
    let review = with_a_copy_and_a_restriction();
    let agreement = &review.process.confidentiality;
    assert_eq!(
        agreement.copy(COPY_PROVIDER).map(|c| c.kind),
        Some(RecipientKind::Provider)
    );
    assert_eq!(
        agreement.restriction(RESTRICTION).map(|r| r.id.as_str()),
        Some(RESTRICTION)
    );
    assert!(agreement.copy(RESTRICTION).is_none());
    assert!(agreement.restriction(COPY_PROVIDER).is_none());
    assert!(agreement.restriction("").is_none());
}
