"""Benchmark: rendering letters with `lzzr.render.batch.render_many` against a bare serial WeasyPrint loop.

Not a test: prints times and whether the goals of the issue are met.
  - ratio (pool with 2 workers / bare serial loop over the same HTML) ≤ 0.65
  - an unchanged re-run ≤ 5% of a full run
  - peak memory for 500 letters ≤ 1.5 × that for 50

The letters are letter-like HTML (about two pages of Chinese text and a table, the GB/T 9704
page of gongwen.css, the project's fonts), made from a small Jinja template here, for a
sample-sized set (60) and a generated one (500). Memory is measured in a fresh subprocess per
size: the peak of the summed RSS of the process tree, sampled every 50 ms. Sets under 200
letters are timed 3 times, keeping the best.

    .venv/bin/python bench/bench_letters.py [--jobs 2] [--sizes 60,500]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jinja2 import Environment  # noqa: E402

from lzzr.render.batch import Job, content_key, render_many  # noqa: E402
from lzzr.render.fonts import choose, font_css  # noqa: E402
from lzzr.render.renderer import builtin_templates  # noqa: E402
from lzzr.workspace.model import Fonts  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from treemem import TreeSampler  # noqa: E402

LETTER = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ year }}年度党风廉政建设责任书（{{ a }}—{{ b }}）</title>
<link rel="stylesheet" href="gongwen.css">
<style>
h1 { font-size: 22pt; text-align: center; font-weight: normal; margin: 0 0 14pt 0; }
p { text-indent: 2em; margin: 0; text-align: justify; }
table { width: 100%; border-collapse: collapse; font-size: 10.5pt; line-height: 15pt; margin: 4pt 0; }
th, td { border: 0.5pt solid #000; padding: 2pt 3pt; }
tr { break-inside: avoid; }
</style></head>
<body>
<h1 class="title-font">党风廉政建设责任书</h1>
<p class="kai" style="text-align:center; text-indent:0">（{{ year }}年度）</p>
<p>甲方：{{ unit_a }}　{{ post_a }}　{{ a }}</p>
<p>乙方：{{ unit_b }}　{{ post_b }}　{{ b }}</p>
<p>为深入贯彻落实《中共中央、国务院关于实行党风廉政建设责任制的规定》，根据示例旗{{ year }}年党风廉政建设责任制责任分解方案，明确乙方{{ year }}年度党风廉政建设责任，经甲乙双方商定，签订本责任书。</p>
<p class="hei">一、责任目标</p>
<p>乙方认真履行“一岗双责”，对分管的{{ units }}的党风廉政建设负直接领导责任，确保分管范围内不发生重大违纪违法案件，群众满意。</p>
<p class="hei">二、责任内容</p>
{% for d in duties %}<p>{{ loop.index }}．{{ d }}</p>
{% endfor %}
<table><thead class="hei"><tr><th>编号</th><th>任务</th><th>工作标准及量化指标</th><th>完成时限</th><th>责任</th></tr></thead>
<tbody>{% for t in tasks %}<tr><td>{{ t.id }}</td><td>{{ t.title }}</td><td>{{ t.standard }}</td><td>{{ t.deadline }}</td><td>{{ t.role }}</td></tr>
{% endfor %}</tbody></table>
<p class="hei">三、考核与奖惩</p>
<p>甲方按照示例旗党风廉政建设责任制考核办法，于年终对乙方履行本责任书情况进行考核，考核结果记入乙方廉政档案，作为业绩评定、奖励惩处、选拔任用的重要依据。考核优秀的给予表扬；考核不合格的，责令限期整改，并按照有关规定进行诫勉谈话或者组织处理。</p>
<p class="hei">四、附则</p>
<p>本责任书有效期自{{ year }}年1月1日至{{ year }}年12月31日。本责任书一式三份，甲乙双方各执一份，旗纪委监委备案一份。</p>
<p style="margin-top: 14pt">甲方（签字）：{{ a }}　　　　乙方（签字）：{{ b }}　　　　编号：{{ doc_id }}</p>
</body></html>
"""

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国志强慧敏立新海涛丽华永明秀英国庆红梅伟军晓东春燕德胜玉兰振华淑珍文杰桂芳宏伟"
UNITS = ["财政局", "发展和改革委员会", "教育局", "卫生健康委员会", "自然资源局", "住房和城乡建设局", "交通运输局",
         "农牧局", "水利局", "审计局", "市场监督管理局", "民政局", "人力资源和社会保障局", "生态环境局"]
