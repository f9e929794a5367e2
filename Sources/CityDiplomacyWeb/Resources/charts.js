// CityDiplomacy observatory: each chart's PNG, drawn by the browser.
//
// The server has no font rasteriser, so it offers a chart as SVG and CSV only; the browser has the
// fonts. This script shows the PNG link under every figure (hidden without the script) and, when
// it is followed, fetches the chart's standalone SVG, draws it onto a canvas at twice its size on
// white, and saves the canvas as PNG. It loads nothing from elsewhere and writes no inline code.
(function () {
  "use strict";

  var SCALE = 2;

  function save(url, filename) {
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function loadImage(url) {
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () { resolve(image); };
      image.onerror = function () { reject(new Error("the chart's SVG could not be drawn")); };
      image.src = url;
    });
  }

  function toBlob(canvas) {
    return new Promise(function (resolve, reject) {
      canvas.toBlob(function (blob) {
        if (blob) { resolve(blob); } else { reject(new Error("the canvas could not be saved as PNG")); }
      }, "image/png");
    });
  }

  // The chart at `svgAddress` as a PNG blob, SCALE times its size.
  function drawPNG(svgAddress) {
    var svgURL;
    return fetch(svgAddress, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("the chart's SVG answered " + response.status); }
        return response.blob();
      })
      .then(function (blob) {
        svgURL = URL.createObjectURL(new Blob([blob], { type: "image/svg+xml" }));
        return loadImage(svgURL);
      })
      .then(function (image) {
        var canvas = document.createElement("canvas");
        canvas.width = Math.ceil(image.naturalWidth * SCALE);
        canvas.height = Math.ceil(image.naturalHeight * SCALE);
        var context = canvas.getContext("2d");
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        return toBlob(canvas);
      })
      .finally(function () {
        if (svgURL) { URL.revokeObjectURL(svgURL); }
      });
  }

  function offerPNG(link) {
    link.setAttribute("aria-busy", "true");
    drawPNG(link.getAttribute("href"))
      .then(function (png) {
        var url = URL.createObjectURL(png);
        save(url, link.getAttribute("data-png"));
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        link.removeAttribute("data-failed");
      })
      .catch(function (error) {
        link.setAttribute("data-failed", String(error && error.message || error));
        if (window.console) { console.error("PNG of " + link.getAttribute("href") + ": ", error); }
      })
      .finally(function () { link.removeAttribute("aria-busy"); });
  }

  // `#check-png` at the end of a page's address draws the page's first chart as PNG and, instead
  // of saving it, writes the outcome on the page (`data-png-check` on <html>: "ok 1440x596" or the
  // error), for scripts/browser-check.sh to read from the DOM headless Chromium dumps.
  function checkPNG() {
    var root = document.documentElement;
    var link = document.querySelector("a[data-png]");
    if (!link) { root.setAttribute("data-png-check", "no chart on this page"); return; }
    drawPNG(link.getAttribute("href"))
      .then(function (png) { return createImageBitmap(png); })
      .then(function (bitmap) { root.setAttribute("data-png-check", "ok " + bitmap.width + "x" + bitmap.height); })
      .catch(function (error) { root.setAttribute("data-png-check", "failed: " + (error && error.message || error)); });
  }

  var offers = document.querySelectorAll(".png-download");
  for (var i = 0; i < offers.length; i++) { offers[i].hidden = false; }

  if (window.location.hash === "#check-png") { checkPNG(); }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-png]");
    if (!link) { return; }
    event.preventDefault();
    offerPNG(link);
  });
})();
