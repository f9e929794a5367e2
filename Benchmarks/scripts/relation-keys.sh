#!/usr/bin/env bash
# What the relations' table and indexes cost SQLite with text keys, as the schema has them, and
# with integer keys (a number for each city and for the dataset), on the relations of one
# imported dataset: the figure behind the plan to number cities and relations (issue #14).
#
#     bash Benchmarks/scripts/relation-keys.sh DATABASE DATASET_ID
#
# DATABASE is a citydip database into which DATASET_ID was imported, for instance
#     python3 Benchmarks/scripts/make-synthetic.py 1000000 /tmp/s/synthetic-1000000.csv
#     citydip import /tmp/s/synthetic-1000000.csv --format wikipedia-csv --db /tmp/s/db.sqlite
#     bash Benchmarks/scripts/relation-keys.sh /tmp/s/db.sqlite synthetic-1000000
#
# It reads DATABASE and writes nothing to it: both layouts are made in a scratch database beside
# it, by the `sqlite3` shell (Debian's `sqlite3` package), with no journal, one thread and a
# 128 MB cache, so that the two layouts differ in nothing but their keys. It prints each
# statement's time, then each table's and index's size. The indexes are those of schema v15; in
# the integer layout a relation's text id is not stored (it is made from its dataset, cities and
# kind) and needs no index of its own.
set -euo pipefail
database=${1:?usage: relation-keys.sh DATABASE DATASET_ID}
dataset=${2:?usage: relation-keys.sh DATABASE DATASET_ID}
command -v sqlite3 >/dev/null || { echo "relation-keys.sh: needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 2; }
[ -f "$database" ] || { echo "relation-keys.sh: no database at $database" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The dataset id is passed as a parameter, never pasted into the SQL; parameters are set after
# `temp_store`, whose change drops the temporary database that holds them.
sqlite3 "$scratch/keys.sqlite" <<SQL
.bail on
PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
.parameter init
.parameter set @dataset '$(printf "%s" "$dataset" | sed "s/'/''/g")'
ATTACH '$(printf "%s" "$database" | sed "s/'/''/g")' AS source;
CREATE TABLE city_number (id TEXT PRIMARY KEY, number INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO city_number SELECT id, row_number() OVER (ORDER BY id) FROM source.city WHERE dataset_id = @dataset;
CREATE TEMP TABLE rows AS SELECT * FROM source.relation WHERE dataset_id = @dataset;
CREATE TEMP TABLE numbered AS
    SELECT r.*, c.number AS city, p.number AS partner FROM rows r
    JOIN city_number c ON c.id = r.city_id JOIN city_number p ON p.id = r.partner_id;
SELECT 'relations: ' || count(*) FROM numbered;
-- No relations of that dataset: stop here (with .bail on) rather than time empty tables.
CREATE TEMP TABLE found_relations (count INTEGER CHECK (count > 0));
INSERT INTO found_relations SELECT count(*) FROM numbered;
.print "-- text keys: rows, then each index"
.timer on
CREATE TABLE text_keys ("id" TEXT NOT NULL, "dataset_id" TEXT NOT NULL, "city_id" TEXT NOT NULL, "partner_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL, "status" TEXT NOT NULL, "signed" TEXT, "signed_year_min" INTEGER, "signed_year_max" INTEGER, "notes" TEXT,
    "period_placements" TEXT NOT NULL, "position" INTEGER NOT NULL, "flags" TEXT NOT NULL, "import_rows" TEXT NOT NULL, "notes_fa" TEXT);
INSERT INTO text_keys SELECT id, dataset_id, city_id, partner_id, kind, status, signed, signed_year_min, signed_year_max, notes,
    period_placements, position, flags, import_rows, notes_fa FROM rows ORDER BY position;
CREATE INDEX text_on_dataset_position ON text_keys (dataset_id, position);
CREATE INDEX text_on_kind ON text_keys (kind, dataset_id, position);
CREATE UNIQUE INDEX text_on_id ON text_keys (id);
CREATE UNIQUE INDEX text_on_unordered_pair ON text_keys (dataset_id, min(city_id, partner_id), max(city_id, partner_id), kind);
CREATE INDEX text_on_city ON text_keys (city_id, partner_id, dataset_id, position);
CREATE INDEX text_on_partner ON text_keys (partner_id, city_id, dataset_id, position);
.timer off
.print "-- integer keys: rows, then each index"
.timer on
CREATE TABLE integer_keys ("dataset" INTEGER NOT NULL, "city" INTEGER NOT NULL, "partner" INTEGER NOT NULL,
    "kind" TEXT NOT NULL, "status" TEXT NOT NULL, "signed" TEXT, "signed_year_min" INTEGER, "signed_year_max" INTEGER, "notes" TEXT,
    "period_placements" TEXT NOT NULL, "position" INTEGER NOT NULL, "flags" TEXT NOT NULL, "import_rows" TEXT NOT NULL, "notes_fa" TEXT);
INSERT INTO integer_keys SELECT 1, city, partner, kind, status, signed, signed_year_min, signed_year_max, notes,
    period_placements, position, flags, import_rows, notes_fa FROM numbered ORDER BY position;
CREATE INDEX integer_on_dataset_position ON integer_keys (dataset, position);
CREATE INDEX integer_on_kind ON integer_keys (kind, dataset, position);
CREATE UNIQUE INDEX integer_on_unordered_pair ON integer_keys (dataset, min(city, partner), max(city, partner), kind);
CREATE INDEX integer_on_city ON integer_keys (city, partner, dataset, position);
CREATE INDEX integer_on_partner ON integer_keys (partner, city, dataset, position);
.timer off
.print "-- sizes (MB)"
SELECT name, round(sum(pgsize) / 1048576.0, 1) FROM dbstat
    WHERE name LIKE 'text_%' OR name LIKE 'integer_%' GROUP BY name ORDER BY name;
SQL
