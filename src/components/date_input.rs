use leptos::prelude::*;

/// A date field using the browser's own date picker (large and familiar on
/// tablets). Empty or unreadable input gives `None`.
#[component]
pub fn DateInput(
    /// The input's id; error summary links point here.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help text under the label.
    #[prop(optional, into)]
    hint: MaybeProp<String>,
    /// The date chosen so far.
    #[prop(into)]
    value: Signal<Option<chrono::NaiveDate>>,
    /// The error to show, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Receives the new date (or `None` when cleared).
    on_change: Callback<Option<chrono::NaiveDate>>,
) -> impl IntoView {
    let hint = hint.get_untracked();
    let text = Signal::derive(move || {
        value
            .get()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    });
    let has_hint = hint.is_some();
    let locked = crate::state::read_only();
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(hint_id.clone());
        }
        if error.with(Option::is_some) {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class=move || if error.with(Option::is_some) { "app-form-group app-form-group--error" } else { "app-form-group" }>
            <label class="app-label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <div class="app-hint" id=format!("{id}-hint")>{h}</div> })}
            {
                let id = id.clone();
                move || error.get().map(|m| view! {
                    <p class="app-error-message" id=format!("{id}-error")>
                        <span class="app-visually-hidden">"Error: "</span>{m}
                    </p>
                })
            }
            <input
                class=move || if error.with(Option::is_some) { "app-input app-input--width-10 app-input--error" } else { "app-input app-input--width-10" }
                type="date"
                id=id.clone()
                name=id
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=text
                readonly=move || locked.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    on_change.run(chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok())
                }
            />
        </div>
    }
}
