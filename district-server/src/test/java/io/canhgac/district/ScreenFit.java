package io.canhgac.district;

import org.openqa.selenium.WebElement;

import java.util.List;

/** Layout checks shared by the browser tests' screen sizes. */
final class ScreenFit {

    private ScreenFit() {
    }

    /**
     * Shown elements of a page section reaching past either side of the screen. A registry table may
     * scroll in its own box, but the editor in it must fit that box as it is first shown (not scrolled sideways).
     */
    static List<String> outside(HeadlessChromium chromium, WebElement section, int width) {
        return chromium.script("""
                const [section, width] = arguments;
                const out = [];
                // elements, and the text in them: a line that does not wrap runs out of its box
                const check = (node, element, rects, name) => {
                  const box = element.closest('.table-wrap');
                  if (box && !element.closest('.edit-row td > *')) return;
                  if (getComputedStyle(element).visibility === 'hidden') return;
                  const [left, right] = box ? [box.getBoundingClientRect().left, box.getBoundingClientRect().left + box.clientWidth]
                    : [0, width];
                  for (const r of rects) {
                    if (r.width > 0 && (r.left < left - 0.5 || r.right > right + 0.5)) {
                      out.push(name + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' (room ' + Math.round(left) + '..'
                        + Math.round(right) + ')');
                      return;
                    }
                  }
                };
                section.querySelectorAll('*').forEach(e => check(e, e, [e.getBoundingClientRect()],
                  e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')));
                const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  if (!n.textContent.trim()) continue;
                  const range = document.createRange();
                  range.selectNodeContents(n);
                  check(n, n.parentElement, range.getClientRects(), '"' + n.textContent.trim().slice(0, 40) + '"');
                }
                return out;""", section, width);
    }
}
