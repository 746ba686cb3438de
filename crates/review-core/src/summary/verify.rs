//! Verifying a summary file: every check a records team runs, in order
//! (bytes, JSON, format, canonical form, signature, schema, portable values,
//! trusted keys), for formats 1 and 2 and for addenda (`addendum.rs`), and
//! reading an unsigned file to sign.

use super::addendum_record::Addendum;
use super::canonical::{parse_strict, scan_canonical_text, Member, ParseError};
use super::document::*;
use super::errors::*;
use super::jws::*;
use super::keys::*;
use super::team_keys::TeamKeys;
use super::v1;
use crate::tr;
use serde_json::Value;

/// Read an unsigned format 2 summary file (any JSON layout) and check it is
/// one that can be signed: the `sign` command's input. `signed_at`, when
/// given, is written into `signedAt` first (the time of signing is the
/// signer's to say).
pub fn read_unsigned(bytes: &[u8], signed_at: Option<&str>) -> Result<Summary, SignError> {
    let mut value = parse_strict(bytes).map_err(|e| SignError::Invalid(vec![parse_error(e)]))?;
    match format_errors(&value).map_err(|e| SignError::Invalid(vec![e]))? {
        FormatVersion::V2 => {}
        FormatVersion::V1 => {
            return Err(SignError::Invalid(vec![err(
                ErrorCode::WrongFormatVersion,
                tr!("This summary is format version \"{format_version_1}\": files of that format are read but no longer signed. Make it format version \"{format_version}\".", format_version_1 = FORMAT_VERSION_1, format_version = FORMAT_VERSION),
            )]))
        }
    }
    if value.get("signature").is_some() {
        return Err(SignError::AlreadySigned);
    }
    if let (Some(at), Value::Object(members)) = (signed_at, &mut value) {
        members.insert("signedAt".into(), Value::String(at.to_string()));
    }
    content_checks(&value, FormatVersion::V2, None)
        .map_err(|found| SignError::Invalid(found.errors))
}

// ---- Verifying --------------------------------------------------------------

/// Verify a summary file's bytes: UTF-8, JSON without repeated names, format
/// and version, canonical bytes, the signature (header, algorithm, `kid` ↔
/// `jwk`, document id, Ed25519), then the schema, and then, when a key list
/// is given, what it says of the signer.
pub fn verify(bytes: &[u8], options: &VerifyOptions<'_>) -> Verification {
    verify_with(bytes, options, &Ed25519Strict)
}

pub(crate) fn verify_with(
    bytes: &[u8],
    options: &VerifyOptions<'_>,
    check: &dyn SignatureCheck,
) -> Verification {
    let mut out = Verification {
        sha256: sha256_base64url(bytes),
        ..Verification::default()
    };
    if let Err(found) = run(bytes, options, check, &mut out) {
        out.errors = found.errors;
        out.unlisted = found.unlisted;
        out.summary = None;
        out.addendum = None;
        out.signer = Signer::NotChecked;
    }
    out
}

/// The problems a stage found: at most [`MAX_LISTED`], and how many more.
struct Found {
    errors: Vec<VerifyError>,
    unlisted: usize,
}

impl From<Vec<VerifyError>> for Found {
    fn from(mut errors: Vec<VerifyError>) -> Found {
        let unlisted = errors.len().saturating_sub(MAX_LISTED);
        errors.truncate(MAX_LISTED);
        Found { errors, unlisted }
    }
}

impl From<VerifyError> for Found {
    fn from(e: VerifyError) -> Found {
        Found::from(vec![e])
    }
}

type Stage = Result<(), Found>;