DUTIES = [
    "严格执行中央八项规定及其实施细则精神，持之以恒纠治“四风”，每季度开展一次专项检查。",
    "抓好分管部门领导班子和干部队伍的廉洁从政教育，每年讲廉政党课不少于1次。",
    "督促分管部门建立健全权力运行制约监督机制，重点领域和关键环节廉政风险防控全覆盖。",
    "及时研究解决分管领域党风廉政建设中的突出问题，对苗头性、倾向性问题早发现、早提醒、早纠正。",
    "支持配合纪检监察机关查办违纪违法案件，对分管范围内发生的问题线索及时报告、不遮不掩。",
    "严格落实干部选拔任用、工程建设项目招投标和政府采购等规定，不插手、不干预具体事务。",
]


def letters(count: int, seed: int = 2026) -> list[tuple[str, str]]:
    """(file name, HTML) for `count` generated letters, the same every run."""
    rng = random.Random(seed)
    template = Environment(autoescape=True).from_string(LETTER)
    out = []
    for i in range(count):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN[::2]) + rng.choice(GIVEN[1::2])
        units = rng.sample(UNITS, 3)
        tasks = [{"id": f"T{rng.randint(1, 40):02d}.{k}", "title": f"{units[k % 3]}廉政风险防控专项任务{k + 1}",
                  "standard": f"每季度开展不少于{rng.randint(1, 4)}次监督检查，问题整改率达到100%，形成《专项检查报告》。",
                  "deadline": f"2026年{rng.randint(3, 12)}月{rng.randint(1, 28)}日", "role": rng.choice(["主要", "重要"])}
                 for k in range(rng.randint(3, 4))]
        html = template.render(year=2026, a="王建国", b=name, unit_a="中共示例旗委员会", post_a="旗委书记",
                               unit_b="示例旗人民政府", post_b="副旗长", units="、".join(units),
                               duties=DUTIES, tasks=tasks, doc_id=f"2026-ZRS-{i:04d}")
        out.append((f"{i:04d}-{name}.pdf", html))
    return out


def bare_serial(htmls: list[str], base_dir: Path, css: str) -> float:
    """The same HTML through WeasyPrint one document after another, as a plain script would."""
    from weasyprint import CSS, HTML

    base = base_dir.resolve().as_uri() + "/"
    start = time.perf_counter()
    for html in htmls:
        HTML(string=html, base_url=base).write_pdf(stylesheets=[CSS(string=css)])
    return time.perf_counter() - start


def pooled(docs: list[tuple[str, str]], out: Path, css: str, jobs: int,
           previous: dict[str, tuple[str, str]] | None = None) -> tuple[float, dict[str, tuple[str, str]], int]:
    work = [Job(out / name, html, content_key(html, css)) for name, html in docs]
    start = time.perf_counter()
    done = render_many(work, template_dirs=[builtin_templates()], font_css=css, variant=None, workers=jobs,
                       previous=previous)
    elapsed = time.perf_counter() - start
    return elapsed, {str(d.target): (j.key, d.sha256) for j, d in zip(work, done, strict=True)}, \
        sum(d.rendered for d in done)


