"""The Chinese catalogue: every message planc shows, keyed by its English text (as gettext keys
a .po file). planc/i18n.py reads it; tests/test_i18n.py checks that no message is missing and
that every {field} of a message is kept."""

from __future__ import annotations

# Counting words: "3 errors" is "3 个错误".
NOUNS = {
    "round": "轮",
    "error": "个错误",
    "warning": "个警告",
    "info": "条提示",
    "file": "个文件",
}

ZH: dict[str, str] = {
    # planc check
    "checked {rounds}: {errors}, {warnings}, {infos}": "已检查 {rounds}：{errors}，{warnings}，{infos}",
    "    hint: {hint}": "    提示：{hint}",
    "did you mean '{name}'?": "是不是 '{name}'？",
    "{what}: {declared} published, the sources hold {computed} (收录 {computed} / {declared}); "
    "the public record is partial here": "{what}：公布 {declared}，源文件收录 {computed}"
    "（收录 {computed} / {declared}）；公开资料不全",
    "{what}: {declared} published, but the sources hold {computed}": "{what}：公布 {declared}，"
    "但源文件收录 {computed}",
    "tasks of chapter '{id}'": "部分 '{id}' 的任务",
    "cases of handbook part '{id}'": "手册部分 '{id}' 的案例",
    "{figure} of indicator system '{id}'": "指标体系 '{id}' 的{figure}",
    # errors (cli.py's handler)
    "planc: error: {message}": "planc：错误：{message}",
    "planc: interrupted; nothing was replaced": "planc：已中断，没有替换任何文件",
    "no plans folder at '{plans}' (use --plans DIR to point at one)": "'{plans}' 不是计划文件夹"
    "（用 --plans DIR 指定）",
    "cannot read the plans folder '{plans}': {reason}": "无法读取计划文件夹 '{plans}'：{reason}",
    "no round '{name}' in {plans} (rounds there: {known})": "{plans} 中没有 '{name}' 这一轮"
    "（现有：{known}）",
    "none": "无",
    "the sources have errors; nothing was written to {out}": "源文件有错误；没有写入 {out}",
    "--out {out} is a file, not a folder": "--out {out} 是文件，不是文件夹",
    "the CJK fonts {fonts} are not installed; a PDF would show empty boxes. Install them: sudo "
    "apt-get install {package}": "没有安装中文字体 {fonts}，PDF 中的汉字会显示为方框。"
    "请安装：sudo apt-get install {package}",
    "--only takes {kinds}, not '{kind}'": "--only 可取 {kinds}，不能是 '{kind}'",
    "{side} does not check:": "{side} 检查未通过：",
    "no code '{name}'": "没有代码 '{name}'",
    # planc build
    "{out} is up to date ({rounds})": "{out} 已是最新（{rounds}）",
    "built {rounds} into {out}/ ({files})": "已生成 {rounds}，写入 {out}/（{files}）",
    "release in {folder}/: {names}": "发布文件在 {folder}/：{names}",
    "the sources have {warnings} and {infos}: planc check shows them": "源文件有 {warnings}、"
    "{infos}：用 planc check 查看",
    "planc: warning: WeasyPrint subset the fonts with fontTools, about 20x slower on CJK fonts; "
    "install libharfbuzz-subset0": "planc：警告：WeasyPrint 用 fontTools 裁剪字体，"
    "中文字体约慢 20 倍；请安装 libharfbuzz-subset0",
    "planc: warning from WeasyPrint: {message}": "planc：WeasyPrint 警告：{message}",
    # planc stats
    "figure": "项目",
    "declared": "公布",
    "computed": "计算",
    "status": "状态",
    "ok": "一致",
    "mismatch": "不符",
    "incomplete": "不全",
    "chapter": "部分",
    "part": "手册部分",
    "{round}: plan.yaml does not load, no figures; run planc check": "{round}：plan.yaml "
    "无法读取，没有数字；请运行 planc check",
    "{errors} in the sources: figures may be off; run planc check": "源文件有 {errors}："
    "数字可能不准；请运行 planc check",
    # planc diff
    "continued": "延续",
    "revised": "修订",
    "new": "新增",
    "dropped": "删除",
    "figures: declared / held by the sources": "数字：公布 / 源文件收录",
    "renamed dimensions": "更名的维度",
    # planc explain
    "{name} ({severity}, found by the {stage} stage)": "{name}（{severity}，{stage} 阶段发现）",
    "example:": "示例：",
    "fix: {fix}": "改正：{fix}",
    "The file is not valid YAML; nothing in it can be read.": "文件不是有效的 YAML，无法读取其中任何内容。",
    "Fix the YAML at the position shown: a bracket or quote left open, a tab for indentation, a "
    "colon without a space after it.": "在所示位置改正 YAML：括号或引号未闭合、用了 Tab 缩进、"
    "冒号后缺少空格。",
    "The file is not UTF-8; planc names the encoding it looks like.": "文件不是 UTF-8 编码；"
    "planc 会指出它像哪种编码。",
    "Save the file as UTF-8, e.g. iconv -f GB18030 -t UTF-8 FILE > NEW.": "把文件另存为 UTF-8，"
    "例如 iconv -f GB18030 -t UTF-8 FILE > NEW。",
    "A key repeats in one mapping; planc keeps the first.": "同一映射中键重复；planc 保留第一个。",
    "Remove or rename one of the two keys.": "删除或重命名其中一个键。",
    "A field is unknown, missing, of the wrong type, or a file or folder is misplaced.": "字段未知、"
    "缺失或类型不对，或文件、文件夹位置不对。",
    "Follow the hint; docs/source-format.md lists every field (planc schema for editors).": "按提示"
    "改正；docs/source-format.md 列出所有字段（编辑器可用 planc schema）。",
    "Two things of one kind share an id within a round (or two files fill one chapter).": "同一轮中"
    "两个同类条目使用了相同的 id（或两个文件填写同一部分）。",
    "Rename one of them; ids are unique per kind within a round.": "重命名其中一个；"
    "同一轮中同类条目的 id 必须唯一。",
    "A reference names a unit, place, indicator, case, source, chapter or task that does not "
    "exist.": "引用了不存在的单位、地点、指标、案例、来源、部分或任务。",
    "Correct the id (the hint names the closest one), or add the item where the message says.": "改正 "
    "id（提示给出最接近的一个），或在消息所说的位置添加该条目。",
    "plan.yaml's `round:` differs from its folder's name.": "plan.yaml 的 `round:` 与文件夹名不一致。",
    "Write the folder's name in `round:`, or rename the folder.": "在 `round:` 中写文件夹名，"
    "或重命名文件夹。",
    "Published task numbers repeat or run backwards within a round.": "同一轮中公布的任务编号重复或倒序。",
    "Numbers run upwards in chapter order (plan.yaml) and file order: fix the number or the "
    "order.": "编号按部分顺序（plan.yaml）和文件顺序递增：改正编号或顺序。",
    "A published figure differs from what the sources hold.": "公布的数字与源文件收录的不一致。",
    "Add what is missing to the sources, or correct the figure under `declared:`.": "在源文件中补上"
    "缺少的内容，或改正 `declared:` 下的数字。",
    "Published figures contradict each other (chapters adding up to more than the total).": "公布的"
    "数字相互矛盾（各部分之和超过总数）。",
    "Check the published figures against the source document; one of them is wrong.": "对照原文核对"
    "公布的数字；其中有一个是错的。",
    "No task refers to a benchmark case.": "没有任务引用这个对标案例。",
    "Name the case in a task's `cases:`, or remove it.": "在某个任务的 `cases:` 中写上该案例，或删除它。",
    "No task serves an indicator.": "没有任务服务于这个指标。",
    "Name the indicator in a task's `indicators:`.": "在某个任务的 `indicators:` 中写上该指标。",
    "A public-record round holds less than was published: a gap in the record, not an error.": "根据"
    "公开资料整理的一轮收录的少于公布的：是资料的缺口，不是错误。",
    "Nothing to fix; add what a new public source shows, with its `source:`.": "无需改正；"
    "有新的公开资料时补上，并注明 `source:`。",
    # help (cli.py)
    "planc: the plan compiler for Qingdao's 国际化+ action plans.\n\nChecks the YAML plan sources, "
    "cross-links tasks, indicators and benchmark cases, and reports the published figures beside "
    "what the sources hold.": "planc：青岛市推进“国际化+”行动计划的编译工具。\n\n检查 YAML 计划源文件，"
    "把任务、指标和对标案例互相链接，并把公布的数字与源文件收录的数字并列。",
    "The plans folder.": "计划文件夹。",
    "Rounds to report on, e.g. 2020-2021 (default: all).": "要处理的轮次，如 2020-2021（默认：全部）。",
    "Show the version.": "显示版本。",
    "text, json, or github (annotations).": "text、json 或 github（注释）。",
    "Warnings fail the check too.": "有警告也算不通过。",
    "text (tables) or json.": "text（表格）或 json。",
    "Where the documents go.": "文档写到哪里。",
    "PDFs rendered at once (default: 2 or cores).": "同时生成的 PDF 数（默认：2 或 CPU 核数）。",
    "Also write release/ beside the output: a zip per round, the site, manifest.json, "
    "SHA256SUMS.": "同时在输出旁写 release/：每轮一个 zip、整个网站、manifest.json、SHA256SUMS。",
    "A round (2020-2021) or a round at a git revision (2022-2023@v1).": "一轮（2020-2021），"
    "或某个 git 版本中的一轮（2022-2023@v1）。",
    "The round or revision to compare A with.": "与 A 比较的轮次或版本。",
    "text, json, markdown, or html.": "text、json、markdown 或 html。",
    "tasks, indicators, cases or chapters (repeatable).": "tasks、indicators、cases 或 chapters"
    "（可重复）。",
    "plan, tasks, indicators, cases, places or units (default: all in one).": "plan、tasks、"
    "indicators、cases、places 或 units（默认：全部合一）。",
    "Write KIND.schema.json files into DIR.": "把 KIND.schema.json 文件写入 DIR。",
    "A diagnostic code, e.g. unknown-reference (default: list them all).": "诊断代码，如 "
    "unknown-reference（默认：全部列出）。",
    "Validate the plan sources and report every problem, located at FILE:LINE:COL.\n\nExit 0 "
    "when clean, 1 when there are errors (or warnings with --strict), 2 on usage errors.\n\n"
    "Examples:\n\n  planc check\n\n  planc check 2020-2021 --strict\n\n  planc check --format "
    "github --plans plans": "检查计划源文件，报告每个问题，定位到 文件:行:列。\n\n没有问题时退出码为 0，"
    "有错误（或加 --strict 时有警告）为 1，用法错误为 2。\n\n示例（Examples）：\n\n  planc check\n\n"
    "  planc check 2020-2021 --strict\n\n  planc check --format github --plans plans",
    "Show each round's figures: declared (published), computed from the sources, and status.\n\n"
    "Examples:\n\n  planc stats\n\n  planc stats 2020-2021 --format json": "显示每轮的数字："
    "公布的、从源文件计算的，以及状态。\n\n示例（Examples）：\n\n  planc stats\n\n"
    "  planc stats 2020-2021 --format json",
    "Write each round's plan and handbook as HTML and PDF, plan.json, and dist/index.html.\n\n"
    "Nothing is written when the sources have errors; an unchanged build is skipped.\n\n"
    "Examples:\n\n  planc build\n\n  planc build 2022-2023 --out /tmp/preview\n\n  planc build "
    "--release": "把每轮的行动计划和指导手册生成 HTML 和 PDF，以及 plan.json 和 dist/index.html。"
    "\n\n源文件有错误时不写任何内容；源文件未变时跳过。\n\n示例（Examples）：\n\n  planc build\n\n"
    "  planc build 2022-2023 --out /tmp/preview\n\n  planc build --release",
    "Compare two rounds, or two versions of one round, task by task.\n\nItems match by lineage "
    "(continues:), then equal id, then title similarity; each is\ncontinued, revised (with the "
    "changed fields), new or dropped.\n\nExamples:\n\n  planc diff 2020-2021 2022-2023\n\n  "
    "planc diff 2022-2023@v1 2022-2023 --format markdown\n\n  planc diff 2018-2019 2020-2021 "
    "--only tasks --format json": "逐项比较两轮，或同一轮的两个版本。\n\n条目先按延续关系"
    "（continues:）、再按相同 id、再按标题相近配对；\n每项为延续、修订（列出改动的字段）、新增或删除。"
    "\n\n示例（Examples）：\n\n  planc diff 2020-2021 2022-2023\n\n"
    "  planc diff 2022-2023@v1 2022-2023 --format markdown\n\n"
    "  planc diff 2018-2019 2020-2021 --only tasks --format json",
    "Print the JSON Schema of the source files, for editor completion and hover.\n\nExamples:\n\n"
    "  planc schema tasks > tasks.schema.json\n\n  planc schema --out schema": "输出源文件的 "
    "JSON Schema，供编辑器补全和悬停提示。\n\n示例（Examples）：\n\n"
    "  planc schema tasks > tasks.schema.json\n\n  planc schema --out schema",
    "Explain a diagnostic code: what it means, an example, and the fix.\n\nExamples:\n\n  planc "
    "explain\n\n  planc explain declared-mismatch": "解释诊断代码：含义、示例和改正方法。\n\n"
    "示例（Examples）：\n\n  planc explain\n\n  planc explain declared-mismatch",
}
