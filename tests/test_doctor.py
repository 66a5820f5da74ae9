"""`lzzr doctor`: fonts per role, system pieces, and the command that fixes what is missing."""

from __future__ import annotations

import ctypes.util
from collections.abc import Iterator

import pytest

from lzzr.i18n import set_lang
from lzzr.render.doctor import SystemFacts, diagnose, format_report, probe_system
from lzzr.workspace.model import Fonts

NOTO = frozenset({"Noto Serif CJK SC", "Noto Sans CJK SC"})
FANDOL = frozenset({"FandolFang", "FandolKai"})


def facts(families: frozenset[str] = NOTO | FANDOL, **changes: object) -> SystemFacts:
    values: dict[str, object] = dict(families=families, fc_list=True, weasyprint="70.0", weasyprint_error=None,
                                     pango="1.50.12", pangoft2=True, harfbuzz_subset=True)
    values.update(changes)
    return SystemFacts(**values)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def test_all_present() -> None:
    report = diagnose(Fonts(), facts())
    assert report.ok and report.packages == () and report.apt_line is None and not report.make_fonts
    assert {r.role: (r.face, r.borrowed) for r in report.roles} == {
        "fangsong": ("FandolFang", False),
        "song": ("Noto Serif CJK SC", False),
        "hei": ("Noto Sans CJK SC", False),
        "kai": ("FandolKai", False),
        "title": ("Noto Serif CJK SC", False),
    }
    assert format_report(report)[-1] == "一切就绪"


def test_a_configured_face_comes_first() -> None:
    config = Fonts.model_validate({"仿宋": ["仿宋_GB2312", "MyFang"]})
    report = diagnose(config, facts(NOTO | FANDOL | {"MyFang"}))
    fangsong = report.roles[0]
    assert fangsong.face == "MyFang" and not fangsong.borrowed
    assert [(f.name, f.found) for f in fangsong.configured] == [("仿宋_GB2312", False), ("MyFang", True)]
    lines = format_report(report)
    assert lines[:4] == [
        "字体：",
        "  仿宋：MyFang",
        "    已配置：仿宋_GB2312 ✗、MyFang ✓",
        "    默认：仿宋_GB2312 ✗、FangSong_GB2312 ✗、仿宋 ✗、FangSong ✗、FandolFang ✓",
    ]


def test_without_fangsong_and_kai_they_borrow_song_and_make_fonts_is_suggested() -> None:
    report = diagnose(Fonts(), facts(NOTO))
    assert report.make_fonts and report.packages == () and not report.ok
    lines = format_report(report)
    assert "  仿宋：未找到，借用宋体字体 Noto Serif CJK SC" in lines
    assert lines[-1] == "安装免费的仿宋、楷体字体：make fonts"


def test_missing_system_pieces_give_one_apt_line() -> None:
    report = diagnose(Fonts(), facts(frozenset(), harfbuzz_subset=False, pango=None, pangoft2=False,
                                     weasyprint=None, weasyprint_error="cannot load library 'libpango-1.0-0'"))
    assert report.apt_line == ("sudo apt-get install -y fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 "
                               "libharfbuzz-subset0")
    lines = format_report(report)
    assert "  WeasyPrint：缺少（cannot load library 'libpango-1.0-0'）" in lines
    assert "  HarfBuzz subset (libharfbuzz-subset0)：缺少（中文文档每份需约 8 秒，而不是 0.2 秒）" in lines
    assert "  宋体：未找到任何字体" in lines
    assert ("修复：sudo apt-get install -y fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
            in lines)


def test_old_pango_is_reported() -> None:
    report = diagnose(Fonts(), facts(pango="1.42.4"))
    assert report.packages == ("libpango-1.0-0",)
    assert "  Pango 1.42.4：版本过旧（至少需要 1.44.0）" in format_report(report)


def test_english() -> None:
    set_lang("en")
    lines = format_report(diagnose(Fonts(), facts(harfbuzz_subset=False)))
    assert lines[0] == "fonts:" and "  FangSong: FandolFang" in lines
    assert "  HarfBuzz subset (libharfbuzz-subset0): missing (a Chinese document takes ~8 s instead of ~0.2 s)" in lines
    assert lines[-1] == "to fix: sudo apt-get install -y libharfbuzz-subset0"


def test_this_machine() -> None:
    found = probe_system()
    assert found.weasyprint is not None and found.pango is not None
    assert found.harfbuzz_subset == (ctypes.util.find_library("harfbuzz-subset") is not None)
