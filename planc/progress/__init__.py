"""Supervision (督查): the progress the lead units report on every task, period by period.

Sources are `plans/ROUND/progress/PERIOD.yaml`. The modules follow the stages of planc:
`periods` and `format` (what a source is), `model` and `build` (the loader's part), `status`
(the index's part: each task's state as of a period), `checks` (the new diagnostics),
`summary` (the tables), `view`/`charts` (the 督查通报), `moves` (what changed between two
periods), `forms`/`importer` (the xlsx round-trip on planc/sheets)."""