fn run(
    bytes: &[u8],
    options: &VerifyOptions<'_>,
    check: &dyn SignatureCheck,
    out: &mut Verification,
) -> Stage {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(parse_error(ParseError::NotUtf8).into());
    };
    // Fast path: one pass proves the bytes are canonical JSON with no name
    // twice. Only when it says no do we parse fully, to say why.
    let Some(members) = scan_canonical_text(text) else {
        let value = parse_strict(bytes).map_err(parse_error)?;
        out.document_id = value
            .get("documentId")
            .and_then(Value::as_str)
            .map(String::from);
        if let Kind::Summary(version) = kind_of(&value)? {
            out.format_version = Some(version);
        }
        if value.get("signature").is_none() {
            return Err(no_signature().into());
        }
        return Err(err(
            ErrorCode::NotCanonical,
            tr!("The file's bytes are not in canonical form (RFC 8785): a summary is stored exactly as it was signed, so this file has been changed or re-saved by another program. Use the file exactly as it was downloaded."),
        )
        .into());
    };
    let top = TopLevel {
        bytes,
        members: &members,
    };
    if bytes.first() != Some(&b'{') {
        return Err(not_a_summary().into());
    }
    out.document_id = top.string("documentId");
    let kind = kind_of(&top.small_object(&["format", "formatVersion"]))?;
    let (version, typ) = match kind {
        Kind::Summary(version) => {
            out.format_version = Some(version);
            (version, JWS_TYPE)
        }
        // An addendum's header is format 2's, under its own type.
        Kind::Addendum => (FormatVersion::V2, ADDENDUM_JWS_TYPE),
    };
    signature_checks(&top, version, typ, check, options.trusted_keys, out)?;
    // The signature holds; now what it covers must be a well-formed document.
    // Read from the text proved UTF-8 above, so no string is checked twice.
    let value: Value =
        serde_json::from_str(text).map_err(|e| parse_error(ParseError::NotJson(e.to_string())))?;
    match kind {
        Kind::Summary(_) => {
            out.summary = Some(content_checks(&value, version, out.signed_at.as_deref())?)
        }
        Kind::Addendum => out.addendum = Some(addendum_content_checks(&value)?),
    }
    if let Some(list) = options.trusted_keys {
        let kid = out.kid.clone().unwrap_or_default();
        let listed = list.get(&kid);
        out.signer = Signer::Checked {
            standing: list.standing(
                &kid,
                out.signed_at.as_deref(),
                &out.sha256,
                options.receipts,
            ),
            name: listed.map(|k| k.name.clone()),
            since: listed.and_then(|k| k.revoked.clone().or_else(|| k.retired.clone())),
        };
    }
    Ok(())
}

/// The members of the top-level object of canonical bytes.
struct TopLevel<'a> {
    bytes: &'a [u8],
    members: &'a [Member],
}

impl TopLevel<'_> {
    fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.name == name)
    }

    fn raw(&self, name: &str) -> Option<&[u8]> {
        self.member(name).map(|m| &self.bytes[m.value.clone()])
    }

    fn string(&self, name: &str) -> Option<String> {
        serde_json::from_slice(self.raw(name)?).ok()
    }

    /// A small object of just these members (to check without parsing the rest).
    fn small_object(&self, names: &[&str]) -> Value {
        let mut object = serde_json::Map::new();
        for name in names {
            if let Some(v) = self
                .raw(name)
                .and_then(|raw| serde_json::from_slice(raw).ok())
            {
                object.insert(name.to_string(), v);
            }
        }
        Value::Object(object)
    }

    /// The canonical document without `signature`: the same bytes with that
    /// member cut out (canonical members stay canonical).
    fn payload(&self) -> Vec<u8> {
        let mut payload = Vec::with_capacity(self.bytes.len());
        payload.push(b'{');
        for (i, m) in self
            .members
            .iter()
            .filter(|m| m.name != "signature")
            .enumerate()
        {
            if i > 0 {
                payload.push(b',');
            }
            payload.extend_from_slice(&self.bytes[m.span.clone()]);
        }
        payload.push(b'}');
        payload
    }
}

fn no_signature() -> VerifyError {
    err(
        ErrorCode::NoSignature,
        tr!("The summary has no signature, so nothing shows who made it or that it is unchanged."),
    )
}

fn not_a_summary() -> VerifyError {
    err(
        ErrorCode::NotASummary,
        tr!(
            "This is not a Review Together summary: it has no \"format\": \"{format}\".",
            format = FORMAT
        ),
    )
}

/// What a signed file of ours is.
#[derive(Clone, Copy)]
enum Kind {
    Summary(FormatVersion),
    Addendum,
}

/// `format` and `formatVersion` of any of our signed files.
fn kind_of(value: &Value) -> Result<Kind, VerifyError> {
    if value.get("format").and_then(Value::as_str) != Some(ADDENDUM_FORMAT) {
        return format_errors(value).map(Kind::Summary);
    }
    match value.get("formatVersion") {
        Some(Value::String(v)) if v == ADDENDUM_FORMAT_VERSION => Ok(Kind::Addendum),
        other => Err(err(
            ErrorCode::WrongFormatVersion,
            tr!("This addendum is format version {version}; this verifier reads version \"{addendum_format_version}\". A newer version of review-summary may read it.", version = other.map_or_else(|| tr!("(none given)"), Value::to_string), addendum_format_version = ADDENDUM_FORMAT_VERSION),
        )),
    }
}

