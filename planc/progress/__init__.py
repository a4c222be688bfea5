"""Supervision (督查): the forms that collect the progress the lead units report on every task,
period by period, the import that writes them into `plans/ROUND/progress/PERIOD.yaml`, and
`planc progress`'s reports. Like every kind of source, the progress files are read by the
loader (load/formats.py, load/build.py), indexed (index.py: each task's state as of a period),
checked (check/progress.py) and rendered (render/progress.py, render/bulletin.py: the
督查通报); this package holds only the feature's own: `forms` and `importer` (the xlsx round
trip on planc/sheets), `moves` (what changed between two periods) and `report` (the text,
JSON and annotations `planc progress` prints)."""
