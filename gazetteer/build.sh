#!/usr/bin/env bash
# Rebuilds every data file the site serves from the pinned sources, byte for byte:
#   public/basemap/world.geojson
#   public/gazetteer/world.cmg
# Run from anywhere: gazetteer/build.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/conflict-mapper/target}"
sources=$(gazetteer/fetch.sh)
cargo run --quiet --release -p gazetteer -- basemap "$sources" public/basemap/world.geojson
cargo run --quiet --release -p gazetteer -- index "$sources" public/basemap/world.geojson \
  gazetteer/supplement.tsv public/gazetteer/world.cmg