/// `format` and `formatVersion`, checked before anything that depends on them.
fn format_errors(value: &Value) -> Result<FormatVersion, VerifyError> {
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(not_a_summary());
    }
    match value.get("formatVersion") {
        Some(Value::String(v)) if v == FORMAT_VERSION => Ok(FormatVersion::V2),
        Some(Value::String(v)) if v == FORMAT_VERSION_1 => Ok(FormatVersion::V1),
        Some(Value::String(v)) => Err(err(
            ErrorCode::WrongFormatVersion,
            tr!("This summary is format version {v}; this verifier reads versions \"{format_version_1}\" and \"{format_version}\". A newer version of review-summary may read it.", v = format!("{v:?}"), format_version_1 = FORMAT_VERSION_1, format_version = FORMAT_VERSION),
        )),
        Some(other) => Err(err(
            ErrorCode::WrongFormatVersion,
            tr!("The format version is {other}, but it must be a string such as \"{format_version}\".", other = other, format_version = FORMAT_VERSION),
        )),
        None => Err(err(
            ErrorCode::WrongFormatVersion,
            tr!("The summary does not say which version of the format it is (\"formatVersion\")."),
        )),
    }
}

fn signature_checks(
    top: &TopLevel<'_>,
    version: FormatVersion,
    typ: &str,
    check: &dyn SignatureCheck,
    list: Option<&TeamKeys>,
    out: &mut Verification,
) -> Stage {
    let Some(raw) = top.raw("signature") else {
        return Err(no_signature().into());
    };
    let bad_format = |why: &str| -> Found {
        err(
            ErrorCode::BadSignatureFormat,
            tr!(
                "The signature is not a detached JWS (header..signature in base64url): {why}.",
                why = why
            ),
        )
        .into()
    };
    let jws: String = serde_json::from_slice(raw).map_err(|_| bad_format("it is not a string"))?;
    let Some((header_b64, signature_b64)) = jws.split_once("..") else {
        return Err(bad_format(
            "it does not have the two dots of a detached payload",
        ));
    };
    if header_b64.is_empty()
        || !header_b64
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(bad_format("the header part is not base64url"));
    }
    if !is_base64url_of_len(signature_b64, 64) {
        return Err(bad_format(
            "the signature part is not 64 bytes in base64url",
        ));
    }
    let signature_bytes: [u8; 64] = b64_decode(signature_b64)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| bad_format("the signature part is not 64 bytes in base64url"))?;
    let signature = Signature::from_bytes(&signature_bytes);

    let bad_header = |why: String| -> Found {
        err(
            ErrorCode::BadHeader,
            tr!(
                "The signature's protected header is not valid: {why}.",
                why = why
            ),
        )
        .into()
    };
    let header_bytes =
        b64_decode(header_b64).ok_or_else(|| bad_header(tr!("it is not base64url")))?;
    let header_value = parse_strict(&header_bytes)
        .map_err(|e| bad_header(tr!("it is not JSON ({why})", why = e)))?;
    match header_value.get("alg").and_then(Value::as_str) {
        Some(ALG | ALG_LEGACY) => {}
        Some(other) => {
            return Err(err(
                ErrorCode::UnsupportedAlg,
                tr!(
                    "The signature uses the algorithm {algorithm}; only \"Ed25519\" (or its older name \"EdDSA\") is accepted.",
                    algorithm = format!("{other:?}")
                ),
            )
            .into())
        }
        None => return Err(bad_header(tr!("it does not name the algorithm (\"alg\")"))),
    }
    // Format 2 names the signing time and document in the signed document;
    // format 1 named them in the header, and the two had to agree.
    let (header, header_document_id) = match version {
        FormatVersion::V2 => {
            let header: ProtectedHeader = serde_json::from_value(header_value).map_err(|e| {
                bad_header(tr!(
                    "{why} (format 2 uses alg, typ, kid and jwk only)",
                    why = e
                ))
            })?;
            out.signed_at = top.string("signedAt");
            (header, None)
        }
        FormatVersion::V1 => {
            let h: ProtectedHeaderV1 =
                serde_json::from_value(header_value).map_err(|e| bad_header(e.to_string()))?;
            if !is_rfc3339_seconds(&h.signed_at) {
                return Err(bad_header(tr!(
                    "the signing time {when} is not an RFC 3339 time to the second",
                    when = format!("{:?}", h.signed_at)
                )));
            }
            out.signed_at = Some(h.signed_at.clone());
            let header = ProtectedHeader {
                alg: h.alg,
                typ: h.typ,
                kid: h.kid,
                jwk: h.jwk,
            };
            (header, Some(h.document_id))
        }
    };
    if header.typ != typ {
        return Err(bad_header(tr!(
            "its type is {typ}, not {wanted}",
            typ = format!("{:?}", header.typ),
            wanted = format!("{typ:?}")
        )));
    }
    let carried = header
        .jwk
        .verifying_key()
        .map_err(|e| bad_header(e.to_string()))?;
    out.kid = Some(header.kid.clone());

    let mut errors = Vec::new();
    let thumbprint = header.jwk.thumbprint();
    if header.kid != thumbprint {
        errors.push(err(
            ErrorCode::KidMismatch,
            tr!("The key id in the signature ({kid}) is not the thumbprint of the key it carries ({thumbprint}).", kid = header.kid, thumbprint = thumbprint),
        ));
    }
    // With a key list, the key that verifies is the list's, never the one
    // the file carries: a file cannot bring its own key under a known id.
    let key = match list.and_then(|l| l.get(&header.kid)) {
        Some(listed) => {
            if listed.jwk != header.jwk {
                errors.push(err(
                    ErrorCode::KidMismatch,
                    tr!("The signature names the key of {name} from your team's list ({kid}), but carries a different key: it was not made by that device.", name = format!("{:?}", listed.name), kid = header.kid),
                ));
            }
            listed
                .jwk
                .verifying_key()
                .map_err(|e| bad_header(e.to_string()))?
        }
        None => carried,
    };
    if let (Some(id), Some(signed_for)) = (&out.document_id, &header_document_id) {
        if id != signed_for {
            errors.push(err(
                ErrorCode::DocumentIdMismatch,
                tr!(
                    "The signature was made for document {signed_for}, but this is document {id}.",
                    signed_for = format!("{signed_for:?}"),
                    id = format!("{id:?}")
                ),
            ));
        }
    }
    if !check.verify(&key, header_b64, &top.payload(), &signature) {
        errors.push(err(
            ErrorCode::BadSignature,
            tr!("The signature does not match the contents: the summary was changed after it was signed, or the signature belongs to another summary."),
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.into())
    }
}

