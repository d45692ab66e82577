"""A Parquet dataset of the store: one folder per flat table, Hive-partitioned by the article's year and month.

``OUT/events/year=2024/month=5/part-0.parquet`` and so on, for every table of
:data:`dateline.aggregate.tables.TABLES` (clusters, mentions and duplicates when ``dateline aggregate`` has run).
Rows of an undated article go to ``year=__HIVE_DEFAULT_PARTITION__``. DuckDB, pandas, Spark and Polars read the
folders as they are; ``dateline query --sql`` does so through :func:`dateline.aggregate.backend.connect`.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from dateline.aggregate import tables
from dateline.aggregate.backend import arrow_table
from dateline.aggregate.schema import is_built
from dateline.store import Store

PARTITIONING = ds.partitioning(pa.schema([("year", pa.int32()), ("month", pa.int32())]), flavor="hive")


def with_partitions(table: pa.Table) -> pa.Table:
    """Add integer ``year`` and ``month`` columns taken from the table's ``anchor`` date (null when undated)."""
    anchor = table.column("anchor")
    year = pc.cast(pc.utf8_slice_codeunits(anchor, 0, 4), pa.int32(), safe=False)
    month = pc.cast(pc.utf8_slice_codeunits(anchor, 5, 7), pa.int32(), safe=False)
    return table.append_column("year", year).append_column("month", month)


def export_parquet(store: Store, out: Path) -> dict[str, int]:
    """Write every flat table of ``store`` under ``out`` (replacing earlier partitions); return rows per table."""
    written: dict[str, int] = {}
    aggregated = is_built(store)
    for name, table in tables.TABLES.items():
        if table.aggregated and not aggregated:
            continue
        data = with_partitions(arrow_table(store, name))
        ds.write_dataset(
            data,
            out / name,
            format="parquet",
            partitioning=PARTITIONING,
            existing_data_behavior="delete_matching",
            basename_template="part-{i}.parquet",
        )
        written[name] = data.num_rows
    return written
