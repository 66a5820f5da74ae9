"""`lzzr status --html`: the offline dashboard, opened from file:// in headless Chromium (Selenium).

Selenium with Debian's chromium-driver, because the test must click headers and type into
the filter and read the page's console; Chromium's own --dump-dom / --screenshot flags can
only load a page, not act on it. Skipped only when chromium, chromedriver or selenium is
missing on this machine; CI (.ci/run) installs them.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lzzr.errors import ExitCode
from lzzr.supervision.status import compute_status
from lzzr.workspace.load import load_workspace

from .helpers import SAMPLE, copy_sample, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000")


def test_dashboard_files_are_self_contained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dash"
    code, text, _ = run(capsys, "status", str(copy_sample(tmp_path / "ws")), "--on", "2026-07-15", "--html", str(out))
    assert (code, text) == (ExitCode.OK, f"已写入 {out / 'index.html'}\n")
    assert sorted(p.name for p in out.iterdir()) == ["dashboard.css", "dashboard.js", "index.html"]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page and "<style" not in page
    assert 'href="#unit-zjj"' in page and 'id="unit-zjj"' in page and 'id="leader-clm"' in page
    assert 'id="task-T16.1" data-state="overdue"' in page


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium (test extra) not installed")
    if CHROMIUM is None or DRIVER is None:
        pytest.skip("chromium / chromium-driver not installed here (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _rows(driver: Any, table: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return [r for r in driver.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr") if r.is_displayed()]


def test_dashboard_in_chromium(browser: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    out = tmp_path / "dash"
    assert run(capsys, "status", str(copy_sample(tmp_path / "ws")), "--on", "2026-07-15", "--html", str(out))[0] == 0
    browser.get((out / "index.html").as_uri())
    WebDriverWait(browser, 20).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
    assert browser.save_screenshot(str(tmp_path / "dashboard.png"))
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000

    ws, _ = load_workspace(SAMPLE)
    status = compute_status(ws, dt.date(2026, 7, 15))
    header = browser.find_element(By.XPATH, "//table[@id='tasks-table']/thead/tr/th[5]")  # 完成时限
    header.click()
    dates = [r.find_elements(By.TAG_NAME, "td")[4].text for r in _rows(browser, "tasks-table")]
    assert dates == sorted(x.deadline.isoformat() for x in status.tasks)
    header.click()
    assert _rows(browser, "tasks-table")[0].find_elements(By.TAG_NAME, "td")[4].text == max(dates)
    assert header.get_attribute("aria-sort") == "descending"

    box = browser.find_element(By.CSS_SELECTOR, 'input.filter[data-table="tasks-table"]')
    box.send_keys("住建局")
    shown = _rows(browser, "tasks-table")
    assert shown and all("住建局" in r.text for r in shown)
    assert len(shown) == sum(1 for x in status.tasks if x.lead == "zjj")
    box.clear()
    box.send_keys(" ")  # an empty filter shows everything again
    Select(browser.find_element(By.CSS_SELECTOR, 'select.state-filter[data-table="tasks-table"]')).select_by_value(
        "overdue")
    assert sorted(r.get_attribute("id") for r in _rows(browser, "tasks-table")) == sorted(
        f"task-{x.id}" for x in status.tasks if x.state == "overdue")
    assert browser.find_element(By.CSS_SELECTOR, '.shown[data-table="tasks-table"]').text == \
        f"显示 4 / {len(status.tasks)}"

    browser.find_element(By.CSS_SELECTOR, '#task-T16\\.1 a[href="#leader-clm"]').click()
    assert browser.execute_script("return location.hash") == "#leader-clm"
    assert "T16.1" in browser.find_element(By.ID, "leader-clm").text

    # the stylesheet beside the page was applied (the script ran: data-ready above)
    header_colour = browser.execute_script("return getComputedStyle(document.querySelector('header')).backgroundColor")
    assert header_colour == "rgb(179, 18, 29)"
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
