"""Times the Python geoparsers geotext and flashgeotext on the benchmark text, in process
(import and gazetteer loading excluded), and prints words per second. Run by scripts/bench
inside a virtualenv with the pinned versions."""
import sys
import time

text = open(sys.argv[1], encoding="utf-8").read()
words = len(text.split())


def best_of(runs, f):
    best = float("inf")
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - started)
    return best, result


from geotext import GeoText  # noqa: E402

seconds, found = best_of(3, lambda: GeoText(text))
print(f"geotext 0.4.0: {words} words, {len(found.cities) + len(found.countries)} mentions in {seconds:.3f} s = {words / seconds:.0f} words/s")

from flashgeotext.geotext import GeoText as FlashGeoText  # noqa: E402

started = time.perf_counter()
flash = FlashGeoText()
loaded = time.perf_counter() - started
seconds, found = best_of(3, lambda: flash.extract(input_text=text))
count = sum(v["count"] for kind in found.values() for v in kind.values())
print(f"flashgeotext 0.5.5: {words} words, {count} mentions in {seconds:.3f} s = {words / seconds:.0f} words/s (gazetteer loaded in {loaded * 1e3:.0f} ms)")
