"""Signing issued PDFs with the office's own key, and telling intact, untrusted and altered apart."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from lzzr.documents.signing import describe, first_revision, load_signer, sign_pdf, signature_status
from lzzr.errors import LzzrError
from lzzr.i18n import set_lang
from lzzr.render.renderer import Renderer

OFFICE = "中共示例旗纪律检查委员会办公室"
PASS = b"office-pass"
NOW = dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Keys:
    p12: Path
    key_pem: Path
    cert_pem: Path
    other_key_pem: Path
    expired_cert_pem: Path


def certificate(key: rsa.RSAPrivateKey, start: dt.datetime, end: dt.datetime) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, OFFICE)])
    usage = x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                          encipher_only=False, decipher_only=False)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(end)
            .add_extension(usage, critical=True).sign(key, hashes.SHA256()))


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    root = tmp_path_factory.mktemp("keys")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = certificate(key, NOW - dt.timedelta(days=1), NOW + dt.timedelta(days=365))
    expired = certificate(key, NOW - dt.timedelta(days=400), NOW - dt.timedelta(days=35))
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = serialization.Encoding.PEM
    files = {
        "office.p12": pkcs12.serialize_key_and_certificates(b"office", key, cert, None,
                                                            serialization.BestAvailableEncryption(PASS)),
        "office.key": key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                        serialization.BestAvailableEncryption(PASS)),
        "office.crt": cert.public_bytes(pem),
        "other.key": other.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        "expired.crt": expired.public_bytes(pem),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    return Keys(root / "office.p12", root / "office.key", root / "office.crt", root / "other.key",
                root / "expired.crt")


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("templates")
    html = "<html><head><meta charset='utf-8'><title>责任书</title></head><body><p>党风廉政建设责任书</p></body></html>"
    return Renderer([folder]).pdf_bytes(html, "pdf/a-2b")


def test_pkcs12_signature_is_intact_valid_and_untrusted(keys: Keys, issued: bytes) -> None:
    signer = load_signer(keys.p12, None, PASS)
    assert signer.common_name == OFFICE
    signed = sign_pdf(issued, signer, reason="印发", location="示例旗")
    [status] = signature_status(signed)
    assert (status.intact, status.valid, status.trusted, status.whole_file, status.modified_after) == (
        True, True, False, True, False)
    assert status.verdict == "untrusted" and status.signer == OFFICE and status.field == "Signature1"
    assert status.signed_at is not None and abs(status.signed_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    set_lang("zh")
    when = status.signed_at.astimezone().isoformat(sep=" ", timespec="seconds")
    assert describe(status) == f"签名有效，签名后内容未被改动；签名人 CN={OFFICE}，{when}（证书未列为可信：自签名或内部证书）"


def test_pem_key_and_certificate_and_a_trusted_root(keys: Keys, issued: bytes) -> None:
    signed = sign_pdf(issued, load_signer(keys.key_pem, keys.cert_pem, PASS), reason="印发", location="示例旗")
    [status] = signature_status(signed, trust=[keys.cert_pem.read_bytes()])
    assert status.verdict == "trusted"


def test_the_issued_file_is_the_first_revision(keys: Keys, issued: bytes) -> None:
    signed = sign_pdf(issued, load_signer(keys.p12, None, PASS), reason="印发", location="示例旗")
    assert signed.startswith(issued) and first_revision(signed) == issued
    assert first_revision(issued) is None


def test_one_flipped_byte_is_altered(keys: Keys, issued: bytes) -> None:
    signed = bytearray(sign_pdf(issued, load_signer(keys.p12, None, PASS), reason="印发", location="示例旗"))
    inside = signed.index(b"stream\n", len(signed) // 3) + 30  # a content byte well inside the signed range
    signed[inside] ^= 0x01
    [status] = signature_status(bytes(signed))
    assert not status.intact and status.verdict == "altered"
    set_lang("zh")
    assert describe(status) == "文件在签名后被篡改（签名 Signature1 覆盖的内容已改变）"


def test_a_second_signature_keeps_the_first_intact(keys: Keys, issued: bytes) -> None:
    signer = load_signer(keys.p12, None, PASS)
    once = sign_pdf(issued, signer, reason="印发", location="示例旗")
    twice = sign_pdf(once, signer, reason="签收", location="示例旗", field_name="Signature2")
    first, second = signature_status(twice)
    assert (first.verdict, first.whole_file) == ("untrusted", False)
    assert (second.verdict, second.whole_file) == ("untrusted", True)
    assert first_revision(twice) == issued


def test_a_page_changed_after_signing_is_modified(keys: Keys, issued: bytes) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    signed = sign_pdf(issued, load_signer(keys.p12, None, PASS), reason="印发", location="示例旗")
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    first_page = writer.root["/Pages"]["/Kids"][0].get_object()
    first_page["/Contents"] = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 24 Tf 9 9 Td (X) Tj ET"))
    writer.update_container(first_page)
    out = io.BytesIO()
    writer.write(out)
    [status] = signature_status(out.getvalue())
    assert status.intact and status.modified_after and status.verdict == "modified"


def test_unsigned_and_not_a_pdf(issued: bytes) -> None:
    assert signature_status(issued) == []
    with pytest.raises(LzzrError) as err:
        signature_status(b"hello, not a PDF")
    assert err.value.code == "signing.not_pdf"


@pytest.mark.parametrize(("key", "cert", "passphrase", "code"), [
    ("p12", None, b"wrong", "signing.passphrase"),
    ("p12", None, None, "signing.passphrase"),
    ("key_pem", "cert_pem", None, "signing.passphrase"),
    ("key_pem", "cert_pem", b"wrong", "signing.passphrase"),
    ("cert_pem", "cert_pem", None, "signing.not_key"),
    ("key_pem", "key_pem", PASS, "signing.not_cert"),
    ("cert_pem", None, None, "signing.not_pkcs12"),
    ("other_key_pem", "cert_pem", None, "signing.mismatch"),
    ("key_pem", "expired_cert_pem", PASS, "signing.expired"),
])
def test_loading_errors(keys: Keys, key: str, cert: str | None, passphrase: bytes | None, code: str) -> None:
    with pytest.raises(LzzrError) as err:
        load_signer(getattr(keys, key), getattr(keys, cert) if cert else None, passphrase)
    assert err.value.code == code


def test_a_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(LzzrError) as err:
        load_signer(tmp_path / "none.p12", None, None)
    assert err.value.code == "signing.read" and err.value.args_["path"] == str(tmp_path / "none.p12")


def test_expired_message_names_the_dates(keys: Keys) -> None:
    with pytest.raises(LzzrError) as err:
        load_signer(keys.key_pem, keys.expired_cert_pem, PASS)
    assert err.value.args_["name"] == OFFICE
    assert err.value.args_["end"] == (NOW - dt.timedelta(days=35)).date().isoformat()


def test_letters_signed_from_the_command_line_verify(keys: Keys, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from .helpers import copy_sample, run

    ws = copy_sample(tmp_path / "ws")
    out = tmp_path / "out"
    monkeypatch.setenv("OFFICE_PASS", PASS.decode())
    code, _, err = run(capsys, "letters", str(ws), "--leader", "jwd", "--out", str(out), "-q",
                       "--sign-key", str(keys.p12), "--sign-pass-env", "OFFICE_PASS")
    assert code == 0, err
    (letter,) = out.glob("*.pdf")
    code, stdout, _ = run(capsys, "verify", str(letter), "-w", str(ws), "-f", "json")
    (result,) = json.loads(stdout)
    assert code == 0 and result["state"] == "registered"
    assert [s["verdict"] for s in result["signatures"]] == ["untrusted"]  # self-signed office certificate
    data = bytearray(letter.read_bytes())
    data[len(data) // 3] ^= 0x01
    letter.write_bytes(bytes(data))
    code, stdout, _ = run(capsys, "verify", str(letter), "-w", str(ws), "-f", "json")
    (result,) = json.loads(stdout)
    assert code == 1 and result["state"] == "altered"
    assert [s["verdict"] for s in result["signatures"]] != ["untrusted"]
