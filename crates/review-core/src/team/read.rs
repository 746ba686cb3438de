//! Reading `team.json` strictly: the hand walk over the parsed file that
//! names the member at fault (`team.email`, `identifiers[2].format`), and
//! the rules a type cannot say (phone numbers, emails, dates, language tags,
//! identifier shapes). It builds a [`TeamProfile`] or refuses; it keeps and
//! decides nothing else (which file is in force is the parent's).

use super::profile::{
    wrong, Complaints, IdentifierRule, TeamContacts, TeamError, TeamProfile, FORMAT, MAX_BYTES,
    VERSION,
};
use crate::summary::canonical::parse_strict;
use crate::summary::TeamKeys;
use crate::tr;
use serde_json::{Map, Value};

impl TeamProfile {
    /// Read a configuration, strictly (see the module's doc).
    pub fn from_json(text: &str) -> Result<TeamProfile, TeamError> {
        if text.len() > MAX_BYTES {
            return Err(wrong(
                "",
                tr!(
                    "the file is over {kb} KB: it is not a team configuration",
                    kb = MAX_BYTES / 1024
                ),
            ));
        }
        let value = parse_strict(text.as_bytes())
            .map_err(|e| wrong("", tr!("the file is not valid JSON ({why})", why = e)))?;
        let profile = read_profile(&value)?;
        check(&profile)?;
        Ok(profile)
    }
}

/// The rules serde cannot say: each value's shape.
fn check(profile: &TeamProfile) -> Result<(), TeamError> {
    if profile.format != FORMAT {
        return Err(wrong(
            "format",
            tr!(
                "it must be \"{format}\", not {when}",
                format = FORMAT,
                when = format!("{:?}", profile.format)
            ),
        ));
    }
    if profile.version != VERSION {
        let why = if profile.version > VERSION {
            tr!("version {version} is newer than this version of the app reads (version {supported}): update the app", version = profile.version, supported = VERSION)
        } else {
            tr!("it must be {version}", version = VERSION)
        };
        return Err(wrong("version", why));
    }
    if chrono::NaiveDate::parse_from_str(&profile.updated, "%Y-%m-%d").is_err()
        || profile.updated.len() != 10
    {
        return Err(wrong(
            "updated",
            tr!(
                "{when} is not a date written YYYY-MM-DD",
                when = format!("{:?}", profile.updated)
            ),
        ));
    }
    filled("team.name", &profile.team.name)?;
    phone("team.phone", &profile.team.phone)?;
    email("team.email", &profile.team.email)?;
    filled("complaints.how", &profile.complaints.how)?;
    if let Some(p) = &profile.complaints.phone {
        phone("complaints.phone", p)?;
    }
    if let Some(e) = &profile.complaints.email {
        email("complaints.email", e)?;
    }
    if let Some(web) = &profile.complaints.web {
        let host = web.strip_prefix("https://").unwrap_or_default();
        if host.is_empty() || web.chars().any(char::is_whitespace) {
            return Err(wrong(
                "complaints.web",
                tr!(
                    "{web} is not a web address starting https://",
                    web = format!("{web:?}")
                ),
            ));
        }
    }
    if let Some(keys) = &profile.keys {
        TeamKeys::from_json(&keys.to_string()).map_err(|e| wrong("keys", e.to_string()))?;
    }
    let mut ids = Vec::new();
    for (i, rule) in profile.identifiers.iter().enumerate() {
        let at = |member: &str| format!("identifiers[{i}].{member}");
        let good_id = rule
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && rule.id.chars().next().is_some_and(|c| c != '-');
        if !good_id {
            return Err(wrong(
                at("id"),
                tr!(
                    "{id} must be lower-case letters, digits and \"-\"",
                    id = format!("{:?}", rule.id)
                ),
            ));
        }
        if ids.contains(&rule.id) {
            return Err(wrong(
                at("id"),
                tr!("{id} is used twice", id = format!("{:?}", rule.id)),
            ));
        }
        ids.push(rule.id.clone());
        filled(&at("label"), &rule.label)?;
        let shape = rule
            .format
            .chars()
            .filter(|c| matches!(c, 'A' | '9' | '*'))
            .count();
        if shape == 0
            || rule.format.chars().count() > 64
            || rule.format.chars().any(char::is_control)
        {
            return Err(wrong(
                at("format"),
                tr!("{when} is not a shape: use \"A\" for a letter, \"9\" for a digit, \"*\" for either", when = format!("{:?}", rule.format)),
            ));
        }
    }
    if profile.languages.is_empty() {
        return Err(wrong(
            "languages",
            "name at least one language, the team's own first",
        ));
    }
    for (i, tag) in profile.languages.iter().enumerate() {
        if !is_language_tag(tag) {
            return Err(wrong(
                format!("languages[{i}]"),
                tr!(
                    "{tag} is not a language tag such as \"en-GB\" or \"cy\"",
                    tag = format!("{tag:?}")
                ),
            ));
        }
        if profile.languages[..i]
            .iter()
            .any(|t| t.eq_ignore_ascii_case(tag))
        {
            return Err(wrong(
                format!("languages[{i}]"),
                tr!("{tag} is named twice", tag = format!("{tag:?}")),
            ));
        }
    }
    Ok(())
}

