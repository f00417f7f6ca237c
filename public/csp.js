// Narrows the page's Content-Security-Policy before anything else loads. Policies only ever
// tighten, so this one removes the OpenStreetMap tile host from the baseline in index.html unless
// the user switched tiles on (a choice kept in localStorage; switching reloads the page).
(function () {
  var tiles = false;
  try {
    tiles = window.localStorage.getItem("conflict-mapper.tiles") === "osm";
  } catch (e) {
    tiles = false;
  }
  var meta = document.createElement("meta");
  meta.httpEquiv = "Content-Security-Policy";
  meta.content =
    "img-src 'self' data:" + (tiles ? " https://tile.openstreetmap.org" : "") + "; connect-src 'self'";
  document.head.appendChild(meta);
})();
