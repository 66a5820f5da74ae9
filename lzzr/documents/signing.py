"""Digital signatures on issued PDFs (PAdES baseline B-B, with pyHanko) and checking them.

The normal case is an office certificate the office made itself (self-signed, or from an
internal CA nobody else trusts): such a signature still proves the file is unchanged since
it was signed and which key signed it, so "intact, valid, untrusted root" is reported apart
from "altered". pyHanko and cryptography are imported only when a signature is made or read.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lzzr.errors import LzzrError
from lzzr.i18n import t

PKCS12_SUFFIXES = (".p12", ".pfx")
_REVISION_END = re.compile(rb"startxref\s+\d+\s+%%EOF[ \t]*(?:\r\n|\r|\n)?")


@dataclass(frozen=True)
class OfficeSigner:
    """A loaded key and certificate, ready to sign (`signer` is a pyHanko SimpleSigner)."""

    signer: Any
    common_name: str
    not_after: dt.datetime


@dataclass(frozen=True)
class SigStatus:
    """One signature in a PDF, as checked.

    intact: the signed bytes are unchanged. valid: the signature matches them and the
    certificate's key. trusted: the certificate chains to a root we were told to trust.
    whole_file: nothing was appended after signing. modified_after: what was appended
    changes the document (more signatures do not count).
    """

    field: str
    intact: bool
    valid: bool
    trusted: bool
    whole_file: bool
    modified_after: bool
    signer: str
    signed_at: dt.datetime | None
    problem: str = ""

    @property
    def verdict(self) -> str:
        """One of: altered, invalid, modified, trusted, untrusted."""
        if not self.intact:
            return "altered"
        if not self.valid:
            return "invalid"
        if self.modified_after:
            return "modified"
        return "trusted" if self.trusted else "untrusted"


# --- loading ---------------------------------------------------------------------------------

def load_signer(key: Path, cert: Path | None, passphrase: bytes | None) -> OfficeSigner:
    """Load the office's key and certificate: a PKCS#12 file (.p12/.pfx, `cert` None), or a
    PEM/DER private key and a PEM/DER certificate.

    Raises:
        LzzrError: signing.read, signing.not_pkcs12, signing.passphrase, signing.not_key,
            signing.not_cert, signing.mismatch, signing.expired.
    """
    data = _read(key)
    if cert is None or key.suffix.lower() in PKCS12_SUFFIXES:
        private, certificate, chain = _from_pkcs12(key, data, passphrase)
    else:
        private = _private_key(key, data, passphrase)
        certificate, chain = _certificate(cert, _read(cert)), []
    _check_pair(key, private, certificate)
    return _signer(private, certificate, chain)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LzzrError("signing.read", path=str(path), detail=exc.strerror or str(exc)) from None


def _from_pkcs12(path: Path, data: bytes, passphrase: bytes | None) -> tuple[Any, Any, list[Any]]:
    from asn1crypto import pkcs12 as asn1_pkcs12  # type: ignore[import-untyped]
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        asn1_pkcs12.Pfx.load(data)["auth_safe"].native  # noqa: B018 - parse, or fail: not PKCS#12
    except (ValueError, TypeError, KeyError):
        raise LzzrError("signing.not_pkcs12", path=str(path)) from None
    try:
        private, certificate, chain = pkcs12.load_key_and_certificates(data, passphrase)
    except ValueError:
        raise LzzrError("signing.passphrase", path=str(path)) from None
    if private is None:
        raise LzzrError("signing.not_key", path=str(path))
    if certificate is None:
        raise LzzrError("signing.not_cert", path=str(path))
    return private, certificate, list(chain)


def _private_key(path: Path, data: bytes, passphrase: bytes | None) -> Any:
    from cryptography.hazmat.primitives import serialization

    pem = b"-----BEGIN" in data
    load = serialization.load_pem_private_key if pem else serialization.load_der_private_key
    encrypted = _encrypted(data, pem)
    try:
        return load(data, passphrase if encrypted else None)
    except TypeError:  # encrypted, and no passphrase given
        raise LzzrError("signing.passphrase", path=str(path)) from None
    except ValueError:
        raise LzzrError("signing.passphrase" if encrypted else "signing.not_key", path=str(path)) from None


def _encrypted(data: bytes, pem: bool) -> bool:
    """Whether a PEM or DER private key is protected by a passphrase."""
    if pem:
        return b"ENCRYPTED" in data
    from asn1crypto import keys

    try:
        keys.EncryptedPrivateKeyInfo.load(data, strict=True).native  # noqa: B018 - parse or fail
    except (ValueError, TypeError, KeyError):
        return False
    return True


def _certificate(path: Path, data: bytes) -> Any:
    from cryptography import x509

    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError:
        raise LzzrError("signing.not_cert", path=str(path)) from None


def _check_pair(path: Path, private: Any, certificate: Any) -> None:
    from cryptography.hazmat.primitives import serialization

    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    if private.public_key().public_bytes(*spki) != certificate.public_key().public_bytes(*spki):
        raise LzzrError("signing.mismatch", path=str(path))
    now = dt.datetime.now(dt.UTC)
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        raise LzzrError("signing.expired", name=_common_name(certificate),
                        start=certificate.not_valid_before_utc.date().isoformat(),
                        end=certificate.not_valid_after_utc.date().isoformat())


def _common_name(certificate: Any) -> str:
    from cryptography.x509.oid import NameOID

    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else certificate.subject.rfc4514_string()


def _signer(private: Any, certificate: Any, chain: list[Any]) -> OfficeSigner:
    from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
    from pyhanko.sign.signers.pdf_cms import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    store = SimpleCertificateStore()  # type: ignore[no-untyped-call]
    store.register_multiple([translate_pyca_cryptography_cert_to_asn1(c) for c in chain])
    signer = SimpleSigner(signing_key=translate_pyca_cryptography_key_to_asn1(private),
                          signing_cert=translate_pyca_cryptography_cert_to_asn1(certificate),
                          cert_registry=store)
    return OfficeSigner(signer, _common_name(certificate), certificate.not_valid_after_utc)


# --- signing ---------------------------------------------------------------------------------

def sign_pdf(data: bytes, signer: OfficeSigner, *, reason: str, location: str,
             field_name: str = "Signature1") -> bytes:
    """`data` with an invisible PAdES B-B signature appended as an incremental update.

    The original bytes stay a prefix of the result (`first_revision` gives them back). The
    signing time is the current time, so two signatures of the same file differ.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError

    meta = signers.PdfSignatureMetadata(field_name=field_name, reason=reason, location=location,
                                        subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256")
    try:
        with _quiet_pyhanko():
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
            out = signers.PdfSigner(meta, signer=signer.signer).sign_pdf(writer)
    except SigningError as exc:
        raise LzzrError("signing.failed", detail=str(exc)) from None
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise LzzrError("signing.not_pdf", detail=str(exc) or type(exc).__name__) from None
    signed: bytes = out.getvalue()
    return signed


# --- checking --------------------------------------------------------------------------------

def signature_status(data: bytes, trust: Sequence[bytes] = ()) -> list[SigStatus]:
    """Every signature in `data`, checked; [] for an unsigned PDF.

    Args:
        data: the PDF.
        trust: certificates (PEM or DER) to accept as trusted roots, e.g. the office's own.

    Raises:
        LzzrError: signing.not_pdf when the file cannot be read as a PDF at all.
    """
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        with _quiet_pyhanko():
            reader = PdfFileReader(io.BytesIO(data), strict=False)
            embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise LzzrError("signing.not_pdf", detail=str(exc) or type(exc).__name__) from None
    context = _validation_context(trust)
    return [_check(sig, context) for sig in embedded]


def _validation_context(trust: Sequence[bytes]) -> Any:
    from pyhanko.keys import load_certs_from_pemder_data
    from pyhanko_certvalidator import ValidationContext

    roots = [cert for blob in trust for cert in load_certs_from_pemder_data(blob)]
    return ValidationContext(trust_roots=roots, allow_fetching=False)


def _check(sig: Any, context: Any) -> SigStatus:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)
    name = str(sig.field_name or "")
    try:
        with _quiet_pyhanko():
            status = validate_pdf_signature(sig, context, key_usage_settings=usage)
    except Exception as exc:  # a damaged signature dictionary or CMS blob: nothing verifies
        return SigStatus(name, False, False, False, False, False, "", None, problem=str(exc) or type(exc).__name__)
    # More signatures count as form filling; our documents have no other form fields.
    level = status.modification_level
    return SigStatus(
        field=name,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        modified_after=level is not None and level > ModificationLevel.FORM_FILLING,
        signer=_asn1_common_name(status.signing_cert),
        signed_at=status.signer_reported_dt,
    )


