"""`lzzr doctor`: what this machine has for rendering (fonts per role, Pango, HarfBuzz, WeasyPrint)
and the one command line that fixes what is missing.

`probe_system()` looks at the machine; `diagnose()` is pure (facts in, report out), so tests
describe a machine instead of needing one.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import io
import shutil
from dataclasses import dataclass

from lzzr.i18n import t, tr
from lzzr.render.fonts import BORROW, DEFAULTS, ROLES, choose, installed_families
from lzzr.workspace.model import Fonts

PANGO_MIN = (1, 44, 0)  # WeasyPrint's minimum
NOTO_PACKAGE = "fonts-noto-cjk"


@dataclass(frozen=True)
class SystemFacts:
    """What the machine has; `None` versions mean "not found"."""

    families: frozenset[str]
    fc_list: bool
    weasyprint: str | None
    weasyprint_error: str | None
    pango: str | None
    pangoft2: bool
    harfbuzz_subset: bool


@dataclass(frozen=True)
class FaceStatus:
    name: str
    found: bool


@dataclass(frozen=True)
class RoleStatus:
    """One font role: the faces asked for (configured, then defaults) and the one used."""

    role: str
    configured: tuple[FaceStatus, ...]
    defaults: tuple[FaceStatus, ...]
    face: str | None
    borrowed: bool


@dataclass(frozen=True)
class Report:
    roles: tuple[RoleStatus, ...]
    facts: SystemFacts
    packages: tuple[str, ...]  # Debian packages to install
    make_fonts: bool  # FangSong/Kai borrowed: `make fonts` installs free ones

    @property
    def apt_line(self) -> str | None:
        return f"sudo apt-get install -y {' '.join(self.packages)}" if self.packages else None

    @property
    def ok(self) -> bool:
        """Documents can be rendered as they should look (nothing to install)."""
        return not self.packages and not self.make_fonts and self.facts.weasyprint is not None


def probe_system() -> SystemFacts:
    """Look at this machine: fontconfig's families, WeasyPrint, Pango and HarfBuzz-subset."""
    version, error, pango, subset = _weasyprint()
    if pango is None:
        pango = _pango_by_ctypes()
    if subset is None:
        subset = ctypes.util.find_library("harfbuzz-subset") is not None
    return SystemFacts(
        families=installed_families(),
        fc_list=shutil.which("fc-list") is not None,
        weasyprint=version,
        weasyprint_error=error,
        pango=pango,
        pangoft2=ctypes.util.find_library("pangoft2-1.0") is not None,
        harfbuzz_subset=subset,
    )


def _weasyprint() -> tuple[str | None, str | None, str | None, bool | None]:
    """(version, import error, Pango version, HarfBuzz-subset loaded) as WeasyPrint sees them."""
    try:
        # WeasyPrint prints a help banner to stdout when a library is missing.
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
            from weasyprint.text import ffi
    except ImportError:
        return None, None, None, None
    except OSError as exc:
        return None, str(exc).splitlines()[0], None, None
    number = int(ffi.pango.pango_version())
    # WeasyPrint 70 loads HarfBuzz-subset itself (None when missing); older ones did not.
    subset = ffi.harfbuzz_subset is not None if hasattr(ffi, "harfbuzz_subset") else None
    return str(weasyprint.__version__), None, _pango_string(number), subset


def _pango_by_ctypes() -> str | None:
    name = ctypes.util.find_library("pango-1.0")
    if name is None:
        return None
    try:
        return _pango_string(int(ctypes.CDLL(name).pango_version()))
    except (OSError, AttributeError):
        return None


def _pango_string(number: int) -> str:
    return f"{number // 10000}.{number // 100 % 100}.{number % 100}"


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


