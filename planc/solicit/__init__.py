"""The solicitation (征集): a new round begun from the last one (planc new), forms out to every
member unit with its unfinished tasks to keep, revise or drop and rows for new ones, and the
forms back in as tasks and as the record of what each unit answered."""
