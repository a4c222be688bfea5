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
    "task": "项任务",
    "form": "份表格",
    "comment": "条意见",
    "new comment": "条新意见",
    "new response": "份新回复",
    "value": "处",
    "consultation": "轮征求意见",
    "unit": "个单位",
    "chapter": "个部分",
    "candidate": "项延续任务",
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
    "Follow the hint; docs/source-format.md lists every field (planc schema for editors).": "按提示"
    "改正；docs/source-format.md 列出所有字段（编辑器可用 planc schema）。",
    "Two things of one kind share an id within a round (or two files fill one chapter).": "同一轮中"
    "两个同类条目使用了相同的 id（或两个文件填写同一部分）。",
    "Rename one of them; ids are unique per kind within a round.": "重命名其中一个；"
    "同一轮中同类条目的 id 必须唯一。",
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
    "Check the published figures against the source document; one of them is wrong.": "对照原文核对"
    "公布的数字；其中有一个是错的。",
    "No task refers to a benchmark case.": "没有任务引用这个对标案例。",
    "Name the case in a task's `cases:`, or remove it.": "在某个任务的 `cases:` 中写上该案例，或删除它。",
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
    "PDFs rendered at once (default: the cores not busy elsewhere).": "同时生成的 PDF 数（默认：未被其他程序占用的 CPU 核数）。",
    "Only the HTML pages, plan.json and index.html: no PDF (a preview).": "只生成 HTML 页面、plan.json 和 index.html，不生成 PDF（预览用）。",
    "Parse every file afresh; do not read or write PLANS/.planc-cache.": "重新解析每个文件；不读也不写 PLANS/.planc-cache。",
    "--release needs the PDFs: build without --html": "--release 需要 PDF：请不带 --html 生成",
    "--html and --docx: choose one (--docx writes the HTML too)": "--html 和 --docx 只能选一个（--docx 也生成网页）",
    "The HTML pages, plan.json and the Word edition (.docx), no PDF (but with --release or --archive, which are made from the PDFs): quicker when the Word files are what is wanted. A full build writes both.": "只生成网页、plan.json 和 Word 版（.docx），不生成 PDF（与 --release 或 --archive 同用时仍生成 PDF，它们由 PDF 制成）：只要 Word 文件时更快。完整生成两者都写。",
    "Number the lines of the Word edition, for those commenting on a draft.": "Word 版标注行号，便于对征求意见稿提意见。",
    "--archive needs the PDFs: build without --html": "--archive 需要 PDF：请不带 --html 生成",
    "{pdf}: the archival editions could not be made: {reason}": "{pdf}：无法生成归档版：{reason}",
    "Also the archival editions of each plan and handbook: PDF/A-3 with the round's sources "
    "inside, and OFD (GB/T 33190). A release always has them.": "同时生成每份行动计划和手册的归档版："
    "内含本轮源文件的 PDF/A-3，以及 OFD（GB/T 33190）。发布（--release）总会生成。",
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
    "有错误（或加 --strict 时有警告）为 1，用法错误为 2。\n\n示例：\n\n  planc check\n\n"
    "  planc check 2020-2021 --strict\n\n  planc check --format github --plans plans",
    "Show each round's figures: declared (published), computed from the sources, and status.\n\n"
    "Examples:\n\n  planc stats\n\n  planc stats 2020-2021 --format json": "显示每轮的数字："
    "公布的、从源文件计算的，以及状态。\n\n示例：\n\n  planc stats\n\n"
    "  planc stats 2020-2021 --format json",
    "Compare two rounds, or two versions of one round, task by task.\n\nItems match by lineage "
    "(continues:), then equal id, then title similarity; each is\ncontinued, revised (with the "
    "changed fields), new or dropped.\n\nExamples:\n\n  planc diff 2020-2021 2022-2023\n\n  "
    "planc diff 2022-2023@v1 2022-2023 --format markdown\n\n  planc diff 2018-2019 2020-2021 "
    "--only tasks --format json": "逐项比较两轮，或同一轮的两个版本。\n\n条目先按延续关系"
    "（continues:）、再按相同 id、再按标题相近配对；\n每项为延续、修订（列出改动的字段）、新增或删除。"
    "\n\n示例：\n\n  planc diff 2020-2021 2022-2023\n\n"
    "  planc diff 2022-2023@v1 2022-2023 --format markdown\n\n"
    "  planc diff 2018-2019 2020-2021 --only tasks --format json",
    "Print the JSON Schema of the source files, for editor completion and hover.\n\nExamples:\n\n"
    "  planc schema tasks > tasks.schema.json\n\n  planc schema --out schema": "输出源文件的 "
    "JSON Schema，供编辑器补全和悬停提示。\n\n示例：\n\n"
    "  planc schema tasks > tasks.schema.json\n\n  planc schema --out schema",
    "Explain a diagnostic code: what it means, an example, and the fix.\n\nExamples:\n\n  planc "
    "explain\n\n  planc explain declared-mismatch": "解释诊断代码：含义、示例和改正方法。\n\n"
    "示例：\n\n  planc explain\n\n  planc explain declared-mismatch",
    "Rebuild a release from the sources it carries and compare every byte.\n\nExit 0 when "
    "every file is the same, 1 at the first difference (named, with the component\nversions "
    "that differ from the release's manifest), 2 when the folder is not a release.\n\n"
    "Examples:\n\n  planc verify release": "用发布包自带的源文件重新构建，逐字节比对。\n\n"
    "全部相同时退出码为 0；发现第一处不同时为 1（指出该处，并列出与发布包清单中版本不同的组件）；"
    "文件夹不是发布包时为 2。\n\n示例：\n\n  planc verify release",
    # planc stats: the programme, other documents' targets, more statuses
    "programme  {title}": "纲要  {title}",
    "\nphases  {phases}": "\n阶段  {phases}",
    "  targets (目标)": "  目标",
    "chapters (部分)": "部分",
    "handbook parts (手册部分)": "手册部分",
    "not the plan's": "不计入本计划",
    "another document": "另一文件",
    "not counted": "未计数",
    "inconsistent": "相互矛盾",
    "partial": "部分",
    # codes added with the programme and supervision
    "In a public-record round, a chapter, part, task, case or indicator system (or an indicator without one up its system) names no `source:`.": "在根据公开资料整理的一轮中，部分、手册部分、任务、案例或指标体系（或其上没有来源的指标）没有写 `source:`。",
    "Name the source the item comes from in `source:` (a source id of plan.yaml).": "在 `source:` 中写上该条目的出处（plan.yaml 中的来源 id）。",
    "A round's `phase:` is not a phase of programme.yaml its years fall in, or its years fall in none.": "一轮的 `phase:` 不是其年份所在的 programme.yaml 阶段，或其年份不在任何阶段内。",
    "Write the phase programme.yaml gives for the round's years, or correct the phases there.": "写上 programme.yaml 为该轮年份给出的阶段，或改正那里的阶段。",
    "Send back the .xlsx planc progress forms wrote, saved as Excel (not CSV).": "交回 planc progress forms 生成的 .xlsx，按 Excel 格式保存（不要存成 CSV）。",
    "Import it with the round it was made for, or make the form anew with planc progress forms.": "按表格所属的轮次导入，或用 planc progress forms 重新生成表格。",
    "Fill in only the open cells; make the form anew with planc progress forms if it was changed.": "只填写开放的单元格；表格被改动过的，用 planc progress forms 重新生成。",
    "Correct the cell as the message says: a status from the list, a whole percent, a date.": "按消息改正该单元格：从列表中选状态、填整数百分比、填日期。",
    "Nothing to fix, unless the unit meant to report: ask it to fill in the form.": "无需改正；如该单位本应报送，请其填写表格。",
    "A progress report names a task the round does not have.": "进展报送中写了本轮没有的任务。",
    "Correct the task id (the hint names the closest one).": "改正任务 id（提示给出最接近的一个）。",
    "A progress period lies outside the round's years.": "进展期次不在本轮年份之内。",
    "Move the report to the round the period belongs to, or correct the period.": "把报送移到该期次所属的轮次，或改正期次。",
    "Two progress periods share days (2021-Q2 and 2021-05).": "两个进展期次有重叠的日子（如 2021-Q2 与 2021-05）。",
    "Report a round in periods of one kind, or merge the two files.": "一轮内用同一种期次报送，或合并两个文件。",
    "The reporting unit neither leads nor partners the task.": "报送单位既不是该任务的牵头单位，也不是参与单位。",
    "Correct the unit, or add it to the task's `lead:` or `partners:`.": "改正单位，或把它加入该任务的 `lead:` 或 `partners:`。",
    "A task done in one period is not done in a later one, with no note saying why.": "某任务在前一期已完成，后一期又未完成，且没有说明原因。",
    "Add a `note:` to the later report saying why the task is open again.": "在后一期的报送中加 `note:`，说明任务为何重新打开。",
    "A task's percent is lower than in its previous report.": "某任务的完成进度低于上一次报送。",
    "Correct the percent, or add a `note:` saying why it fell.": "改正进度，或加 `note:` 说明下降原因。",
    "A task is past its `due` and not done as of the latest period's end.": "某任务已过 `due` 完成时限，到最近一期末仍未完成。",
    "Report its state, or move `due:` if the plan moved it.": "报送其状态；如计划调整了时限，修改 `due:`。",
    "A task has no report in the latest period (done and dropped tasks need none).": "某任务在最近一期没有报送（已完成和已终止的任务无需报送）。",
    "Add the task's report to the latest period's file.": "在最近一期的文件中补上该任务的报送。",
    # help (planc progress)
    "The round, e.g. 2020-2021.": "轮次，如 2020-2021。",
    "A reported period (default: the latest).": "已报送的期次（默认：最近一期）。",
    "The period to report: 2021-Q2.": "要报送的期次：2021-Q2。",
    "Where the forms go.": "表格写到哪里。",
    "Returned .xlsx forms.": "交回的 .xlsx 表格。",
    "The earlier period, e.g. 2021-Q1.": "较早的期次，如 2021-Q1。",
    "The later period, e.g. 2021-Q2.": "较晚的期次，如 2021-Q2。",
    "text or json.": "text 或 json。",
    "Supervision (督查): where every task stands, from plans/ROUND/progress/PERIOD.yaml.\n\nplanc progress ROUND shows the table; the subcommands make and read the forms, and compare two periods.\n\nExamples:\n\n  planc progress 2020-2021 --as-of 2021-Q1\n\n  planc progress forms 2020-2021 --period 2021-Q2 --out forms\n\n  planc progress import 2020-2021 returned/*.xlsx": "督查：每项任务的进展，来自 plans/ROUND/progress/PERIOD.yaml。\n\nplanc progress ROUND 显示进展表；子命令生成和读取报送表格，并比较两期。\n\n示例：\n\n  planc progress 2020-2021 --as-of 2021-Q1\n\n  planc progress forms 2020-2021 --period 2021-Q2 --out forms\n\n  planc progress import 2020-2021 returned/*.xlsx",
    "Read returned progress forms into plans/ROUND/progress/PERIOD.yaml.\n\nAll or nothing: a problem in any form (located at FILE:SHEET!CELL) writes nothing.\nImporting the same form again changes nothing.\n\nExamples:\n\n  planc progress import 2020-2021 returned/*.xlsx": "把交回的进展报送表读入 plans/ROUND/progress/PERIOD.yaml。\n\n全部成功才写入：任何表格有问题（定位到 文件:工作表!单元格）都不写入任何内容。\n同一表格再导入一次不会改变任何内容。\n\n示例：\n\n  planc progress import 2020-2021 returned/*.xlsx",
    "What moved between two periods: tasks whose state changed, and tasks whose percent went\nup or down.\n\nExamples:\n\n  planc progress diff 2020-2021 2021-Q1 2021-Q2\n\n  planc progress diff 2020-2021 2020-Q3 2021-Q2 --format json": "两期之间的变化：状态改变的任务，以及进度上升或下降的任务。\n\n示例：\n\n  planc progress diff 2020-2021 2021-Q1 2021-Q2\n\n  planc progress diff 2020-2021 2020-Q3 2021-Q2 --format json",
    # the consultation and draft editions
    "A comment of the consultation has no `disposition:`.": "征求意见中的某条意见没有写 `disposition:`（处理意见）。",
    "Record the office's decision: adopted, partly-adopted, not-adopted or noted.": "写上市推进办的处理意见：adopted（采纳）、partly-adopted（部分采纳）、not-adopted（未采纳）或 noted（知悉）。",
    "A disposition says too little: not or partly adopted without `reason:`, or adopted on no task (a general comment) without `changed:`.": "处理意见写得不够：未采纳或部分采纳而没有 `reason:`，或采纳了不针对具体任务的意见而没有 `changed:`。",
    "Give the `reason:`, or name in `changed:` the tasks the comment changed.": "写上 `reason:`，或在 `changed:` 中列出该意见改动的任务。",
    "An adopted comment's task is the same in the revised plan as in the draft the forms were made from (`draft:`, a git commit).": "已采纳意见所针对的任务，在修改稿中与生成表格时的草稿（`draft:`，一个 git 提交）相同。",
    "Revise the task as adopted, or correct the disposition.": "按采纳的意见修改任务，或改正处理意见。",
    "Build as this edition, whatever plan.yaml says: draft marks the documents 征求意见稿 (cover, running header, date) and numbers every task.": "按此版本生成，不论 plan.yaml 怎么写：draft 会在文档上标注“征求意见稿”（封面、页眉、日期），并给每项任务编号。",
    "Day the forms came back (default: today).": "表格交回的日期（默认：今天）。",
    "Filled forms (.xlsx).": "填好的表格（.xlsx）。",
    "Only this unit's form (repeatable).": "只生成该单位的表格（可重复）。",
    "The round, e.g. 2022-2023.": "轮次，如 2022-2023。",
    "Which consultation: 1 for the first.": "第几轮征求意见：第一轮为 1。",
    "{out} is inside {build}, which planc build replaces whole: the report would be lost at the next build; write it elsewhere (e.g. --out reports/{round})": "{out} 在 {build} 之内，planc build 每次整个替换 {build}：报告会在下次生成时丢失；请写到别处（如 --out reports/{round}）",
    "Write consultation.html, .pdf, .docx and .json here (not inside the build's output: the next build replaces it).": "把 consultation.html、.pdf、.docx 和 .json 写到这里（不要写在生成的输出文件夹里：下次生成会整个替换它）。",
    "text, json or html (printed).": "text、json 或 html（打印版）。",
    "plan, tasks, indicators, cases, places, units, programme, consultation, progress, candidates or submission (default: all in one).": "plan、tasks、indicators、cases、places、units、programme、consultation、progress、candidates 或 submission（默认：全部合一）。",
    "The consultation round (征求意见): forms out to the units, comments back in, the 采纳情况说明.\n\nExamples:\n\n  planc consult forms 2022-2023 --out forms\n\n  planc consult import 2022-2023 returned/*.xlsx\n\n  planc consult report 2022-2023": "征求意见：向各单位发出表格，收回意见，生成采纳情况说明。\n\n示例：\n\n  planc consult forms 2022-2023 --out forms\n\n  planc consult import 2022-2023 returned/*.xlsx\n\n  planc consult report 2022-2023",
    "Write one .xlsx form per unit that leads or partners a task of ROUND.\n\nExamples:\n\n  planc consult forms 2022-2023 --out forms/round-1\n\n  planc consult forms 2022-2023 --round-no 2 --unit commerce": "给牵头或参与 ROUND 任务的每个单位各生成一份 .xlsx 表格。\n\n示例：\n\n  planc consult forms 2022-2023 --out forms/round-1\n\n  planc consult forms 2022-2023 --round-no 2 --unit commerce",
    "Read filled forms into plans/ROUND/consultation/round-N.yaml.\n\nEvery form is checked first; one bad form and nothing is written. The same form twice\nadds nothing.\n\nExamples:\n\n  planc consult import 2022-2023 returned/*.xlsx --date 2022-05-20": "把填好的表格读入 plans/ROUND/consultation/round-N.yaml。\n\n先检查每一份表格；只要有一份有问题，就不写入任何内容。同一表格导入两次\n不会重复添加。\n\n示例：\n\n  planc consult import 2022-2023 returned/*.xlsx --date 2022-05-20",
    "The 征求意见采纳情况说明: comments by consultation, unit, disposition and chapter, and\nevery comment not adopted with its reason.\n\nExamples:\n\n  planc consult report 2022-2023\n\n  planc consult report 2022-2023 --out reports/2022-2023": "征求意见采纳情况说明：按轮次、单位、处理意见和部分统计意见，\n并列出每条未采纳的意见及其理由。\n\n示例：\n\n  planc consult report 2022-2023\n\n  planc consult report 2022-2023 --out reports/2022-2023",
    "Read filled forms into plans/ROUND/consultation/round-N.yaml.\n\nEvery form is checked first; one bad form and nothing is written. The same form twice\nadds nothing.\n\nExamples:\n\n  planc consult import 2022-2023 returned/*.xlsx --received 2022-05-20": "把填好的表格读入 plans/ROUND/consultation/round-N.yaml。\n\n先检查每一份表格；只要有一份有问题，就不写入任何内容。同一表格导入两次\n不会重复添加。\n\n示例：\n\n  planc consult import 2022-2023 returned/*.xlsx --received 2022-05-20",
    "Write each round's plan and handbook as HTML, PDF and Word, plan.json, and dist/index.html.\n\nNothing is written when the sources have errors; an unchanged build is skipped.\n\nExamples:\n\n  planc build\n\n  planc build 2022-2023 --out /tmp/preview\n\n  planc build --release\n\n  planc build --archive\n\n  planc build 2024-2025 --edition draft --out drafts\n\n  planc build --html\n\n  planc build 2024-2025 --edition draft --docx --line-numbers": "把每轮的行动计划和指导手册生成 HTML、PDF 和 Word 版，以及 plan.json 和 dist/index.html。\n\n源文件有错误时不写任何内容；源文件未变时跳过。\n\n示例：\n\n  planc build\n\n  planc build 2022-2023 --out /tmp/preview\n\n  planc build --release\n\n  planc build --archive\n\n  planc build 2024-2025 --edition draft --out drafts\n\n  planc build --html\n\n  planc build 2024-2025 --edition draft --docx --line-numbers",
    "A field is missing, unknown or of the wrong type (a malformed id or date, a qualifier other than 余/多, an inferred provenance note without `reason:`), or a file or folder is misplaced.": "字段缺失、未知或类型不对（id 或日期格式不对、限定词不是“余/多”、推定的来源说明没有 `reason:`），或文件、文件夹位置不对。",
    "A reference names a unit, place, indicator, case, source, chapter or task that does not exist (also a programme figure's rounds, a consultation comment's unit or task).": "引用了不存在的单位、地点、指标、案例、来源、部分或任务（也包括纲要数字所列的轮次、征求意见所针对的单位或任务）。",
    "Published figures contradict each other: chapter counts against the total (or `tasks_in_chapters`), a part above its whole, or a programme figure the rounds' own figures cannot add up to.": "公布的数字相互矛盾：各部分任务数与总数（或 `tasks_in_chapters`）不符、部分大于整体，或纲要数字与各轮公布的数字对不上。",
    "No task serves an indicator (a `role: targets` system is exempt).": "没有任务服务于这个指标（`role: targets` 的指标体系除外）。",
    "A returned file (consult or progress import) is not an .xlsx workbook; planc says what it is (.xls, CSV, PDF, empty).": "交回的文件（征求意见或进展导入）不是 .xlsx 工作簿；planc 会说明它是什么（.xls、CSV、PDF、空文件）。",
    "A workbook that is not a planc form, or a form of another kind, round or unit.": "工作簿不是 planc 生成的表格，或是其他种类、轮次或单位的表格。",
    "A form's hidden id column or metadata was edited, a sheet deleted, or columns moved.": "表格隐藏的 id 列或元数据被改动、工作表被删除或列被移动。",
    "A cell planc will not guess about (at FILE:SHEET!CELL): a value not allowed, a formula, merged cells, text beside the form.": "planc 不作猜测的单元格（定位到 文件:工作表!单元格）：不允许的值、公式、合并单元格、表格外的文字。",
    "A returned form has nothing filled in (无意见, or no status): recorded as a response, nothing imported.": "交回的表格什么也没填（无意见或没有状态）：记为已回复，不导入内容。",
    # the things messages name
    "{kind} '{id}'": "{kind} '{id}'",
    "task": "工作任务",
    "case": "对标案例",
    "indicator": "指标",
    "indicator system": "指标体系",
    "dimension": "维度",
    "source": "来源",
    "unit": "单位",
    "place": "地点",
    "city": "城市",
    "region": "地区",
    "country": "国家",
    "region-of-china": "中国的地区",
    "handbook part": "手册部分",
    "section '{title}'": "分节 '{title}'",
    "phase '{id}'": "阶段 '{id}'",
    "area '{id}'": "领域 '{id}'",
    "target {year}": "{year} 年目标",
    "figure '{id}'": "数字 '{id}'",
    "the indicators of {round}": "{round} 的指标",
    "the cases of {round}": "{round} 的对标案例",
    "the sources of {file}": "{file} 的来源",
    # planc check: ids, numbers, references
    "{kind} id '{id}' is already used at {where}": "{kind} id '{id}' 已在 {where} 使用",
    "ids are unique per kind within a round: rename one": "同一轮中同类条目的 id 不能重复：重命名其中一个",
    "task '{id}' repeats number {number} of task '{other}' ({where})": "工作任务 '{id}' 的编号 "
    "{number} 与工作任务 '{other}'（{where}）重复",
    "task '{id}' is numbered {number} but follows task '{last}' numbered {last_number}": "工作任务 "
    "'{id}' 编号为 {number}，却排在编号为 {last_number} 的工作任务 '{last}' 之后",
    "numbers run upwards in chapter order (plan.yaml) and file order": "编号按部分顺序（plan.yaml）"
    "和文件顺序递增",
    "{owner} names {kind} '{id}', which is not in {where}": "{owner} 引用的{kind} '{id}' 不在 {where} 中",
    "'{id}' is {a_kind}: it belongs under {field}": "'{id}' 是{a_kind}：应写在 {field} 下",
    "task '{id}' continues a task of round '{round}', which is not in the plans": "工作任务 '{id}' "
    "延续 '{round}' 这一轮的任务，但计划中没有这一轮",
    "task '{id}' continues '{ref}', but {round} is not earlier than {this}": "工作任务 '{id}' 延续 "
    "'{ref}'，但 {round} 不早于 {this}",
    "`continues:` names a task of an earlier round": "`continues:` 应写此前某一轮的工作任务",
    "task '{id}' continues task '{task}', which is not in round {round}": "工作任务 '{id}' 延续的"
    "工作任务 '{task}' 不在 {round} 这一轮中",
    "{owner} names source '{id}', which no round's plan.yaml declares": "{owner} 引用的来源 '{id}' "
    "没有在任何一轮的 plan.yaml 中列出",
    "plan.yaml says round {declared}, but its folder is {round}": "plan.yaml 写的轮次是 {declared}，"
    "但所在文件夹是 {round}",
    "write round: {round}, or rename the folder": "写 round: {round}，或重命名文件夹",
    "previous round '{round}' is not in the plans": "上一轮 '{round}' 不在计划中",
    "previous round '{round}' is not earlier than {this}": "上一轮 '{round}' 不早于 {this}",
    "place '{id}' is {a_kind} and needs `country:` (the country or region it belongs to)": "地点 "
    "'{id}' 是{a_kind}，需要写 `country:`（所属国家或地区）",
    "place '{id}' names country '{country}', which is not in registry/places.yaml": "地点 '{id}' "
    "所写的国家 '{country}' 不在 registry/places.yaml 中",
    "place '{id}' names '{country}' as its country, but that is {a_kind}": "地点 '{id}' 把 "
    "'{country}' 写作所属国家，但它是{a_kind}",
    "`country:` names a place of kind country or region-of-china": "`country:` 应写 kind 为 "
    "country 或 region-of-china 的地点",
    "{what} '{id}' is already filled by {file}": "{what} '{id}' 已由 {file} 填写",
    "one file per {what}: merge the two": "每个{what}只用一个文件：把两个文件合并",
    "{what} '{id}' is not in {file}": "{what} '{id}' 不在 {file} 中",
    "add it to the {what}s there": "在那里补上这个{what}",
    # planc check: coverage, provenance
    "no task of {round} refers to case '{id}' ({title})": "{round} 没有工作任务引用对标案例 "
    "'{id}'（{title}）",
    "name it in a task's `cases:`, or remove it": "在某项工作任务的 `cases:` 中写上它，或删除它",
    "no task of {round} serves indicator '{id}' ({title})": "{round} 没有工作任务对应指标 "
    "'{id}'（{title}）",
    "name it in a task's 服务指标 (the workbook's 工作任务 sheet) or `indicators:`": "在某项工作任务的“服务指标”中写上它（工作簿“工作任务”表，或 `indicators:`）",
    "{what} has no `source:` in a public-record round": "根据公开资料整理的一轮中，{what} 没有写 "
    "`source:`",
    "name the source (an id under `sources:` in plan.yaml) it comes from": "写上出处（plan.yaml "
    "中 `sources:` 下的 id）",
    "an inferred provenance note needs `reason:`": "推定的来源说明要写 `reason:`",
    "say what in the record it is inferred from": "说明是根据资料中的什么推定的",
    # planc check: published figures
    "tasks": "项工作任务",
    "cases": "宗对标案例",
    "chapters": "部分",
    "parts": "手册部分",
    "in all": "总共",
    "in the chapters (tasks_in_chapters)": "各部分合计（tasks_in_chapters）",
    " ({count} of {total} {holders})": "（{total} 个{holders}中公布了 {count} 个）",
    "the {holders} declare {terms} = {added} {what}{some}, but {published} {what} are published "
    "{scope}": "各{holders}公布 {terms} = {added} {what}{some}，但{scope}公布 {published} {what}",
    "more tasks declared in the chapters than in all": "各部分公布的工作任务多于总数",
    "more ocean cities studied declared than cities studied in all": "公布的研究海洋城市数多于"
    "研究城市总数",
    "{total} indicators published in all, but {dimensions} dimensions and {indicators} indicators "
    "are {added}": "共公布 {total} 项指标，但 {dimensions} 个维度与 {indicators} 项指标合计 {added}",
    "{benchmarked} benchmarked tasks published, more than the {tasks} tasks in all": "公布涉及对标"
    "的工作任务 {benchmarked} 项，多于工作任务总数 {tasks} 项",
    "{owner} names source '{id}', which is not in {file}": "{owner} 引用的来源 '{id}' 不在 {file} 中",
    "figure '{id}' names round '{round}', which is not in the plans": "数字 '{id}' 所列的轮次 "
    "'{round}' 不在计划中",
    "at least {count}": "至少 {count}",
    "figure '{id}': {declared} {what} published over {rounds}, but those rounds declare {terms} = "
    "{added}": "数字 '{id}'：{rounds} 合计公布{what} {declared}，但各轮公布的是 {terms} = {added}",
    ", which declares {figure}": "，而该轮公布 {figure}",
    "; the total leaves {left} for {round}{declared}": "；按总数推算 {round} 应为 {left}{declared}",
    "round {round} falls in no phase of {file}": "{round} 这一轮不在 {file} 的任何阶段内",
    "add the phase its years belong to": "补上其年份所属的阶段",
    "round {round} says phase '{phase}', but by {file} its years fall in {phases}": "{round} 这一轮"
    "写的阶段是 '{phase}'，但按 {file}，其年份属于 {phases}",
    "leave `phase:` out: it comes from the programme": "不必写 `phase:`：阶段取自纲要",
    "programme {what}: {declared} published, {file} holds {computed} (收录 {computed} / "
    "{declared})": "纲要{what}：公布 {declared}，{file} 收录 {computed}（收录 {computed} / {declared}）",
    # the one error handler, forms
    "planc: {message}": "planc：{message}",
    "planc: {errors} in the forms; nothing was imported": "planc：表格中有 {errors}；没有导入任何内容",
    # planc consult
    "{round} has errors; fix them first (planc check {round})": "{round} 有错误；请先改正"
    "（planc check {round}）",
    "no unit '{unit}' in registry/units.yaml": "registry/units.yaml 中没有单位 '{unit}'",
    "no unit leads or partners a task of {round}; no forms": "{round} 的工作任务没有牵头单位或"
    "参与单位；没有生成表格",
    " and {count} more forms": " 等 {count} 份表格",
    "{out} already holds {file}{more}; planc does not write over forms (a filled one would be "
    "lost): use another --out folder": "{out} 中已有 {file}{more}；planc 不覆盖表格（已填好的会丢失）："
    "请换一个 --out 文件夹",
    "wrote {forms} for consultation {number} of {round} into {out}/": "已为 {round} 第 {number} 轮"
    "征求意见生成 {forms}，写入 {out}/",
    "note: {round} is not committed unchanged in git, so the forms record no draft revision; planc "
    "check cannot then tell whether adopted comments changed their tasks": "注意：{round} 有未提交到 "
    "git 的改动，表格中没有记录草稿版本；planc check 将无法判断采纳的意见是否改动了相应工作任务",
    "  {file}  {unit}, consultation {number}: {comments}": "  {file}  {unit}，第 {number} 轮征求意见："
    "{comments}",
    "{path}: nothing new (every comment is already there)": "{path}：没有新内容（意见均已收录）",
    "{path}: {added}, {responses}": "{path}：{added}，{responses}",
    "wrote consultation.html, consultation.pdf, consultation.docx and consultation.json into {out}/": "已生成 "
    "consultation.html、consultation.pdf、consultation.docx 和 consultation.json，写入 {out}/",
    # planc progress
    "the sources have errors; no progress report for {round}": "源文件有错误；不生成 {round} 的"
    "进展情况",
    "by chapter (按部分)": "按部分",
    "by lead unit (按牵头单位)": "按牵头单位",
    "Consultation {n} (第{n}次征求意见): planc consult import writes the responses and "
    "comments;\nthe office adds, for each comment, its disposition: adopted | "
    "partly-adopted | not-adopted |\nnoted, a reason (required when not adopted) and the "
    "tasks it changed: changed: [task-id, ...].\n": "第{n}次征求意见的记录：planc consult import 写入回复和意见；办公室为每条意见补充处理结果\n"
    "disposition：adopted（采纳）| partly-adopted（部分采纳）| not-adopted（未采纳）| noted（已知悉），\n"
    "理由 reason（未采纳时必填），以及因此修改的任务 changed: [任务 id, ...]。\n",
    "count": "任务",
    "rate": "完成率",
    "total": "合计",
    "lead unit": "牵头单位",
    "(no lead unit)": "（未列牵头单位）",
    "due {due}": "完成时限 {due}",
    "{number}{title} ({id})": "{number}{title}（{id}）",
    "{task} — {facts}": "{task}— {facts}",
    "as of {period} ({label}, {end}); {count} periods: {periods}": "截至 {period}（{label}，{end}），共 {count} 期：{periods}",
    "{label}: {count}": "{label}：{count}",
    "{tasks} tasks: {counts}": "任务 {tasks}：{counts}",
    "state changed": "状态变化",
    "advanced": "进度推进",
    "fell back": "进度回落",
    "unchanged": "未变",
    "wrote {path}  ({unit}, {tasks})": "已生成 {path}  （{unit}，{tasks}）",
    "{count} forms for {period}, one per lead unit": "{period} 共 {count} 份表格，每个牵头单位一份",
    "wrote {path}  ({count} reports)": "已写入 {path}  （{count} 条报送）",
    "unchanged {path}  (already imported)": "未改动 {path}  （已导入过）",
    "run planc check {round} and planc progress {round} to see them": "运行 planc check {round} 和 "
    "planc progress {round} 查看",
    # planc check: progress (督查)
    "period {period} is outside round {round} ({first}-{last})": "期次 {period} 不在 {round} 这一轮"
    "（{first}-{last}）之内",
    "progress belongs to the round whose years hold the period": "进展报送应放在期次所在年份的那一轮",
    "period {period} overlaps {other} ({file}); a task would have two statuses for the same days": "期次 {period} 与 {other}（{file}）重叠；同一天的工作任务会有两个状态",
    "report every period of a round in one kind: quarters, half-years or months": "一轮内用同一种"
    "期次报送：按季度、半年或月",
    "a report on task '{id}', which round {round} does not have": "报送了工作任务 '{id}'，但 "
    "{round} 这一轮没有该任务",
    "progress names the ids in tasks/*.yaml": "进展报送应写 tasks/*.yaml 中的 id",
    "task '{id}' is reported twice in {file} (first at {where})": "工作任务 '{id}' 在 {file} 中"
    "报送了两次（第一次在 {where}）",
    "one report per task, unit and period: merge the two": "每个单位对每项工作任务每期报送一次：合并这两条",
    "report on task '{id}' names unit '{unit}', which is not in registry/units.yaml": "工作任务 "
    "'{id}' 的报送所写单位 '{unit}' 不在 registry/units.yaml 中",
    "{name} ({unit}) reports on task '{id}', which it neither leads nor partners": "{name}（{unit}）"
    "报送了工作任务 '{id}'，但它既不是牵头单位，也不是参与单位",
    "the task's units: {names}": "该任务的单位：{names}",
    "the task names no units": "该任务没有列出单位",
    "task '{id}' was done in {before} and is {status} ({label}) in {period}, with no note why": "工作任务 '{id}' 在 {before} 已完成，{period} 却为 {status}（{label}），且没有说明原因",
    "add a `note:` saying what reopened it": "加 `note:` 说明为何重新打开",
    "task '{id}' is at {percent}% in {period}, down from {before_percent}% in {before}": "工作任务 "
    "'{id}' 在 {period} 的完成进度为 {percent}%，低于 {before} 的 {before_percent}%",
    "a correction? say so in `note:`": "是更正吗？请在 `note:` 中说明",
    "never reported": "从未报送",
    "last reported {status} in {period}": "最近一次为 {period} 报送的 {status}",
    "task '{id}' was due {due} and is not done as of {period} ({last})": "工作任务 '{id}' 完成时限为 "
    "{due}，截至 {period} 仍未完成（{last}）",
    "task '{id}' has no report in {period}, the latest period": "工作任务 '{id}' 在最近一期 {period} "
    "没有报送",
    "add it to {file}": "在 {file} 中补上",
    # planc check: the consultation (征求意见)
    "comment '{id}' has no disposition": "意见 '{id}' 没有处理意见",
    "add disposition: adopted, partly-adopted, not-adopted or noted": "在工作簿“征求意见处理”表的"
    "“处理意见”栏选填采纳、部分采纳、不采纳或知悉（文件中为 disposition:）",
    "comment '{id}' is {disposition} without a reason": "意见 '{id}' 的处理意见为“{disposition}”，"
    "但没有写理由",
    "add reason: (the 采纳情况说明 gives it for every comment not adopted)": "在“理由”栏写上理由"
    "（文件中为 reason:；采纳情况说明要列出每条未采纳意见的理由）",
    "comment '{id}' is {disposition} but names no task it changed": "意见 '{id}' 的处理意见为"
    "“{disposition}”，但没有写改动了哪项工作任务",
    "write the tasks' numbers in 修改的任务（编号） (the workbook's 征求意见处理 sheet) or changed: [...], or record it as noted (知悉)": "在工作簿“征求意见处理”表的“修改的任务（编号）”栏填写任务编号（或在 changed: [...] 中列出），或记为知悉",
    "a consultation file is named round-N.yaml (N: which consultation), not {name}": "征求意见文件"
    "应命名为 round-N.yaml（N：第几轮征求意见），不能是 {name}",
    "rename it to round-{number}.yaml": "重命名为 round-{number}.yaml",
    "consultation: {number}, but the file is {name}": "consultation: {number}，但文件名是 {name}",
    "make them agree (consultation: {named}, or round-{number}.yaml)": "使两者一致（consultation: "
    "{named}，或 round-{number}.yaml）",
    "comment id '{id}' is already used at {where}": "意见 id '{id}' 已在 {where} 使用",
    "Chinese text of the sources has half-width punctuation (, ; : ? ! ( ) or straight quotes) where GB/T 15834 writes full-width ones; the documents print the full-width forms either way.": "源文件的中文文字中有半角标点（, ; : ? ! ( ) 或直引号），按 GB/T 15834 应为全角；生成的文件一律印全角标点。",
    "Rewrite half-width punctuation in the Chinese text of the sources as GB/T 15834 has it\n(，；：？！（）and nested quotes): the `punctuation` infos of planc check. Only those\ncharacters change; comments, quoting and layout stay.\n\nExamples:\n\n  planc fix\n\n  planc fix 2022-2023 --plans plans": "按 GB/T 15834 改正源文件中文文字里的半角标点（，；：？！（）及引号的嵌套），\n即 planc check 报告的 `punctuation` 提示。只改这些字符；注释、引号方式和排版\n保持不变。\n\n示例：\n\n  planc fix\n\n  planc fix 2022-2023 --plans plans",
    "Run `planc fix`: it rewrites exactly those characters of the values (，；：？！（）, quotes “‘’” nested), keeping comments, quoting and layout.": "运行 `planc fix`：只改写这些字符（，；：？！（）及“‘’”嵌套引号），注释、引号方式和排版保持不变。",
    "Show which face sets each role of the PDFs (GB/T 9704: title 小标宋, headings\n黑体 楷体 仿宋, body 仿宋, page numbers 宋体), and why: a licensed face, a free one, or\nthe fallback.\n\nExample:\n\n  planc fonts": "显示 PDF 各用途所用字体（GB/T 9704：标题小标宋，各级标题黑体、楷体、仿宋，正文仿宋，\n页码宋体）及原因：已授权字体、免费字体或备用字体。\n\n示例：\n\n  planc fonts",
    # returned forms (planc/sheets/read.py): what clerks see when a form is refused
    "an Excel 97-2003 (.xls) or WPS (.et) workbook, not .xlsx": "Excel 97-2003（.xls）或 WPS"
    "（.et）格式的工作簿，不是 .xlsx 格式",
    "a PDF, not a spreadsheet": "PDF 文件，不是电子表格",
    "an empty file": "空文件",
    "not an .xlsx workbook": "其他格式的文件，不是 .xlsx 工作簿",
    "a text file (CSV?), not an .xlsx workbook": "文本文件（可能是 CSV），不是 .xlsx 工作簿",
    "this is {what}": "无法导入：此文件是{what}",
    "cannot read the file: {reason}": "无法读取此文件：{reason}",
    "open it in Excel or WPS and save it as 'Excel 工作簿 (*.xlsx)'": "请用 Excel 或 WPS 打开，"
    "另存为“Excel 工作簿 (*.xlsx)”后再导入",
    "not a readable .xlsx workbook ({kind}: {error})": "文件已损坏或不是 .xlsx 工作簿，无法读取"
    "（{kind}：{error}）",
    "not a readable .xlsx workbook ({error})": "文件已损坏或不是 .xlsx 工作簿，无法读取（{error}）",
    "not a planc form: it has no planc metadata sheet": "这不是 planc 生成的表格：其中没有 planc "
    "的隐藏工作表",
    "send the unit the form `planc consult forms` made, and import that one": "请把 `planc consult "
    "forms` 生成的表格发给该单位，填好交回后再导入",
    "consultation": "征求意见",
    "progress": "进展报送",
    "this is a planc '{found}' form, not a {kind} form": "这是 planc 的“{found}”表格，不是"
    "“{kind}”表格",
    "the form's hidden planc sheet was changed; planc cannot tell what the form was": "表格中隐藏的 "
    "planc 工作表被改动过，无法确认这是哪一份表格",
    "fill in a fresh copy of the form as it was sent": "请在原样发出的表格上重新填写",
    "cells {cells} are merged; planc cannot tell which row they belong to": "单元格 {cells} 被合并，"
    "无法确定其中内容属于哪一行",
    "unmerge them (取消合并单元格) and write in each row": "请取消合并单元格，在每一行分别填写",
    "a formula ({formula}) where {column} is expected": "“{column}”栏填的是公式（{formula}），"
    "公式无法导入",
    "type the text itself (a leading '=' makes a formula), or paste as values": "请直接填写内容"
    "（以“=”开头会变成公式），或用“选择性粘贴—数值”粘贴",
    "{column} should be a number, found '{value}'": "“{column}”栏应填数字，现填的是“{value}”",
    "column heading '{heading}' where '{expected}' was: columns were moved, inserted or "
    "deleted": "此处列标题是“{heading}”，原为“{expected}”：表格的列被移动、插入或删除过",
    "fill in a fresh copy of the form, keeping its columns": "请在原样发出的表格上重新填写，"
    "不要插入、删除或移动列",
    "'{value}' is outside the form's columns; planc does not read it": "“{value}”写在表格的栏目之外，"
    "不会被导入",
    "move it into the column it belongs to (e.g. {heading}, column {letter})": "请移到相应的栏目中"
    "（如第 {letter} 列“{heading}”）",
    "row {row} was added to the form; planc reads only the rows it wrote": "第 {row} 行是新加的行，"
    "只能导入表格原有的行",
    "write the comment in the row of the task it is about, or on the sheet for general "
    "comments": "请把意见写在所针对的工作任务那一行，或写在“总体意见”工作表中",
    "the hidden id '{id}' in column A is not one this form was sent with": "A 列隐藏的编号 '{id}' "
    "不是表格发出时的编号",
    "do not edit column A; fill in a fresh copy of the form": "A 列请勿改动；请在原样发出的表格上"
    "重新填写",
    "row {row} repeats the hidden id of row {first} (rows copied?)": "第 {row} 行与第 {first} 行的"
    "隐藏编号相同（是否复制了行？）",
    "write both comments in one row": "请把两条意见写在同一行",
    "the sheet '{sheet}' was deleted from the form": "表格中的“{sheet}”工作表被删除了",
    "fill in a fresh copy of the form": "请在原样发出的表格上重新填写",
    # planc progress import: the forms' cells
    "send the unit the form `planc progress forms {round}` made": "请把 `planc progress forms {round}` "
    "生成的表格发给该单位，填好交回后再导入",
    "this is a form of round {form_round}, not {round}": "这是 {form_round} 这一轮的表格，"
    "不是 {round} 的",
    "import it with planc progress import {round}": "请用 planc progress import {round} 导入",
    "the form's unit '{unit}' is not in the registry": "表格所写单位 '{unit}' 不在 "
    "registry/units.yaml 中",
    "the form's period '{period}' is not of {round}": "表格所写期次 '{period}' 不属于 {round} 这一轮",
    "本期状态 is empty but the row has progress written in it": "“本期状态”未填写，但这一行填了进展内容",
    "choose the status from the drop-down list": "请从下拉列表中选择本期状态",
    "本期状态 '{status}' is not one of {statuses}": "“本期状态”填的是“{status}”，应为{statuses}之一",
    "choose it from the drop-down list": "请从下拉列表中选择",
    "the form names task '{id}', not in the round": "表格中的工作任务 '{id}' 不在本轮中",
    "完成进度 should be a whole number from 0 to 100, found '{value}'": "“完成进度”应填 0 到 100 "
    "的整数，现填的是“{value}”",
    "填报日期 should be a date like 2021-07-05, found '{value}'": "“填报日期”应填日期，如 "
    "2021-07-05，现填的是“{value}”",
    "task '{id}' is also reported in {other} for {period}": "工作任务 '{id}' 的 {period} 进展"
    "也在 {other} 中报送了",
    "import one of the two forms": "两份表格只导入其中一份",
    "the form has no status filled in; nothing to import": "表格中没有填写任何本期状态，没有可导入的内容",
    # planc progress: usage errors (periods, --out)
    "--period {period} is not a period (2021-Q2, 2021-H1 or 2021-06)": "--period {period} 不是期次"
    "（应写 2021-Q2、2021-H1 或 2021-06）",
    "{path} is already there ({count} of the forms are); planc does not overwrite files it may "
    "not have written: choose another --out": "{path} 已存在（共有 {count} 份表格已存在）；"
    "planc 不覆盖可能不是它写的文件：请换一个 --out 文件夹",
    "{old} is not before {new}: give the earlier period first": "{old} 不早于 {new}：请先写较早的期次",
    "round {round} does not load; run planc check {round}": "{round} 这一轮无法读取；请运行 "
    "planc check {round}",
    "round {round} has no progress reports (plans/{round}/progress/PERIOD.yaml); `planc progress "
    "forms {round} --period PERIOD` makes the forms to collect them": "{round} 这一轮还没有进展报送"
    "（plans/{round}/progress/PERIOD.yaml）；可用 `planc progress forms {round} --period PERIOD` "
    "生成报送表格",
    "round {round} has no progress for {period} (periods: {have})": "{round} 这一轮没有 {period} "
    "的进展报送（已有期次：{have}）",
    # planc consult import, and the draft compared (征求意见)
    "this form is for the {form_round} plan, not {round}": "这是 {form_round} 计划的征求意见表，"
    "不是 {round} 的",
    "import it with: planc {command} {round} {file}": "请这样导入：planc {command} {round} {file}",
    "the form's unit '{unit}' is not in registry/units.yaml": "表格所写单位 '{unit}' 不在 "
    "registry/units.yaml 中",
    "{unit} returned the form without comments (无意见); recorded as a response": "{unit} 交回的"
    "表格没有填写意见（无意见）；已记为回复",
    "the form's task '{id}' is no longer in {round}": "表格中的工作任务 '{id}' 已不在 {round} 中",
    "the draft changed after the forms went out; record this comment by hand in the consultation "
    "file": "表格发出后草稿有改动；请在征求意见文件中手工收录这条意见",
    "no task is numbered {number} in {round}": "{round} 中没有编号为 {number} 的工作任务",
    "task numbers in the draft: {span}": "草稿中的工作任务编号：{span}",
    "'{part}' is not a part of the plan": "“{part}”不是计划中的部分",
    "choose one from the cell's list: {parts}": "请从单元格的下拉列表中选择：{parts}",
    "a version of the round does not load": "该轮的某个版本无法读取",
    "the draft '{draft}' cannot be compared: {reason}": "无法与草稿 '{draft}' 比较：{reason}",
    "draft: names the git commit the forms were made from": "draft: 应写生成表格时的 git 提交",
    "comment '{id}' is {disposition}, but task '{task}' is as it was in the draft ({draft})": "意见 "
    "'{id}' 的处理意见为“{disposition}”，但工作任务 '{task}' 与草稿（{draft}）相同",
    "revise the task as adopted, or record the comment as noted or not-adopted": "请按采纳的意见"
    "修改工作任务，或把处理意见改为知悉或不采纳",
    # progress files
    "a progress file is named by its period, not '{name}'": "进展报送文件以期次命名，不能是 '{name}'",
    "name it like 2021-Q2.yaml (a quarter), 2021-H1.yaml (a half-year) or 2021-06.yaml (a "
    "month)": "命名如 2021-Q2.yaml（季度）、2021-H1.yaml（半年）或 2021-06.yaml（月）",
    # planc fonts, planc fix
    "the office's licensed face, installed": "已安装的本单位授权字体",
    "no licensed face installed; the first free face found": "没有安装授权字体；使用找到的第一种免费字体",
    "neither a licensed nor a free face installed": "授权字体和免费字体都没有安装",
    "no face found: install fonts-noto-cjk": "没有找到字体：请安装 fonts-noto-cjk",
    "not installed: {faces}": "未安装：{faces}",
    "fixed {values} in {plans}": "已改正 {plans} 中的 {values}",
    # planc consult report (采纳情况说明)
    "no consultation recorded (plans/ROUND/consultation/ holds no round-N.yaml)": "没有征求意见记录"
    "（plans/ROUND/consultation/ 中没有 round-N.yaml）",
    "{consultations}, {units} responded, {comments}: {adopted} adopted, {partly} partly adopted, "
    "{not_adopted} not adopted, {noted} noted, {undisposed} without disposition": "{consultations}，"
    "{units}回复，{comments}：采纳 {adopted}，部分采纳 {partly}，未采纳 {not_adopted}，"
    "知悉 {noted}，未处理 {undisposed}",
    "comments": "意见",
    "adopted": "采纳",
    "partly": "部分采纳",
    "not": "未采纳",
    "noted": "知悉",
    "open": "未处理",
    "by consultation": "按征求意见轮次",
    "by unit": "按单位",
    "by chapter": "按部分",
    "第{number}次 ({forms})": "第{number}次（{forms}）",
    "not adopted ({count})": "未采纳（{count}）",
    # planc diff's sides, planc schema, the release
    "'{spec}': a revision follows '@' (e.g. {name}@HEAD~1)": "'{spec}'：'@' 后面要写版本"
    "（如 {name}@HEAD~1）",
    "reading a revision needs git, which is not installed": "读取历史版本需要 git，但没有安装 git",
    "failed": "失败",
    "no round '{round}' in {plans} at {rev}": "{plans} 在版本 {rev} 中没有 '{round}' 这一轮",
    "'{rev}' is not a revision: it starts with '-', which git reads as an option (name a commit, "
    "a tag or a branch, e.g. HEAD~1 or v1)": "'{rev}' 不是一个版本：它以 '-' 开头，git 会把它当作选项"
    "（请写提交、标签或分支，如 HEAD~1 或 v1）",
    "'{rev}' is not a commit, tag or branch of the git repository at {top}": "'{rev}' 不是 {top} "
    "处 git 仓库中的提交、标签或分支",
    "no file kind '{kind}' (kinds: {kinds})": "没有 '{kind}' 这种文件（可选：{kinds}）",
    "wrote {path}": "已写入 {path}",
    "SOURCE_DATE_EPOCH must be whole seconds since 1970 (e.g. 1700000000), not '{value}'": ""
    "SOURCE_DATE_EPOCH 应为自 1970 年起的整数秒（如 1700000000），不能是 '{value}'",
    "SOURCE_DATE_EPOCH={value} is outside what a zip can hold: use 0 to {max} (1970 to "
    "2107-12-31)": "SOURCE_DATE_EPOCH={value} 超出 zip 能记录的范围：请用 0 到 {max}"
    "（1970 年至 2107-12-31）",
    "{rounds} not built in {dist}; run planc build first": "{dist} 中还没有生成 {rounds}；"
    "请先运行 planc build",
    # a character no face draws (it would print as an empty box)
    "the character '{char}' (U+{code}) of the {role} role ({label}) is in none of its faces "
    "({faces})": "{role}（{label}）用途的字体（{faces}）中都没有字符 '{char}'（U+{code}）",
    "{missing}; nothing was written": "{missing}；没有写入任何文件",
    # the loader: files on disk (planc/load/disk.py)
    "a fifo (named pipe)": "命名管道（fifo）",
    "a socket": "套接字（socket）",
    "a device": "设备文件",
    "not a regular file": "不是普通文件",
    "cannot read the folder: {reason}": "无法读取该文件夹：{reason}",
    "the name '{name}' is not UTF-8; planc skips it": "名称 '{name}' 不是 UTF-8 编码；planc 跳过它",
    "rename it in UTF-8 (convmv -f GBK -t UTF-8 for names saved as GBK)": "请用 UTF-8 编码重命名"
    "（GBK 编码的名称可用 convmv -f GBK -t UTF-8 转换）",
    "this folder links back to a folder above it": "这个文件夹链接回它上层的文件夹",
    "'{rel}' is a symbolic link to a place outside the plans folder; planc does not follow it": (
        "'{rel}' 是指向计划文件夹以外位置的符号链接；planc 不会跟随读取"
    ),
    "copy the file into the plans folder instead of linking to it": "请把文件复制到计划文件夹里，"
    "不要用链接",
    "'{rel}' is a symbolic link to nothing (a broken link)": "'{rel}' 是失效的符号链接（指向的文件不存在）",
    "cannot read '{rel}': {reason}": "无法读取 '{rel}'：{reason}",
    "'{rel}' is {kind}, not a file; planc does not read it": "'{rel}' 是{kind}，不是文件；"
    "planc 不读取它",
    "the file now links outside the plans folder": "该文件现在链接到计划文件夹以外",
    # the loader: reading YAML (planc/load/nodes.py, planc/load/yaml_problems.py)
    "the file is UTF-16, not UTF-8": "文件是 UTF-16 编码，不是 UTF-8",
    "save it as UTF-8 (iconv -f UTF-16 -t UTF-8)": "请另存为 UTF-8（iconv -f UTF-16 -t UTF-8）",
    "the file is not UTF-8 (byte {byte} here); it looks like {encoding}": "文件不是 UTF-8 编码"
    "（此处字节 {byte}），看起来是 {encoding}",
    "the file is not UTF-8 (byte {byte} here)": "文件不是 UTF-8 编码（此处字节 {byte}）",
    "save it as UTF-8 (iconv -f {encoding} -t UTF-8)": "请另存为 UTF-8（iconv -f {encoding} -t UTF-8）",
    "save it as UTF-8": "请另存为 UTF-8",
    "GB18030/GBK (Simplified Chinese)": "GB18030/GBK（简体中文）",
    "Big5 (Traditional Chinese)": "Big5（繁体中文）",
    "the control character {char} is not allowed in YAML": "YAML 中不允许出现控制字符 {char}",
    "delete it (it is often invisible in an editor)": "请删除它（在编辑器里往往看不见）",
    "a plan file holds one YAML document, this is a second one": "一个计划文件只能有一个 YAML 文档，"
    "这里是第二个",
    "remove the '---' line or split the file": "请删掉 '---' 这一行，或把文件拆成两个",
    "alias '*{anchor}' names no anchor": "别名 '*{anchor}' 没有对应的锚点（&{anchor}）",
    "lists and mappings nest deeper than {depth} levels here": "这里列表和映射嵌套超过 {depth} 层",
    "a plan file needs a handful; look for unclosed brackets": "计划文件只需几层；请检查是否有没闭合的括号",
    "bad YAML": "YAML 格式错误",
    "aliases expand the {written} nodes written so far to {weight}; planc refuses alias bombs": (
        "别名把目前写出的 {written} 个节点展开成 {weight} 个；planc 拒绝这种“别名炸弹”"
    ),
    "write the values out, or reuse fewer aliases": "请把值直接写出来，或少用别名",
    "a key must be plain text, not a list or mapping": "键必须是普通文字，不能是列表或映射",
    "key '{key}' repeats (first at line {line}); planc keeps the first": "键 '{key}' 重复"
    "（第一次在第 {line} 行）；planc 只保留第一个",
    "remove or rename one of them": "请删除其中一个或改名",
    "{problem} ({context})": "{context}，{problem}",
    "invalid YAML": "YAML 格式错误",
    "mapping values are not allowed in this context": "此处不能写“键: 值”（常见原因：冒号后少了空格，"
    "或值里有冒号却没加引号）",
    "mapping values are not allowed here": "此处不能写“键: 值”（常见原因：冒号后少了空格，"
    "或值里有冒号却没加引号）",
    "mapping keys are not allowed in this context": "此处不能写键",
    "block sequence entries are not allowed in this context": "此处不能写以 '-' 开头的列表项"
    "（请检查缩进）",
    "could not find expected ':'": "找不到应有的冒号 ':'",
    "did not find expected key": "找不到应有的键（请检查缩进）",
    "did not find expected '-' indicator": "找不到应有的 '-' 列表标记（请检查缩进）",
    "did not find expected node content": "找不到应有的内容",
    "did not find expected ',' or ']'": "找不到应有的 ',' 或 ']'（方括号可能没闭合）",
    "did not find expected ',' or '}'": "找不到应有的 ',' 或 '}'（花括号可能没闭合）",
    "did not find expected comment or line break": "此处应是注释或换行",
    "found character that cannot start any token": "发现不能出现在开头的字符（如 @、` 或制表符）",
    "found a tab character that violates indentation": "发现制表符（Tab）破坏了缩进；请改用空格",
    "found a tab character where an indentation space is expected": "缩进处发现制表符（Tab）；"
    "请改用空格",
    "found unexpected end of stream": "文件意外结束（引号或括号可能没闭合）",
    "found unknown escape character": "发现未知的转义字符（双引号里的反斜杠 \\）",
    "found undefined alias": "发现未定义的别名",
    "found undefined tag handle": "发现未定义的标签（以 '!' 开头）",
    "found unexpected ':'": "发现多余的冒号 ':'",
    "found duplicate anchor; first occurrence": "锚点重复；第一次出现在",
    "while scanning a simple key": "读取键时",
    "while scanning a plain scalar": "读取不带引号的值时",
    "while scanning a quoted scalar": "读取带引号的值时",
    "while scanning a block scalar": "读取多行文字时",
    "while scanning an anchor": "读取锚点时",
    "while scanning an alias": "读取别名时",
    "while scanning a tag": "读取标签时",
    "while parsing a block mapping": "读取映射（键: 值）时",
    "while parsing a block collection": "读取列表时",
    "while parsing a block node": "读取内容时",
    "while parsing a flow mapping": "读取花括号 {} 中的映射时",
    "while parsing a flow sequence": "读取方括号 [] 中的列表时",
    "while parsing a flow node": "读取括号中的内容时",
    "while parsing a node": "读取内容时",
    "while parsing a quoted scalar": "读取带引号的值时",
    "half-width punctuation in Chinese text: '{passage}'": "中文里用了半角标点：'{passage}'",
    "write '{passage}' (GB/T 15834); `planc fix` rewrites it in the file": "应写作 '{passage}'"
    "（GB/T 15834）；`planc fix` 会在文件里改好",
    # the loader: the schema (planc/load/spec.py, planc/load/words.py)
    "expected {what}, found {found}{why}": "应为{what}，实际是 {found}{why}",
    " (more than {n} digits)": "（超过 {n} 位数字）",
    " (at least {minimum})": "（至少为 {minimum}）",
    " (at most 100)": "（至多为 100）",
    " (out of range)": "（超出范围）",
    " (no such date)": "（没有这一天）",
    " or ": " 或 ",
    "try '{slug}'": "可以写成 '{slug}'",
    "{a_kind} id": "{a_kind}编号",
    "one of {choices}": "以下之一：{choices}",
    "a list of {kind} ids": "{kind}编号的列表",
    "write [{value}]": "请写成 [{value}]",
    "a mapping ({name})": "映射（{name}）",
    "unknown field '{field}' in {name}": "{name}中没有字段 '{field}'",
    "fields here: {fields}": "这里可用的字段：{fields}",
    "{name} is missing required field '{field}'": "{name}缺少必填字段“{field}”",
    "'{field}' is empty in {name}": "{name}中的“{field}”是空的",
    "{name} needs exactly one of {names}": "{name}必须有且只有 {names} 其中之一",
    "a value": "一个值",
    "text": "文字",
    "a whole number": "整数",
    "a whole number, or {value: N, qualifier: 余 or 多}": "整数，或 {value: N, qualifier: 余 或 多}",
    "a number or text": "数字或文字",
    "a lower-case id": "小写编号",
    "a lower-case id ([a-z0-9][a-z0-9-]*)": "小写编号（小写字母、数字和连字符 -，如 port-upgrade）",
    "a round name like 2020-2021": "形如 2020-2021 的轮次名",
    "a date YYYY-MM-DD": "日期 YYYY-MM-DD",
    "a date YYYY-MM or YYYY-MM-DD": "日期 YYYY-MM 或 YYYY-MM-DD",
    "a year or stage": "年份或阶段",
    "a form id (12 hex digits)": "表格编号（12 位十六进制数字）",
    "a mapping": "映射（键: 值）",
    "a list": "列表",
    "plain text": "普通文字",
    "area": "领域",
    "baseline": "基期值",
    "cases file": "案例文件",
    "comment": "意见",
    "consultation file": "征求意见记录文件",
    "figure over rounds": "跨轮次数字",
    "handbook": "案例手册",
    "phase": "阶段",
    "places file": "地名文件",
    "provenance note": "出处说明",
    "qualified figure": "带“余/多”的数字",
    "reference": "参考文献",
    "response": "回复",
    "section": "方面",
    "target": "目标",
    "tasks file": "任务文件",
    "units file": "单位文件",
    "round": "轮次",
    "object": "对象",
    "progress report": "进展报告",
    "imported form": "已导入的表格",
    "progress file": "进展文件",
    # the loader: the plans folder (planc/load/__init__.py)
    "the file is empty; a {name} needs {required}": "文件是空的；{name}需要 {required}",
    "the top level of a {name} must be a mapping of fields, found {found}": "{name}的最外层必须是"
    "字段映射（键: 值），实际是{found}",
    "planc reads only '.yaml' files; this one is skipped": "planc 只读取 '.yaml' 文件；跳过此文件",
    "rename it to {name}": "请改名为 {name}",
    "'{rel}' is a folder, not a file; planc does not read it": "'{rel}' 是文件夹，不是文件；"
    "planc 不读取它",
    "a source is one .yaml file": "每个源文件是一个 .yaml 文件",
    "round folder '{name}' has no plan.yaml": "轮次文件夹 '{name}' 里没有 plan.yaml",
    "every round starts with plan.yaml (planc schema plan lists its fields)": "每一轮都从 plan.yaml 开始（planc schema plan 列出它的字段）",
    "round folders are named like 2020-2021": "轮次文件夹应命名为 2020-2021 这样的形式",
    "planc reads {names}": "planc 读取 {names}",
    "folder '{rel}' is not part of a plan and is skipped": "文件夹 '{rel}' 不属于计划，已跳过",
    "file '{rel}' is not part of a plan and is skipped": "文件 '{rel}' 不属于计划，已跳过",
    "the registry file {file} is missing": "缺少登记文件 {file}",
    "create it with a top-level '{kind}:' mapping": "请新建该文件，最外层写 '{kind}:' 映射",
    "--date {date}: write the day as YYYY-MM-DD (2024-05-10)": "--date {date}：日期请写作"
    " YYYY-MM-DD（如 2024-05-10）",
    "a draft is dated, and {rounds} has no date: add `drafted: 2024-05-10` to its plan.yaml, "
    "or build with --date 2024-05-10": "征求意见稿须注明日期，{rounds} 没有日期：在其 plan.yaml 中写上"
    " `drafted: 2024-05-10`，或在构建时加 --date 2024-05-10",
    "A draft's date, on its cover and page heads (else drafted: in plan.yaml).": "征求意见稿的日期，"
    "印在封面和页眉（不给则用 plan.yaml 的 drafted:）。",
    # planc verify
    "A folder written by planc build --release.": "planc build --release 写出的文件夹。",
    "absent": "无",
    "every recorded component version is the same here": "记录的各组件版本与本机相同",
    "planc verify: differs: {problem}": "planc verify：不一致：{problem}",
    "planc verify: note: {note}": "planc verify：注意：{note}",
    "the release has no SHA256SUMS": "发布包中没有 SHA256SUMS",
    "the release's sources do not build here": "发布包所带的源文件在本机无法构建",
    "verified: {count} files of {release} rebuild byte for byte": "已核验：{release} 的 {count} 个文件重新构建后逐字节一致",
    "versions that differ (release → here):": "不同的版本（发布包 → 本机）：",
    "{name} does not match the release's SHA256SUMS": "{name} 与发布包的 SHA256SUMS 不符",
    "{name} is in the rebuild but not in the release": "{name} 在重新构建的结果中有，发布包中没有",
    "{name} is in the release but not in the rebuild": "{name} 在发布包中有，重新构建的结果中没有",
    "{name}: first different byte at offset {at} (of {size})": "{name}：第一个不同的字节在偏移 {at} 处（共 {size} 字节）",
    "{name}: the entries are in another order": "{name}：条目顺序不同",
    "{name}: the entries' dates or attributes differ": "{name}：条目的日期或属性不同",
    "{unit}: {count}": "{unit}：{count}",  # a form's line: the unit, how many tasks it holds
    "{name}: {entry} is only in the rebuild": "{name}：{entry} 只在重新构建的结果中",
    "{name}: {entry} is only in the release": "{name}：{entry} 只在发布包中",
    "{name}: {old} bytes in the release, {new} in the rebuild": "{name}：发布包中 {old} 字节，重新构建 {new} 字节",
    "{release} does not carry its sources (made by planc {version}, before releases did): it cannot be rebuilt": "{release} 没有附带源文件（由 planc {version} 生成，当时的发布包还不附带）：无法重新构建",
    "{release} holds no manifest.json: not a planc release": "{release} 中没有 manifest.json：不是 planc 发布包",
    "{release}/manifest.json is not a planc manifest": "{release}/manifest.json 不是 planc 的清单",
    # planc fix
    "planc fix cannot read this file as YAML": "planc fix 无法把这个文件当作 YAML 读取",
    "not read, left unchanged: {files} (fix them first: planc check)": "未能读取，原样保留：{files}（请先修正：planc check）",
    # planc stats: editions, figures over rounds
    "official": "正式版",
    "draft": "征求意见稿",
    "public-record": "公开资料整理版",
    "{id} ({figure})": "{id}（{figure}）",
    "({edition})": "（{edition}）",
    # the command line's own words (planc/clitext.py)
    "Usage: ": "用法：",
    "{heading}:": "{heading}：",
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "default: {value}": "默认：{value}",
    "required": "必填",
    "at least {minimum}": "至少 {minimum}",
    "; ": "；",
    "Show this message and exit.": "显示本帮助并退出。",
    "Try '{command} {option}' for help.": "用 '{command} {option}' 查看帮助。",
    "Error: {message}": "错误：{message}",
    "argument": "参数",
    "option": "选项",
    "Missing {kind} {name}.": "缺少{kind} {name}。",
    "No such option: {name}": "没有选项 {name}",
    " (Possible options: {options})": "（可用的选项：{options}）",
    "Invalid value: {message}": "取值无效：{message}",
    "Invalid value for {name}: {message}": "{name} 的取值无效：{message}",
    "{value} is not one of {choices}": "{value} 不是 {choices} 之一",
    "it should be at least {minimum}": "应至少为 {minimum}",
    "it should be at most {maximum}": "应至多为 {maximum}",
    "it should be a whole number": "应为整数",
    "No such command {name}; did you mean {names}?": "没有命令 {name}；是不是 {names}？",
    "No such command {name}.": "没有命令 {name}。",
    "Missing command.": "缺少命令。",
    "Unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Option {name} requires an argument.": "选项 {name} 需要一个值。",
    "Option {name} does not take a value.": "选项 {name} 不带值。",
    "Aborted!": "已中止！",
    # the system's reasons (planc/errors.py reason)
    "No such file or directory": "没有这个文件或文件夹",
    "Permission denied": "没有权限",
    "Operation not permitted": "不允许这样操作",
    "Not a directory": "不是文件夹",
    "Is a directory": "是文件夹",
    "File exists": "文件已存在",
    "Directory not empty": "文件夹不是空的",
    "No space left on device": "磁盘空间已满",
    "Read-only file system": "只读的文件系统",
    "File name too long": "文件名太长",
    "Too many levels of symbolic links": "符号链接层数太多",
    "Device or resource busy": "设备或资源正忙",
    "Input/output error": "读写出错",
    "Invalid cross-device link": "不能跨设备链接",
    # the output folder (planc/publish/outdir.py)
    "another build is writing to {out}; waiting for it to finish": "另一个构建正在写入 {out}；等它完成",
    "{out} holds {names}, which planc did not write; it will not replace them: move them away or build into another folder (--out)": "{out} 中有 {names}，不是 planc 写的；planc 不会替换它们：请把它们移走，或生成到别的文件夹（--out）",
    "{plans} is not in a git repository: no revision of it can be read": "{plans} 不在 git 仓库中：读不到它的历史版本",
    # each round's timeline and the programme's events (planc/check/timeline.py)
    " ({round}'s {what} is inferred: {why})": "（{round} 的{what}系推断：{why}）",
    "`issued: {issued}`, but the issued milestone says {step}": "`issued: {issued}`，但印发实施这一步写的是 {step}",
    "`until:` is the last day of the step": "`until:` 是这一步的最后一天",
    "a round's steps fall in its years or before them (preparation)": "一轮的各步骤在本轮年份之内或之前（筹备）",
    "leave `country:` out": "请删去 `country:`",
    "leave `issued:` out: the milestone gives it, or correct one of them": "请删去 `issued:`（由这一步给出），或改正其中之一",
    "list the steps in the order they happened, or correct a date": "请按发生先后排列各步骤，或改正日期",
    "milestone {kind}": "编制步骤 {kind}",
    "milestone {kind} ({date}) is after round {round}": "编制步骤 {kind}（{date}）在 {round} 这一轮之后",
    "milestone {kind} ({date}) is listed after {other} ({other_date}), which comes later": "编制步骤 {kind}（{date}）排在 {other}（{other_date}）之后，但发生在它之前",
    "milestone {kind} ends ({until}) before it starts ({date})": "编制步骤 {kind} 的结束日（{until}）早于开始日（{date}）",
    "place '{id}' is a world region (欧洲, 东南亚) and belongs to no country": "地点 '{id}' 是跨国区域（如欧洲、东南亚），不属于任何国家",
    "renamed handbook parts": "更名的手册部分",
    "timeline (milestones)": "编制过程（milestones）",
    "{owner} names unit '{id}', which is not in registry/units.yaml": "{owner} 引用的单位 '{id}' 不在 registry/units.yaml 中",
    # planc explain: the timeline's codes
    "A step of a round's timeline (`milestones:`) or of the programme's events is listed after one it must have come before, or ends before it starts. Dates are compared as precisely as they are written (2019-H2 and 2019-12 may be either way round).": "一轮编制过程（`milestones:`）或纲要大事（`events:`）中，某一步排在本应晚于它的一步之后，或结束日早于开始日。日期按写出的精度比较（2019-H2 与 2019-12 先后皆可）。",
    "A step of a round's timeline is dated after the round's years (preparation may come before them; nothing of a round comes after it).": "一轮编制过程中某一步的日期在本轮年份之后（筹备可在本轮之前，本轮的步骤不会在其后）。",
    "Correct the date, or move the step to the round it belongs to.": "请改正日期，或把这一步移到它所属的那一轮。",
    "Leave `issued:` out (the milestone gives it), or correct one of the two dates.": "请删去 `issued:`（由印发实施这一步给出），或改正两个日期之一。",
    "List the steps in the order they happened, or correct a date.": "请按发生先后排列各步骤，或改正日期。",
    "plan.yaml's `issued:` and the day of its `issued` milestone differ (or programme.yaml's and its `issued` event).": "plan.yaml 的 `issued:` 与印发实施这一步的日期不一致（programme.yaml 与其印发事件亦然）。",
    # issue 24: writing into the plans folder, hostile forms and releases, limits
    "'{value}' would not read back": "'{value}' 读回时与写入的不同",
    "SHA256SUMS names '{name}', not a file of the release": "SHA256SUMS 列出的 '{name}' 不是发布包中的文件",
    "aliases repeat {count} characters of text by here; planc refuses more than {limit}": "到此处，别名（alias）已重复 {count} 个字符的文本；planc 最多接受 {limit} 个",
    "an earlier planc was stopped while writing {files}; they are back as they were": "此前一次 planc 在写入 {files} 时被中止；这些文件已恢复原样",
    "another planc is writing into {plans}; waiting for it to finish": "另一个 planc 正在写入 {plans}；等待其完成",
    "it holds {count} entries of {size} MB; the sources of a release are under {limit} MB": "其中有 {count} 项，共 {size} MB；发布包的源文件应小于 {limit} MB",
    "it names '{entry}'": "其中有名为 '{entry}' 的项",
    "it names '{entry}' twice": "其中 '{entry}' 出现了两次",
    "it unpacks to more than it says": "解压后的大小超过其声明的大小",
    "planc does not write {path}": "planc 不写入 {path}",
    "planc made {file} so that it would not read back as written ({why}); nothing was written. This is a bug in planc: please report it with the files you gave": "planc 生成的 {file} 读回时与写入的不同（{why}）；未写入任何文件。这是 planc 的缺陷：请连同所给文件一并报告",
    "planc: interrupted after writing {files}": "planc：已中断，中断前已完整写入 {files}",
    "send the long texts as attachments and name them in the form": "请把长文本作为附件报送，并在表格中注明附件名称",
    "shorten it, or send the long text as an attachment and name it here": "请缩短，或把长文本作为附件报送，并在此处注明附件名称",
    "shorten it: a title is printed in headings and tables": "请缩短：标题会印在标题行和表格中",
    "the archive is damaged ({error})": "压缩包已损坏（{error}）",
    "the archive is missing": "缺少该压缩包",
    "the form holds more than {limit} characters by this cell; planc reads no more of it": "到此单元格，表格中的文字已超过 {limit} 个字符；planc 不再读取",
    "the form's hidden planc sheet names consultation '{number}' of draft '{draft}'; planc cannot tell what the form was": "表格隐藏的 planc 工作表记载的是第 '{number}' 次征求意见、草稿 '{draft}'；planc 无法判断这是哪一份表格",
    "the release's SHA256SUMS is too long to be one": "发布包中的 SHA256SUMS 过长，不是有效的校验文件",
    "the workbook unpacks to {size} MB in {parts} parts; a form is under {limit} MB": "该工作簿解压后为 {size} MB（{parts} 个部件）；表格应小于 {limit} MB",
    "this text is {count} characters long; planc takes at most {limit} here": "此处文本长 {count} 个字符；planc 在此最多接受 {limit} 个",
    "{column} holds {count} characters; planc takes at most {limit} in a cell": "{column} 中有 {count} 个字符；planc 每个单元格最多接受 {limit} 个",
    "{file} holds no consultation record; planc will not add to it": "{file} 中没有征求意见记录；planc 不会向其中添加",
    "{file} holds no progress reports; planc will not add to it": "{file} 中没有进展报送记录；planc 不会向其中添加",
    "{name} in the release is not a file planc can read": "发布包中的 {name} 不是 planc 能读取的文件",
    "{name}: not a readable zip": "{name}：不是可读取的 zip 压缩包",
    "{name}: {entry} cannot be read": "{name}：无法读取 {entry}",
    "{path} is a symbolic link; planc does not follow it": "{path} 是符号链接；planc 不跟随它",
    "{path} is not inside the plans folder {plans}": "{path} 不在计划文件夹 {plans} 之内",
    "{release} is not a folder": "{release} 不是文件夹",
    "{release}/manifest.json is not a planc manifest ({field})": "{release}/manifest.json 不是 planc 的清单（{field}）",
    "{release}/{archive} cannot be unpacked: {why}": "无法解压 {release}/{archive}：{why}",
    # issue 19: Chinese where a clerk types; planc new; the solicitation (征集)
    "'{name}' is not a round's name: write its years, like 2024-2025": "'{name}' 不是轮次名称：请写年份，如 2024-2025",
    "'{name}' is the name of {ids}: write the id of the one meant": "'{name}' 同时是 {ids} 的名称：请写所指单位的编号",
    "'{part}' is not a chapter of the plan": "'{part}' 不是计划中的部分",
    "--date takes a date like 2024-01-10, not '{day}'": "--date 要写日期，如 2024-01-10 或 2024年1月10日，不能是 '{day}'",
    "--from {round} is not a round before {name}": "--from {round} 不是 {name} 之前的轮次",
    "--from {round}: there is no such round": "--from {round}：没有这一轮",
    "A unit's corrected solicitation form would change or remove a task the office has edited since the unit's earlier form was imported; nothing is imported.": "某单位重新报来的征集表会改动或删除一项任务，而该任务在上次导入后已被市推进办修改；因此不导入任何内容。",
    "An indicator system planc new copied from the last round (`carried_from:`): its targets and baselines await the office's review.": "planc new 从上一轮沿用的指标体系（`carried_from:`）：其目标值和基期值有待市推进办审核。",
    "Begin a new round from the last one: its plan.yaml (title, years, phase, the chapters\nto revise, edition draft), the indicator systems carried over to review, and the last\nround's tasks not done as candidates for continuation. No tasks yet: they come from the\nsolicitation (planc solicit). Writes over nothing.\n\nExamples:\n\n  planc new 2024-2025\n\n  planc new 2024-2025 --from 2020-2021": "从上一轮开始新一轮：写出 plan.yaml（标题、年份、阶段、待修订的部分、草稿版），\n沿用待审核的指标体系，并把上一轮未完成的任务列为延续任务候选。暂无任务：任务来自\n任务征集（planc solicit）。不覆盖任何已有文件。\n\n示例：\n\n  planc new 2024-2025\n\n  planc new 2024-2025 --from 2020-2021",
    "Begun by planc new from {old}: the title with the new years, the issuer and goal of {old},\nthe phase from programme.yaml where it names one, {old}'s chapters as the framework to\nrevise. Edit them; the tasks come from the solicitation (planc solicit).": "由 planc new 从 {old} 开始：标题换为新年份，印发单位和目标沿用 {old}，\n阶段取自 programme.yaml（如其给出），{old} 的各部分作为待修订的框架。\n请据实修改；任务来自任务征集（planc solicit）。",
    "Day the forms came back, e.g. 2024-01-10 (default: today).": "表格收回的日期，如 2024-01-10（默认：今天）。",
    "Make the unit's correction to the task by hand, or undo the office's edit and import the form again.": "按该单位的更正手工修改任务，或撤销市推进办的修改后重新导入。",
    "Only this unit's form: its id or Chinese name (repeatable).": "只生成该单位的表格：写单位编号或中文名称（可重复）。",
    "Returned forms (.xlsx).": "报回的表格（.xlsx）。",
    "Review the targets and baselines for the new round, then empty 沿用自 on every row of the system on the 指标体系 sheet of the round's workbook (planc sheet export/import), or remove `carried_from:`.": "按新一轮审核目标值和基期值，然后在本轮工作簿（planc sheet export/import）的“指标体系”表中清空该体系各行的“沿用自”，或删去 `carried_from:`。",
    "Tasks of chapter {chapter}; planc solicit import adds those the units send.": "部分 {chapter} 的任务；planc solicit import 会加入各单位报来的任务。",
    "The new round, e.g. 2024-2025.": "新的一轮，如 2024-2025。",
    "The round to begin it from (default: the last one before it).": "据以开始的轮次（默认：它之前的最近一轮）。",
    "The solicitation (征集): one form per member unit, its unfinished tasks to keep, revise or drop and rows for new ones; the forms back in as the round's tasks.\n\nExamples:\n\n  planc new 2024-2025\n\n  planc solicit forms 2024-2025 --out forms\n\n  planc solicit import 2024-2025 returned/*.xlsx\n\n  planc solicit report 2024-2025": "任务征集：每个成员单位一份表格，列出其未完成的任务供继续、修改或不再列入，并留有新增任务的空行；收回的表格成为本轮的任务。\n\n示例：\n\n  planc new 2024-2025\n\n  planc solicit forms 2024-2025 --out forms\n\n  planc solicit import 2024-2025 returned/*.xlsx\n\n  planc solicit report 2024-2025",
    "The tasks of {old} not done, offered to their lead units for continuation by planc\nsolicit forms. Remove a task the office does not offer; name the units to ask with\nunits: [市商务局, …].": "{old} 未完成的任务，由 planc solicit forms 交其牵头单位确定是否延续。\n不再征集的任务可删去；要征询的单位写在 units: [市商务局, …] 中。",
    "What {unit} answered to the solicitation (planc solicit import):\nevery row of its form, and the task each became. A corrected form replaces it\n(earlier: the forms it replaced).": "{unit}对任务征集的答复（planc solicit import 写入）：\n表格的每一行，及其成为的任务。更正后的表格会替换本记录\n（earlier：被替换的表格）。",
    "a second form of {unit} in one import (the other is {file})": "一次导入中有 {unit} 的第二份表格（另一份是 {file}）",
    "a second submission of unit '{unit}' (the first is {file})": "单位 '{unit}' 的第二份征集记录（第一份是 {file}）",
    "a unit's corrected form replaces its submission: keep one file per unit": "单位更正的表格会替换其原记录：每个单位只保留一个文件",
    "all of them: {old} has no progress records": "全部任务：{old} 没有督查记录",
    "already imported: nothing changes": "已导入过：没有变化",
    "began {round} from {source}:": "已从 {source} 开始 {round}：",
    "candidate": "延续任务候选",
    "candidate '{ref}'": "延续任务候选 '{ref}'",
    "candidate '{ref}' is not a task of {round}": "延续任务候选 '{ref}' 不是 {round} 的任务",
    "candidates file": "延续任务候选文件",
    "candidates no answer covers ({count}):": "尚无单位答复的延续任务候选（{count}）：",
    "choose it from the cell's list": "请从单元格的下拉列表中选择",
    "contact": "联系人",
    "each row of a submission becomes a task of its own": "征集记录的每一行各成为一项任务",
    "earlier submission": "此前的征集表",
    "give one of them an alias of its own, or write ids where the name is used": "给其中一个单位另起别名，或在用到该名称处改写编号",
    "import the unit's latest form alone: it replaces the earlier one": "只导入该单位最新的一份：它会替换此前的一份",
    "indicator system '{id}' ({title}) carried over from {old} as it was, marked carried_from: {old}: review its targets and baselines, then empty 沿用自 on the workbook's 指标体系 sheet (or remove that line)": "指标体系 '{id}'（{title}）原样沿用 {old}，标有 carried_from: {old}：请审核其目标值和基期值，然后在工作簿“指标体系”表中清空“沿用自”（或删去这一行）",
    "indicator system '{id}' is carried over from {round} as it was; its targets and baselines are not reviewed for {this} yet": "指标体系 '{id}' 原样沿用 {round}；其目标值和基期值尚未按 {this} 审核",
    "kept": "继续",
    "leave it empty if the task has no deadline": "没有完成时限的任务请留空",
    "leave the whole row empty if it holds no task": "不填任务的行请整行留空",
    "make the unit's correction to the task by hand, or undo the edit and import the form again": "按该单位的更正手工修改任务，或撤销修改后重新导入表格",
    "next: planc check {round}; planc solicit report {round}": "下一步：planc check {round}；planc solicit report {round}",
    "next: planc solicit forms {round} --out forms": "下一步：planc solicit forms {round} --out forms",
    "no task changes": "任务没有变化",
    "none (the programme names no single phase for {name})": "无（programme.yaml 未给出 {name} 所属的唯一阶段）",
    "not answered yet ({count}):": "尚未答复（{count}）：",
    "not done as of {period}": "截至 {period} 未完成",
    "note: {count} of the candidates name no lead unit and are on no unit's form; name the units to ask in {file} (units: [...])": "注意：有 {count} 项延续任务候选没有牵头单位，不在任何单位的表格中；请在 {file} 中写明要征询的单位（units: [...]）",
    "nothing new: every form was imported before": "没有新内容：每份表格此前都已导入",
    "received": "收到日期",
    "replaces the form received {received} ({file}):": "替换 {received} 收到的表格（{file}）：",
    "review them, then empty 沿用自 on the 指标体系 sheet of the round's workbook (planc sheet export), or remove the line carried_from:": "审核后在本轮工作簿（planc sheet export）的“指标体系”表中清空“沿用自”，或删去 carried_from: 这一行",
    "submission file": "征集记录文件",
    "submission {file}": "征集记录 {file}",
    "submitted row": "征集表中的一行",
    "task '{id}' is made from two rows (the other in {file})": "任务 '{id}' 由两行生成（另一行在 {file}）",
    "task '{id}', made from {unit}'s earlier form, was changed since in {file}; planc does not write over the office's edit": "任务 '{id}' 由{unit}此前的表格生成，之后已在 {file} 中被修改；planc 不覆盖市推进办的修改",
    "the form's candidate '{id}' is not a task of an earlier round": "表格中的延续任务 '{id}' 不是此前某一轮的任务",
    "the key '{key}' is followed by a full-width colon '：'; YAML needs a half-width ':'": "键“{key}”后面用了全角冒号“：”，应为半角“:”",
    "the plans changed after the forms went out; make fresh forms": "表格发出后计划已有改动；请重新生成表格",
    "the round's plan: {title}; phase {phase}; previous round {old}; edition draft; {chapters} of {old} as the framework to revise; no tasks yet": "本轮计划：{title}；阶段：{phase}；上一轮：{old}；草稿版；沿用 {old} 的 {chapters}作为待修订的框架；暂无任务",
    "the titles of {ids} are the same: write the id": "{ids} 的名称相同：请写编号",
    "there is no round before {name} to begin it from": "{name} 之前没有可据以开始的轮次",
    "units {ids} are both known by the name '{name}'; sources naming it name neither": "单位 {ids} 都叫“{name}”；用这个名称的地方无法确定指哪一个",
    "write {key}: (a half-width colon, then a space)": "写成 {key}: （半角冒号，后跟一个空格）",
    "wrote {forms} for the solicitation of {round} into {out}/": "已为 {round} 的任务征集写出 {forms}，在 {out}/",
    "{asked} asked, {answered} answered; candidates: {kept} kept, {revised} revised, {dropped} dropped; new tasks: {new}": "征集 {asked}，已答复 {answered} 个；延续任务：继续 {kept}、修改后继续 {revised}、不再列入 {dropped}；新增任务 {new} 项",
    "{count} of {old} ({how}), candidates for continuation: planc solicit forms offers each to its lead units": "{old} 的 {count}（{how}），列为延续任务候选：planc solicit forms 交其牵头单位确定",
    "{file} lists no chapters; the forms' 部分 list would be empty: add the chapters first": "{file} 没有列出任何部分；表格的“部分”列表将为空：请先添加部分",
    "{file} offers the tasks of round '{round}', which is not a round before {this}": "{file} 列出的是 '{round}' 的任务，但它不是 {this} 之前的轮次",
    "{id} added": "新增 {id}",
    "{id} removed (its row is empty now)": "删除 {id}（该行已清空）",
    "{id} removed (不再列入)": "删除 {id}（不再列入）",
    "{id} revised: {fields}": "修改 {id}：{fields}",
    "{kept} kept, {revised} revised, {dropped} dropped, {new} new": "继续 {kept}，修改后继续 {revised}，不再列入 {dropped}，新增 {new}",
    "{path} appeared while planc wrote; planc left it as it is": "planc 写入期间出现了 {path}；planc 未改动它",
    "{path} is already there; planc new writes over nothing (a round begun is the office's work)": "{path} 已存在；planc new 不覆盖任何内容（已开始的一轮是市推进办的工作成果）",
    "{path}: written": "{path}：已写入",
    "{path}: {tasks} added": "{path}：新增 {tasks}",
    "{unit} is {kind}, not a member unit (a department), and no candidate names it: it has no form": "{unit}是{kind}，不是成员单位（市直部门），也没有延续任务候选指向它：没有它的表格",
    "a body of the city": "市级机构",
    "an organisation": "外部单位",
    "参与单位 '{name}' is not a unit of registry/units.yaml": "参与单位 '{name}' 不在 registry/units.yaml 中",
    "完成时限 '{value}' is not a date: write a month like 2025-06 or 2025年6月 (a day or a year will do)": "完成时限 '{value}' 不是日期：请写月份，如 2025-06 或 2025年6月（写到日或只写年也可以）",
    "工作任务 is empty: write the task's title": "工作任务为空：请填写任务名称",
    "是否继续 is '{value}': choose 继续 or 不再列入 for this task": "是否继续填的是 '{value}'：请为该任务选择“继续”或“不再列入”",
    "是否继续 is empty: choose 继续 or 不再列入 for this task": "是否继续为空：请为该任务选择“继续”或“不再列入”",
    "服务指标 '{name}' is not an indicator of {round}": "服务指标 '{name}' 不是 {round} 的指标",
    "部分 is empty: choose the chapter the task belongs to": "部分为空：请选择任务所属的部分",
    "Read returned forms into plans/ROUND/tasks/ and plans/ROUND/solicitation/.\n\nEvery form is checked first; one problem and nothing is written. A unit's corrected form\nreplaces its earlier one and says what changed; the same form twice changes nothing.\n\nExamples:\n\n  planc solicit import 2024-2025 returned/*.xlsx --date 2024-01-10": "把报回的表格读入 plans/ROUND/tasks/ 和 plans/ROUND/solicitation/。\n\n先检查每一份表格；只要有一处问题，就不写入任何内容。单位更正的表格会替换其此前\n的一份，并说明改动之处；同一表格导入两次不会改变任何内容。\n\n示例：\n\n  planc solicit import 2024-2025 returned/*.xlsx --date 2024-01-10",
    "Write one .xlsx form per member unit: its candidate tasks to keep, revise or drop, and\nrows for new tasks, with drop-downs of the chapters, units and indicators.\n\nExamples:\n\n  planc solicit forms 2024-2025 --out forms\n\n  planc solicit forms 2024-2025 --unit 市商务局": "为每个成员单位写一份 .xlsx 表格：列出其延续任务候选供继续、修改或不再列入，\n并留有新增任务的空行，部分、单位和指标均可从下拉列表选择。\n\n示例：\n\n  planc solicit forms 2024-2025 --out forms\n\n  planc solicit forms 2024-2025 --unit 市商务局",
    "Where the solicitation stands: the units asked, who answered and what, who has not.\n\nExamples:\n\n  planc solicit report 2024-2025\n\n  planc solicit report 2024-2025 --format json": "任务征集进展：征集了哪些单位，谁答复了、答复了什么，谁还没有答复。\n\n示例：\n\n  planc solicit report 2024-2025\n\n  planc solicit report 2024-2025 --format json",
    "{message}; {hint}": "{message}；{hint}",
    "task '{id}', made from {unit}'s earlier form, was removed since; planc does not bring it back": "任务 '{id}' 由{unit}此前的表格生成，之后已被删除；planc 不会恢复它",
    "add the task again by hand if the office wants it, or empty this row": "如需要，请手工重新添加该任务，或清空这一行",
    "{round} kept changing while planc read it; nothing was written: run the command again": "{round} 在读取期间不断被改动；未写入任何内容：请重新运行该命令",
    # planc sheet: the office's whole-round workbook
    "  no changes: the workbook holds what the sources hold": "  没有修改：工作簿与源文件一致",
    "'{value}' is not a date like 2021-12 or 2021-12-31": "'{value}' 不是 2021-12 或 2021-12-31 这样的日期",
    "'{value}' is not a dimension of {system}": "'{value}' 不是 {system} 的维度",
    "'{value}' is not a section of {chapter}": "'{value}' 不是 {chapter} 的方面",
    "'{value}' is not one of {choices}": "'{value}' 不是 {choices} 之一",
    "'{value}' is not the number of a task of the round": "'{value}' 不是本轮任务的编号",
    "'{value}' is not {what}": "'{value}' 不是{what}",
    "'{value}': write a target as 2021：100": "'{value}'：目标值请写成“2021：100”",
    "--out {out}: the folder {folder} does not exist": "--out {out}：文件夹 {folder} 不存在",
    "--out {out}: the workbook's name ends in .xlsx": "--out {out}：工作簿的文件名应以 .xlsx 结尾",
    "Also drop the items whose rows were deleted.": "同时删除工作簿中已删去的行所对应的条目。",
    "Drop {count} items (the lines with -)?": "删除 {count} 个条目（标有 - 的各行）？",
    "The edited workbook.": "修改后的工作簿。",
    "The office's whole-round workbook: tasks, cases, indicators, units and the consultation's dispositions in one .xlsx, edited in Excel and imported back.\n\nExamples:\n\n  planc sheet export 2022-2023 --out 2022-2023.xlsx\n\n  planc sheet import 2022-2023 2022-2023.xlsx --apply": "办公室的整轮工作簿：工作任务、对标案例、指标、责任单位和征求意见的处理意见都在一个 .xlsx 中，用 Excel 修改后导入。\n\n示例：\n\n  planc sheet export 2022-2023 --out 2022-2023.xlsx\n\n  planc sheet import 2022-2023 2022-2023.xlsx --apply",
    "The workbook to write.": "要写出的工作簿。",
    "Write the changes (default: only show them).": "写入修改（默认只列出修改）。",
    "Write these changes into {plans}?": "把以上修改写入 {plans}？",
    "a baseline needs its year": "基期值需要填写基期年份",
    "a case of the handbook": "手册中的对标案例",
    "a part of the handbook": "手册的部分",
    "a part of the plan": "本轮计划的部分",
    "a place in registry/places.yaml": " registry/places.yaml 中的地点",
    "a unit in registry/units.yaml": " registry/units.yaml 中的单位",
    "an indicator of the round": "本轮的指标",
    "an indicator system of the round": "本轮的指标体系",
    "choose from the cell's list": "请从单元格的下拉列表中选择",
    "dimensions there: {names}": "该体系的维度：{names}",
    "export the workbook again (planc sheet export) and dispose of them there": "请重新导出工作簿（planc sheet export），在新工作簿中填写处理意见",
    "export the workbook again (planc sheet export) and redo this row there": "请重新导出工作簿（planc sheet export），在新工作簿中重新修改这一行",
    "nothing was written; correct the workbook and import it again": "没有写入任何内容；请改正工作簿后重新导入",
    "nothing was written; planc sheet import {round} {file} --apply writes them": "没有写入任何内容；运行 planc sheet import {round} {file} --apply 写入以上修改",
    "rows cannot be added to this sheet": "这个工作表不能新增行",
    "sections there: {names}": "该部分的方面：{names}",
    "the units' comments come in on their forms (planc consult import)": "各单位的意见通过反馈表导入（planc consult import）",
    "the workbook drops {count} items ({ids}); nothing was written: confirm the drops with --confirm-drops, or put the rows back": "工作簿删除了 {count} 个条目（{ids}）；没有写入任何内容：请加 --confirm-drops 确认删除，或恢复这些行",
    "the workbook's changes would leave these errors in the sources:": "工作簿的修改会使源文件出现以下错误：",
    "this part has no sections: leave it empty": "该部分不分方面：请留空",
    "this row ({id}) was edited here and its item changed in the sources too since the workbook was exported": "这一行（{id}）在工作簿中改过，而导出工作簿之后源文件中的这一条目也改过",
    "this row was emptied": "这一行被清空了",
    "this row's item ({id}) is no longer in the sources: it was removed after the workbook was exported": "这一行的条目（{id}）已不在源文件中：导出工作簿之后被删除了",
    "write the numbers of the tasks the comment changed, e.g. 3、12": "请填写因这条意见而修改的任务编号，如 3、12",
    "wrote {files}: {paths}": "已写入 {files}：{paths}",
    "wrote {out}: {tasks} tasks, {cases} cases, {indicators} indicators, {units} units, {comments} comments": "已写出 {out}：工作任务 {tasks} 项，对标案例 {cases} 个，指标 {indicators} 个，责任单位 {units} 个，意见 {comments} 条",
    "{column} is empty": "“{column}”为空",
    "{count} rows of sheet {sheet} were deleted ({ids}); the units' comments are kept": "工作表 {sheet} 中有 {count} 行被删除（{ids}）；各单位的意见须保留",
    "{file} against the sources of {round}:": "{file} 与 {round} 源文件相比：",
    "{kind}: {revised} revised, {new} new, {dropped} dropped": "{kind}：修改 {revised}，新增 {new}，删除 {dropped}",
    "{out} is already there; planc does not write over it (it may hold the office's edits): choose another --out": "{out} 已经存在；planc 不覆盖它（其中可能有办公室的修改）：请换一个 --out",
    "Write the round as one workbook: a sheet each for tasks, cases, indicators, units and\nthe consultation's comments, with drop-downs for units, chapters, indicators and\ndispositions.\n\nExample:\n\n  planc sheet export 2022-2023 --out 2022-2023.xlsx": "把一轮计划写成一个工作簿：工作任务、对标案例、指标、责任单位和征求意见各一个工作表，单位、部分、指标和处理意见可从下拉列表选择。\n\n示例：\n\n  planc sheet export 2022-2023 --out 2022-2023.xlsx",
    "Show what an edited workbook changes, as planc diff does, and write it into the\nsources with --apply (or after a yes at the terminal). A deleted row drops its item only\nwhen confirmed. Comments, order and quoting of the YAML stay where nothing changed.\n\nExamples:\n\n  planc sheet import 2022-2023 2022-2023.xlsx\n\n  planc sheet import 2022-2023 2022-2023.xlsx --apply --confirm-drops": "像 planc diff 一样列出修改后的工作簿改了什么，加 --apply（或在终端回答“是”）后写入源文件。删除的行须经确认才删除其条目。未改动之处，YAML 的注释、顺序和引号保持原样。\n\n示例：\n\n  planc sheet import 2022-2023 2022-2023.xlsx\n\n  planc sheet import 2022-2023 2022-2023.xlsx --apply --confirm-drops",
    # the consultation covers every unit consulted
    "A form for every unit of the registry.": "给登记册中的每个单位都生成表格。",
    "A unit sent a corrected form: the comments of its earlier form in that consultation are replaced (the office's dispositions of them go too).": "某单位报来更正后的意见表：本次征求意见中其先前表格的意见被替换（办公室对这些意见的处理意见随之删除）。",
    "Nothing to fix if the unit meant to correct its form; record again the dispositions the hint names.": "如果该单位确是更正意见表，则无需处理；请重新填写提示中列出的处理意见。",
    "Write one .xlsx form per unit consulted on ROUND: every unit that leads or partners a\ntask, and those plan.yaml's consulted: names (--all: every unit of the registry).\n\nExamples:\n\n  planc consult forms 2022-2023 --out forms/round-1\n\n  planc consult forms 2022-2023 --round-no 2 --unit commerce\n\n  planc consult forms 2022-2023 --all --out forms/all": "给征求意见的每个单位各生成一份 .xlsx 表格：牵头或参与任务的单位，以及 plan.yaml 的 consulted: 所列单位（--all：登记册中的每个单位）。\n\n示例：\n\n  planc consult forms 2022-2023 --out forms/round-1\n\n  planc consult forms 2022-2023 --round-no 2 --unit commerce\n\n  planc consult forms 2022-2023 --all --out forms/all",
    "never replied to consultation {number} ({count}): {units}": "第{number}次征求意见未反馈的单位（{count}）：{units}",
    "the office had disposed of {ids}: record their dispositions again on the new comments": "办公室已处理过 {ids}：请对新意见重新填写处理意见",
    "{unit} sent a corrected form for consultation {number}: it replaces the {count} comments of its earlier form ({ids})": "{unit} 报来第{number}次征求意见的更正表：替换其先前表格中的 {count} 条意见（{ids}）",
    # progress forms to partners, the summary sent upward
    "--format xlsx writes a file: give both, as --format xlsx --out FILE.xlsx": "--format xlsx 写出文件：请同时给出 --format xlsx --out 文件.xlsx",
    "Every task's state as of a period, by chapter and by lead unit: done, on track, not\nstarted, delayed, overdue (past its due and not done), not reported, dropped. --format\nxlsx writes it as the printable summary the office sends upward.\n\nExamples:\n\n  planc progress 2020-2021\n\n  planc progress 2020-2021 --as-of 2021-Q1 --format json\n\n  planc progress 2020-2021 --format xlsx --out 推进情况汇总.xlsx": "截至某期每项任务的状态，按部分和牵头单位列出：已完成、正常推进、\n未启动、滞后、逾期（过了时限仍未完成）、未报送、已终止。--format xlsx\n写出可打印的推进情况汇总表，供办公室向上报送。\n\n示例：\n\n  planc progress 2020-2021\n\n  planc progress 2020-2021 --as-of 2021-Q1 --format json\n\n  planc progress 2020-2021 --format xlsx --out 推进情况汇总.xlsx",
    "Forms to the partner units too, for their part.": "也给参与单位发报送表，报送其承担的部分。",
    "Where --format xlsx writes.": "--format xlsx 写出的文件。",
    "Write one .xlsx progress form per lead unit for a period, listing the tasks it leads,\nprefilled with the last period's answers (--partners: per partner unit too, listing the\ntasks it partners). Existing files are never overwritten.\n\nExamples:\n\n  planc progress forms 2020-2021 --period 2021-Q2 --out forms/2021-Q2\n\n  planc progress forms 2020-2021 --period 2021-Q2 --partners": "为某一期给每个牵头单位生成一份 .xlsx 进展报送表，列出其牵头的任务，\n预先填好上一期的内容（--partners：也给每个参与单位生成，列出其参与的任务）。已有的文件绝不覆盖。\n\n示例：\n\n  planc progress forms 2020-2021 --period 2021-Q2 --out forms/2021-Q2\n\n  planc progress forms 2020-2021 --period 2021-Q2 --partners",
    "text, json, github (annotations), or xlsx (the summary, --out).": "text、json、github（注释）或 xlsx（汇总表，配合 --out）。",
    "wrote {out}: the summary of {round} as of {period}": "已写出 {out}：{round} 截至 {period} 的推进情况汇总",
    "{count} forms for {period}, one per lead or partner unit": "{period} 共 {count} 份报送表，牵头单位和参与单位各一份",
    "--line-numbers is for drafts sent for comment, not for a release": "--line-numbers 用于征求意见的草稿，不用于发布包",
    # the workbook's 沿用自 (planc/workbook/carried.py)
    "'{value}': {system} was not carried over from another round": "'{value}'：{system} 并非沿用其他轮次",
    "leave {column} empty: only planc new marks a system carried over": "“{column}”请留空：只有 planc new 会标记沿用的指标体系",
    "'{value}': {system} was carried over from {round}": "'{value}'：{system} 沿用自 {round}",
    "leave {column} as it was, or empty it on all the system's rows once its targets are reviewed": "“{column}”请保持原样；审核其目标值后，清空该体系各行的“{column}”",
    "{column} was emptied on {done} of the {rows} rows of {system}: it stays carried over from {round} until {column} is emptied on all its rows": "{system} 共 {rows} 行，只有 {done} 行清空了“{column}”：各行都清空之前，仍视为原样沿用 {round}",
    "empty {column} on its other rows too once all its targets are reviewed": "全部目标值审核后，把其余各行的“{column}”也清空",
}
