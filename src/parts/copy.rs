//! One recipient's copy to read together, print or take away (P23): the
//! words the core makes from their signed copy (`review_core::readable`),
//! in plain words or easy read, printed on A4 with the document id and
//! fingerprint at the foot of each page, or saved as a page of its own or
//! as the signed file, and marked as given (`given`). Nothing here signs
//! or changes what was signed.

mod given;

use crate::browser::download;
use crate::browser::language;
use crate::browser::share::{self, ShareFile, Shared};
use crate::components::{Page, Said};
use crate::signing;
use crate::state::use_review;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use review_core::i18n::{self, Catalogue, Lang};
use review_core::readable::{html, readable, Style};
use review_core::summary::{sha256_base64url, verify, CopyFile, Summary, VerifyOptions};
use review_core::tr;
use review_core::GivenHow;
use std::rc::Rc;

/// The recipient's signed copy this device keeps, read.
fn find(review: &review_core::Review, recipient: &str) -> Result<(CopyFile, Summary), String> {
    let made = signing::stored_summary(review)?.ok_or_else(|| {
        tr!("this review was not signed off on this device, so its copies are not here")
    })?;
    let file = made
        .copies?
        .into_iter()
        .find(|c| c.recipient.id == recipient)
        .ok_or_else(|| tr!("this device keeps no such copy of this review"))?;
    // Read the way every signed file is read (and checked): the copy shown
    // is the copy signed.
    let checked = verify(file.text.as_bytes(), &VerifyOptions::default());
    match (checked.is_intact(), checked.summary) {
        (true, Some(document)) => Ok((file, document)),
        _ => Err(tr!("the copy kept on this device no longer checks: it is damaged or was changed after it was signed")),
    }
}

