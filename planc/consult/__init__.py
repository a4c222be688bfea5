"""The consultation round (征求意见): forms out to the member units, comments back in as
records, the office's dispositions checked and reported."""