/// What a JSON value is, in the words of a type error.
fn kind_of(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => format!("number `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// `parent.member`, or `member` at the top.
fn join(parent: &str, member: &str) -> String {
    if parent.is_empty() {
        member.to_string()
    } else {
        format!("{parent}.{member}")
    }
}

/// One object of the file: its members, each read once, none unknown.
struct Members<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Members<'a> {
    fn of(value: &'a Value, path: &str, allowed: &[&str]) -> Result<Members<'a>, TeamError> {
        let map = value.as_object().ok_or_else(|| {
            wrong(
                path,
                tr!(
                    "invalid type: {value}, expected a map",
                    value = kind_of(value)
                ),
            )
        })?;
        if let Some(unknown) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            let expected: Vec<String> = allowed.iter().map(|m| format!("`{m}`")).collect();
            return Err(wrong(
                join(path, unknown),
                tr!(
                    "unknown field `{unknown}`, expected one of {list}",
                    unknown = unknown,
                    list = expected.join(", ")
                ),
            ));
        }
        Ok(Members {
            map,
            path: path.to_string(),
        })
    }

    fn get(&self, member: &str) -> Option<&'a Value> {
        self.map.get(member)
    }

    fn required(&self, member: &str) -> Result<&'a Value, TeamError> {
        self.get(member).ok_or_else(|| {
            wrong(
                self.path.clone(),
                tr!("missing field `{member}`", member = member),
            )
        })
    }

    fn text(&self, member: &str) -> Result<String, TeamError> {
        as_text(self.required(member)?, &join(&self.path, member))
    }

    fn optional_text(&self, member: &str) -> Result<Option<String>, TeamError> {
        self.get(member)
            .map(|v| as_text(v, &join(&self.path, member)))
            .transpose()
    }
}

fn as_text(value: &Value, path: &str) -> Result<String, TeamError> {
    value.as_str().map(str::to_string).ok_or_else(|| {
        wrong(
            path,
            tr!(
                "invalid type: {value}, expected a string",
                value = kind_of(value)
            ),
        )
    })
}

fn as_list<'a>(value: &'a Value, path: &str) -> Result<&'a Vec<Value>, TeamError> {
    value.as_array().ok_or_else(|| {
        wrong(
            path,
            tr!(
                "invalid type: {value}, expected a sequence",
                value = kind_of(value)
            ),
        )
    })
}

/// The file as [`TeamProfile`], member by member (the derive's shape).
fn read_profile(value: &Value) -> Result<TeamProfile, TeamError> {
    let top = Members::of(
        value,
        "",
        &[
            "$schema",
            "format",
            "version",
            "updated",
            "team",
            "complaints",
            "keys",
            "identifiers",
            "languages",
        ],
    )?;
    let version = top.required("version")?;
    let version = version
        .as_u64()
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| {
            wrong(
                "version",
                tr!(
                    "invalid type: {version}, expected a whole number",
                    version = kind_of(version)
                ),
            )
        })?;
    let team = Members::of(
        top.required("team")?,
        "team",
        &["name", "organisation", "phone", "email", "address", "hours"],
    )?;
    let complaints = Members::of(
        top.required("complaints")?,
        "complaints",
        &["how", "phone", "email", "address", "web"],
    )?;
    let mut identifiers = Vec::new();
    if let Some(list) = top.get("identifiers") {
        for (i, item) in as_list(list, "identifiers")?.iter().enumerate() {
            let rule = Members::of(
                item,
                &format!("identifiers[{i}]"),
                &["id", "label", "format", "required", "hint"],
            )?;
            let required = match rule.get("required") {
                None => false,
                Some(Value::Bool(b)) => *b,
                Some(other) => {
                    let why = tr!(
                        "invalid type: {other}, expected a boolean",
                        other = kind_of(other)
                    );
                    return Err(wrong(format!("identifiers[{i}].required"), why));
                }
            };
            identifiers.push(IdentifierRule {
                id: rule.text("id")?,
                label: rule.text("label")?,
                format: rule.text("format")?,
                required,
                hint: rule.optional_text("hint")?,
            });
        }
    }
    let languages = as_list(top.required("languages")?, "languages")?
        .iter()
        .enumerate()
        .map(|(i, tag)| as_text(tag, &format!("languages[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(TeamProfile {
        schema: top.optional_text("$schema")?,
        format: top.text("format")?,
        version,
        updated: top.text("updated")?,
        team: TeamContacts {
            name: team.text("name")?,
            organisation: team.optional_text("organisation")?,
            phone: team.text("phone")?,
            email: team.text("email")?,
            address: team.optional_text("address")?,
            hours: team.optional_text("hours")?,
        },
        complaints: Complaints {
            how: complaints.text("how")?,
            phone: complaints.optional_text("phone")?,
            email: complaints.optional_text("email")?,
            address: complaints.optional_text("address")?,
            web: complaints.optional_text("web")?,
        },
        keys: top.get("keys").cloned(),
        identifiers,
        languages,
    })
}

fn filled(field: &str, value: &str) -> Result<(), TeamError> {
    if value.trim().is_empty() {
        return Err(wrong(field, "it is empty"));
    }
    Ok(())
}

fn phone(field: &str, value: &str) -> Result<(), TeamError> {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +()-".contains(c));
    if !allowed || !(6..=15).contains(&digits) {
        return Err(wrong(field, tr!("{value} is not a phone number (6 to 15 digits, with spaces, \"+\", \"(\", \")\" or \"-\")", value = format!("{value:?}"))));
    }
    Ok(())
}

fn email(field: &str, value: &str) -> Result<(), TeamError> {
    let good = match value.split_once('@') {
        Some((name, domain)) => {
            !name.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if !good {
        return Err(wrong(
            field,
            tr!(
                "{value} is not an email address",
                value = format!("{value:?}")
            ),
        ));
    }
    Ok(())
}

/// A BCP 47 tag in the simple form teams use: a language of 2–3 letters,
/// then subtags of 2–8 letters or digits ("en-GB", "cy", "zh-Hant-HK").
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}
