"""Shared helpers of the passivetcp notebooks: where the tables are, and a DuckDB connection with one view per table.

The table folder comes from the PASSIVETCP_TABLES environment variable; by default the output of the sample run,
``./passivetcp -r datasets/sample.pcap --out out/tables``, seen from this folder.
"""
import os
import pathlib

import duckdb
import matplotlib.pyplot as plt

TABLES = ["syn", "syn_ack", "mtu", "uptime", "http_request", "http_response", "host_change", "ip_sharing",
          "connections", "hosts"]


def tables_dir():
    return pathlib.Path(os.environ.get("PASSIVETCP_TABLES", "../out/tables")).resolve()


def connect(path=None):
    """An in-memory DuckDB with a view per table present under ``path`` (default: tables_dir()).

    Timestamps are shown in UTC. A table without any file yet (no such event in the input) has no view; use
    ``present(con, name)`` before querying an optional table.
    """
    root = pathlib.Path(path) if path else tables_dir()
    if not root.is_dir():
        raise FileNotFoundError(f"no tables at {root}: run ./passivetcp -r CAPTURES --out {root}, "
                                "or set PASSIVETCP_TABLES")
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'").fetchall()
    for name in TABLES:
        if any((root / name).glob("date=*/*.parquet")):
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{root / name}/*/*.parquet', "
                        "hive_partitioning = true, union_by_name = true)").fetchall()
    return con


# OS names of TCP labels and of the database's ua_os list, grouped so that the layers can be compared: Android and
# Chrome OS User-Agents name Linux (ua_os), and one TCP label covers both macOS and iOS.
OS_FAMILIES = {"Windows": "Windows", "Linux": "Linux", "Android": "Linux", "Chrome OS": "Linux",
               "ChromeOS": "Linux", "Mac OS X": "Apple", "macOS": "Apple", "iOS": "Apple", "FreeBSD": "BSD",
               "OpenBSD": "BSD", "NetBSD": "BSD", "Solaris": "Solaris"}


def os_family(name):
    """The family of an OS name (a TCP label's name or a User-Agent's OS), or None when it names none we group."""
    return OS_FAMILIES.get(name) if isinstance(name, str) else None


def present(con, name):
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchall()[0][0] > 0


def time_bucket(con, table="syn"):
    """A date_trunc unit that gives a readable number of bars for the time span of ``table``."""
    days = con.execute(f"SELECT date_diff('day', min(event_time), max(event_time)) FROM {table}").fetchall()[0][0] or 0
    if days < 2:
        return "hour"
    if days < 90:
        return "day"
    if days < 3 * 365:
        return "month"
    return "year"


def top_n(series, n=8, other="other"):
    """Keeps the n most frequent values of a pandas Series, the rest becomes ``other``."""
    keep = series.value_counts().index[:n]
    return series.where(series.isin(keep), other)


def show(fig, name=None):
    """Shows a figure; also saves it as PNG under $PASSIVETCP_FIGURES when that is set (for the README)."""
    fig.tight_layout(w_pad=2)
    out = os.environ.get("PASSIVETCP_FIGURES")
    if out and name:
        pathlib.Path(out).mkdir(parents=True, exist_ok=True)
        fig.savefig(pathlib.Path(out) / f"{name}.png", dpi=80, bbox_inches="tight")
    plt.show()
