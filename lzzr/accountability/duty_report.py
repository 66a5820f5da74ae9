"""`lzzr report duty`: a 述职述廉 draft (report on duty and integrity), pre-filled from the year.

Pure: a workspace and a leader in, plain data out (`duty_report`), and that data as
Markdown (`duty_markdown`) for the leader to edit. Markdown, not docx: it opens in any
editor (WPS, Notepad), survives e-mail and review as plain text, and needs no new library;
the PDF is rendered from the same data (templates/duty_report.html) for printing.
"""

from __future__ import annotations

from typing import Any

from lzzr.responsibility import task_responsibility
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import cn_date
from lzzr.workspace.records import duty_logs, progress

from .trace import trace_incident

MEETINGS = ("年中专题会议", "年终专题会议", "听取汇报")
TALK = "廉政谈话"
FILL = "（请本人填写）"


def _posts(ws: Workspace, leader: str) -> list[dict[str, str]]:
    rows = []
    for tid, team in ws.teams.items():
        for p in team.members:
            if p.leader == leader:
                span = f"{cn_date(p.start) if p.start else '年初'}至{cn_date(p.end) if p.end else '年末'}"
                units = "、".join(ws.units[u].label for u in p.in_charge if u in ws.units)
                rows.append({"班子": ws.units[tid].label if tid in ws.units else tid, "职务": p.title,
                             "分管": units, "任职": span})
    return rows


def _tasks(ws: Workspace, leader: str) -> list[dict[str, str]]:
    rows = []
    for tid, task in ws.tasks.items():
        label = task_responsibility(ws, task).get(leader)
        if label is None:
            continue
        rec = progress(ws).get(tid)
        state: str = rec.status if rec else "无进展记录"
        if rec and rec.done:
            state += f"（{cn_date(rec.done)}）"
        rows.append({"编号": tid, "任务": task.title, "责任": label, "完成时限": cn_date(task.deadline)
                     if task.deadline else "", "完成情况": state})
    return rows


def _accountability(ws: Workspace, leader: str) -> list[dict[str, str]]:
    rows = []
    for eid in sorted(ws.collection("event")):
        traced = trace_incident(ws, eid)
        if traced is None or leader not in traced.labels():
            continue
        e = traced.event
        handled = "、".join(s.outcome for s in e.sanctions if s.leader == leader) or "未处理"
        rows.append({"事件": eid, "日期": cn_date(e.date), "事由": e.cause, "责任": traced.labels()[leader],
                     "处理": handled})
    return rows


def duty_report(ws: Workspace, leader: str) -> dict[str, Any]:
    """The draft as plain data: posts, duties, meetings, talks, tasks, accountability."""
    assert ws.config is not None
    log = duty_logs(ws).get(leader)
    done = sorted(log.entries, key=lambda d: d.date) if log else []

    def rows(kinds: tuple[str, ...], keep: bool) -> list[dict[str, str]]:
        return [{"事项": d.kind, "日期": cn_date(d.date), "依据": "、".join(d.evidence)}
                for d in done if (d.kind in kinds) == keep]

    return {"年度": ws.config.year, "领导": leader, "姓名": ws.leaders[leader].name, "地区": ws.config.region,
            "职务": _posts(ws, leader), "履职": rows((*MEETINGS, TALK), False), "会议": rows(MEETINGS, True),
            "谈话": rows((TALK,), True), "任务": _tasks(ws, leader), "责任追究": _accountability(ws, leader),
            "承诺": list(ws.config.pledge_items)}


def _list(rows: list[dict[str, str]], line: str, empty: str) -> list[str]:
    return [line.format(**r) for r in rows] or [empty]


def duty_markdown(d: dict[str, Any]) -> str:
    """The draft as Markdown: facts filled in, the judgements left to the leader."""
    posts = "；".join(f"{p['职务']}（{p['任职']}{'，分管' + p['分管'] if p['分管'] else ''}）" for p in d["职务"])
    out = [f"# {d['年度']}年度述职述廉报告（草稿）", "", f"{d['姓名']}", "",
           f"本人{d['年度']}年度任{posts}。现将履行党风廉政建设职责和廉洁自律情况报告如下。", "",
           "## 一、履行党风廉政建设职责", "",
           *_list(d["履职"], "- {日期}，{事项}（{依据}）", "- 本年度没有履职记录。"), "",
           "### 召开专题会议、听取汇报", "", *_list(d["会议"], "- {日期}，{事项}（{依据}）", "- 没有记录。"), "",
           "### 廉政谈话", "", *_list(d["谈话"], "- {日期}，{事项}（{依据}）", "- 没有记录。"), "",
           "## 二、承担的党风廉政建设任务", "",
           *_list(d["任务"], "- {编号} {任务}：负{责任}，完成时限{完成时限}，{完成情况}", "- 没有承担的任务。"), "",
           "## 三、问题整改和责任追究", "",
           *_list(d["责任追究"], "- {日期}，{事由}（{事件}）：负{责任}，{处理}", "- 职责范围内没有问责事件。"), "",
           "## 四、廉洁自律", "", "本人年初作出的公开承诺：", "",
           *[f"{i}. {item}" for i, item in enumerate(d["承诺"], 1)], "", f"执行情况：{FILL}", "",
           "## 五、存在的问题和今后努力方向", "", FILL, ""]
    return "\n".join(out)


def duty_filename(d: dict[str, Any], suffix: str) -> str:
    return f"{d['年度']}-述职述廉-{d['姓名']}-{d['领导']}{suffix}"
