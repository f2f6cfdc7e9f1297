"""Render a small demo charter PDF per content language and report its fonts and dates.

Builds, on a throwaway in-memory SQLite database, the charter of ``bench/pdf_bench.py`` at a
smaller size (every section, a roadmap timeline, board votes) in Simplified Chinese,
Traditional Chinese and Russian, renders each through the real export task and prints, per
language, the pages, the faces ``pdffonts`` lists and the first dates the text shows:

    .venv/bin/python bench/language_pdfs.py [--keep DIR]

The last line sums it up: ``japanese_faces=N`` (must be 0: Chinese text set in the Japanese
CJK face shows Japanese glyph shapes).
"""

import argparse
import random
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pdf_bench  # noqa: E402

TIME_LIMIT_S = 600
DATES = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日|\d{1,2} [а-я]+ \d{4}\s?г\.|\d{1,2} [A-Z][a-z]+ \d{4}"
)

pdf_bench.WORDS["zh-hant"] = {
    "title": "諾斯溫德銷售賦能章程 2027 財年",
    "metric": "{segment}商機贏單率",
    "segments": ["中型企業", "大型企業", "公共部門", "歐洲中東非洲", "亞太地區", "合作夥伴"],
    "milestone": "為{segment}銷售{verb}{thing}",
    "verbs": ["推出", "重新設計", "認證", "全面推廣", "衡量", "停用"],
    "things": ["入職培訓路徑", "需求挖掘手冊", "輔導節奏", "內容中心"],
    "service": "{thing}服務 {n}",
    "team": "協作團隊 {n}",
    "objective": "將{segment}贏單率提高五個百分點",
    "paragraph": "銷售人員花在查找內容上的時間太多，與客戶相處的時間太少。",
    "person": ("麗", "陳"),
}
pdf_bench.WORDS["ru"] = {
    "title": "Устав отдела развития продаж Нортвинд, 2027 ф. г.",
    "metric": "Доля выигранных сделок: {segment}",
    "segments": ["средний бизнес", "крупный бизнес", "госсектор", "ЕМЕА", "АТР", "партнёры"],
    "milestone": "{verb}: {thing} для продавцов ({segment})",
    "verbs": ["Запустить", "Переработать", "Сертифицировать", "Внедрить", "Измерить"],
    "things": [
        "путь адаптации",
        "сценарий выявления потребностей",
        "ритм коучинга",
        "центр материалов",
    ],
    "service": "{thing}, услуга {n}",
    "team": "Команда-партнёр {n}",
    "objective": "Поднять долю выигранных сделок ({segment}) на пять пунктов",
    "paragraph": "Продавцы тратят слишком много времени на поиск материалов. ",
    "person": ("Иван", "Петров"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the PDFs here")
    options = parser.parse_args()
    signal.alarm(TIME_LIMIT_S)
    pdf_bench.METRICS, pdf_bench.QUARTERS, pdf_bench.MILESTONES = 6, 4, 12
    pdf_bench.SERVICES, pdf_bench.TEAMS, pdf_bench.BOARD = 5, 3, 3
    pdf_bench.setup_django(tempfile.mkdtemp(prefix="language-pdfs-media-"))
    keep = options.keep or Path(tempfile.mkdtemp(prefix="language-pdfs-"))
    keep.mkdir(parents=True, exist_ok=True)
    japanese = 0
    for language in ("zh-hans", "zh-hant", "ru"):
        version = pdf_bench.build_charter(language, random.Random(2026))
        export = pdf_bench.app_render(version)
        path = keep / f"charter-{language}.pdf"
        with export.file.open("rb") as handle:
            path.write_bytes(handle.read())
        fonts = subprocess.run(
            ["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60
        ).stdout.splitlines()[2:]
        faces = sorted({line.split()[0].split("+")[-1] for line in fonts if line.strip()})
        japanese += sum("JP" in face for face in faces)
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        dates = list(dict.fromkeys(DATES.findall(text)))[:4]
        print(f"{language}: pages={export.page_count} file={path}")
        print(f"  faces: {', '.join(faces)}")
        print(f"  dates: {' | '.join(dates)}")
    print(f"japanese_faces={japanese}")


if __name__ == "__main__":
    main()
