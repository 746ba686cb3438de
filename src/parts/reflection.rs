//! The worker's reflection after sign-off (revision criterion 10): how the
//! review was for the carer and the individual (a tap on a face each), what
//! went well and what to do differently. The draft is kept on the device as
//! it is written; signing adds it to the records copy as a separate signed
//! file that names it (`crate::signing::sign_reflection`). It never changes
//! the signed summary and is in nobody's copy: the page says so.

use crate::browser::{clock, download, reflection_store};
use crate::components::{focus_by_id, ErrorSummary, Face, Page, Problem, Said, TextArea};
use crate::signing;
use crate::state::{use_review, PageErrors};
use leptos::prelude::*;
use leptos_router::components::A;
use review_core::reflection::{feeling_field, field_id, Asked, Feeling, Reflection};
use review_core::summary::{self, addendum::asked, AddendumFile};
use review_core::tr;

/// What the page can offer for this review.
enum Stands {
    /// Not signed off on this device (or not signed off at all): why not.
    Cannot(String),
    /// Signed already: the file.
    Signed(AddendumFile),
    /// Ready to write, for these people.
    Write(Vec<Asked>, Reflection),
}

fn stands(review: &review_core::Review) -> Stands {
    if review.state != review_core::ReviewState::SignedOff {
        return Stands::Cannot(tr!(
            "The reflection is written once the review is signed off."
        ));
    }
    match reflection_store::load_addendum(&review.id) {
        Ok(Some(file)) => return Stands::Signed(file),
        Ok(None) => {}
        Err(u) => {
            return Stands::Cannot(tr!("The signed reflection kept on this device cannot be read because {error}. It has been left as it is.", error = u.error))
        }
    }
    let records = match signing::stored_summary(review) {
        Ok(Some(made)) => made.file,
        Ok(None) => return Stands::Cannot(tr!("This review was not signed off on this device, so there is no signed summary here to add a reflection to. The worker writes it on the device they signed off on.")),
        Err(problem) => return Stands::Cannot(tr!("The reflection cannot be written: {problem}.", problem = problem)),
    };
    let checked = summary::verify(records.text.as_bytes(), &Default::default());
    let Some(signed) = checked
        .summary
        .clone()
        .filter(|_| checked.errors.is_empty())
    else {
        return Stands::Cannot(tr!("The signed summary kept on this device does not check: it has been changed since it was signed, so nothing can be added to it. Tell your records team."));
    };
    // Only the key that signed the summary adds to it: a key made since
    // (the old one replaced, or a device that never had it) cannot.
    let ours = match signing::key_state() {
        signing::KeyState::Ready { jwk, .. } => Some(jwk.thumbprint()),
        _ => None,
    };
    if ours.is_none() || ours != checked.kid {
        return Stands::Cannot(tr!("This device’s signing key did not sign this review’s summary (it was signed off on another device, or this device’s key has been replaced since), so it cannot add a signed reflection to it. The reflection is written on the device that signed the review off."));
    }
    match reflection_store::load_reflection(&review.id) {
        Ok(draft) => Stands::Write(asked(&signed), draft),
        Err(u) => Stands::Cannot(tr!("The reflection written so far cannot be read because {error}. It has been left as it is.", error = u.error)),
    }
}

/// The reflection on a signed-off review: written, then signed once.
#[component]
pub fn WorkerReflection() -> impl IntoView {
    let ctx = use_review();
    // The review is locked; the reflection's own questions are not.
    provide_context(crate::state::ReadOnly::default());
    let now = ctx.review.with_untracked(stands);
    let signed = RwSignal::new(None::<AddendumFile>);
    let body = match now {
        Stands::Cannot(why) => view! { <p class="app-body">{why}</p> }.into_any(),
        Stands::Signed(file) => {
            signed.set(Some(file));
            ().into_any()
        }
        Stands::Write(people, draft) => view! {
            <Show when=move || signed.with(Option::is_none)>
                <Form people=people.clone() draft=draft.clone() signed=signed />
            </Show>
        }
        .into_any(),
    };
    view! {
        <Page back=ctx.path("") back_text={tr!("Back to the review")} title={tr!("Looking back on the review")}
            caption={tr!("After the sign-off · for the records only")}
            intro={tr!("How the review went, for the people in it and for you. This is for the records only: it does not change the signed summary and is in nobody’s copy.")}>
            {body}
            {move || signed.get().map(|file| view! { <SignedReflection file=file /> })}
            <p class="app-body">
                <A exact=true href=crate::href(ctx.path("")) attr:class="app-link app-link--standalone">{tr!("Back to the review")}</A>
            </p>
        </Page>
    }
}