/// The schema of the file's format (with the `schema-validation` feature,
/// the shipped JSON Schema itself), the Rust types (closed objects, checked
/// strings), and the portable-value rules. A format 1 summary is read as
/// format 2 says it, with `signed_at` from its header.
fn content_checks(
    value: &Value,
    version: FormatVersion,
    signed_at: Option<&str>,
) -> Result<Summary, Found> {
    let typed = match version {
        FormatVersion::V2 => typed_from(value),
        FormatVersion::V1 => typed_from::<v1::Summary>(value).and_then(|s| {
            let at = DateTimeText::try_from(signed_at.unwrap_or_default())
                .map_err(serde::de::Error::custom)?;
            Ok(s.upgrade(at))
        }),
    };
    typed_and_portable(value, super::schema::validate(value, version), typed, |e| {
        tr!(
            "The summary does not match the schema ({version}): {e}.",
            version = super::schema::file_name(version),
            e = e
        )
    })
}

/// The typed document from its tree. Checking many files (feature `bulk`,
/// the CLI) it is read in place, as a copy of the whole tree costs as much
/// as reading it; the app keeps its one decode path, `from_value`, for the
/// bytes it downloads.
fn typed_from<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    #[cfg(feature = "bulk")]
    {
        T::deserialize(value)
    }
    #[cfg(not(feature = "bulk"))]
    {
        serde_json::from_value(value.clone())
    }
}

/// An addendum's content, once its signature holds: as a summary's, by its
/// own schema and types.
fn addendum_content_checks(value: &Value) -> Result<Addendum, Found> {
    let typed = typed_from::<Addendum>(value);
    typed_and_portable(value, super::schema::validate_addendum(value), typed, |e| {
        tr!(
            "The addendum does not match its schema ({file}): {why}.",
            file = super::schema::ADDENDUM_FILE,
            why = e
        )
    })
}

/// The end of every file's content checks: the schema's errors, the types'
/// (`mismatch` words it, when the schema found nothing), then the
/// portable-value rules', at most [`MAX_LISTED`] listed and the rest counted.
fn typed_and_portable<T>(
    value: &Value,
    schema: Vec<String>,
    typed: Result<T, serde_json::Error>,
    mismatch: impl FnOnce(&serde_json::Error) -> String,
) -> Result<T, Found> {
    let mut errors: Vec<VerifyError> = schema
        .into_iter()
        .map(|e| err(ErrorCode::Schema, e))
        .collect();
    if let (Err(e), true) = (&typed, errors.is_empty()) {
        errors.push(err(ErrorCode::Schema, mismatch(e)));
    }
    let portable = super::portable::portable_issues(value, MAX_LISTED.saturating_sub(errors.len()));
    let unlisted = portable.total - portable.listed.len();
    errors.extend(
        portable
            .listed
            .into_iter()
            .map(|issue| err(ErrorCode::NotPortable, issue)),
    );
    match typed {
        Ok(document) if errors.is_empty() && unlisted == 0 => Ok(document),
        _ => {
            let mut found = Found::from(errors);
            found.unlisted += unlisted;
            Err(found)
        }
    }
}
