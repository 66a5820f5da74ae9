"""Font faces per role (仿宋, 宋体, 黑体, 楷体, 小标宋): what is configured, what exists, what is used.

Faces are looked up by family name through fontconfig (`fc-list`), the same library Pango
and WeasyPrint use, so a face reported here is a face the PDF gets. Users name their own
faces first in lzzr.yaml (字体), free faces follow as fallbacks.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from lzzr.workspace.model import Fonts

ROLES = ("fangsong", "song", "hei", "kai", "title")
ROLE_NAMES = {"fangsong": "仿宋", "song": "宋体", "hei": "黑体", "kai": "楷体", "title": "小标宋"}

# The standard's faces first (present on many office machines), then free ones.
DEFAULTS: dict[str, tuple[str, ...]] = {
    "fangsong": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "FandolFang"),
    "song": ("宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", "FandolSong"),
    "hei": ("黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "FandolHei"),
    "kai": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "FandolKai"),
    "title": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC",
              "Source Han Serif SC"),
}
# When a role has none of its own faces, it borrows another's (FORMAT-NOTES: FangSong and
# Kai fall back to Song, with a warning).
BORROW = {"fangsong": "song", "kai": "song", "title": "song", "song": "hei", "hei": "song"}
# Always appended so Pango can fill single missing glyphs from a wide-coverage face.
LAST_RESORT = ("Noto Serif CJK SC", "Noto Sans CJK SC")

APT_HINT = "apt-get install fonts-noto-cjk  (仿宋/楷体: make fonts)"


@dataclass(frozen=True)
class FontChoice:
    """The face chosen for a role, the CSS stack behind it, and whether it is a stand-in."""

    role: str
    face: str | None
    stack: tuple[str, ...]
    borrowed: bool


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str]:
    """Every family name fontconfig knows (all localised names of each face)."""
    if shutil.which("fc-list") is None:
        return frozenset()
    try:
        out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                             timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(",") if name.strip())


def wanted(fonts: Fonts, role: str) -> tuple[str, ...]:
    """The configured faces for `role`, then the defaults, without repeats."""
    configured: tuple[str, ...] = getattr(fonts, role)
    return tuple(dict.fromkeys((*configured, *DEFAULTS[role])))


def choose(fonts: Fonts, installed: frozenset[str] | None = None) -> dict[str, FontChoice]:
    """For each role, the first installed face (or a borrowed one), and its CSS stack."""
    have = installed_families() if installed is None else installed
    own = {role: next((f for f in wanted(fonts, role) if f in have), None) for role in ROLES}
    result = {}
    for role in ROLES:
        face, borrowed = own[role], False
        if face is None:
            face, borrowed = own[BORROW[role]], True
        stack = tuple(dict.fromkeys([*([face] if face else []), *wanted(fonts, role), *LAST_RESORT]))
        result[role] = FontChoice(role, face, stack, borrowed)
    return result


def css_stack(choice: FontChoice) -> str:
    return ", ".join(f'"{name}"' for name in choice.stack) + ", serif"


def font_css(choices: dict[str, FontChoice]) -> str:
    """CSS that binds the template's role classes to the chosen faces."""
    rules = {
        "fangsong": "body, .fs",
        "song": ".song, .page-number",
        "hei": ".hei, h2.level1",
        "kai": ".kai, h3.level2",
        "title": ".title-font",
    }
    lines = [f"{selector} {{ font-family: {css_stack(choices[role])}; }}" for role, selector in rules.items()]
    title = choices["title"].face or ""
    if not any(name in title for name in ("小标宋", "XiaoBiaoSong")):
        # A Song face standing in for 小标宋: its heaviest weight (Black when installed, else Bold).
        # This sheet is a user sheet, which loses to the templates' `font-weight: normal` unless
        # it is !important.
        lines.append(".title-font { font-weight: 900 !important; }")
    # Page-margin boxes take their font from @page, not from classes.
    lines.append(f"@page {{ font-family: {css_stack(choices['song'])}; }}")
    return "\n".join(lines) + "\n"
