//! The check page's rows ("check your answers"): every answer of every part
//! as (what, the answer, where to change it), built here so the view only
//! shows them and a test can hold every row against the review.

use crate::model::Review;
use crate::progress::Part;
use crate::tr;
use crate::words::{called, long_date};
use crate::{outcome, rating, readiness};

mod words;
pub use words::Row;
use words::{copies, followed_up, numbers_of, row, yes_no};

/// The check page's rows for one part, with "Change" links back to it.
pub fn rows_of(review: &Review, part: Part) -> Vec<Row> {
    let part_href = part.slug().to_string();
    let with_change = |mut r: Row, href: String, what: &str| {
        r.change = Some((href, what.to_string()));
        r
    };
    match part {
        Part::WhoIsHere => review
            .participants
            .iter()
            .map(|p| {
                let attendance = p.attendance.map_or_else(|| tr!("Not said"), |a| a.label());
                let rel = if p.role == crate::Role::Worker {
                    // Who the worker reviews for, as the summary says it.
                    [review.team.trim(), review.organisation.trim()]
                        .iter()
                        .filter(|t| !t.is_empty())
                        .map(|t| format!(", {t}"))
                        .collect()
                } else if p.relationship.trim().is_empty() {
                    String::new()
                } else {
                    format!(", {}", p.relationship.trim())
                };
                let job = p
                    .job_title_given()
                    .map(|t| format!(", {t}"))
                    .unwrap_or_default();
                let age = p
                    .age_given()
                    .map(|a| tr!(", aged {age}", age = a))
                    .unwrap_or_default();
                let matters = p
                    .what_matters_given()
                    .map(|t| format!(" {}", tr!("What matters about them: {what}", what = t)))
                    .unwrap_or_default();
                let numbers = numbers_of(review, p)
                    .map(|n| format!(" {}", tr!("For the records: {numbers}.", numbers = n)))
                    .unwrap_or_default();
                with_change(
                    row(
                        p.role.label(),
                        format!(
                            "{}{matters}{numbers}",
                            tr!(
                                "{name}{details}. {attendance}.",
                                name = crate::words::capitalise(&called(p)),
                                details = format!("{job}{rel}{age}"),
                                attendance = attendance
                            )
                        ),
                    ),
                    format!("who/{}", p.id),
                    &tr!("details of {name}", name = called(p)),
                )
            })
            .collect(),
        Part::TakingPart => review
            .supported_participants()
            .map(|p| {
                let mut needs: Vec<String> = readiness::needs_of(p)
                    .into_iter()
                    .map(|n| readiness::need_label(p, n))
                    .collect();
                if !p.support.preferred_language.trim().is_empty() {
                    needs.insert(
                        0,
                        tr!(
                            "prefers {language}",
                            language = p.support.preferred_language.trim()
                        ),
                    );
                }
                // What the signed summary records of their language (issue
                // 30), so those signing see it.
                if let Some(lang) = p.support.screen_language {
                    let at = usize::from(!p.support.preferred_language.trim().is_empty());
                    needs.insert(
                        at,
                        tr!(
                            "the tablet and their copy in {language}",
                            language = lang.name()
                        ),
                    );
                }
                if !p.support.communication_detail.trim().is_empty() {
                    needs.push(tr!(
                        "how they communicate: {communication_detail}",
                        communication_detail = p.support.communication_detail.trim()
                    ));
                }
                let value = if needs.is_empty() {
                    tr!("Nothing needed")
                } else {
                    needs.join("; ")
                };
                with_change(
                    row(called(p), value),
                    format!("taking-part/{}", p.id),
                    &tr!("what helps {name} take part", name = called(p)),
                )
            })
            .collect(),
        Part::HowWeReview => {
            let p = &review.process;
            // Each with how they showed it, when that was recorded.
            let agreed: Vec<String> = p
                .agreed_by
                .iter()
                .filter_map(|id| review.participant(id))
                .map(|person| match p.agreed_how.get(&person.id) {
                    Some(how) => tr!(
                        "{name} ({how})",
                        name = called(person),
                        how = crate::agreement::in_words(review, how)
                    ),
                    None => called(person),
                })
                .collect();
            let running = vec![
                row(tr!("Why"), p.reason.map(|r| r.label()).unwrap_or_default()),
                row(tr!("What has changed, or why now"), p.why_now.trim()),
                row(
                    tr!("How deep"),
                    p.depth.map(|d| d.label()).unwrap_or_default(),
                ),
                row(
                    tr!("Covers"),
                    p.agenda
                        .iter()
                        .map(|a| a.label())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                row(tr!("Carer's private time"), yes_no(p.carer_private_time)),
            ];
            // Asked on the part's second page.
            let sharing = vec![
                row(tr!("Copies go to"), copies(p)),
                row(
                    tr!("Who may see what, unless an item says otherwise"),
                    p.confidentiality
                        .default_visibility
                        .map_or_else(String::new, |v| v.label()),
                ),
                row(
                    tr!("More about copies"),
                    p.confidentiality.recipients.clone(),
                ),
                Row {
                    worker_only: true,
                    ..row(
                        tr!("Must not be shared"),
                        p.confidentiality
                            .restrictions
                            .iter()
                            .map(|r| {
                                tr!(
                                    "{what} (not with {not_with})",
                                    what = r.what.trim(),
                                    not_with = r.not_with.trim()
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; "),
                    )
                },
                row(tr!("Agreed by"), agreed.join(", ")),
            ];
            let on_page = |page: usize| {
                move |r: Row| {
                    let what = tr!(
                        "{key} (how we will review)",
                        key = crate::words::lower_first(&r.key)
                    );
                    with_change(r, part.page_path(page), &what)
                }
            };
            running
                .into_iter()
                .map(on_page(0))
                .chain(sharing.into_iter().map(on_page(1)))
                .collect()
        }
        Part::Criteria => review
            .criteria
            .iter()
            .map(|c| {
                let agreed: Vec<String> = c
                    .agreed_by
                    .iter()
                    .filter_map(|id| review.participant(id))
                    .map(called)
                    .collect();
                let easy = if c.easy_read.trim().is_empty() {
                    String::new()
                } else {
                    format!(
                        " {}",
                        tr!(
                            "In easy words: {easy_read}",
                            easy_read = crate::i18n::seed(c.easy_read.trim())
                        )
                    )
                };
                with_change(
                    row(
                        crate::i18n::seed(c.wording.trim()),
                        tr!(
                            "{what}.{easy} Agreed by {list}.",
                            what = c.scale.label(),
                            easy = easy,
                            list = agreed.join(", ")
                        ),
                    ),
                    part_href.clone(),
                    &tr!(
                        "criterion {wording}",
                        wording = crate::i18n::seed(c.wording.trim())
                    ),
                )
            })
            .collect(),
        Part::Readiness => readiness::checks(review)
            .into_iter()
            .map(|c| {
                let status = match c.status {
                    Some(crate::NeedStatus::Met) => tr!("In place"),
                    Some(crate::NeedStatus::NotMet {
                        action,
                        reason_to_continue,
                    }) => {
                        tr!(
                            "Not in place. Done: {action}. Went on because: {reason_to_continue}",
                            action = action.trim(),
                            reason_to_continue = reason_to_continue.trim()
                        )
                    }
                    None => tr!("Not checked"),
                };
                with_change(
                    row(
                        tr!(
                            "{need} for {name}",
                            need = readiness::need_label(c.participant, c.need),
                            name = called(c.participant)
                        ),
                        status,
                    ),
                    part_href.clone(),
                    &tr!("readiness"),
                )
            })
            .collect(),
        Part::Ratings => review
            .criteria
            .iter()
            .map(|c| {
                let s = rating::spread(review, c);
                let reason = review
                    .criterion_review(&c.id)
                    .and_then(|cr| cr.not_discussed.as_deref())
                    .map(str::trim)
                    .unwrap_or_default();
                let value = if s.not_discussed {
                    tr!("Not discussed: {reason}", reason = reason)
                } else {
                    s.points
                        .iter()
                        .filter(|p| p.count() > 0)
                        .map(|p| {
                            let who: Vec<String> = p
                                .who
                                .iter()
                                .map(|id| {
                                    review.person_name(&crate::Person::participant(id.clone()))
                                })
                                .collect();
                            tr!(
                                "{point}: {who}",
                                point = p.point.label(),
                                who = who.join(", ")
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                with_change(
                    row(crate::i18n::seed(c.wording.trim()), value),
                    format!("rate/{}", c.id),
                    &tr!(
                        "ratings for {wording}",
                        wording = crate::i18n::seed(c.wording.trim())
                    ),
                )
            })
            .collect(),
        Part::Services => {
            let mut rows = vec![with_change(
                row(
                    tr!("Uses services or support"),
                    yes_no(review.services_in_use),
                ),
                part_href.clone(),
                &tr!("services"),
            )];
            // What was said about each (and the gaps) are items, each
            // shown with who may see it (`crate::sharing`), not rows.
            rows.extend(review.resources.iter().map(|r| {
                let kind = r.kind.map(|k| k.label()).unwrap_or_default();
                let decision = r
                    .decision
                    .map(|d| d.label())
                    .unwrap_or_else(|| tr!("No decision"));
                with_change(
                    row(
                        r.name.trim(),
                        tr!("{kind}. {decision}", kind = kind, decision = decision),
                    ),
                    part_href.clone(),
                    &tr!("service {name}", name = r.name.trim()),
                )
            }));
            rows
        }
        Part::Cover => {
            let mut rows = vec![with_change(
                row(tr!("Support needs to change"), yes_no(review.cover_needed)),
                part_href.clone(),
                &tr!("cover"),
            )];
            rows.extend(review.cover_arrangements.iter().map(|a| {
                let kind = a.kind.map(|k| k.label()).unwrap_or_default();
                let agreement = match &a.agreement {
                    Some(crate::IndividualAgreement::Agreed { how: None }) => tr!("Agreed"),
                    Some(crate::IndividualAgreement::Agreed { how: Some(how) }) => {
                        tr!(
                            "Agreed, {how}",
                            how = crate::agreement::in_words(review, how)
                        )
                    }
                    Some(crate::IndividualAgreement::AgreedThroughAdvocate { .. }) => {
                        tr!("Agreed through their advocate")
                    }
                    Some(crate::IndividualAgreement::NotAgreed { what_happens_next }) => {
                        tr!(
                            "Not agreed. Next: {what_happens_next}",
                            what_happens_next = what_happens_next.trim()
                        )
                    }
                    Some(crate::IndividualAgreement::NotAskedYet) | None => tr!("Not asked yet"),
                };
                with_change(
                    row(
                        kind,
                        tr!(
                            "{when}, {provider}. {agreement}",
                            when = a.when.trim(),
                            provider = a.provider.trim(),
                            agreement = agreement
                        ),
                    ),
                    part_href.clone(),
                    &tr!("cover arrangement"),
                )
            }));
            rows
        }
        Part::Escalations => {
            let mut rows: Vec<Row> = (review.last_escalations().iter().enumerate())
                .map(|(i, e)| {
                    let key = tr!("Still open last time: matter {n}", n = i + 1);
                    let r = followed_up(
                        key,
                        &e.matter,
                        e.answer.map(|a| a.label()).as_deref(),
                        e.visibility,
                    );
                    with_change(
                        r,
                        part_href.clone(),
                        &tr!("last time's matter {n}", n = i + 1),
                    )
                })
                .collect();
            rows.push(with_change(
                row(
                    tr!("Needs someone else's help"),
                    yes_no(review.escalation_needed),
                ),
                part_href.clone(),
                &tr!("escalations"),
            ));
            // The matter itself is an item (`crate::sharing`): here, where
            // it goes and how urgent it is.
            rows.extend(review.escalations.iter().enumerate().map(|(i, e)| {
                let route = e.route.map(|r| r.label()).unwrap_or_default();
                let goes_to = match e.to_whom.trim() {
                    "" => route,
                    who => tr!("{route}: {who}", route = route, who = who),
                };
                let urgency = e.urgency.map(|u| u.label()).unwrap_or_default();
                let consent = match &e.consent {
                    Some(crate::ConsentToShare::NotNeededBecauseOfRisk { reason }) => {
                        format!(
                            " {}",
                            tr!(
                                "Shared without consent because: {reason}",
                                reason = reason.trim()
                            )
                        )
                    }
                    _ => String::new(),
                };
                let mut r = with_change(
                    row(
                        tr!("Matter {n}", n = i + 1),
                        format!(
                            "{}{consent}",
                            tr!(
                                "{goes_to}, {urgency}. {status}.",
                                goes_to = goes_to,
                                urgency = urgency,
                                status = e.status.label()
                            )
                        ),
                    ),
                    part_href.clone(),
                    &tr!("matter {n}", n = i + 1),
                );
                r.item = Some(e.id.clone());
                r
            }));
            rows
        }
        Part::Outcome => {
            // What each action is, and why this is the outcome, are items
            // (`crate::sharing`): here, who does each and by when.
            let mut rows: Vec<Row> = (review.last_actions().iter().enumerate())
                .map(|(i, a)| {
                    let key = tr!("Last time's action {n}", n = i + 1);
                    let r = followed_up(
                        key,
                        &a.what,
                        a.answer.map(|a| a.told()).as_deref(),
                        a.visibility,
                    );
                    with_change(
                        r,
                        part_href.clone(),
                        &tr!("last time's action {n}", n = i + 1),
                    )
                })
                .collect();
            rows.extend(review.actions.iter().enumerate().map(|(i, a)| {
                let owner = a
                    .owner
                    .as_ref()
                    .map(|o| review.person_name(o))
                    .unwrap_or_default();
                let due = a.due.map(long_date).unwrap_or_default();
                let mut r = with_change(
                    row(
                        tr!("Action {n}", n = i + 1),
                        tr!("{owner}, by {due}", owner = owner, due = due),
                    ),
                    part_href.clone(),
                    &tr!("action {n}", n = i + 1),
                );
                r.item = Some(a.id.clone());
                r
            }));
            rows.push(with_change(
                row(
                    tr!("Outcome"),
                    review
                        .outcome
                        .decision
                        .map(|d| d.label())
                        .unwrap_or_default(),
                ),
                part.page_path(1),
                &tr!("outcome"),
            ));
            rows.push(with_change(
                row(
                    tr!("Next review"),
                    match review.outcome.next_review {
                        Some(date) => long_date(date),
                        // Reviews signed off before the date had to be chosen
                        // kept the suggestion unchosen.
                        None if review.state == crate::model::ReviewState::SignedOff => tr!(
                            "{when} (the suggested date: none was chosen)",
                            when = long_date(outcome::dates::next_review(review))
                        ),
                        None => tr!("Not chosen yet"),
                    },
                ),
                part.page_path(1),
                &tr!("next review date"),
            ));
            rows
        }
    }
}

/// Whether the check page shows every part in full, with nothing to fold:
/// at the moment of a sign-off (opened from someone's turn to sign,
/// `signing`, or during someone's own turn), once anyone has signed, and
/// for a signed-off review. Before that, while the worker and the family
/// look it over, each part may be folded to keep the page short (issue 26):
/// nobody signs what is folded away.
pub fn shown_in_full(review: &Review, signing: bool) -> bool {
    signing
        || review.has_signatures()
        || review.state == crate::model::ReviewState::SignedOff
        || crate::sharing::shown_now(review) != crate::setup::sharing::Shown::Everything
}

/// The rows of `part` the check page shows whoever holds the tablet now: a
/// row that tells more of an item only where the item may be seen, and the
/// worker's own rows only to the worker.
pub fn shown_rows(review: &Review, part: Part) -> Vec<Row> {
    let shown = crate::sharing::shown_now(review);
    rows_of(review, part)
        .into_iter()
        .filter(|row| {
            row.item
                .as_deref()
                .is_none_or(|k| shown.shows(crate::sharing::visibility_of(review, k)))
        })
        .filter(|row| row.last_time.is_none() || shown.shows(row.last_time))
        .filter(|row| !row.worker_only || shown == crate::Shown::Everything)
        .collect()
}

/// What someone signing can say they do not agree with (P23): every row of
/// the check page as it is shown to them, part by part, in the meeting's
/// order, each as a point with no reason yet. The worker's own rows (what
/// must not be shared) are not among them.
pub fn rows_to_disagree_with(review: &Review) -> Vec<crate::signoff::DisagreedPoint> {
    crate::progress::parts(review)
        .into_iter()
        .flat_map(|part| {
            shown_rows(review, part)
                .into_iter()
                .filter(|row| !row.worker_only)
                .map(move |row| crate::signoff::DisagreedPoint {
                    part,
                    about: row.key,
                    said: row.value,
                    item: row.item,
                    why: String::new(),
                })
        })
        .collect()
}