/// The questions, kept on the device as they are answered.
#[component]
fn Form(
    people: Vec<Asked>,
    draft: Reflection,
    signed: RwSignal<Option<AddendumFile>>,
) -> impl IntoView {
    let ctx = use_review();
    let review_id = ctx.review.with_untracked(|r| r.id.clone());
    let reflection = RwSignal::new(draft);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let asked_people = people.clone();
    let errors = PageErrors::new(Memo::new(move |_| {
        reflection.with(|r| r.errors(&asked_people))
    }));
    // Every change is kept at once: nothing typed is lost on a reload.
    let change = {
        let review_id = review_id.clone();
        move |edit: &dyn Fn(&mut Reflection)| {
            reflection.update(|r| edit(r));
            let kept =
                reflection.with_untracked(|r| reflection_store::save_reflection(&review_id, r));
            problem.set(kept.err().map(|e| {
                tr!("What you wrote could not be kept on this device: {why}. Keep this page open and try again.", why = e)
            }));
        }
    };
    let questions = people
        .into_iter()
        .map(|person| {
            let change = change.clone();
            view! { <HowItWas person=person reflection=reflection errors=errors on_pick=Callback::new(move |(id, f): (String, Feeling)| change(&|r: &mut Reflection| { r.how_it_was.insert(id.clone(), f); })) /> }
        })
        .collect_view();
    let text = move |which: &'static str| {
        Signal::derive(move || {
            reflection.with(|r| match which {
                "went-well" => r.went_well.clone(),
                _ => r.do_differently.clone(),
            })
        })
    };
    let went_well = {
        let change = change.clone();
        Callback::new(move |v: String| {
            change(&|r: &mut Reflection| r.went_well = review_core::text::clean(&v))
        })
    };
    let differently = {
        let change = change.clone();
        Callback::new(move |v: String| {
            change(&|r: &mut Reflection| r.do_differently = review_core::text::clean(&v))
        })
    };
    let sign = move |_| {
        problem.set(None);
        if busy.get_untracked() || !errors.submit() {
            return;
        }
        busy.set(true);
        let review = ctx.review.get_untracked();
        let written = reflection.get_untracked();
        leptos::task::spawn_local(async move {
            let result = signing::sign_reflection(&review, &written, clock::now()).await;
            let _ = busy.try_set(false);
            match result {
                Ok(file) => {
                    let _ = signed.try_set(Some(file));
                    // The form is gone: say what happened where focus was.
                    request_animation_frame(|| focus_by_id("reflection-signed"));
                }
                Err(e) => {
                    let _ = problem
                        .try_set(Some(tr!("The reflection was not signed: {why}.", why = e)));
                }
            }
        });
    };
    view! {
        <ErrorSummary errors=errors.visible() attempts=errors.attempts />
        <h2 class="app-heading-m">{tr!("How was this review for you?")}</h2>
        <p class="app-body">{tr!("Ask each of them, and hand them the tablet if they would like to tap the face themselves.")}</p>
        {questions}
        <hr class="app-section-break app-section-break--l app-section-break--visible" />
        <h2 class="app-heading-m">{tr!("Your own reflection")}</h2>
        <TextArea easy="reflection.went-well" id=field_id("went-well") label={tr!("What went well in this review?")} value=text("went-well") rows=4
            error=errors.for_field(field_id("went-well")) on_input=went_well />
        <TextArea easy="reflection.do-differently" id=field_id("do-differently") label={tr!("What would you do differently next time?")} value=text("do-differently") rows=4
            hint={tr!("If nothing, write “Nothing”.")}
            error=errors.for_field(field_id("do-differently")) on_input=differently />
        <div class="app-inset-text">
            {tr!("When you sign it, the reflection is added to the review’s records copy as a separate file, signed with this device’s key, that names the signed summary. The summary itself does not change, and the reflection is in nobody’s copy. Once signed it cannot be changed.")}
        </div>
        <Problem message=problem />
        <div class="app-button-group">
            <button type="button" class="app-button" disabled=move || busy.get() on:click=sign>
                {move || if busy.get() { tr!("Signing…") } else { tr!("Sign the reflection") }}
            </button>
        </div>
    }
}