def memory_run(count: int, jobs: int) -> None:
    """Child mode: render `count` letters with the pool and print the memory figures as JSON."""
    css = font_css(choose(Fonts()))
    docs = letters(count)
    sampler = TreeSampler()
    sampler.start()
    with tempfile.TemporaryDirectory() as tmp:
        elapsed, _, _ = pooled(docs, Path(tmp), css, jobs)
    print(json.dumps({
        "count": count, "seconds": elapsed, "tree_peak_kb": sampler.finish(),
        "self_hwm_kb": _high_water_kb(),
        "largest_child_maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }))


def _high_water_kb() -> int:
    """This process's own peak RSS (VmHWM). Not ru_maxrss: Linux carries that over from the
    parent across fork and exec, so a child of a big process starts with the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def speed(sizes: list[int], jobs: int, css: str) -> list[dict[str, float]]:
    """Serial loop and pool on the same letters; small sets run 3 times and keep the best of
    each (the machine may be shared: a single 8-second sample is easily disturbed)."""
    rows = []
    for count in sizes:
        docs = letters(count)
        best = {"serial": math.inf, "pool": math.inf, "rerun": math.inf}
        for _ in range(3 if count < 200 else 1):
            best["serial"] = min(best["serial"], bare_serial([html for _, html in docs], builtin_templates(), css))
            with tempfile.TemporaryDirectory() as tmp:
                full, previous, _ = pooled(docs, Path(tmp), css, jobs)
                rerun, _, rendered = pooled(docs, Path(tmp), css, jobs, previous)
                pages = _pages(Path(tmp) / docs[0][0])
            assert rendered == 0, "the re-run rendered documents"
            best["pool"], best["rerun"] = min(best["pool"], full), min(best["rerun"], rerun)
        rows.append({"count": count, "pages": pages, **best})
    return rows


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def memory(sizes: tuple[int, int], jobs: int) -> list[dict[str, float]]:
    out = []
    for count in sizes:
        proc = subprocess.run([sys.executable, __file__, "--memory", str(count), "--jobs", str(jobs)],
                              capture_output=True, text=True, check=True)
        out.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return out


def report(rows: list[dict[str, float]], mem: list[dict[str, float]], jobs: int) -> None:
    ok = {True: "yes", False: "NO"}
    print(f"{'letters':>8} {'pages':>5} {'serial s':>9} {'per letter':>10} {f'pool({jobs}) s':>10} {'ratio':>6}"
          f" {'≤0.65':>5} {'re-run s':>8} {'re-run %':>8} {'≤5%':>4}")
    for r in rows:
        ratio, share = r["pool"] / r["serial"], r["rerun"] / r["pool"]
        print(f"{r['count']:>8} {r['pages']:>5} {r['serial']:>9.2f} {r['serial'] / r['count']:>10.3f}"
              f" {r['pool']:>10.2f} {ratio:>6.2f} {ok[ratio <= 0.65]:>5} {r['rerun']:>8.3f} {share:>8.2%}"
              f" {ok[share <= 0.05]:>4}")
    small, large = mem
    growth = large["tree_peak_kb"] / small["tree_peak_kb"]
    for m in mem:
        print(f"memory, {m['count']} letters: peak {m['tree_peak_kb'] / 1024:.0f} MB for the process tree "
              f"(parent {m['self_hwm_kb'] / 1024:.0f} MB, largest worker maxrss "
              f"{m['largest_child_maxrss_kb'] / 1024:.0f} MB), {m['seconds']:.1f} s")
    print(f"memory, {large['count']} vs {small['count']} letters: {growth:.2f}x (goal ≤ 1.5x: {ok[growth <= 1.5]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sizes", default="60,500", help="letter counts for the speed runs")
    parser.add_argument("--memory-sizes", default="50,500")
    parser.add_argument("--memory", type=int, help=argparse.SUPPRESS)  # child mode
    args = parser.parse_args()
    if args.memory:
        memory_run(args.memory, args.jobs)
        return
    css = font_css(choose(Fonts()))
    small, large = (int(n) for n in args.memory_sizes.split(","))
    rows = speed([int(n) for n in args.sizes.split(",")], args.jobs, css)
    report(rows, memory((small, large), args.jobs), args.jobs)


if __name__ == "__main__":
    main()
