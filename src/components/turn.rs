//! Joint use of the one tablet: whose turn it is, shown on every screen of an
//! open review, and a calm hand-over screen when the tablet passes to someone
//! else. Who holds the tablet is kept in the review (`Review::turn`), so it
//! survives a reload; passing it is a `Command::PassTablet`.

use super::page::Page;
use crate::state::use_review;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use review_core::tr;
use review_core::{Attendance, Command, Participant, ReviewState};

/// The part of a review's address after `/review/:id/`: "" for the task
/// list, "rate/abc" for a criterion.
fn rest_of(pathname: &str, id: &str) -> String {
    crate::browser::deployment::in_app(pathname)
        .strip_prefix(&format!("/review/{id}"))
        .map(|rest| rest.trim_matches('/').to_string())
        .unwrap_or_default()
}

/// Where a hand-over returns to, from the `from` of its address: a screen of
/// this review, as plain path segments, never the hand-over itself. Anything
/// else goes back to the task list.
fn return_to(from: Option<String>) -> String {
    let from = from.unwrap_or_default();
    let plain = from
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/'));
    let segments_ok = from.is_empty() || from.split('/').all(|s| !s.is_empty());
    if plain && segments_ok && from.split('/').next() != Some("pass") {
        from
    } else {
        String::new()
    }
}

/// Screens that say whose turn it is themselves, for the person they ask
/// now: rating one criterion (each rater in turn), signing off (each signer
/// in turn) and passing the tablet. The banner stays off there, so a screen
/// never shows two different "Now:" lines.
fn says_whose_turn_itself(rest: &str) -> bool {
    let mut segments = rest.split('/');
    matches!(
        (segments.next(), segments.next()),
        (Some("rate"), Some(_)) | (Some("sign"), None) | (Some("pass"), _)
    )
}

/// How the banner names someone: (name, role, whether they have a name).
fn banner_words(p: &Participant) -> (String, String, bool) {
    if p.name.trim().is_empty() {
        (String::new(), p.role.label().to_string(), false)
    } else {
        (p.name.trim().to_string(), p.role.noun(), true)
    }
}

/// Whose turn it is: their name in bold and their role after it ("Ayesha
/// Khan, carer"), or their role in bold while they have no name, each one
/// message whose translation places the bold part.
pub fn name_and_role(name: String, role: String, named: bool) -> impl IntoView {
    let bold =
        |text: String| Some(view! { <span class="app-turn-banner__name">{text}</span> }.into_any());
    if named {
        super::linked(&tr!("{name}, {role}"), |slot| match slot {
            "name" => bold(name.clone()),
            "role" => Some(role.clone().into_any()),
            _ => None,
        })
    } else {
        super::linked(&tr!("{role} (name not given yet)"), |slot| {
            (slot == "role").then(|| bold(role.clone())).flatten()
        })
    }
}

/// "Now: Ayesha Khan, carer" and a way to pass the tablet on, above every
/// screen of an open review (not a signed-off one: nothing is asked there).
#[component]
pub fn TurnBanner() -> impl IntoView {
    let ctx = use_review();
    let location = use_location();
    let holder = ctx.select(|r| {
        if r.state == ReviewState::SignedOff {
            return None;
        }
        r.turn_holder().map(banner_words)
    });
    let rest = Memo::new(move |_| location.pathname.with(|p| rest_of(p, &ctx.id())));
    let shown = move || holder.with(Option::is_some) && !rest.with(|r| says_whose_turn_itself(r));
    let pass_href = move || crate::href(format!("{}?from={}", ctx.path("pass"), rest.get()));
    view! {
        <Show when=shown>
            <div class="app-turn-banner app-turn-banner--with-action">
                <p class="app-turn-banner__text" role="status">
                    {move || holder.get().map(|(name, role, named)| view! {
                        <span class="app-turn-banner__label">{tr!("Now:")}" "</span>
                        {name_and_role(name, role, named)}
                    })}
                </p>
                <A exact=true href=pass_href attr:class="app-button app-button--secondary app-turn-banner__pass">
                    {tr!("Pass the tablet")}
                </A>
            </div>
        </Show>
    }
}

/// The screen at `/review/:id/pass`: first who takes the tablet next, then
/// (with `?to=<participant>`) the hand-over itself. `?from=` is the screen to
/// return to.
#[component]
pub fn PassTheTablet() -> impl IntoView {
    let query = use_query_map();
    let from = Memo::new(move |_| return_to(query.with(|q| q.get("from"))));
    let to = Memo::new(move |_| query.with(|q| q.get("to")).filter(|t| !t.is_empty()));
    move || match to.get() {
        None => view! { <ChooseNext from=from.get() /> }.into_any(),
        Some(to) => view! { <HandOver to=to from=from.get() /> }.into_any(),
    }
}

/// One person the tablet can go to, as the choice shows them.
#[derive(Clone, Debug, PartialEq)]
struct Taker {
    id: String,
    name: String,
    role: String,
}

// The links of these screens are plain <a>s (the router still handles them):
// <A> marks any link to the same path as the current page, ignoring the query,
// so every choice here would say aria-current="page".

/// Who can take the tablet next, and who cannot because they are not in the room.
#[derive(Clone, Debug, PartialEq)]
struct Round {
    locked: bool,
    holder: String,
    takers: Vec<Taker>,
    remote: Vec<String>,
}

