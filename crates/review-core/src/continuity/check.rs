//! Is the last review's summary one to build on? (issue 27, point 2)
//!
//! Who could attack it, and what stops them:
//! - someone holding the file could change what last time said (a better
//!   rating, an action never agreed, a matter marked settled, an item
//!   made visible): any change breaks the signature, and the file is
//!   refused;
//! - they could sign a file of their own making with a key of their own:
//!   a file from elsewhere counts only when the team's key list trusts its
//!   signer, so with no list, or a key the list does not know, retired
//!   before the signing or revoked, it is refused;
//! - someone with the tablet's storage could edit a signed-off review, or
//!   the summary kept beside it: a review on this device is read only from
//!   the signed summary it keeps (never from its draft), checked like any
//!   file, and counts only when this device's own key (which the browser
//!   keeps, never exported) or a key the team trusts signed it;
//! - a recipient's copy leaves out what its recipient may not see, and an
//!   addendum is not a review: both are refused, so nothing hidden last
//!   time is lost or shown by starting from the wrong file.
//!
//! What it does not stop: someone who holds a trusted key (this device's
//! PIN, or a team device) can sign what they like; the team's key list
//! and its revocations are the answer to that, as for every summary.

use crate::summary::{verify, Signer, Summary, TeamKeys, Verification, VerifyOptions};
use crate::tr;
use std::fmt;

/// Where the last summary comes from.
#[derive(Clone, Copy, Debug)]
pub enum LastFrom<'a> {
    /// A file chosen from elsewhere: only the team's key list vouches for it.
    File { team_keys: Option<&'a TeamKeys> },
    /// The summary this device keeps for one of its signed-off reviews:
    /// this device's key (its RFC 7638 thumbprint, when it has one) or
    /// the team's list vouches for it.
    ThisDevice {
        device_kid: Option<&'a str>,
        team_keys: Option<&'a TeamKeys>,
    },
}

/// A last summary that may be built on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub summary: Summary,
    /// SHA-256 of the file's bytes, base64url: the `continues` link.
    pub sha256: String,
    /// Who vouched for it, in words ("this device", or the team's name for
    /// the device that signed it).
    pub signed_by: String,
}

/// Why a last summary is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a signed summary, damaged or changed: the verifier's first reason.
    NotIntact(String),
    /// An addendum, not a review's summary.
    Addendum,
    /// A recipient's copy, which leaves out what they may not see.
    RecipientCopy { whose: String },
    /// A file from elsewhere, and the device has no team key list.
    NoKeyList,
    /// The team's key list does not vouch for the signer: why.
    Signer(String),
    /// A review on this device signed with a key that is neither this
    /// device's nor one the team's list trusts.
    NotThisDevice { kid: String },
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::NotIntact(why) => f.write_str(&tr!("This is not a signed summary that can be trusted, so nothing was brought from it: {why}", why = why)),
            Refused::Addendum => f.write_str(&tr!("This file is an addendum to a summary, not a review's summary. Choose the summary of the last review itself.")),
            Refused::RecipientCopy { whose } => f.write_str(&tr!("This file is a recipient's copy: {whose}. It leaves out what its recipient may not see. Choose the records copy of the last review's summary.", whose = whose)),
            Refused::NoKeyList => f.write_str(&tr!("This device has no team key list, so nothing shows that the file was signed by one of your team's devices. Import your team's key list (Team settings), or start from a review signed on this device.")),
            Refused::Signer(why) => f.write_str(&tr!("Nothing was brought from this file. {why}", why = why)),
            Refused::NotThisDevice { kid } => f.write_str(&tr!("The summary kept for this review was signed with a key this device does not hold (key id {kid}), and your team's key list does not name it, so nothing was brought from it. If your records team has the summary, choose its file below: it is checked against your team's key list.", kid = kid)),
        }
    }
}

/// Check the last summary's `bytes` as they came from `from`.
pub fn check_last(bytes: &[u8], from: LastFrom<'_>) -> Result<Checked, Refused> {
    let team_keys = match from {
        LastFrom::File { team_keys } | LastFrom::ThisDevice { team_keys, .. } => team_keys,
    };
    let found = verify(
        bytes,
        &VerifyOptions {
            trusted_keys: team_keys,
            receipts: None,
        },
    );
    if found.addendum.is_some() {
        return Err(Refused::Addendum);
    }
    let summary = intact(&found)?;
    if let Some(copy) = &summary.copy_for {
        return Err(Refused::RecipientCopy {
            whose: copy.recipient.whose(),
        });
    }
    let kid = found.kid.clone().unwrap_or_default();
    let signed_by = match from {
        LastFrom::ThisDevice { device_kid, .. } if device_kid == Some(kid.as_str()) => {
            tr!("this device")
        }
        _ if found.is_valid() => match &found.signer {
            Signer::Checked {
                name: Some(name), ..
            } => name.clone(),
            _ => tr!("a device on your team's key list"),
        },
        LastFrom::ThisDevice { .. } => return Err(Refused::NotThisDevice { kid }),
        LastFrom::File { team_keys: None } => return Err(Refused::NoKeyList),
        LastFrom::File { .. } => {
            let why = found
                .signer_issue()
                .map(|e| e.message)
                .unwrap_or_else(|| tr!("Its signer could not be checked."));
            return Err(Refused::Signer(why));
        }
    };
    Ok(Checked {
        summary,
        sha256: found.sha256,
        signed_by,
    })
}

/// The summary of an intact file, or the first reason it is not.
fn intact(found: &Verification) -> Result<Summary, Refused> {
    match (&found.summary, found.errors.first()) {
        (Some(summary), None) => Ok(summary.clone()),
        (_, Some(e)) => Err(Refused::NotIntact(e.message.clone())),
        (None, None) => Err(Refused::NotIntact(tr!("it is not a review's summary"))),
    }
}