/// A recipient's copy: the choice of words, print, save, and the copy.
#[component]
pub fn ReadableCopy() -> impl IntoView {
    let ctx = use_review();
    let params = use_params_map();
    let recipient = params.with_untracked(|p| p.get("recipient").unwrap_or_default());
    let found = ctx.review.with_untracked(|r| find(r, &recipient));
    let team = crate::team::use_team()
        .in_force
        .get_untracked()
        .map(|f| f.profile);
    let back = ctx.path("");
    let (file, document) = match found {
        Ok(found) => found,
        Err(why) => {
            return view! {
                <Page back=back back_text={tr!("Back to the review")} title={tr!("This copy is not here")}>
                    <p class="app-body">{tr!("The copy cannot be shown: {why}.", why = why)}</p>
                </Page>
            }
            .into_any()
        }
    };
    let whose = file.recipient.whose();
    let sha256 = sha256_base64url(file.text.as_bytes());
    let style = RwSignal::new(Style::Plain);
    let said = RwSignal::new(None::<Result<String, String>>);
    // In the language chosen for its reader in P18 (issue 30), else the
    // screens'; any other at a tap. Its words are fetched when not in use.
    let in_lang = RwSignal::new(
        review_core::readable::reader_language(&document).unwrap_or_else(i18n::current_lang),
    );
    let catalogue = LocalResource::new(move || {
        let lang = in_lang.get();
        async move { language::catalogue(lang).await }
    });
    let words = {
        let (document, sha256, team) = (document.clone(), sha256.clone(), team.clone());
        move |style, catalogue: Option<Rc<Catalogue>>| {
            i18n::with_catalogue(catalogue, || {
                readable(&document, &sha256, team.as_ref(), style)
            })
        }
    };
    let shown = {
        let words = words.clone();
        move || match catalogue.get() {
            Some(Ok(c)) => html::body_at(&words(style.get(), c), 2),
            Some(Err(why)) => format!(
                r#"<p class="app-body">{}</p>"#,
                html::escape(&tr!(
                    "The copy cannot be shown in that language: {why} Choose another.",
                    why = why
                ))
            ),
            None => String::new(),
        }
    };
    // The copy as a page of its own, in the words and language chosen
    // (none until that language's words are here).
    let page_file = {
        let words = words.clone();
        let stem = file.file_name.trim_end_matches(".json").to_string();
        move || {
            let s = style.get_untracked();
            let c = catalogue.get_untracked()?.ok()?;
            Some(ShareFile {
                name: match s {
                    Style::Plain => format!("{stem}.html"),
                    Style::EasyRead => tr!("{stem}-easy-read.html", stem = stem),
                },
                mime: "text/html",
                text: html::page(&words(s, c)),
            })
        }
    };
    let save_page = {
        let (page_file, whose) = (page_file.clone(), whose.clone());
        move |_| {
            let Some(page) = page_file() else {
                return;
            };
            said.set(Some(
                download::download(&page.name, page.mime, &page.text)
                    .map(|()| {
                        tr!(
                            "{whose} was saved as a page, {name}.",
                            whose = whose,
                            name = page.name
                        )
                    })
                    .map_err(|e| tr!("The page could not be saved: {why}.", why = e)),
            ));
        }
    };
    let save_file = {
        let (file, whose) = (file.clone(), whose.clone());
        move |_| {
            said.set(Some(
                download::download(&file.file_name, "application/json", &file.text)
                    .map(|()| {
                        tr!(
                            "{whose} was saved as the signed file, {file_name}.",
                            whose = whose,
                            file_name = file.file_name
                        )
                    })
                    .map_err(|e| tr!("The file could not be saved: {why}.", why = e)),
            ))
        }
    };
    // The signed file and its page, through the device's share sheet.
    let share_files = {
        let file = file.clone();
        move || {
            let mut files = vec![ShareFile {
                name: file.file_name.clone(),
                mime: "application/json",
                text: file.text.clone(),
            }];
            files.extend(page_file());
            files
        }
    };
    let can_share = share::can_share(&share_files());
    let share_now = {
        let whose = whose.clone();
        let (recipient, document_id) = (file.recipient.id.clone(), file.document_id.clone());
        move |_| {
            let files = share_files();
            let whose = whose.clone();
            let (recipient, document_id) = (recipient.clone(), document_id.clone());
            leptos::task::spawn_local(async move {
                let result = match share::share(&whose, &files).await {
                    // Shared through the sheet: logged as given that way
                    // (to take back below if it did not reach them).
                    Ok(Shared::Done) => Ok(match ctx.mark_copy_given(recipient, document_id, GivenHow::Shared) {
                        Ok(()) => tr!("{whose} was shared from this tablet: the signed file and its page. It is marked as given; take the mark back below if it did not reach them.", whose = whose),
                        Err(e) => tr!("{whose} was shared from this tablet: the signed file and its page. It could not be marked as given ({why}): mark it below.", whose = whose, why = e),
                    }),
                    Ok(Shared::Cancelled) => Ok(tr!("Nothing was shared.")),
                    Err(e) => Err(tr!("{whose} could not be shared: {why}. Save it or print it instead.", whose = whose, why = e)),
                };
                let _ = said.try_set(Some(result));
            });
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            if w.print().is_err() {
                said.set(Some(Err(tr!("This browser would not print."))));
            }
        }
    };
    let choice = move |label: String, s: Style| {
        view! {
            <button type="button" class="app-button app-button--secondary"
                aria-pressed=move || (style.get() == s).to_string()
                on:click=move |_| style.set(s)>
                {label}
            </button>
        }
    };
    let in_language = move |lang: Lang| {
        view! {
            <button type="button" class="app-button app-button--secondary" lang=lang.tag()
                aria-pressed=move || (in_lang.get() == lang).to_string()
                on:click=move |_| in_lang.set(lang)>
                {lang.own_name()}
            </button>
        }
    };
    view! {
        <Page back=back back_text={tr!("Back to the review")} title=whose.clone()
            intro={tr!("Read it together, print it, or save it to give or send. It holds only what its reader may see, as agreed in “How we will review”.")}>
            <div class="app-button-group" role="group" aria-label={tr!("Words")}>
                {choice(tr!("Plain words"), Style::Plain)}
                {choice(tr!("Easy read"), Style::EasyRead)}
            </div>
            <div class="app-button-group" role="group" aria-label={tr!("Language of the copy")}>
                {Lang::ALL.into_iter().map(in_language).collect_view()}
            </div>
            <div class="app-button-group">
                <button type="button" class="app-button" on:click=print>{tr!("Print")}</button>
                <button type="button" class="app-button app-button--secondary" on:click=save_page>{tr!("Save as a page")}</button>
                <button type="button" class="app-button app-button--secondary" on:click=save_file>{tr!("Save the signed file")}</button>
                {can_share.then(|| view! {
                    <button type="button" class="app-button app-button--secondary" on:click=share_now.clone()>{tr!("Share")}</button>
                })}
            </div>
            <Said said=said />
            <given::GivenLog recipient=file.recipient.id.clone() document=file.document_id.clone() whose=whose.clone() />
            <div inner_html=shown></div>
        </Page>
    }
    .into_any()
}
