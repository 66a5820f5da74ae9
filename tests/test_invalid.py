"""Bad input: every case in tests/data/invalid/ must give exactly the problems it expects.

A case is a folder `tests/data/invalid/NN-name/`:

- its other files are copied into a fresh copy of sample-data (adding files, or replacing
  lzzr.yaml); each case defines its own records (ids `zz…`) and refers to sample-data only
  through the units `qw`, `qzf`, `jw`, `czj`, so the expected lines do not depend on it;
- `expected.txt`: every line `lzzr check` prints, in order, except the final summary (检查完成…);
- `exit_code` (optional): the expected exit code when it is not 1 (warnings only → 0);
- `delete` (optional): sample-data files to remove first, one per line;
- `xfail` (optional): the output is known to be wrong; the file says why (a bug to fix in
  lzzr/, after which the marker file is deleted). `expected.txt` holds the CORRECT output.

Files that cannot be stored as text (other encodings, binary, 50 MB) are written at test
time, into the temporary workspace, by the function GENERATED maps the case name to.

Each case is run three times: Chinese text (compared exactly), English text (same
locations, severities and codes) and JSON (same count, files, lines, columns and codes).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from lzzr.cli.app import main
from lzzr.workspace.load import load_workspace

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample-data"
CASES = ROOT / "tests" / "data" / "invalid"
META = {"expected.txt", "exit_code", "delete", "xfail"}
SAMPLE_UNITS = ("qw", "qzf", "jw", "czj")  # the only sample-data ids the cases refer to
CASE_IDS = ("zzunit", "zzleader", "zzT")  # the ids the cases define (prefixes)
TIME_LIMIT = 10.0  # seconds per run; the 50 MB file must be refused, not parsed

UNIT = "单位:\n  zzunit1: {名称: 示例旗测试局, 简称: 测试局, 类别: 部门, 上级: czj}\n"


# ---------------------------------------------------------------- generated files


def _huge_file(ws: Path) -> None:
    """50 MB of well-formed tasks: refused by size before any reading or parsing."""
    line = "  T{:07d}: {{名称: 开展廉政教育, 牵头部门: jw}}\n"
    width = len(line.format(0).encode("utf-8"))
    count = 50 * 1024 * 1024 // width
    with open(ws / "zz-case.yaml", "w", encoding="utf-8") as fh:
        fh.write("任务:\n")
        for start in range(0, count, 100_000):
            fh.write("".join(line.format(i) for i in range(start, min(start + 100_000, count))))


def _gbk(ws: Path) -> None:
    """Saved by an old editor as GBK: loads, with a warning saying how to convert."""
    (ws / "zz-case.yaml").write_bytes(("# 用例：GBK 编码\n" + UNIT).encode("gbk"))


def _utf8_bom(ws: Path) -> None:
    """Notepad's “UTF-8 with BOM”: loads cleanly."""
    (ws / "zz-case.yaml").write_bytes(b"\xef\xbb\xbf" + ("# 用例：UTF-8 BOM\n" + UNIT).encode("utf-8"))