/// One person's "How was this review for you?": a face to tap for each
/// answer (radios, so a tap or the arrow keys choose), or "did not say".
#[component]
fn HowItWas(
    person: Asked,
    reflection: RwSignal<Reflection>,
    errors: PageErrors,
    on_pick: Callback<(String, Feeling)>,
) -> impl IntoView {
    let group = feeling_field(&person.participant_id);
    let error = errors.for_field(group.clone());
    let pid = person.participant_id.clone();
    let easy = crate::components::easy_read();
    let feelings = || {
        Feeling::FACES
            .into_iter()
            .chain([Feeling::DidNotSay])
            .enumerate()
    };
    let tile_id = |i: usize, feeling: Feeling| {
        if i == 0 {
            group.clone()
        } else {
            format!("{group}-{}", feeling.as_str())
        }
    };
    let answer_words = feelings()
        .map(|(i, feeling)| crate::components::Words {
            standard: feeling.label().to_string(),
            easy: None,
            id: format!("{}-words", tile_id(i, feeling)),
        })
        .collect();
    let tiles = feelings()
        .map(|(i, feeling)| {
            let id = tile_id(i, feeling);
            let (pid, pick) = (pid.clone(), pid.clone());
            view! {
                <div class="app-rating__item">
                    <input class="app-rating__input" type="radio" id=id.clone() name=group.clone() value=feeling.as_str()
                        prop:checked=move || reflection.with(|r| r.how_it_was.get(&pid) == Some(&feeling))
                        on:change=move |_| on_pick.run((pick.clone(), feeling)) />
                    <label class="app-rating__option" for=id.clone()>
                        {match review_core::readable::feeling_mouth(feeling) {
                            Some(mouth) => view! { <Face mouth=mouth /> }.into_any(),
                            // No face for "did not say": in easy read, its symbol.
                            None => view! {
                                <Show when=move || easy.get()>
                                    <crate::components::Symbol name=review_core::easy::Sym::SomethingElse.file() />
                                </Show>
                            }.into_any(),
                        }}
                        <span class="app-rating__text" id=format!("{id}-words")>{feeling.label()}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    crate::components::question_frame(crate::components::Question {
        id: group.clone(),
        legend: tr!("How was this review for {name}?", name = person.name),
        hint: Some(person.role.label().to_string()),
        error,
        answers: view! { <div class="app-rating">{tiles}</div> }.into_any(),
        after: ().into_any(),
        easy: Some(("reflection.how", person.name.clone()).into()),
        answer_words,
    })
}

/// The signed reflection: what it says, that it is for the records only,
/// and its file.
#[component]
fn SignedReflection(file: AddendumFile) -> impl IntoView {
    let said = RwSignal::new(None::<Result<String, String>>);
    let checked = summary::verify(file.text.as_bytes(), &Default::default());
    let rows = checked
        .addendum
        .as_ref()
        .map(summary::about::about_addendum)
        .unwrap_or_default();
    let intact = checked.errors.is_empty();
    let save = {
        let file = file.clone();
        move |_| {
            said.set(Some(
                download::download(&file.file_name, "application/json", &file.text)
                    .map(|()| {
                        tr!(
                            "The reflection was saved as {file_name}.",
                            file_name = file.file_name
                        )
                    })
                    .map_err(|e| tr!("The reflection could not be saved: {why}.", why = e)),
            ))
        }
    };
    view! {
        <div class="app-notification-banner app-notification-banner--success" role="status">
            <div class="app-notification-banner__content">
                <h2 class="app-heading-m" id="reflection-signed" tabindex="-1">{tr!("The reflection is signed")}</h2>
                <p class="app-body">{tr!("It is for the records only. It adds to the review’s signed summary without changing it, and is in nobody’s copy.")}</p>
            </div>
        </div>
        {(!intact).then(|| view! {
            <div class="app-warning-text">
                <strong class="app-warning-text__text">
                    <span class="app-visually-hidden">{tr!("Warning:")}" "</span>
                    {tr!("The signed reflection kept on this device no longer checks: it has been changed since it was signed. Tell your records team.")}
                </strong>
            </div>
        })}
        {super::check_file::rows_view(rows)}
        <p class="app-body">{tr!("Send it to your records team with the summary: they check it belongs to that summary.")}</p>
        <div class="app-button-group">
            <button type="button" class="app-button" on:click=save>{tr!("Download the reflection")}</button>
        </div>
        <p class="app-hint">{tr!("File: {name} (JSON)", name = file.file_name)}</p>
        <Said said=said />
    }
}
