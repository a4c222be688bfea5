"""The office's whole-round workbook (issue 19): the round's tasks, cases, indicators, the
registry's units and the consultation's comments in one .xlsx the office edits in Excel, and
its import, which shows the changes as planc diff does and writes them into the sources only
when asked. Like every feature package it holds only its own: the workbook's sheets (`sheets`),
their rows out (`export`, with `names` for what a clerk calls each item), the rows back in as
edits (`rows`: which rows changed; `cells`: each cell as the sources hold it; `carried`: the
沿用自 column, a carried-over system reviewed; `edits`: what they ask), the edits made in the YAML
(`edit`), the whole import (`changes`), its report (`report`) and the one place it writes the
sources (`write`)."""
