//! The "Display" button of the header and the panel it opens (a native
//! `<dialog>`): language, text size, colours, easy read and less movement, for every
//! screen of this device.

use super::choices::{Checkboxes, Choice, Radios};
use super::display::use_display;
use leptos::html;
use leptos::prelude::*;
use review_core::i18n::Lang;
use review_core::{tr, DisplaySettings, TextSize};

/// The "Display" button for the header, and the panel it opens.
#[component]
pub fn DisplayControl() -> impl IntoView {
    let Some(display) = use_display() else {
        return ().into_any();
    };
    let settings = display.settings;
    let dialog = NodeRef::<html::Dialog>::new();
    let toggle = NodeRef::<html::Button>::new();
    let open = move |_| {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // However the panel closes (its button, Escape), focus goes back to the
    // button that opened it, so nobody loses their place.
    let closed = move |_| {
        if let Some(b) = toggle.get() {
            let _ = b.focus();
        }
    };
    let text_size = Signal::derive(move || Some(settings.with(|s| s.text_size)));
    let set_text_size =
        Callback::new(move |size: TextSize| settings.update(|s| s.text_size = size));
    let contrast = Signal::derive(move || Some(settings.with(|s| s.high_contrast)));
    let set_contrast = Callback::new(move |on: bool| settings.update(|s| s.high_contrast = on));
    let extras = Signal::derive(move || {
        settings.with(|s| {
            let mut on = Vec::new();
            if s.easy_read {
                on.push(Extra::EasyRead);
            }
            if s.read_aloud {
                on.push(Extra::ReadAloud);
            }
            if s.reduce_motion {
                on.push(Extra::LessMovement);
            }
            on
        })
    });
    let set_extra = Callback::new(move |(extra, on): (Extra, bool)| {
        settings.update(|s| match extra {
            Extra::EasyRead => s.easy_read = on,
            Extra::ReadAloud => s.read_aloud = on,
            Extra::LessMovement => s.reduce_motion = on,
        })
    });
    let language = Signal::derive(move || Some(settings.with(|s| s.language)));
    let set_language = Callback::new(move |lang: Lang| settings.update(|s| s.language = lang));
    // Going back to the standard display keeps the language: it is not a
    // way the screen looks.
    let reset = move |_| {
        settings.update(|s| {
            *s = DisplaySettings {
                language: s.language,
                ..Default::default()
            }
        })
    };
    view! {
        <button type="button" class="app-display-toggle" aria-haspopup="dialog" node_ref=toggle on:click=open>
            <svg class="app-display-toggle__icon" aria-hidden="true" focusable="false" viewBox="0 0 32 24">
                <path d="M1 22 L8 3 H10 L17 22 H13.6 L11.8 17 H6.2 L4.4 22 Z M7.2 14 H10.8 L9 8.6 Z" />
                <path d="M19 22 L24 8.5 H26 L31 22 H28.4 L27.2 18.6 H22.8 L21.6 22 Z M23.6 16.2 H26.4 L25 12 Z" />
            </svg>
            {tr!("Display")}
        </button>
        <dialog class="app-dialog app-display" aria-labelledby="display-title" node_ref=dialog on:close=closed>
            // The panel may be taller than the screen: opening on its title
            // (not its first control) keeps the top in view and is read first.
            <h2 class="app-dialog__title" id="display-title" tabindex="-1" autofocus>{tr!("Display")}</h2>
            <div class="app-dialog__body">
                <p class="app-body">{tr!("Changes here are for every screen on this device.")}</p>
                <Radios id="display-language" legend={tr!("Language")}
                    hint={crate::browser::language::holder().filter(|l| *l != settings.with_untracked(|s| s.language)).map(|l| tr!("The screens are in {language} while the person holding the tablet has it, as chosen for them in “Help to take part”. This is the tablet’s own language, for when it is handed back.", language = l.name()))}
                    choices={Lang::ALL.iter().map(|l| Choice::new(*l, l.tag(), l.own_name()).in_lang(l.tag())).collect::<Vec<_>>()}
                    value=language on_change=set_language />
                <Radios id="display-text-size" legend={tr!("Text size")} inline=true
                    choices=Choice::list(&TextSize::ALL, TextSize::key, TextSize::label)
                    value=text_size on_change=set_text_size />
                <Radios id="display-contrast" legend={tr!("Colours")}
                    choices=vec![
                        Choice::new(false, "standard", tr!("Standard colours")),
                        Choice::new(true, "high", tr!("High contrast: white and yellow on black")),
                    ]
                    value=contrast on_change=set_contrast />
                <Checkboxes id="display-extras" legend={tr!("More help")} hint={tr!("Choose any that help.")}
                    choices=vec![
                        Choice::new(Extra::EasyRead, "easy-read", tr!("Easy read: short sentences and pictures")),
                        Choice::new(Extra::ReadAloud, "read-aloud", tr!("Read aloud beside each question")),
                        Choice::new(Extra::LessMovement, "less-movement", tr!("Less movement on the screen")),
                    ]
                    value=extras on_toggle=set_extra />
                {move || display.problem.get().map(|why| view! {
                    <p class="app-error-message" role="alert">{tr!("This is not kept on the device: {why}.", why = why)}</p>
                })}
            </div>
            <div class="app-dialog__actions">
                <button type="button" class="app-button" on:click=close>{tr!("Close")}</button>
                <button type="button" class="app-button app-button--secondary" on:click=reset>{tr!("Go back to the standard display")}</button>
            </div>
        </dialog>
    }
    .into_any()
}

/// The choices of "More help" in the panel.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Extra {
    EasyRead,
    ReadAloud,
    LessMovement,
}
