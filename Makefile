# lzzr — two commands: `make demo` (set up and run the year on sample-data/) and `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out

.PHONY: setup system fonts demo test lint dist-test bench bench-big clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,lint]'
	touch $@

setup: $(STAMP)

# System packages (Pango, HarfBuzz subsetting, CJK fonts, poppler): installed when we are
# root, otherwise the apt line is printed. Never fails the build.
system:
	@sh scripts/system-deps.sh || true

# Free FangSong and Kai faces for the user (FandolFang, FandolKai); never fails the build.
fonts:
	@sh scripts/fonts.sh || true

# Workbooks carry this time (the sample plan's issue date, 2026-02-26) instead of the current one,
# so that two demo runs write the same bytes (lzzr/render/xlsxfile.py).
demo: export SOURCE_DATE_EPOCH ?= 1772064000
demo: system fonts setup
	@rm -rf $(OUT) && mkdir -p $(OUT) && cp -r sample-data $(OUT)/workspace
	@echo "== 示例旗 2026：工作区副本 $(OUT)/workspace（登记簿和廉政档案写在这里，不改动 sample-data/）"
	$(BIN)/lzzr check $(OUT)/workspace
	$(BIN)/lzzr decompose $(OUT)/workspace --out $(OUT)
	$(BIN)/lzzr letters $(OUT)/workspace --out $(OUT)/责任书 --combine
	$(BIN)/lzzr pledges $(OUT)/workspace --out $(OUT)/承诺书
	$(BIN)/lzzr pledges $(OUT)/workspace --out $(OUT)/承诺书-公开栏 --public
	$(BIN)/lzzr letters $(OUT)/workspace --status --quiet || true
	$(BIN)/lzzr assess $(OUT)/workspace --out $(OUT) --quiet
	$(BIN)/lzzr assess $(OUT)/workspace --explain altsm
	@echo "== 年中（2026-07-15）和年终（2026-12-31）落实情况、提醒、半年报告、日历和看板"
	$(BIN)/lzzr status $(OUT)/workspace --on 2026-07-15 --format xlsx --out $(OUT) --quiet
	$(BIN)/lzzr status $(OUT)/workspace --on 2026-07-15 | head -40
	$(BIN)/lzzr status $(OUT)/workspace --on 2026-12-31 | head -40
	$(BIN)/lzzr remind $(OUT)/workspace --on 2026-07-15 | head -30; true
	$(BIN)/lzzr report progress $(OUT)/workspace --period 2026H1 --out $(OUT)
	$(BIN)/lzzr calendar $(OUT)/workspace --out $(OUT)
	$(BIN)/lzzr status $(OUT)/workspace --on 2026-07-15 --html $(OUT)/看板
	@echo "== Excel 交换：为阿拉坦苏木生成填报表，填写后导入；导入上级任务表（WPS 格式）"
	$(BIN)/lzzr forms $(OUT)/workspace --out $(OUT)/填报表
	$(BIN)/python scripts/demo_workbooks.py fill $(OUT)/填报表/2026-填报表-阿拉坦苏木-altsm.xlsx $(OUT)/填报表-阿拉坦苏木-交回.xlsx
	$(BIN)/lzzr import $(OUT)/填报表-阿拉坦苏木-交回.xlsx $(OUT)/workspace --update
	$(BIN)/lzzr assess $(OUT)/workspace --out $(OUT) --format xlsx --no-pdf --no-archive --quiet
	$(BIN)/lzzr assess $(OUT)/workspace --explain altsm | grep -E "· SM07.3 |总分："
	$(BIN)/python scripts/demo_workbooks.py upper $(OUT)/上级任务-补充.xlsx
	$(BIN)/lzzr import $(OUT)/上级任务-补充.xlsx $(OUT)/workspace --as upper --doc sj1
	@echo "== 责任追究：七个问责事件（六种情形；W02、W05 在 7 月 1 日分工调整前后）"
	@for w in W01 W02 W03 W04 W05 W06 W07; do $(BIN)/lzzr trace $$w $(OUT)/workspace || exit 1; echo; done
	$(BIN)/lzzr trace W01 $(OUT)/workspace --issue --out $(OUT)/责任追究 --quiet
	$(BIN)/lzzr init $(OUT)/workspace-2027 --from $(OUT)/workspace --quiet
	$(BIN)/lzzr dossier rhm $(OUT)/workspace $(OUT)/workspace-2027 --out $(OUT)/廉政档案
	$(BIN)/lzzr opinion rhm $(OUT)/workspace --date 2026-12-31 --out $(OUT)/廉政档案
	$(BIN)/lzzr report duty clm $(OUT)/workspace --out $(OUT)/述职述廉

test: setup
	$(BIN)/python -m pytest -n 2 --dist loadfile

lint: setup
	$(BIN)/ruff check lzzr tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

dist-test: setup
	rm -rf dist build/dist-venv
	$(BIN)/python -m pip install -q build
	$(BIN)/python -m build --wheel --outdir dist . >/dev/null
	$(PYTHON) -m venv build/dist-venv
	build/dist-venv/bin/python -m pip install -q dist/*.whl
	rm -rf build/dist-ws build/dist-out && cp -r sample-data build/dist-ws
	cd /tmp && $(CURDIR)/build/dist-venv/bin/lzzr check $(CURDIR)/build/dist-ws
	cd /tmp && $(CURDIR)/build/dist-venv/bin/lzzr decompose $(CURDIR)/build/dist-ws --out $(CURDIR)/build/dist-out --quiet
	cd /tmp && $(CURDIR)/build/dist-venv/bin/lzzr letters $(CURDIR)/build/dist-ws --unit hdz --out $(CURDIR)/build/dist-out --quiet
	cd /tmp && $(CURDIR)/build/dist-venv/bin/lzzr assess $(CURDIR)/build/dist-ws --out $(CURDIR)/build/dist-out --quiet
	test -s build/dist-out/2026-责任分解方案.pdf && test -s build/dist-out/2026-责任制考核报告.pdf
	rm -rf build/dist-init && cd /tmp && $(CURDIR)/build/dist-venv/bin/lzzr init $(CURDIR)/build/dist-init --kind 县 --year 2027 --quiet
	cd /tmp && $(CURDIR)/build/dist-venv/bin/lzzr check $(CURDIR)/build/dist-init --quiet

# One table of ratios, each against its paired baseline (docs/performance.md): check, cache, decompose
# and assess against the parse, start-up, letters (pool, re-runs, --jobs 2 against 1 on a busy machine); ~10 min.
# `bench/bench.py --only ROWS` runs some of them (the names are in its --help).
bench: setup
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python bench/bench.py

# The same plus the plan PDF and the assessment report PDF of 10,000 tasks (time and peak memory) and the peak
# memory of 1,017 letters against 50: slow (~30 min).
bench-big: setup
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python bench/bench.py --big

clean:
	rm -rf $(VENV) build dist $(OUT) *.egg-info
