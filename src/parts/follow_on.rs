//! Start a review from the last signed review (issue 27): choose its
//! summary, a review signed on this device or a file, which is checked
//! before anything is read from it (`review_core::continuity::check`); then
//! choose what comes forward, one line each, all shown; nothing comes in
//! unchosen.

use crate::browser::{storage, upload};
use crate::components::{Banner, Checkboxes, Choice, FileChoice, Page, Radios};
use crate::state::{start_review_from, use_app};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use review_core::continuity::{check_last, proposals, Checked, Group, LastFrom};
use review_core::tr;
use review_core::words::long_moment_of;
use review_core::ReviewState;
use std::collections::BTreeSet;

/// The largest file read: a summary is a few tens of kilobytes.
const MAX_FILE_BYTES: f64 = 5_000_000.0;

/// Start from the last review: choose it, then what comes forward.
#[component]
pub fn FollowOn() -> impl IntoView {
    let checked = RwSignal::new(None::<Checked>);
    view! {
        <Page back="/" back_text={tr!("All reviews")} title={tr!("Start from the last review")} about=&["P17", "P23"]
            intro={tr!("Bring forward who took part, what the review looked at, and what was agreed last time. The last review’s signed summary is checked first; you then choose what comes into the new review.")}>
            {move || match checked.get() {
                None => view! { <ChooseLast checked=checked /> }.into_any(),
                Some(last) => view! { <ChooseWhat last=last back=Callback::new(move |()| checked.set(None)) /> }.into_any(),
            }}
        </Page>
    }
}

/// The signed-off reviews this device keeps a summary of, newest first:
/// (review id, words).
fn signed_here() -> Vec<(String, String)> {
    let mut reviews: Vec<_> = storage::list_reviews()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|r| r.state == ReviewState::SignedOff)
        .filter(|r| storage::load_summary(&r.id).ok().flatten().is_some())
        .collect();
    reviews.sort_by_key(|r| std::cmp::Reverse(r.finalised_at));
    reviews
        .iter()
        .map(|r| {
            let carer = r.carer().map_or("", |c| c.name.trim());
            let carer = if carer.is_empty() {
                tr!("A carer")
            } else {
                carer.to_string()
            };
            let when = r
                .finalised_at
                .map(|t| review_core::words::long_date(t.date_naive()))
                .unwrap_or_default();
            (
                r.id.clone(),
                tr!(
                    "{carer}’s review, signed off {when}",
                    carer = carer,
                    when = when
                ),
            )
        })
        .collect()
}

/// Step one: which summary, from this device or a file; checked at once.
#[component]
fn ChooseLast(checked: RwSignal<Option<Checked>>) -> impl IntoView {
    let refused = RwSignal::new(None::<String>);
    let problem = NodeRef::<html::Div>::new();
    // The reason is read out and shown where the eye is.
    Effect::new(move |_| {
        if refused.with(Option::is_some) {
            if let Some(p) = problem.get() {
                let _ = p.focus();
            }
        }
    });
    let here = signed_here();
    let pick = RwSignal::new(here.first().map(|(id, _)| id.clone()));
    let choices: Vec<Choice<String>> = here
        .iter()
        .map(|(id, words)| Choice::new(id.clone(), id, words))
        .collect();
    let has_here = !choices.is_empty();
    let accept = move |result: Result<Checked, String>| match result {
        Ok(last) => checked.set(Some(last)),
        Err(why) => refused.set(Some(why)),
    };
    let from_device = move |_| {
        refused.set(None);
        let Some(id) = pick.get_untracked() else {
            return;
        };
        let result = match storage::load_summary(&id) {
            Ok(Some(file)) => {
                let keys = crate::team::trusted_keys();
                let kid = crate::signing::device_kid();
                let from = LastFrom::ThisDevice {
                    device_kid: kid.as_deref(),
                    team_keys: keys.as_ref(),
                };
                check_last(file.text.as_bytes(), from).map_err(|e| e.to_string())
            }
            Ok(None) => Err(tr!("This device no longer keeps that review’s signed summary.")),
            Err(u) => Err(tr!(
                "The signed summary kept for that review cannot be read ({why}). It has been left as it is.",
                why = u.error
            )),
        };
        accept(result);
    };
    let from_file = move |ev: leptos::ev::Event| {
        refused.set(None);
        let Some(file) = upload::chosen_file(&ev) else {
            return;
        };
        // Read now, while the page's context is there (not in the task).
        let keys = crate::team::trusted_keys();
        leptos::task::spawn_local(async move {
            let result = match upload::read_bytes(&file, MAX_FILE_BYTES).await {
                Ok(bytes) => {
                    let from = LastFrom::File {
                        team_keys: keys.as_ref(),
                    };
                    check_last(&bytes, from).map_err(|e| e.to_string())
                }
                Err(e) => Err(format!("{e}.")),
            };
            accept(result);
        });
    };
    view! {
        <div role="alert">
            {move || refused.get().map(|why| view! {
                <div class="app-notification-banner app-notification-banner--warning" tabindex="-1" node_ref=problem>
                    <div class="app-notification-banner__content">
                        <h2 class="app-heading-m">{tr!("Nothing was brought forward")}</h2>
                        <p class="app-body">{why}</p>
                    </div>
                </div>
            })}
        </div>
        {has_here.then(|| view! {
            <h2 class="app-heading-m">{tr!("A review signed off on this device")}</h2>
            <Radios id="last-here" legend={tr!("Which review?")} choices=choices
                value=Signal::derive(move || pick.get())
                on_change=Callback::new(move |id| pick.set(Some(id))) />
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=from_device>{tr!("Check it and go on")}</button>
            </div>
        })}
        <h2 class="app-heading-m">{if has_here { tr!("Or its summary file") } else { tr!("The last review’s summary file") }}</h2>
        <FileChoice id="last-file" label={tr!("Summary file")} accept=".json,application/json"
            hint={tr!("The signed summary (.json) of the last review, as your records team keeps it. It is checked against your team’s key list.")} on_change=from_file />
    }
}