def _utf8_bom_located(ws: Path) -> None:
    """A BOM must not shift the columns of the first line."""
    text = "单位: {zzunit1: {名称: 示例旗测试局, 类别: 部门, 上机: czj}}\n"
    (ws / "zz-case.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))


def _docx_renamed(ws: Path) -> None:
    """A Word document renamed to .yaml (a zip archive)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", "<w:document><w:body>单位</w:body></w:document>")
    (ws / "zz-case.yaml").write_bytes(buf.getvalue())


def _utf16(ws: Path) -> None:
    """Notepad's “Unicode” (UTF-16 LE with BOM)."""
    (ws / "zz-case.yaml").write_bytes(UNIT.encode("utf-16"))


def _binary(ws: Path) -> None:
    """A picture saved as .yaml (PNG header, NUL bytes)."""
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    (ws / "zz-case.yaml").write_bytes(png + bytes(range(256)))


def _undecodable(ws: Path) -> None:
    """Neither UTF-8 nor GB18030 (line 2 holds bytes invalid in both)."""
    (ws / "zz-case.yaml").write_bytes("# 用例：编码无法识别\n".encode() + b"\x81\x30\xff\xfe name\n")


def _crlf(ws: Path) -> None:
    """Windows line ends (CRLF): lines and columns as the editor shows them."""
    text = "# 用例：Windows 换行（CRLF）\n单位:\n  zzunit1:\n    名称: 示例旗测试局\n    类型: 部门\n    上级: czj\n"
    (ws / "zz-case.yaml").write_bytes(text.replace("\n", "\r\n").encode())


GENERATED: dict[str, Callable[[Path], None]] = {
    "24-huge-file": _huge_file,
    "27-gbk": _gbk,
    "28-utf8-bom": _utf8_bom,
    "29-utf8-bom-located": _utf8_bom_located,
    "30-docx-renamed": _docx_renamed,
    "31-utf16": _utf16,
    "32-binary-file": _binary,
    "33-undecodable": _undecodable,
    "52-crlf-line-endings": _crlf,
}


# ---------------------------------------------------------------- helpers


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_workspace(case: Path, dest: Path) -> Path:
    """A copy of sample-data with the case's deletions, files and generated files applied."""
    shutil.copytree(SAMPLE, dest)
    for name in _lines(case / "delete"):
        (dest / name).unlink()
    for src in sorted(case.iterdir()):
        if src.name not in META:
            shutil.copyfile(src, dest / src.name)
    if case.name in GENERATED:
        GENERATED[case.name](dest)
    return dest


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    """`lzzr ARGS` in-process: (exit code, stdout lines, stderr); no run may be slow."""
    start = time.monotonic()
    code = main(list(args))
    elapsed = time.monotonic() - start
    out = capsys.readouterr()
    assert elapsed < TIME_LIMIT, f"lzzr {' '.join(args)} took {elapsed:.1f} s"
    return code, out.out.splitlines(), out.err


_LINE = re.compile(
    r"(?P<file>.+?)(?::(?P<line>\d+):(?P<col>\d+))?: (?P<sev>error|warning)\[(?P<code>[^\]]+)\] ")


def where(line: str) -> tuple[str, int, int, str, str]:
    """(file, line, column, severity, code) of one printed problem line."""
    m = _LINE.match(line)
    assert m, f"not a problem line: {line!r}"
    return m["file"], int(m["line"] or 0), int(m["col"] or 0), m["sev"], m["code"]


def _param(case: Path) -> object:
    marks = []
    if (case / "xfail").exists():
        reason = (case / "xfail").read_text(encoding="utf-8").strip()
        marks.append(pytest.mark.xfail(reason=reason, raises=AssertionError, strict=True))
    return pytest.param(case, id=case.name, marks=marks)


ALL_CASES = sorted(p for p in CASES.iterdir() if p.is_dir())


# ---------------------------------------------------------------- tests


def test_sample_data_is_clean(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The base of every case: sample-data itself checks clean and has the units cases use."""
    monkeypatch.delenv("LZZR_LANG", raising=False)
    code, out, err = run(capsys, "check", "--format", "json", str(SAMPLE))
    data = json.loads("\n".join(out))
    assert data["problems"] == [], "sample-data has problems; every invalid case would fail"
    assert (code, err) == (0, "")
    ws, _ = load_workspace(SAMPLE)
    assert set(SAMPLE_UNITS) <= set(ws.units)
    ids = [*ws.units, *ws.leaders, *ws.tasks]
    assert not [i for i in ids if i.startswith(CASE_IDS)], "the ids the cases define must stay fresh"


def test_enough_cases() -> None:
    assert len(ALL_CASES) >= 28
    for case in ALL_CASES:
        assert (case / "expected.txt").is_file(), f"{case.name}: no expected.txt"
        assert any(p.name not in META for p in case.iterdir()) or case.name in GENERATED or (
            case / "delete").exists(), f"{case.name}: adds nothing"


@pytest.mark.parametrize("case", [_param(c) for c in ALL_CASES])
def test_invalid(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LZZR_LANG", raising=False)
    ws = str(build_workspace(case, tmp_path / "ws"))
    expected = _lines(case / "expected.txt")
    exit_code = int((case / "exit_code").read_text().strip()) if (case / "exit_code").exists() else 1
    want = [where(line) for line in expected]

    # Chinese (default): exactly the expected lines, then the summary.
    code, out, err = run(capsys, "check", ws)
    assert err == ""
    assert out[-1].startswith("检查完成"), out
    assert out[:-1] == expected
    assert code == exit_code

    # English: the same locations, severities and codes.
    code, out, err = run(capsys, "--lang", "en", "check", ws)
    assert err == ""
    assert out[-1].startswith("checked:"), out
    assert [where(line) for line in out[:-1]] == want
    assert code == exit_code

    # JSON: the same count, files, lines, columns and codes.
    code, out, err = run(capsys, "check", "--format", "json", ws)
    assert err == ""
    problems = json.loads("\n".join(out))["problems"]
    got = [(p["file"], p["line"], p["column"], p["severity"], p["code"]) for p in problems]
    assert got == want
    assert code == exit_code
    shutil.rmtree(ws)  # kept only when the case fails, for a look; the 50 MB file goes here


def test_lang_after_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = build_workspace(CASES / "42-bad-enum", tmp_path / "ws")
    code, out, _ = run(capsys, "check", str(ws), "--lang", "en")
    assert code == 1
    assert out[-1].startswith("checked:")
