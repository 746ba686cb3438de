"""Check Review Together summaries with Python code we did not write.

    python peer.py --key KEY.jwk|- [--schemas DIR] FILE...

For each file: canonicalise the document without its signature with
`rfc8785` (RFC 8785), put that payload into the detached JWS, and verify it
with `joserfc` at its default header checks, allowing only the Ed25519
algorithm, against the public key in KEY (a JWK, or a JWK Set whose first
key is used: the key comes from the caller, never from the file). Then
validate the whole file against the JSON Schema of its format with
`jsonschema` (draft 2020-12, formats checked).

Prints one JSON object per file: {"file", "valid", "signature", "schema",
"errors"}; exits 0 only when every file is valid.
"""

import argparse
import base64
import json
import sys
from pathlib import Path

import rfc8785
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import OKPKey
from jsonschema import Draft202012Validator, FormatChecker

TYP = "review-together-summary+jws"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def load_key(path: str) -> OKPKey:
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    value = json.loads(text)
    if "keys" in value:
        value = value["keys"][0]
    public = {k: value[k] for k in ("kty", "crv", "x")}
    return OKPKey.import_key(public)


def check(path: Path, key: OKPKey, schemas: Path) -> dict:
    errors = []
    text = path.read_bytes()
    doc = json.loads(text)
    signature = doc.pop("signature", None)
    signature_ok = False
    if not isinstance(signature, str) or ".." not in signature:
        errors.append("no detached JWS in signature")
    else:
        header_b64, sig_b64 = signature.split("..", 1)
        # Our own canonical form of what was signed, never the file's bytes.
        payload = rfc8785.dumps(doc)
        compact = f"{header_b64}.{b64url(payload)}.{sig_b64}"
        try:
            verified = jws.deserialize_compact(compact, key, algorithms=["Ed25519"])
            header = verified.headers()
            if header.get("typ") != TYP:
                errors.append(f"typ is {header.get('typ')!r}")
            elif header.get("kid") != key.thumbprint():
                errors.append("kid is not the key's RFC 7638 thumbprint")
            else:
                signature_ok = True
        except (JoseError, ValueError) as e:
            errors.append(f"joserfc: {type(e).__name__}: {e}")
        # The file is exactly the canonical form of the signed document.
        if rfc8785.dumps({**doc, "signature": signature}) != text:
            errors.append("the file is not in RFC 8785 canonical form")
            signature_ok = False
    version = doc.get("formatVersion")
    schema_path = schemas / f"summary-v{version}.json"
    schema_ok = False
    if schema_path.exists():
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        validator = Draft202012Validator(schema, format_checker=FormatChecker())
        problems = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors({**doc, "signature": signature})
        ]
        errors.extend(problems[:10])
        schema_ok = not problems
    else:
        errors.append(f"no schema for format {version!r}")
    return {
        "file": str(path),
        "valid": signature_ok and schema_ok,
        "signature": signature_ok,
        "schema": schema_ok,
        "errors": errors,
    }


def main() -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", required=True, help="a JWK or JWK Set file, or - for standard input")
    parser.add_argument("--schemas", type=Path, default=here.parent.parent / "public" / "schema")
    parser.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args()
    key = load_key(args.key)
    results = [check(f, key, args.schemas) for f in args.files]
    for r in results:
        print(json.dumps(r))
    return 0 if all(r["valid"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
