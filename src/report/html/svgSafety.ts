/**
 * Is a server-rendered SVG a plain drawing? The report inlines each chart's SVG (the fallback
 * shown before, or instead of, the live drawing), so the SVG must not run script or load
 * anything. The check reads the MARKUP — element names, attribute names, link targets and
 * styles — and never the text: a scenario, channel or pool name is text (Vega escapes it), so
 * "Support @import team", "phone online=yes" or "L2 src=http://intranet" in a title, a label or
 * an aria-label is harmless and must not fail the report.
 *
 * Refused: an element that runs or embeds something (script, foreignObject, iframe, object,
 * embed, an image, a style sheet link), an event-handler attribute (on…), a link (href,
 * xlink:href, src) anywhere but to an element of the same drawing ("#id"), and in a style
 * attribute or <style> element an @import, a url() that is not "#id", or an expression().
 * Anything the tokenizer cannot read (a tag not closed) is refused too.
 */

const FORBIDDEN_ELEMENTS = new Set(["script", "foreignobject", "iframe", "object", "embed", "image", "img", "link", "meta", "base", "use-external", "audio", "video", "handler", "listener", "animation", "set", "animate"]);
const LINK_ATTRIBUTES = new Set(["href", "xlink:href", "src"]);

/** What makes `svg` unsafe (one phrase), or null when it is a plain drawing. */
export function unsafeSvgMarkup(svg: string): string | null {
  let i = 0, inStyle = false;
  const n = svg.length;
  while (i < n) {
    const lt = svg.indexOf("<", i);
    if (lt < 0) {
      if (inStyle) return styleProblem(svg.slice(i));
      return null;
    }
    if (inStyle) {
      const p = styleProblem(svg.slice(i, lt));
      if (p !== null) return p;
    }
    if (svg.startsWith("<!--", lt)) {
      const end = svg.indexOf("-->", lt + 4);
      if (end < 0) return "a comment that is not closed";
      i = end + 3;
      continue;
    }
    if (svg.startsWith("<![CDATA[", lt)) {
      const end = svg.indexOf("]]>", lt + 9);
      if (end < 0) return "a CDATA section that is not closed";
      if (inStyle) {
        const p = styleProblem(svg.slice(lt + 9, end));
        if (p !== null) return p;
      }
      i = end + 3;
      continue;
    }
    if (svg[lt + 1] === "?" || svg[lt + 1] === "!") return "a processing instruction or declaration inside the drawing";
    const tag = readTag(svg, lt);
    if (tag === null) return "a tag that is not closed";
    const name = tag.name.toLowerCase();
    if (tag.closing) {
      if (name === "style") inStyle = false;
    } else {
      if (FORBIDDEN_ELEMENTS.has(name)) return `an element <${tag.name}>`;
      for (const [attr, value] of tag.attributes) {
        const a = attr.toLowerCase();
        if (a.startsWith("on")) return `an event handler (${attr})`;
        if (LINK_ATTRIBUTES.has(a) && !value.trim().startsWith("#")) return `a link to outside the drawing (${attr})`;
        if (a === "style") {
          const p = styleProblem(value);
          if (p !== null) return p;
        }
      }
      if (name === "style" && !tag.selfClosing) inStyle = true;
    }
    i = tag.end;
  }
  return null;
}

/** A style sheet's or style attribute's problem (an import, an outside url(), an expression()), or null. */
function styleProblem(css: string): string | null {
  const text = decodeEntities(css);
  if (/@import/i.test(text)) return "an @import in a style";
  if (/expression\s*\(/i.test(text)) return "an expression() in a style";
  const urls = text.match(/url\s*\(\s*(['"]?)([^)'"]*)\1\s*\)/gi) ?? [];
  for (const u of urls) if (!/url\s*\(\s*['"]?\s*#/i.test(u)) return "a url() to outside the drawing in a style";
  if (/url\s*\(/i.test(text) && urls.length === 0) return "a url() the check cannot read in a style";
  return null;
}

/** The character references an attribute value may use to hide a word (&#64;import). */
function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(quot|apos|lt|gt|amp);/g, (_, e: string) => ({ quot: '"', apos: "'", lt: "<", gt: ">", amp: "&" })[e] ?? "");
}

interface Tag { name: string; closing: boolean; selfClosing: boolean; attributes: [string, string][]; end: number }

/** The tag starting at `lt` ("<"), or null when it is not closed or cannot be read. */
function readTag(s: string, lt: number): Tag | null {
  let i = lt + 1;
  const closing = s[i] === "/";
  if (closing) i++;
  const nameMatch = /^[A-Za-z][\w:.-]*/.exec(s.slice(i, i + 200));
  if (nameMatch === null) return null;
  const name = nameMatch[0];
  i += name.length;
  const attributes: [string, string][] = [];
  for (;;) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (i >= s.length) return null;
    if (s[i] === ">") return { name, closing, selfClosing: false, attributes, end: i + 1 };
    if (s[i] === "/" && s[i + 1] === ">") return { name, closing, selfClosing: true, attributes, end: i + 2 };
    const attrMatch = /^[^\s=>/"']+/.exec(s.slice(i, i + 200));
    if (attrMatch === null) return null;
    const attr = attrMatch[0];
    i += attr.length;
    while (i < s.length && /\s/.test(s[i])) i++;
    let value = "";
    if (s[i] === "=") {
      i++;
      while (i < s.length && /\s/.test(s[i])) i++;
      const q = s[i];
      if (q === '"' || q === "'") {
        const end = s.indexOf(q, i + 1);
        if (end < 0) return null;
        value = s.slice(i + 1, end);
        i = end + 1;
      } else {
        const m = /^[^\s>]+/.exec(s.slice(i, i + 10000));
        if (m === null) return null;
        value = m[0];
        i += value.length;
      }
    }
    attributes.push([attr, decodeEntities(value)]);
  }
}