#[component]
fn ChooseNext(
    /// The screen to go back to (after `/review/:id/`).
    from: String,
) -> impl IntoView {
    let ctx = use_review();
    let back = ctx.path(&from);
    let round = ctx.select(|r| {
        let holder = r.turn_holder();
        let holder_id = holder.map(|p| p.id.clone());
        Round {
            locked: r.state == ReviewState::SignedOff,
            holder: holder.map(Participant::short_name).unwrap_or_default(),
            takers: r
                .tablet_takers()
                .filter(|p| Some(&p.id) != holder_id.as_ref())
                .map(|p| Taker {
                    id: p.id.clone(),
                    name: p.short_name(),
                    role: p.role.label(),
                })
                .collect(),
            remote: r
                .participants
                .iter()
                .filter(|p| p.attendance == Some(Attendance::Remote))
                .map(Participant::short_name)
                .collect(),
        }
    });
    let pass = ctx.path("pass");
    view! {
        <Page back=back.clone() title={tr!("Who will use the tablet next?")} caption={tr!("Passing the tablet")}>
            {move || {
                let r = round.get();
                if r.locked {
                    return view! {
                        <p class="app-body">{tr!("This review is signed off, so the tablet does not need passing.")}</p>
                        <p class="app-body"><A exact=true href=crate::href(back.clone()) attr:class="app-link app-link--standalone">{tr!("Go back")}</A></p>
                    }
                    .into_any();
                }
                let no_takers = r.takers.is_empty();
                let choices = r.takers.into_iter().map(|t| {
                    let href = format!("{pass}?from={from}&to={}", t.id);
                    view! {
                        <li>
                            <A exact=true href=crate::href(href) attr:class="app-turn-choice">
                                <span class="app-turn-choice__name">{t.name}</span>
                                <span class="app-turn-choice__role">{t.role}</span>
                            </A>
                        </li>
                    }
                }).collect_view();
                view! {
                    <p class="app-body">{tr!("{holder} has the tablet now. Choose who it goes to next.", holder = r.holder)}</p>
                    {no_takers.then(|| view! {
                        <p class="app-body">
                            {tr!("Nobody else is in the room yet. On “Who is here”, say who is in the room.")}
                        </p>
                    })}
                    <ul class="app-turn-choices">{choices}</ul>
                    {(!r.remote.is_empty()).then(|| view! {
                        <p class="app-body">
                            {tr!("Joining by phone or video, so not able to take the tablet: {list}.", list = r.remote.join(", "))}
                        </p>
                    })}
                    <p class="app-body">
                        <A exact=true href=crate::href(back.clone()) attr:class="app-link app-link--standalone">
                            {tr!("Keep the tablet with {holder}", holder = r.holder)}
                        </A>
                    </p>
                }
                .into_any()
            }}
        </Page>
    }
}

/// The hand-over: nothing of the screen before shows until the person taking
/// the tablet says it is them; then that screen comes back, its heading focused.
#[component]
fn HandOver(
    /// The participant taking the tablet.
    to: String,
    /// The screen to go back to (after `/review/:id/`).
    from: String,
) -> impl IntoView {
    let ctx = use_review();
    let navigate = use_navigate();
    let back = ctx.path(&from);
    let choose = format!("{}?from={from}", ctx.path("pass"));
    let (locked, holder, taker) = ctx.review.with_untracked(|r| {
        (
            r.state == ReviewState::SignedOff,
            r.turn_holder()
                .map(Participant::short_name)
                .unwrap_or_default(),
            r.participant(&to)
                .filter(|p| p.in_the_room())
                .map(|p| (p.short_name(), p.easy_read_helps())),
        )
    });
    if locked {
        return view! {
            <Page title={tr!("The tablet does not need passing")}>
                <p class="app-body">{tr!("This review is signed off, so nothing more is asked of anyone.")}</p>
                <p class="app-body"><A exact=true href=crate::href(back) attr:class="app-link app-link--standalone">{tr!("Go back")}</A></p>
            </Page>
        }
        .into_any();
    }
    let Some((name, easy_read_helps)) = taker else {
        return view! {
            <Page title={tr!("This person cannot take the tablet")}>
                <p class="app-body">
                    {tr!("They may have left the room, or no longer be part of this review.")}
                </p>
                <p class="app-body">
                    <A exact=true href=crate::href(choose) attr:class="app-link app-link--standalone">{tr!("Choose who will use the tablet next")}</A>
                </p>
                <p class="app-body">
                    <A exact=true href=crate::href(back) attr:class="app-link app-link--standalone">{tr!("Keep the tablet with {holder}", holder = holder)}</A>
                </p>
            </Page>
        }
        .into_any();
    };
    let problem = RwSignal::new(None::<String>);
    let back_to = back.clone();
    let confirm = move |_| match ctx.dispatch(Command::PassTablet { to: to.clone() }) {
        Ok(()) => navigate(&back_to, Default::default()),
        Err(e) => problem.set(Some(e.to_string())),
    };
    view! {
        <Page title=tr!("Pass the tablet to {name}", name = name) doc_title={tr!("Pass the tablet")} caption={tr!("Passing the tablet")}>
            <div class="app-handover">
                <p class="app-handover__lead">{tr!("{holder}, please give the tablet to {name}.", holder = holder, name = name)}</p>
                <p class="app-body">
                    {tr!("{name}, when you have the tablet, press the button to carry on where the meeting was.", name = name)}
                </p>
                <super::easy_read_offer::EasyReadOffer name=name.clone() helps=easy_read_helps />
                <super::error_summary::Problem message=problem />
                <button type="button" class="app-button app-handover__confirm" on:click=confirm>
                    {tr!("I am {name} — continue", name = name)}
                </button>
            </div>
            <p class="app-body">
                <A exact=true href=crate::href(choose) attr:class="app-link app-link--standalone">{tr!("Choose someone else")}</A>
            </p>
            <p class="app-body">
                <A exact=true href=crate::href(back) attr:class="app-link app-link--standalone">{tr!("Keep the tablet with {holder}", holder = holder)}</A>
            </p>
        </Page>
    }
    .into_any()
}
