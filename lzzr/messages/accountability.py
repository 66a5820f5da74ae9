"""Messages of accountability (责任追究): incident checks, trace, decisions, dossier, opinion."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # checks of the incidents (lzzr/incidents_check.py)
    "AC01": ("「情形」{value} 不是{rules}规定的追究情形（{known}）",
             "'情形' {value} is not a situation of {rules} ({known})"),
    "AC02": ("「程度」应为{known}之一，实为「{value}」{suggest}",
             "'程度' must be one of {known}, found '{value}'{suggest}"),
    "AC04": ("处理方式「{form}」不在{degree}事件可以采用的处理方式中（{open}）",
             "'{form}' is not a form of handling open for a {degree} incident ({open})"),
    "AC05": ("严重事件只作{forms}：不能用批评教育代替责任追究（应给予组织处理、纪律处分或其他处理）",
             "a grave incident handled only by {forms}: criticism must not replace accountability "
             "(organisational handling, a disciplinary sanction or another form is needed)"),
    "AC06": ("责任追究决定日期{date}早于事件日期{event_date}",
             "the decision is dated {date}, before the incident itself ({event_date})"),
    "AC10": ("处理方式「{form}」未定义（可用：{known}）", "form of handling '{form}' is not defined (known: {known})"),
    "AC11": ("情形 {value} 不在“情形”中（{known}）", "situation {value} is not in '情形' ({known})"),
    "AC12": ("程度「{value}」不在“程度”中（{known}）", "degree '{value}' is not in '程度' ({known})"),
}

TRACE: dict[str, tuple[str, str]] = {
    "tr.head": ("问责事件 {id}：{cause}", "incident {id}: {cause}"),
    "tr.facts": ("日期 {date}；单位 {unit}；情形 {situation}；程度 {severity}",
                 "date {date}; unit {unit}; situation {situation}; degree {severity}"),
    "tr.situation": ("情形{n}：{text}", "situation {n}: {text}"),
    "tr.involved": ("当事人：{names}", "involved: {names}"),
    "tr.asof": ("负有领导责任的领导干部（按{date}的任职）：", "leaders bearing leadership responsibility (posts held on {date}):"),
    "tr.bearer": ("{name}（{leader}）：{label}", "{name} ({leader}): {label}"),
    "tr.nobody": ("（无：没有领导干部按规定负领导责任）", "(none: no leader bears leadership responsibility by the rules)"),
    "tr.team": ("{team}：全面领导责任（党委、政府以及职能部门的领导班子对职责范围内的党风廉政建设负全面领导责任，讲稿三（一））",
                "{team}: overall leadership responsibility (a team answers for the clean governance of its whole remit; lecture 三(一))"),
    "tr.R1": ("[R1] {bearer}任{bpost}（{bteam}班子，{bdates}），分管{steam}；{subject}任{spost}（{steam}班子，{sdates}），是该单位领导班子正职 → "
              "分管领导对分管部门、单位领导班子正职的党风廉政建设负主要领导责任（讲稿二（二），其他成员第4条）",
              "[R1] {bearer} holds {bpost} on {bteam} ({bdates}) and is in charge of {steam}; {subject} holds {spost} "
              "there ({sdates}), its principal → the member in charge bears main leadership responsibility for the "
              "principal of a unit in their charge (lecture 二(二), members item 4)"),
    "tr.R2": ("[R2] {bearer}任{bpost}（{bteam}班子，{bdates}），分管{steam}；{subject}任{spost}（{steam}班子，{sdates}），是该单位领导班子其他成员 → "
              "分管领导对分管部门、单位领导班子其他成员的党风廉政建设负重要领导责任（讲稿二（二），其他成员第4条）",
              "[R2] {bearer} holds {bpost} on {bteam} ({bdates}) and is in charge of {steam}; {subject} holds {spost} "
              "there ({sdates}), another team member → the member in charge bears important leadership responsibility "
              "(lecture 二(二), members item 4)"),
    "tr.R3": ("[R3] {bearer}任{bpost}（{bteam}班子，{bdates}），是该班子正职；{subject}任该班子{spost}（{sdates}） → "
              "正职对领导班子其他成员的党风廉政建设负重要领导责任（讲稿二（二），正职第5条）",
              "[R3] {bearer} holds {bpost} on {bteam} ({bdates}), its principal; {subject} holds {spost} on that team "
              "({sdates}) → a principal bears important leadership responsibility for the other members "
              "(lecture 二(二), principal item 5)"),
    "tr.R4": ("[R4] 情形{situation}（选拔任用干部）：{bearer}任{bpost}（{bteam}班子，{bdates}）；{subject}任下级{spost}（{steam}班子，{sdates}），"
              "是下级领导班子正职 → 正职对下级党政领导班子正职的选拔任用工作负主要领导责任（讲稿二（二），正职第5条）",
              "[R4] situation {situation} (selection of cadres): {bearer} holds {bpost} on {bteam} ({bdates}); {subject} "
              "holds {spost} on the lower team {steam} ({sdates}), its principal → a principal bears main leadership "
              "responsibility for the selection of lower principals (lecture 二(二), principal item 5)"),
    "tr.R5": ("[R5] {subject}不是领导班子成员（{unit}工作人员）；{bearer}任{bpost}（{bteam}班子，{bdates}），是该单位正职 → "
              "正职对管辖范围内的党风廉政建设负总责，负主要领导责任（讲稿二（二），正职第1条）",
              "[R5] {subject} is not on a leadership team (staff of {unit}); {bearer} holds {bpost} on {bteam} ({bdates}), "
              "its principal → the principal answers for the whole remit (总责): main leadership responsibility "
              "(lecture 二(二), principal item 1)"),
    "tr.R5M": ("[R5M] {subject}不是领导班子成员（{unit}工作人员）；{bearer}任{bpost}（{bteam}班子，{bdates}），分管{unit} → "
               "分管领导对分管部门、单位的党风廉政建设负重要领导责任（讲稿二（二），其他成员第1条）",
               "[R5M] {subject} is not on a leadership team (staff of {unit}); {bearer} holds {bpost} on {bteam} "
               "({bdates}) and is in charge of {unit} → important leadership responsibility for the units in their "
               "charge (lecture 二(二), members item 1)"),
    "tr.R6": ("[R6] 情形6：{bearer}任{bpost}（{bteam}班子，{bdates}），{subject}是其{relation} → "
              "对配偶、子女、身边工作人员严重违纪违法知情不管、包庇纵容的，负主要领导责任（《规定》第6种情形）",
              "[R6] situation 6: {bearer} holds {bpost} on {bteam} ({bdates}); {subject} is their {relation} → "
              "main leadership responsibility for a spouse, child or staff member's violations known and not dealt with"),
    "tr.someone": ("当事人（未写明）", "the person involved (not named)"),
    "tr.relation": ("亲属或身边工作人员", "relative or staff member"),
    "tr.dates.both": ("{start}至{end}", "{start} to {end}"),
    "tr.dates.from": ("{start}起", "from {start}"),
    "tr.dates.to": ("至{end}", "until {end}"),
    "tr.dates.none": ("任职未写起止", "no dates on the post"),
    "tr.label.主要领导责任": ("主要领导责任", "main leadership responsibility"),
    "tr.label.重要领导责任": ("重要领导责任", "important leadership responsibility"),
    "tr.label.全面领导责任": ("全面领导责任", "overall leadership responsibility"),
    "tr.notes": ("说明：", "notes:"),
    "TN01": ("事件日期{date}早于本工作区的年度（{year}年）：按本工作区的任职记录推定，请用当年的工作区核对",
             "the incident is dated {date}, before this workspace's year ({year}): posts are taken from this "
             "workspace; check against that year's workspace"),
    "TN01A": ("事件日期{date}晚于本工作区的年度（{year}年）：按本工作区的任职记录推定，请用当年的工作区核对",
              "the incident is dated {date}, after this workspace's year ({year}): posts are taken from this "
              "workspace; check against that year's workspace"),
    "TN02": ("单位 '{unit}' 不存在，无法追溯领导责任", "unit '{unit}' does not exist; nothing can be traced"),
    "TN03": ("当事人{person}不是工作区中的领导干部：按本单位工作人员计", "{person} is not a leader in the data: taken as staff of the unit"),
    "TN04": ("当事人{leader}在事件日期没有任职记录：按本单位工作人员计", "{leader} holds no post on the incident date: taken as staff of the unit"),
    "TN05": ("{unit}在{date}没有分管领导（上一级班子{upper}的分工中无人分管）：分管领导的责任无人承担，请核对班子分工",
             "{unit} has no member in charge on {date} (no post of the upper team {upper} lists it): nobody bears "
             "the member in charge's responsibility; check the division of work"),
    "TN06": ("{unit}领导班子正职在{date}空缺（{posts}）：正职的责任无人承担",
             "the principal's post of {unit} is vacant on {date} ({posts}): nobody bears the principal's responsibility"),
    "TN06.none": ("无正职任职记录", "no principal's post on record"),
    "TN07": ("未写当事人：按本单位工作人员计", "no person involved is written: taken as staff of the unit"),
    "TN08": ("{unit}没有领导班子记录：没有班子承担全面领导责任", "{unit} has no team on record: no team bears overall responsibility"),
    "TN09": ("{leader}已受到处理，但按规定不负领导责任，也不是当事人：请核对处理对象",
             "{leader} was handled but bears no leadership responsibility by the rules and is not involved: check"),
    "TN10": ("{leader}负主要领导责任，处理中没有对其的处理：请核对（不能以批评教育代替责任追究）",
             "{leader} bears main leadership responsibility but the handling does not name them: check"),
    "trace.no_decision": ("问责事件 {id} 尚未记录“决定”（机关、日期、文号），不能印发责任追究决定",
                          "incident {id} has no 决定 (body, date, number) yet; no decision can be issued"),
    "trace.issued": ("责任追究决定 → {file}（已登记；写入廉政档案 {archives} 份）",
                     "decision → {file} (registered; {archives} 廉政档案 files updated)"),
    "dossier.done": ("廉政档案（{years} 个年度）→ {file}", "廉政档案 ({years} years) → {file}"),
    "opinion.done": ("党风廉政意见回复（草稿，{state}）→ {file}", "draft integrity opinion ({state}) → {file}"),
    "duty.done": ("述职述廉报告草稿 → {files}", "述职述廉 draft → {files}"),
    "trace.none": ("问责事件 '{id}' 不存在{suggest}", "incident '{id}' does not exist{suggest}"),
    "trace.refused": ("工作区的数据或记录有 {errors} 个错误，未处理；请先改正（lzzr check）", "the data or records have {errors} errors; nothing done (see lzzr check)"),
}
CATALOG.update(TRACE)
