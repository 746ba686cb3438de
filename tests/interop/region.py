"""A region's records in an embedded engine (issue 28, point 3).

Makes a corpus of signed summaries with answers planted in it
(`cargo run -p review-summary --example region`), exports it with the records
teams' CLI as NDJSON and as CSV, and asks DuckDB the three questions whose SQL
is in docs/records-mapping.md, run exactly as written there. Every row must be
the answer worked out from the plan of the corpus; the tampered and the
stranger's files must never reach the export. Ends with "N passed, N failed".

Run by scripts/test with the virtualenv scripts/setup.sh makes:
  $REVIEW_TOGETHER_PY/bin/python tests/interop/region.py [--reviews 400]
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
REVIEWS = int(sys.argv[sys.argv.index("--reviews") + 1]) if "--reviews" in sys.argv else 400

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}\n     {detail}")


def sql_blocks():
    """The SQL blocks of docs/records-mapping.md, by the name above each."""
    text = (ROOT / "docs" / "records-mapping.md").read_text(encoding="utf-8")
    return dict(re.findall(r"<!-- sql: (\w+) -->\n```sql\n(.*?)```", text, re.S))


def rows(con, sql):
    return [list(r) for r in con.execute(sql).fetchall()]


def main():
    subprocess.run(["cargo", "build", "-q", "-p", "review-summary", "--example", "region"],
                   cwd=ROOT, check=True)
    cli = TARGET / "debug" / "review-summary"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subprocess.run([TARGET / "debug" / "examples" / "region", "--reviews", str(REVIEWS),
                        "--out", tmp], check=True, stdout=subprocess.DEVNULL)
        expected = json.loads((tmp / "expected.json").read_text())
        for fmt in ["ndjson", "csv"]:
            run = subprocess.run([cli, "export", "--format", fmt, "--out", tmp / fmt,
                                  "--trusted-keys", tmp / "team.keys", tmp / "files"],
                                 capture_output=True, text=True)
            check(f"{fmt}: export exits 1, the worst file being invalid", run.returncode == 1,
                  run.stderr + run.stdout[-2000:])

        # What was left out, and that nothing of it got in.
        rejected = [json.loads(line) for line in (tmp / "ndjson" / "rejected.ndjson").open()]
        names = sorted({Path(r["path"]).name for r in rejected})
        check("the tampered and the stranger's files are rejected, and only they",
              names == expected["rejected"], names)
        verdicts = {Path(r["path"]).name: r["verdict"] for r in rejected}
        check("with their verdicts",
              verdicts == {"tampered.json": "invalid", "stranger.json": "untrusted_signer"},
              verdicts)
        lines = (tmp / "ndjson" / "summaries.ndjson").read_text().splitlines()
        check("every other file is exported", len(lines) == expected["exported"], len(lines))
        stranger_id = next(r["documentId"] for r in rejected if r["path"].endswith("stranger.json"))
        exported_ids = {json.loads(line)["documentId"] for line in lines}
        check("the stranger's document is in no export", stranger_id not in exported_ids)
        check("nor is the tampered text",
              all("Southshire" not in p.read_text(encoding="utf-8")
                  for d in ["ndjson", "csv"] for p in (tmp / d).iterdir()
                  if not p.name.startswith("rejected")))

        # The three questions, as the mapping writes them.
        blocks = sql_blocks()
        check("the mapping has the setup and three questions",
              sorted(blocks) == ["escalations", "overdue", "services", "setup"], sorted(blocks))
        con = duckdb.connect()
        os.chdir(tmp / "ndjson")
        con.execute(blocks["setup"])
        con.execute(f"SET VARIABLE as_of = DATE '{expected['asOf']}'")
        for question, key in [("services", "services"), ("escalations", "escalations"),
                              ("overdue", "overdueActions")]:
            found = rows(con, blocks[question])
            check(f"{question}: the planted answers", found == expected[key],
                  f"found {found}\n     expected {expected[key]}")
        latest = con.execute("SELECT count(*) FROM latest").fetchone()[0]
        amended = sum(1 for line in lines if '"amends"' in line)
        check("latest leaves out each amended review's first version",
              latest == len(lines) - amended and amended > 0, (latest, amended))

        # The CSV tables, read by DuckDB as the mapping says, give the first answer again.
        os.chdir(tmp / "csv")
        csv = lambda name: (f"read_csv('{name}.csv', header = true, all_varchar = true, "
                            "allow_quoted_nulls = false)")
        found = rows(con, f"""
            WITH latest AS (
              SELECT documentId FROM {csv('summaries')} s
              WHERE NOT EXISTS (SELECT 1 FROM {csv('summaries')} a
                                WHERE a."previous.id" = s.documentId))
            SELECT r.kind AS service_type, count(*) AS reviewed,
                   count(*) FILTER (WHERE r.needsMet IN ('partly', 'not-at-all')) AS falls_short
            FROM {csv('services_resources')} r JOIN latest USING (documentId)
            GROUP BY 1 ORDER BY 1""")
        found = [[k, int(n), int(s)] for k, n, s in found]
        check("CSV: the first answer again, from the tables", found == expected["services"],
              f"found {found}\n     expected {expected['services']}")
        counts = rows(con, f"""SELECT count(*), count(*) FILTER (WHERE "services.resources.count" = '2')
                               FROM {csv('summaries')}""")
        check("CSV: one row per summary, each counting its services",
              counts == [[expected["exported"], expected["exported"]]], counts)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