/// Step two: what comes forward, all offered, each to untick.
#[component]
fn ChooseWhat(last: Checked, back: Callback<()>) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let offered = proposals(&last.summary);
    let chosen = RwSignal::new(
        offered
            .iter()
            .map(|p| p.key.clone())
            .collect::<BTreeSet<_>>(),
    );
    let problem = RwSignal::new(None::<String>);
    let s = &last.summary;
    let heading = tr!(
        "{carer}’s review of {when}",
        carer = s.carer.name.trim(),
        when = long_moment_of(s.finalised_at.as_str())
    );
    let signed = tr!(
        "Its summary is intact and was signed by {who}. Nothing from it has changed since.",
        who = last.signed_by
    );
    let groups = Group::ALL
        .into_iter()
        .filter_map(|group| {
            let choices: Vec<Choice<String>> = offered
                .iter()
                .filter(|p| p.group == group)
                .map(|p| {
                    let kept = p.kept_from.map(|v| tr!("Kept from some people last time ({who}): it stays kept from them.", who = v.label()));
                    let hint = [p.detail.clone(), kept.unwrap_or_default()]
                        .into_iter()
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    // A criterion of our list reads in the screens' language; the
                    // signed summary keeps its English, like every other word in it.
                    let words = if p.group == Group::Criteria { review_core::i18n::seed(&p.words) } else { p.words.clone() };
                    let choice = Choice::new(p.key.clone(), &p.key.replace('/', "-"), &words);
                    if hint.is_empty() { choice } else { choice.hint(hint) }
                })
                .collect();
            (!choices.is_empty()).then(|| {
                let key = format!("bring-{}", group.key());
                view! {
                    <Checkboxes id=key legend=group.heading() hint=group.hint() choices=choices
                        value=Signal::derive(move || chosen.with(|c| c.iter().cloned().collect::<Vec<_>>()))
                        on_toggle=Callback::new(move |(key, on): (String, bool)| chosen.update(|c| {
                            if on { c.insert(key); } else { c.remove(&key); }
                        })) />
                }
            })
        })
        .collect_view();
    let last = StoredValue::new(last);
    let start = move |_| {
        problem.set(None);
        if !app.settings.with_untracked(|s| s.is_complete()) {
            problem.set(Some(tr!("Before the first review, tell the app your organisation and your name in Device settings.")));
            return;
        }
        let made =
            last.with_value(|l| chosen.with_untracked(|c| start_review_from(&app, Some((l, c)))));
        match made {
            Ok(review) => navigate(&format!("/review/{}/who", review.id), Default::default()),
            Err(e) => problem.set(Some(tr!(
                "The review could not be started: {why}.",
                why = e
            ))),
        }
    };
    view! {
        <Banner id="last-checked-title" title={tr!("Checked")} heading=heading>
            <p class="app-body">{signed}</p>
        </Banner>
        <p class="app-body">{tr!("Untick anything that should not come into the new review. Everything that comes in is checked again in its part; last time’s ratings show beside this time’s.")}</p>
        {groups}
        {move || problem.get().map(|text| view! { <p class="app-error-message" role="alert">{text}</p> })}
        <div class="app-button-group">
            <button type="button" class="app-button" on:click=start>{tr!("Start the review with these")}</button>
            <button type="button" class="app-button app-button--secondary" on:click=move |_| back.run(())>{tr!("Choose another review")}</button>
        </div>
    }
}
