//! A readable copy as HTML: [`body`], the article the app shows (its
//! stylesheet styles it), and [`page`], a document of its own with the
//! same styles inside, to download, share or print anywhere. Every word
//! from the file is escaped; the only markup is ours.

use super::{symbols, Block, Line, Readable, Style, Symbol};
use crate::i18n::Lang;
use std::fmt::Write;

/// The styles of a readable copy, as the app's stylesheet has them
/// (`style/components/readable.css`), for a page of its own.
const STYLES: &str = include_str!("../../../../style/components/readable.css");

/// Text made safe inside HTML elements and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn symbol(s: Option<Symbol>) -> String {
    s.and_then(symbols::svg).unwrap_or_default()
}

fn lines(out: &mut String, lines: &[Line]) {
    out.push_str(r#"<ul class="app-readable__lines">"#);
    for l in lines {
        out.push_str(r#"<li class="app-readable__line">"#);
        out.push_str(&symbol(l.symbol));
        out.push_str(r#"<span class="app-readable__words">"#);
        if !l.label.is_empty() {
            let _ = write!(
                out,
                r#"<span class="app-readable__label">{}:</span> "#,
                escape(&l.label)
            );
        }
        let _ = write!(out, "{}</span></li>", escape(&l.text));
    }
    out.push_str("</ul>");
}

/// The copy as an `<article>`, headings from `<h1>`.
pub fn body(r: &Readable) -> String {
    body_at(r, 1)
}

/// The copy as an `<article>` whose title is a heading of `level` (its
/// sections one level below, their groups two): 2 inside a screen that
/// has its own `<h1>`.
pub fn body_at(r: &Readable, level: u8) -> String {
    let (h1, h2, h3) = (level, level + 1, level + 2);
    let mut out = String::new();
    let modifier = match r.style {
        Style::Plain => "",
        Style::EasyRead => " app-readable--easy",
    };
    let _ = write!(
        out,
        r#"<article class="app-readable{modifier}" lang="{}" dir="{}"><h{h1} class="app-readable__title">{}</h{h1}>"#,
        r.lang.tag(),
        dir(r.lang),
        escape(&r.title)
    );
    for p in &r.lead {
        let _ = write!(out, r#"<p class="app-readable__lead">{}</p>"#, escape(p));
    }
    for (i, s) in r.sections.iter().enumerate() {
        let _ = write!(
            out,
            r#"<section class="app-readable__section" aria-labelledby="readable-{i}"><h{h2} class="app-readable__heading" id="readable-{i}">{}</h{h2}>"#,
            escape(&s.heading)
        );
        for b in &s.parts {
            match b {
                Block::Para(text) => {
                    let _ = write!(out, r#"<p class="app-readable__text">{}</p>"#, escape(text));
                }
                Block::Group {
                    title,
                    symbol: s,
                    lines: l,
                } => {
                    let _ = write!(
                        out,
                        r#"<div class="app-readable__group"><h{h3} class="app-readable__group-title">{}{}</h{h3}>"#,
                        symbol(*s),
                        escape(title)
                    );
                    lines(&mut out, l);
                    out.push_str("</div>");
                }
            }
        }
        out.push_str("</section>");
    }
    // The fingerprint on one line: printed, a `-` in it was a place to break.
    let fingerprint = escape(&r.fingerprint);
    let footer = escape(&r.footer).replacen(
        &fingerprint,
        &format!(r#"<span class="app-readable__fingerprint" translate="no">{fingerprint}</span>"#),
        1,
    );
    let _ = write!(
        out,
        r#"<footer class="app-readable__footer"><p class="app-readable__text">{footer}</p></footer></article>"#
    );
    out
}

fn dir(lang: Lang) -> &'static str {
    if lang.rtl() {
        "rtl"
    } else {
        "ltr"
    }
}

/// The copy as a page of its own, in its language, with its styles inside
/// (A4 when printed, the document id and fingerprint at the foot of each
/// page).
pub fn page(r: &Readable) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLES}</style></head><body class=\"app-readable-page\"><main>{}</main></body></html>\n",
        r.lang.tag(),
        dir(r.lang),
        escape(&r.title),
        body(r)
    )
}
