//! The readable copies (P23): plain words and easy read, made from a
//! recipient's signed copy alone. For a review using every visibility on
//! every kind of item, no word of an item kept from a recipient reaches
//! their readable copy, in either style, and every item they may see does;
//! each says what happens next and who to contact, and ends with the
//! document id and fingerprint that match paper to file.

mod common;

use common::*;
use review_core::readable::{html, readable, short_fingerprint, Style};
use review_core::sharing::{written_items, ItemKind};
use review_core::summary::*;
use review_core::*;

fn records_of(review: &Review) -> Summary {
    Summary::from_review(review, DOC, "0.1.0", "en-GB", &review.finalised_at.unwrap()).unwrap()
}

const SHA: &str = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

fn team() -> review_core::team::TeamProfile {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/team.example.json"
    ))
    .unwrap();
    review_core::team::TeamProfile::from_json(&text).unwrap()
}

#[test]
fn no_word_kept_from_a_recipient_reaches_their_readable_copy_and_every_other_does() {
    for shift in 0..Visibility::ALL.len() {
        let review = marked(|i| Visibility::ALL[(i + shift) % Visibility::ALL.len()]);
        let records = records_of(&review);
        for recipient in recipients() {
            let copy = copy_for(&records, &recipient);
            for style in [Style::Plain, Style::EasyRead] {
                let page = html::page(&readable(&copy, SHA, Some(&team()), style));
                for item in written_items(&review) {
                    if item.kind == ItemKind::NeedsMet {
                        continue; // a choice, not words of its own: see below
                    }
                    let may = item.visibility.is_some_and(|v| v.allows(recipient.kind))
                        && (recipient.kind != RecipientKind::Provider
                            || providers_own(&review, &item));
                    for m in markers(&item) {
                        assert_eq!(
                            page.contains(&m),
                            may,
                            "{:?} {:?} {} ({m}) for {:?}",
                            style,
                            item.kind,
                            item.key,
                            recipient.kind
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn how_well_a_service_met_needs_is_said_only_where_the_copy_holds_it() {
    let review = marked(|_| Visibility::NotCarer);
    let records = records_of(&review);
    let [carer, individual, ..] = &recipients()[..] else {
        unreachable!()
    };
    let words =
        |r: &CopyRecord| html::body(&readable(&copy_for(&records, r), SHA, None, Style::Plain));
    assert!(!words(carer).contains("How well it met the carer&#39;s needs"));
    assert!(words(individual)
        .contains("How well it met the carer&#39;s needs:</span> It met some of their needs"));
}

#[test]
fn it_says_whose_copy_what_it_leaves_out_and_ends_with_the_id_and_fingerprint() {
    let review = marked(|_| Visibility::NotIndividual);
    let records = records_of(&review);
    let individual = &recipients()[1];
    let copy = copy_for(&records, individual);
    let r = readable(&copy, SHA, None, Style::Plain);
    assert!(r.lead[0].starts_with("The copy for the person cared for, signed off on "));
    let body = html::body(&r);
    let kept = copy.copy_for.as_ref().unwrap().kept_back;
    assert!(kept > 10);
    assert!(body.contains(&format!(
        "This copy leaves out {kept} things that the people at the review agreed its reader should not see."
    )));
    assert_eq!(short_fingerprint(SHA), "AbCd EfGh IjKl");
    assert_eq!(
        r.footer,
        format!(
            "The copy for the person cared for · document {} · fingerprint AbCd EfGh IjKl · {kept} items left out of this copy",
            copy.document_id
        )
    );
    // The fingerprint is kept on one line: printed, a `-` in it was once a
    // place to break ("Z-" at the end of one line, "YB" on the next).
    assert_eq!(r.fingerprint, "AbCd EfGh IjKl");
    assert!(body.ends_with(&format!(
        "<footer class=\"app-readable__footer\"><p class=\"app-readable__text\">{}</p></footer></article>",
        r.footer.replace(
            "AbCd EfGh IjKl",
            "<span class=\"app-readable__fingerprint\" translate=\"no\">AbCd EfGh IjKl</span>"
        )
    )));
    assert!(html::page(&r).contains(".app-readable__fingerprint {\n    white-space: nowrap;"));
}

#[test]
fn it_says_what_happens_next_and_who_to_contact() {
    let review = signed_off_review();
    let records = records_of(&review);
    let carer = copy_for(&records, &records.confidentiality.copies[0]);
    let body = html::body(&readable(&carer, SHA, Some(&team()), Style::Plain));
    for action in &review.actions {
        assert!(
            body.contains(&html::escape(action.what.trim())),
            "{}",
            action.what
        );
    }
    assert!(body.contains("The next review is due by "));
    assert!(body.contains("01632 960 123"), "the team's phone");
    assert!(body.contains(&html::escape(&team().complaints.how)));
    assert!(body.contains("https://www.northshire.example/complaints"));
    // Without a team configuration: the worker and the organisation.
    let body = html::body(&readable(&carer, SHA, None, Style::Plain));
    assert!(body.contains(&format!(
        "Contact {} at {} with any question",
        records.worker.name, records.organisation
    )));
}

#[test]
fn easy_read_shows_the_meetings_symbols_a_face_for_each_rating() {
    let review = signed_off_review();
    let records = records_of(&review);
    let carer = copy_for(&records, &records.confidentiality.copies[0]);
    let easy = html::body(&readable(&carer, SHA, None, Style::EasyRead));
    let plain = html::body(&readable(&carer, SHA, None, Style::Plain));
    let ratings: usize = carer.criteria.iter().map(|c| c.ratings.len()).sum();
    assert!(ratings > 0);
    assert_eq!(easy.matches(r#"viewBox="0 0 48 48""#).count(), ratings);
    assert_eq!(
        easy.matches("Review Together symbol").count(),
        carer.criteria.len(),
        "one symbol per criterion"
    );
    assert!(easy.contains("app-readable--easy"));
    assert!(!plain.contains("<svg"));
    // The worker's own professional view is there, and says it is theirs.
    for page in [&easy, &plain] {
        assert!(page.contains("Sam Okafor (worker)"), "{page}");
    }
    // Tom does not agree, and points at two things: the GP's copy (his
    // words are not for Joan only) says each, beside what it is about.
    let gp = records
        .confidentiality
        .copies
        .iter()
        .find(|c| c.kind == RecipientKind::Gp)
        .map(|c| copy_for(&records, c));
    if let Some(gp) = gp {
        let page = html::body(&readable(&gp, SHA, None, Style::Plain));
        assert!(page.contains("A week a year is not a break"), "{page}");
    }
    let page = html::body(&readable(&records, SHA, None, Style::Plain));
    assert!(
        page.contains(&html::escape("Does not agree with “Action 1”")),
        "{page}"
    );
    assert!(page.contains(&html::escape(
        "The café list should come by post, not email"
    )));
    // Priya, Joan's advocate, did not sign as a party: she confirmed.
    assert!(page.contains(&html::escape(
        "Confirms the views they gave were the person’s own"
    )));
    // The easy-read wording of a library criterion.
    let with_easy = carer
        .criteria
        .iter()
        .find_map(|c| c.easy_read.clone())
        .unwrap();
    assert!(easy.contains(&html::escape(&with_easy)));
}

#[test]
fn words_from_the_file_are_escaped_and_the_page_stands_alone() {
    let mut review = signed_off_review();
    review.outcome.carer_view = "<script>alert(1)</script> & \"quotes\"".into();
    let records = records_of(&review);
    let carer = copy_for(&records, &records.confidentiality.copies[0]);
    let page = html::page(&readable(&carer, SHA, None, Style::Plain));
    assert!(!page.contains("<script>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\" dir=\"ltr\">"));
    assert!(page.contains("<style>") && page.contains("@page"));
    assert!(
        !page.contains("src=") && !page.contains("href="),
        "nothing fetched"
    );
}

/// The carer's copy comes in the language chosen for the carer in P18
/// (issue 30), as her signed copy records it; the records copy and a
/// service's copy say none, and come in the language of the screens.
#[test]
fn the_carers_copy_comes_in_the_language_chosen_for_her() {
    use review_core::i18n::{self, Catalogue, Lang};
    let mut review = signed_off_review();
    let carer_id = review.carer().unwrap().id.clone();
    let individual_id = review
        .participants_with(Role::Individual)
        .next()
        .unwrap()
        .id
        .clone();
    for p in &mut review.participants {
        if p.id == carer_id {
            p.support.screen_language = Some(Lang::Ur);
        } else if p.id == individual_id {
            p.support.screen_language = Some(Lang::Cy);
        }
    }
    let records = records_of(&review);
    let record = records
        .participants
        .iter()
        .find(|p| p.id == carer_id)
        .unwrap();
    assert_eq!(record.support.screen_language, Some(ScreenLanguage::Ur));
    assert_eq!(review_core::readable::reader_language(&records), None);
    for r in recipients() {
        let copy = copy_for(&records, &r);
        let want = match r.kind {
            RecipientKind::Carer => Some(Lang::Ur),
            RecipientKind::Individual => Some(Lang::Cy),
            _ => None,
        };
        assert_eq!(
            review_core::readable::reader_language(&copy),
            want,
            "{:?}",
            r.kind
        );
    }
    let carer = copy_for(&records, &records.confidentiality.copies[0]);
    assert_eq!(
        carer.copy_for.as_ref().unwrap().recipient.kind,
        RecipientKind::Carer
    );
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/lang/ur.json"
    ))
    .unwrap();
    let urdu = std::rc::Rc::new(Catalogue::from_json(&text).unwrap());
    let page = i18n::with_catalogue(Some(urdu), || {
        html::page(&readable(&carer, SHA, None, Style::Plain))
    });
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"ur\" dir=\"rtl\">"),
        "{}",
        &page[..80]
    );
    assert!(page.contains("<article class=\"app-readable\" lang=\"ur\" dir=\"rtl\">"));
    // Her copy's title and sections in Urdu; her name as written.
    assert!(page.contains("نگہداشت"), "Urdu words");
    assert!(page.contains(&html::escape(&records.carer.name)));
    assert!(!page.contains("Carer review:"), "no English title");
    // Outside, the screens' language again.
    assert_eq!(i18n::current_lang(), Lang::EnGb);
}
