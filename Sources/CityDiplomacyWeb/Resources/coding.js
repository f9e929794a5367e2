// CityDiplomacy observatory: coding a document's passage by selecting it.
//
// The document page renders the text in #document-text so that the element's text is the
// document's text exactly. When a signed-in coder selects a passage of it, this script counts the
// selection's offsets as the server counts them — in Unicode code points (scalars), not in the
// UTF-16 units of JavaScript strings — and fills the coding form's hidden start and end fields
// and its START:END field, and shows the passage. Without the script the form takes START:END or
// a quotation typed in. It loads nothing from elsewhere and writes no inline code.
(function () {
  "use strict";

  // The number of code points of a string: a surrogate pair (an emoji, a rare CJK character)
  // is one code point, however JavaScript counts its length.
  function codePoints(text) {
    var count = 0;
    for (var i = 0; i < text.length; i++) {
      var unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        var next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) { i++; }
      }
      count++;
    }
    return count;
  }

  // The selection's offsets in the element's text, as [start, end] in code points, with the
  // passage; null where the selection is empty or outside the element. The part of a selection
  // that runs beyond the element is left out.
  function selectionOffsets(element, range) {
    if (!range || !range.intersectsNode(element)) { return null; }
    var whole = element.ownerDocument.createRange();
    whole.selectNodeContents(element);
    var selected = range.cloneRange();
    if (selected.compareBoundaryPoints(Range.START_TO_START, whole) < 0) { selected.setStart(whole.startContainer, whole.startOffset); }
    if (selected.compareBoundaryPoints(Range.END_TO_END, whole) > 0) { selected.setEnd(whole.endContainer, whole.endOffset); }
    if (selected.collapsed) { return null; }
    var before = element.ownerDocument.createRange();
    before.setStart(whole.startContainer, whole.startOffset);
    before.setEnd(selected.startContainer, selected.startOffset);
    var passage = selected.toString();
    var start = codePoints(before.toString());
    return { start: start, end: start + codePoints(passage), passage: passage };
  }

  function setUp() {
    var text = document.getElementById("document-text");
    var form = document.getElementById("code-form");
    if (!text || !form) { return; }
    var startField = document.getElementById("code-start");
    var endField = document.getElementById("code-end");
    var spanField = document.getElementById("code-span");
    var quoteField = form.elements.namedItem("quote");
    var shown = document.getElementById("selected-passage");
    var shownLine = document.getElementById("selected-passage-line");

    function take() {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) { return; }
      var offsets = selectionOffsets(text, selection.getRangeAt(0));
      // A click elsewhere (on the form) must not clear a passage chosen before.
      if (!offsets) { return; }
      startField.value = String(offsets.start);
      endField.value = String(offsets.end);
      spanField.value = offsets.start + ":" + offsets.end;
      if (quoteField) { quoteField.value = ""; }
      shown.textContent = offsets.passage;
      shownLine.hidden = false;
    }

    // What the coder types replaces what was selected.
    function forgetSelection() {
      startField.value = "";
      endField.value = "";
      shownLine.hidden = true;
    }

    text.addEventListener("mouseup", take);
    text.addEventListener("keyup", take);
    text.addEventListener("touchend", take);
    spanField.addEventListener("input", forgetSelection);
    if (quoteField) {
      quoteField.addEventListener("input", function () { forgetSelection(); spanField.value = ""; });
    }
  }

  if (typeof document !== "undefined") {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setUp);
    } else {
      setUp();
    }
  }
  if (typeof module !== "undefined") { module.exports = { codePoints: codePoints, selectionOffsets: selectionOffsets }; }
})();