def diagnose(fonts_config: Fonts, facts: SystemFacts | None = None) -> Report:
    """The report for `fonts_config` (lzzr.yaml 字体) on a machine described by `facts`."""
    facts = probe_system() if facts is None else facts
    choices = choose(fonts_config, facts.families)
    roles = tuple(
        RoleStatus(
            role=role,
            configured=tuple(FaceStatus(n, n in facts.families) for n in getattr(fonts_config, role)),
            defaults=tuple(FaceStatus(n, n in facts.families) for n in DEFAULTS[role]),
            face=choices[role].face,
            borrowed=choices[role].borrowed,
        )
        for role in ROLES
    )
    own = {r.role: not r.borrowed and r.face is not None for r in roles}
    return Report(roles, facts, _packages(facts, own), make_fonts=not (own["fangsong"] and own["kai"]))


def _packages(facts: SystemFacts, own: dict[str, bool]) -> tuple[str, ...]:
    wanted = []
    if not facts.fc_list:
        wanted.append("fontconfig")
    if not (own["song"] and own["hei"]):
        wanted.append(NOTO_PACKAGE)
    if facts.pango is None or _version_tuple(facts.pango) < PANGO_MIN:
        wanted.append("libpango-1.0-0")
    if not facts.pangoft2:
        wanted.append("libpangoft2-1.0-0")
    if not facts.harfbuzz_subset:
        wanted.append("libharfbuzz-subset0")
    return tuple(wanted)


def format_report(report: Report) -> list[str]:
    """The report as lines in the current language."""
    lines = [t("doctor.fonts")]
    for role in report.roles:
        lines.append(_role_line(role))
        if role.configured:
            lines.append(t("doctor.configured", faces=_faces(role.configured)))
        lines.append(t("doctor.defaults", faces=_faces(role.defaults)))
    lines.append(t("doctor.system"))
    lines.extend(_system_lines(report.facts))
    if report.apt_line:
        lines.append(t("doctor.fix", command=report.apt_line))
    if report.make_fonts:
        lines.append(t("doctor.fix_fonts"))
    if report.ok:
        lines.append(t("doctor.ok"))
    return lines


def _role_line(role: RoleStatus) -> str:
    name = t(f"role.{role.role}")
    if role.face is None:
        return t("doctor.role_none", role=name)
    if role.borrowed:
        return t("doctor.role_borrowed", role=name, face=role.face, other=t(f"role.{BORROW[role.role]}"))
    return t("doctor.role", role=name, face=role.face)


def _faces(faces: tuple[FaceStatus, ...]) -> str:
    return tr("、", ", ").join(f"{f.name} {'✓' if f.found else '✗'}" for f in faces)


def _system_lines(facts: SystemFacts) -> list[str]:
    ok, missing = t("doctor.found"), t("doctor.missing")
    weasy = (f"WeasyPrint {facts.weasyprint}", ok) if facts.weasyprint else (
        "WeasyPrint", f"{missing}（{facts.weasyprint_error}）" if facts.weasyprint_error else missing)
    pango_state = missing
    if facts.pango is not None:
        too_old = _version_tuple(facts.pango) < PANGO_MIN
        pango_state = t("doctor.too_old", minimum=".".join(map(str, PANGO_MIN))) if too_old else ok
    rows = [
        weasy,
        (f"Pango {facts.pango or ''}".strip(), pango_state),
        ("PangoFT2", ok if facts.pangoft2 else missing),
        ("HarfBuzz subset (libharfbuzz-subset0)", ok if facts.harfbuzz_subset else t("doctor.no_subset")),
        ("fontconfig (fc-list)", ok if facts.fc_list else missing),
    ]
    return [t("doctor.item", item=item, state=state) for item, state in rows]


def report_dict(report: Report) -> dict[str, object]:
    """The report as plain data (`lzzr doctor --format json`)."""
    f = report.facts
    return {
        "ok": report.ok,
        "roles": [{"role": r.role, "face": r.face, "borrowed": r.borrowed,
                   "configured": [{"name": x.name, "found": x.found} for x in r.configured],
                   "defaults": [{"name": x.name, "found": x.found} for x in r.defaults]} for r in report.roles],
        "weasyprint": f.weasyprint, "weasyprint_error": f.weasyprint_error, "pango": f.pango,
        "pangoft2": f.pangoft2, "harfbuzz_subset": f.harfbuzz_subset, "fc_list": f.fc_list,
        "packages": list(report.packages), "apt": report.apt_line, "make_fonts": report.make_fonts,
    }
