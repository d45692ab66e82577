"""Writing the store out: a Parquet dataset (:mod:`.parquet`) and GDELT 2.0 tables (:mod:`.gdelt`)."""
