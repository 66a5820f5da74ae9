"""廉政档案: each leader's integrity file, one YAML file per leader, an entry per year.

`<workspace>/廉政档案/<leader-id>.yaml` (a subfolder, so it is not read as workspace data):

```yaml
领导: mqh
姓名: 孟庆华
考核记录:
  2026:
    年度: 2026
    考核方案: 示例旗2026年度党风廉政建设责任制考核细则
    结果:
      - {对象: 成员, 职务: …, 得分: 98.86, 等次: 优秀, 排名: 3/16, 一票否决: [], 备注: []}
    组织意见: …        # anything a cadre adds is kept
```

Running the same year again replaces the keys lzzr writes (年度, 考核方案, 结果) in that
year's entry and keeps everything else: other years, keys a cadre added, and comments
(ruamel.yaml round-trip). Files are written atomically, and only after every existing file
has been read, so a file that cannot be read stops the run before anything changes.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarfloat import ScalarFloat

from lzzr.assess.score import Assessment, Result
from lzzr.i18n import text
from lzzr.workspace.archive import ARCHIVE_DIR, write_leader_files
from lzzr.workspace.load import Workspace

__all__ = ["ARCHIVE_DIR", "archive_entries", "archive_folder", "points", "result_entry", "write_archive"]

KEY = "考核记录"
OWNED = ("年度", "考核方案", "结果")
COMMENT = "廉政档案（lzzr assess 写入“考核记录”；其他内容可手工填写，重新考核时保留）"


def points(value: Decimal) -> ScalarFloat:
    """A score as a YAML number written with its two decimals (95.00, not 95.0)."""
    text = str(value)
    number: ScalarFloat = ScalarFloat(float(value), width=len(text), prec=text.index(".") if "." in text else len(text))
    return number


def result_entry(ws: Workspace, a: Assessment, r: Result) -> dict[str, Any]:
    """One result as it stands in the file (plain data)."""
    x = r.target
    entry: dict[str, Any] = {"对象": x.kind}
    if x.unit:
        unit = ws.units.get(x.unit)
        entry["单位"] = unit.name if unit else x.unit
    entry["职务"] = x.post
    if not x.full_year:
        entry["任职"] = f"{x.start.isoformat()} 至 {x.end.isoformat()}"
    entry.update({"得分": points(r.total), "等次": r.grade, "排名": f"{r.rank}/{r.of}",
                  "一票否决": [f"{v.id} {v.name}：{v.reason}" for v in r.vetoes]})
    notes = [text(n) for n in r.notes]
    if r.grade != r.score_grade and not r.vetoes:
        notes.append(f"按分数为{r.score_grade}，受优秀名额限制评为{r.grade}")
    if x.kind == "正职":
        team = next((t for t in a.by_kind("班子") if t.target.unit == x.unit), None)
        if team is not None:
            notes.append(f"所在班子考核等次：{team.grade}（{team.total}分）")
    entry["备注"] = notes
    return entry


def archive_entries(ws: Workspace, a: Assessment) -> dict[str, dict[str, Any]]:
    """Leader id → this year's entry (年度, 考核方案, 结果), for every leader assessed."""
    entries: dict[str, dict[str, Any]] = {}
    for r in a.results:
        leader = r.target.leader
        if leader is None:
            continue
        entry = entries.setdefault(leader, {"年度": a.year, "考核方案": a.scheme.name, "结果": []})
        entry["结果"].append(result_entry(ws, a, r))
    return entries


def archive_folder(ws: Workspace) -> Path:
    return ws.root / ARCHIVE_DIR


def write_archive(ws: Workspace, a: Assessment, folder: Path | None = None) -> list[Path]:
    """Write (or update) each assessed leader's file; return the paths written."""
    def put(doc: CommentedMap, entry: dict[str, Any]) -> None:
        _put_year(doc, a.year, entry)

    return write_leader_files(ws, archive_entries(ws, a), KEY, COMMENT, put, folder)


def _put_year(doc: CommentedMap, year: int, entry: dict[str, Any]) -> None:
    """Replace this year's owned keys in place (keeping a cadre's keys and comments), or add
    the year in order."""
    years: CommentedMap = doc[KEY]
    key = next((k for k in years if str(k) == str(year)), None)
    if key is None:
        position = sum(1 for k in years if str(k) < str(year))
        years.insert(position, year, CommentedMap())
        key = year
    current = years[key]
    if not isinstance(current, CommentedMap):
        current = years[key] = CommentedMap()
    for i, name in enumerate(OWNED):
        value = _commented(entry[name])
        if name in current:
            current[name] = value
        else:
            current.insert(i, name, value)


def _commented(value: Any) -> Any:
    """Plain data as ruamel containers: results in block style, short lists in flow style."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _commented(v)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_commented(v) for v in value)
        if all(not isinstance(v, (dict, list)) for v in value):
            seq.fa.set_flow_style()
        return seq
    return value
