"""Messages of the letters' own data (the section `责任书`, lzzr/workspace/letters_check.py)."""

from __future__ import annotations

KINDS: dict[str, tuple[str, str]] = {
    "letters_setup": ("责任书", "letters"),
}

CATALOG: dict[str, tuple[str, str]] = {
    "LT01": ("「依据」“{value}”不是书名号《》中的文件名称，责任书将照原样引用",
             "'依据' \"{value}\" is not a document title in 《》; the letters cite it as written"),
    "LT02": ("单位 {unit} 没有唯一的班子正职，无法签订责任书", "unit {unit} has no single team principal to sign with"),
    "LT03": ("{leader} 是 {unit} 的班子正职，已作为正职签字，不必列入“共同签订”",
             "{leader} is the principal of {unit} and signs as such: leave them out of '共同签订'"),
    "LT04": ("分管领导 {leader} 不在 {unit} 的班子中", "分管领导 {leader} holds no post on the team of {unit}"),
    "LT05": ("“情形”为空：责任书的责任追究条款至少需要一种应当追究责任的情形",
             "'情形' is empty: the letters' accountability clause needs at least one situation"),
    "LT06": ("股室负责人 {leader} 与分管领导是同一人", "the head {leader} is also the leader in charge"),
    "LT07": ("没有上级纪委书记签订监督责任书：请填写“纪委书记”，或为纪委监委设置班子正职",
             "nobody signs the 监督责任书 on the upper side: write '纪委书记', or give the 纪委监委 a team principal"),
    # lzzr sign (lzzr/documents/sign_checks.py)
    "sign.copy": ("{doc} 是签订本，不在签订本上登记签字；请登记在责任书 {of} 上",
                  "{doc} is an as-signed copy: record the signature on the letter {of}"),
    # lzzr letters --status: the year's other registered documents (lzzr/documents/status.py)
    "status.others": ("其他登记文件（不是责任书，不计入签订率）：", "other registered documents (not letters, not in the rate):"),
    "status.other": ("{number}　{title}　{date}　{state}", "{number}  {title}  {date}  {state}"),
    "status.other.dated": ("成文日期 {date}", "dated {date}"),
    "status.other.registered": ("登记于 {date}", "registered {date}"),
    "status.other.progress": ("落实情况报告（{value}）", "progress report ({value})"),
    "status.other.decision": ("责任追究决定（{value}）", "accountability decision ({value})"),
    "status.other.kind": ("{kind}", "{kind}"),
    "status.other.open": ("未冻结（无需双方签字）", "not frozen (no parties sign it)"),
    "status.other.signed": ("已登记签字，已冻结", "signature registered, frozen"),
    "status.other.pades": ("已数字签名，已冻结", "digitally signed, frozen"),
    "status.other.no_number": ("（无文号）", "(no number)"),
    "LT08": ("与第 {first} 条重复（{value}）", "the same as entry {first} ({value})"),
}
