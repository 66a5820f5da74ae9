"""`lzzr decompose`: the plan PDF, the tables, and refusing to issue on errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from lzzr.workspace.load import load_workspace

from .helpers import SAMPLE, copy_sample, mini_workspace, run
from .pdfutil import needs_poppler, pdf_fonts, pdf_info, pdf_text


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lzzr.cli.app import main

    out = tmp_path_factory.mktemp("out")
    assert main(["decompose", str(SAMPLE), "--out", str(out), "--quiet"]) == 0
    return out


def test_writes_plan_tables_and_workbook(issued: Path) -> None:
    assert sorted(p.name for p in issued.iterdir()) == [
        "2026-责任分解-按单位.csv", "2026-责任分解-按领导.csv", "2026-责任分解.json",
        "2026-责任分解.xlsx", "2026-责任分解方案.pdf"]
    data = json.loads((issued / "2026-责任分解.json").read_text(encoding="utf-8"))
    ws, _ = load_workspace(SAMPLE)
    assert {row["任务编号"] for row in data["按单位"]} == set(ws.tasks)


def test_workbook_has_both_views(issued: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(issued / "2026-责任分解.xlsx")
    assert book.sheetnames == ["静态分解", "动态分解"]
    assert book["动态分解"]["A1"].value == "牵头部门"


@needs_poppler
def test_plan_pdf_text_holds_number_title_and_every_task(issued: Path) -> None:
    pdf = issued / "2026-责任分解方案.pdf"
    text = pdf_text(pdf)
    flat = "".join(text.split())
    assert "示党发〔2026〕3号" in flat
    assert "关于印发《示例旗2026年党风廉政建设责任制责任分解方案》的通知" in flat
    assert "中共示例旗委员会文件" in flat
    ws, _ = load_workspace(SAMPLE)
    missing = [tid for tid in ws.tasks if tid not in text]
    assert missing == []
    assert "抄送：示例市纪委监委" in flat and "2026年2月27日印发" in flat


@needs_poppler
def test_plan_pdf_is_a4_with_embedded_fonts(issued: Path) -> None:
    pdf = issued / "2026-责任分解方案.pdf"
    assert pdf_info(pdf)["Page size"].startswith("595.276 x 841.89")
    fonts = pdf_fonts(pdf)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # the emb column


@needs_poppler
def test_plan_header_is_red(issued: Path, tmp_path: Path) -> None:
    pdf = issued / "2026-责任分解方案.pdf"
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    page = Image.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    w, h = page.size
    header = page.crop((0, int(h * 0.22), w, int(h * 0.32)))  # 72-91 mm from the top
    assert red_pixels(header) > 200
    assert red_pixels(page.crop((0, int(h * 0.7), w, int(h * 0.85)))) == 0


def red_pixels(image: Image.Image) -> int:
    raw = image.tobytes()
    return sum(1 for i in range(0, len(raw), 3) if raw[i] > 180 and raw[i + 1] < 90 and raw[i + 2] < 90)


def test_refuses_to_issue_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    text = (ws / "plan.yaml").read_text(encoding="utf-8").replace("第一责任人: gzy", "第一责任人: nobody")
    (ws / "plan.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, err = run(capsys, "decompose", str(ws), "--out", str(out))
    assert code == 1
    assert "plan.yaml:5:10: error[R001] 方案: 第一责任人 'nobody' 不存在" in err.splitlines()  # problems: stderr
    assert "未印发" in err and stdout == ""
    assert not out.exists()


def test_static_view_on_terminal_without_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "decompose", str(SAMPLE), "--by", "leader", "--no-pdf", "--out", str(out))
    assert code == 0
    assert "领导：高振宇" in stdout and "重要领导责任" in stdout
    assert not out.exists()  # a view is shown, nothing is written


def test_json_and_csv_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(capsys, "decompose", str(SAMPLE), "--by", "unit", "-f", "json", "--no-pdf",
                          "--out", str(tmp_path))
    data = json.loads(stdout)
    assert code == 0 and data["ok"] and data["view"][0]["牵头部门"]
    code, stdout, err = run(capsys, "decompose", str(SAMPLE), "--by", "unit", "-f", "csv", "--no-pdf",
                            "--out", str(tmp_path))
    assert code == 0 and stdout.startswith("牵头部门,任务编号") and err == ""
    assert list(tmp_path.iterdir()) == []
    code, _, err = run(capsys, "decompose", str(SAMPLE), "-f", "csv", "--no-pdf", "--out", str(tmp_path))
    assert code == 2 and err == "--format csv 需要同时指定 --by leader 或 --by unit\n"


def test_missing_plan_section_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    (ws / "plan.yaml").unlink()
    code, _, err = run(capsys, "decompose", str(ws), "--out", str(tmp_path / "out"))
    assert code == 1
    assert "error[P1.2] 方案: 已有任务，但没有“方案”节" in err
    assert not (tmp_path / "out").exists()


def test_missing_issuing_config_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    config = (ws / "lzzr.yaml").read_text(encoding="utf-8")
    (ws / "lzzr.yaml").write_text(config.split("# 公文印发参数")[0], encoding="utf-8")
    code, _, err = run(capsys, "decompose", str(ws), "--out", str(tmp_path / "out"))
    assert code == 1
    assert err == "缺少印发责任分解方案所需的内容：lzzr.yaml → 发文 → 责任分解方案（格式见 docs/format.md）\n"


def test_check_and_decompose_run_without_the_cycle_collector_and_restore_it(tmp_path: Path) -> None:
    import gc

    from lzzr import check as check_module
    from lzzr.heap import collector_paused, without_collector

    seen: list[bool] = []
    without_collector(lambda: seen.append(gc.isenabled()))()
    assert seen == [False]
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError):
        without_collector(lambda: seen.append(1 // 0))()
    assert gc.isenabled()
    with collector_paused():  # nested: the inner one leaves the collector to the outer
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()  # a caller that turned it off keeps it off
    try:
        without_collector(lambda: None)()
        assert not gc.isenabled()
    finally:
        gc.enable()
    # the loader and rules run inside it
    real = check_module.load_workspace
    try:
        check_module.load_workspace = lambda root: (seen.append(gc.isenabled()), real(root))[1]  # type: ignore[assignment]
        check_module.check_workspace(mini_workspace(tmp_path))
    finally:
        check_module.load_workspace = real  # type: ignore[assignment]
    assert seen[-1] is False and gc.isenabled()