def _asn1_common_name(certificate: Any) -> str:
    native = certificate.subject.native
    return str(native.get("common_name") or certificate.subject.human_friendly)


def first_revision(data: bytes) -> bytes | None:
    """The file as it was before any incremental update (the issued PDF inside a signed one).

    None when the file has a single revision. Lets `lzzr verify` match a signed copy to the
    register entry of the PDF it was made from.
    """
    ends = [m.end() for m in _REVISION_END.finditer(data)]
    if len(ends) < 2:
        return None
    return data[:ends[0]]


def describe(status: SigStatus) -> str:
    """The status in one line of the current language."""
    when = status.signed_at.astimezone().isoformat(sep=" ", timespec="seconds") if status.signed_at else "?"
    return t(f"sig.{status.verdict}", signer=status.signer, when=when, field=status.field)


@contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs every untrusted self-signed certificate as an error with a traceback."""
    loggers = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator")]
    saved = [(lg.level, lg.propagate, list(lg.handlers)) for lg in loggers]
    for lg in loggers:
        lg.handlers, lg.propagate = [logging.NullHandler()], False
    try:
        yield
    finally:
        for lg, (level, propagate, handlers) in zip(loggers, saved, strict=True):
            lg.setLevel(level)
            lg.propagate, lg.handlers = propagate, handlers
